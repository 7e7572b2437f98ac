// The 1.0 API a host builds on (contract sections 3, 5 and 10): show() always settles, every
// event carries the credential's id, credential-close says where the close came from,
// credential-saved says how the key arrived, and the mode follows credential-id.
import { expect, fixture, html } from '@open-wc/testing';
import type { CredentialOverlay, CredentialSavedEvent } from '../src/index.js';
import '../src/index.js';
import '../src/providers/azure-openai.js';
import { button, field, fill, openOverlay, paste, record, sendKeys } from './helpers.js';
import { keys } from './keys.js';

const heading = (el: CredentialOverlay) => el.shadowRoot!.querySelector('h2')!.textContent!.trim();
/** `promise`'s outcome now, or "pending" when it has none after the queued work ran. */
const outcome = <T>(promise: Promise<T>) => Promise.race([promise, new Promise<'pending'>((r) => setTimeout(() => r('pending')))]);

describe('show()', () => {
  it('resolves true once the dialog is open and focus is on the first field', async () => {
    const el = await fixture<CredentialOverlay>(html`<credential-overlay></credential-overlay>`);
    const opened = await el.show();
    expect(opened).to.equal(true);
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'Credential Name'));
    expect(await el.show(), 'already open').to.equal(true);
  });

  it('resolves false when close() comes before the first render', async () => {
    const el = document.createElement('credential-overlay');
    document.body.append(el);
    try {
      const opened = el.show();
      el.close();
      expect(await outcome(opened)).to.equal(false);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    } finally {
      el.remove();
    }
  });

  it('resolves false when closed while never connected', async () => {
    const el = document.createElement('credential-overlay');
    const opened = el.show();
    expect(await outcome(opened)).to.equal('pending');
    el.close();
    expect(await outcome(opened)).to.equal(false);
  });

  it('resolves false when removed before it opened, and opens when connected again', async () => {
    const el = document.createElement('credential-overlay');
    document.body.append(el);
    try {
      const opened = el.show();
      el.remove();
      expect(await outcome(opened)).to.equal(false);
      document.body.append(el);
      await el.updateComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    } finally {
      el.remove();
    }
  });
});

describe('credential-close: reason and source', () => {
  const cases: Array<[string, (el: CredentialOverlay) => Promise<unknown> | void, { reason: string; source: string }]> = [
    ['Save', (el) => (fill(el, { key: keys.project }), button(el, 'Save').click()), { reason: 'saved', source: 'save' }],
    ['Cancel', (el) => button(el, 'Cancel').click(), { reason: 'cancel', source: 'cancel-button' }],
    ['Close', (el) => button(el, 'Close').click(), { reason: 'cancel', source: 'close-button' }],
    ['Escape', () => sendKeys({ press: 'Escape' }), { reason: 'cancel', source: 'escape' }],
    ['close()', (el) => el.close(), { reason: 'api', source: 'api' }],
    ['open = false', (el) => void (el.open = false), { reason: 'api', source: 'api' }],
  ];
  for (const [what, act, expected] of cases) {
    it(`${what}: ${expected.reason}, ${expected.source}, with the id`, async () => {
      const el = await openOverlay(html`<credential-overlay credential-id="cred_42" existing-key-hint="sk-proj-…x9Qz" credential-name="Prod"></credential-overlay>`);
      const closes = record<CustomEvent>(el, 'credential-close');
      await act(el);
      expect(closes.map((e) => e.detail)).to.deep.equal([{ id: 'cred_42', provider: 'openai', ...expected }]);
      expect(el.open).to.equal(false);
    });
  }
});

describe('credential-id', () => {
  it('alone opens the editor, and is the id of every event', async () => {
    const el = await openOverlay(html`<credential-overlay credential-id="c-7" credential-name="Prod"></credential-overlay>`);
    expect(heading(el)).to.equal('Edit Credential');
    const events = ['credential-saved', 'credential-request-close', 'credential-cancel', 'credential-close'].map((t) => record<CustomEvent>(el, t));
    button(el, 'Cancel').click();
    await el.show();
    button(el, 'Save').click();
    for (const list of events) {
      expect(list.length, list[0]?.type).to.be.greaterThan(0);
      for (const e of list) expect(e.detail.id, e.type).to.equal('c-7');
    }
    // A saved key whose hint is unknown: the field says a key is saved.
    expect(events[0][0].detail).to.include({ mode: 'edit', apiKey: '', keyHint: '', keySource: 'kept' });
  });

  it('is "" in every event in add mode', async () => {
    const el = await openOverlay();
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { key: keys.project });
    button(el, 'Save').click();
    expect(saved[0].detail).to.include({ id: '', mode: 'add', keySource: 'typed' });
  });

  for (const [what, id] of [
    ['longer than 200 characters', `c${'x'.repeat(200)}`],
    ['with a control character', 'c\u0007d'],
  ]) {
    it(`is ignored ${what}, with one warning: add mode`, async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const el = await openOverlay(html`<credential-overlay .credentialId=${id}></credential-overlay>`);
        expect(heading(el)).to.equal('Add New Credential');
        el.close();
        await el.show();
        const saved = record<CredentialSavedEvent>(el, 'credential-saved');
        fill(el, { key: keys.project });
        button(el, 'Save').click();
        expect(saved[0].detail).to.include({ id: '', mode: 'add' });
        expect(warnings.filter((w) => w.includes('credential-id'))).to.have.length(1);
      } finally {
        console.warn = warn;
      }
    });
  }
});

describe('edit mode details', () => {
  it('reports the type of a kept Azure key as add mode would ("resource")', async () => {
    const el = await openOverlay(html`<credential-overlay provider="azure-openai" credential-id="az" existing-key-hint="…cdef" credential-name="Azure"
      .values=${{ endpoint: 'https://contoso.openai.azure.com', deployment: 'gpt-4o' }}></credential-overlay>`);
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    button(el, 'Save').click();
    expect(saved[0].detail).to.include({ keyType: 'resource', keyHint: '…cdef', keySource: 'kept' });
  });

  it('is not dirty for whitespace only: dirty compares trimmed, as changed does', async () => {
    const el = await openOverlay(html`<credential-overlay credential-id="c1" credential-name="Prod"></credential-overlay>`);
    const requests = record<CustomEvent>(el, 'credential-request-close');
    requests.length = 0;
    el.addEventListener('credential-request-close', (e) => e.preventDefault(), { once: true });
    paste(field(el, 'Credential Name'), 'Prod  ');
    button(el, 'Cancel').click();
    expect(requests[0].detail.dirty).to.equal(false);
    paste(field(el, 'Credential Name'), 'Prod 2');
    el.addEventListener('credential-request-close', (e) => e.preventDefault(), { once: true });
    button(el, 'Cancel').click();
    expect(requests[1].detail.dirty).to.equal(true);
  });
});
