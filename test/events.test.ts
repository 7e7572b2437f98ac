import { aTimeout, expect, html } from '@open-wc/testing';
import type { CredentialCancelEvent, CredentialOverlay, CredentialSavedEvent } from '../src/index.js';
import { button, dialog, expectFocus, expectSaving, field, fill, openOverlay, record, sendKeys } from './helpers.js';
import { keys } from './keys.js';

/** A promise with its settle functions. */
function deferred() {
  let resolve!: (v?: unknown) => void;
  let reject!: (e?: unknown) => void;
  const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const values = (el: CredentialOverlay) =>
  ['Credential Name', 'Credential Description', 'API Key Value'].map((l) => field(el, l).value);

async function filled() {
  const el = await openOverlay();
  fill(el, { name: 'Prod', description: 'nightly', key: keys.project });
  return el;
}

const formError = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();

describe('preventDefault()', () => {
  it('keeps the overlay open with every value', async () => {
    const el = await filled();
    const cancels = record(el, 'credential-cancel');
    el.addEventListener('credential-saved', (e) => e.preventDefault());
    button(el, 'Save').click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    expect(values(el)).to.deep.equal(['Prod', 'nightly', keys.project]);
    expect(cancels).to.have.length(0);
  });

  it('keeps it open after waitUntil promises fulfil too', async () => {
    const el = await filled();
    const d = deferred();
    el.addEventListener('credential-saved', (e) => {
      e.preventDefault();
      e.detail.waitUntil(d.promise);
    });
    button(el, 'Save').click();
    d.resolve();
    await aTimeout(0);
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    expect(button(el, 'Save').disabled).to.equal(false);
    expect(values(el)).to.deep.equal(['Prod', 'nightly', keys.project]);
  });
});

describe('waitUntil()', () => {
  it('shows a busy state that ignores Save, Cancel, Close and Escape, then closes and clears', async () => {
    const el = await filled();
    const saved = record(el, 'credential-saved');
    const cancels = record(el, 'credential-cancel');
    const d = deferred();
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(d.promise));
    button(el, 'Save').click();
    await el.updateComplete;

    const save = expectSaving(el);

    save.click();
    button(el, 'Cancel').click();
    button(el, 'Close').click();
    field(el, 'Credential Name').focus();
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    expect(saved).to.have.length(1);
    expect(cancels).to.have.length(0);

    d.resolve();
    await aTimeout(0);
    expect(dialog(el).open).to.equal(false);
    expect(cancels).to.have.length(0);
    el.show();
    await el.updateComplete;
    expect(values(el)).to.deep.equal(['', '', '']);
  });

  it('on rejection stays open, keeps every value, shows the masked message and lets Save work again', async () => {
    const el = await filled();
    const saved = record(el, 'credential-saved');
    el.addEventListener('credential-saved', (e) =>
      e.detail.waitUntil(Promise.reject(new Error(`Server refused ${e.detail.apiKey}: quota`))),
    );
    button(el, 'Save').focus(); // as a pointer click does
    button(el, 'Save').click();
    await aTimeout(0);
    await el.updateComplete;

    expect(dialog(el).open).to.equal(true);
    expect(values(el)).to.deep.equal(['Prod', 'nightly', keys.project]);
    expect(formError(el)).to.equal('Server refused sk-…: quota');
    expect(button(el, 'Save').disabled).to.equal(false);
    await el.updateComplete;
    expectFocus(button(el, 'Save'));

    button(el, 'Save').click();
    expect(saved).to.have.length(2);
  });

  it('shows a generic message when the reason has none', async () => {
    for (const reason of [undefined, 'plain string', { code: 500 }, new Error('')]) {
      const el = await filled();
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(Promise.reject(reason)));
      button(el, 'Save').click();
      await aTimeout(0);
      await el.updateComplete;
      expect(formError(el)).to.equal('The credential could not be saved. Try again.');
    }
  });

  it('waits for every promise; the first rejection wins', async () => {
    const el = await filled();
    const a = deferred();
    const b = deferred();
    el.addEventListener('credential-saved', (e) => {
      e.detail.waitUntil(a.promise);
      e.detail.waitUntil(b.promise);
    });
    button(el, 'Save').click();
    a.resolve();
    await aTimeout(0);
    expect(dialog(el).open).to.equal(true);
    b.reject(new Error('second failed'));
    await aTimeout(0);
    await el.updateComplete;
    expect(formError(el)).to.equal('second failed');
  });

  it('accepts a non-promise value', async () => {
    const el = await filled();
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(42 as never));
    button(el, 'Save').click();
    await aTimeout(0);
    expect(dialog(el).open).to.equal(false);
  });

  it('throws InvalidStateError when called after dispatch', async () => {
    const el = await filled();
    let late: CredentialSavedEvent['detail']['waitUntil'] | undefined;
    el.addEventListener('credential-saved', (e) => (late = e.detail.waitUntil));
    button(el, 'Save').click();
    expect(() => late!(Promise.resolve())).to.throw(DOMException).with.property('name', 'InvalidStateError');
  });

  for (const [how, act] of [
    ['close()', (el: CredentialOverlay) => el.close()],
    ['open = false', (el: CredentialOverlay) => (el.open = false)],
    ['removal', (el: CredentialOverlay) => el.remove()],
  ] as const) {
    it(`${how} while busy closes and clears at once, fires nothing and ignores the outcome`, async () => {
      const el = await filled();
      const cancels = record(el, 'credential-cancel');
      const d = deferred();
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(d.promise));
      button(el, 'Save').click();
      act(el);
      expect(dialog(el).open).to.equal(false);
      expect(values(el)).to.deep.equal(['', '', '']);
      d.reject(new Error('late'));
      await aTimeout(0);
      await el.updateComplete;
      expect(cancels).to.have.length(0);
      expect(formError(el)).to.equal('');
      expect(dialog(el).open).to.equal(false);
    });
  }

  it('close() during dispatch closes and clears, fires no cancel', async () => {
    const el = await filled();
    const cancels = record(el, 'credential-cancel');
    el.addEventListener('credential-saved', (e) => {
      e.preventDefault();
      el.close();
    });
    button(el, 'Save').click();
    expect(dialog(el).open).to.equal(false);
    expect(values(el)).to.deep.equal(['', '', '']);
    await aTimeout(0);
    expect(cancels).to.have.length(0);
  });
});

describe('credential-cancel', () => {
  const sources: Array<[string, (el: CredentialOverlay) => unknown]> = [
    ['cancel-button', (el) => button(el, 'Cancel').click()],
    ['close-button', (el) => button(el, 'Close').click()],
    ['escape', () => sendKeys({ press: 'Escape' })],
    ['api', (el) => el.close()],
    ['api', (el) => (el.open = false)],
    ['api', (el) => el.removeAttribute('open')],
  ];
  for (const [source, act] of sources) {
    it(`reports "${source}" after closing and clearing (${act.toString().slice(6, 40)})`, async () => {
      const el = await filled();
      let state: unknown;
      el.addEventListener('credential-cancel', () => (state = { open: dialog(el).open, values: values(el) }));
      const events = record<CredentialCancelEvent>(el, 'credential-cancel');
      await act(el);
      await el.updateComplete;
      expect(events).to.have.length(1);
      const [event] = events;
      expect(event.detail).to.deep.equal({ id: '', provider: 'openai', source });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.cancelable).to.equal(false);
      expect(state).to.deep.equal({ open: false, values: ['', '', ''] });
    });
  }

  it('does not follow a Save that closed the overlay, nor a close of a closed overlay', async () => {
    const el = await filled();
    const events = record(el, 'credential-cancel');
    button(el, 'Save').click();
    el.close();
    el.open = false;
    await el.updateComplete;
    expect(events).to.have.length(0);
  });

  it('is not fired by removal from the page', async () => {
    const el = await openOverlay(html`<credential-overlay></credential-overlay>`);
    const events = record(el, 'credential-cancel');
    el.remove();
    expect(events).to.have.length(0);
    expect(dialog(el).open).to.equal(false);
  });
});
