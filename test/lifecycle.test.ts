// The overlay's lifecycle events (contract section 5): credential-request-close before a close
// the user asked for, credential-close after every close, show()'s promise, errors from the
// host's server on their fields; and the fixes of issue 15 that came with them.
import { expect, html, waitUntil } from '@open-wc/testing';
import { CredentialFieldError, type CredentialOverlay, type CredentialSavedEvent } from '../src/index.js';
import {
  button,
  description,
  dialog,
  errorOf,
  expectFocus,
  expectSaving,
  fakeClock,
  field,
  fill,
  openOverlay,
  paste,
  record,
  restoreClock,
  sendKeys,
} from './helpers.js';
import { keys } from './keys.js';

const MOCK = `${location.origin}/mock/lifecycle/openai/v1`;
const alertText = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();
const skip = (el: CredentialOverlay) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Save without checking');
/** Every lifecycle event on `el`, in order, as "type:detail". */
function timeline(el: CredentialOverlay) {
  const seen: string[] = [];
  for (const type of ['credential-saved', 'credential-cancel', 'credential-request-close', 'credential-close']) {
    el.addEventListener(type, (e) => {
      const d = (e as CustomEvent).detail;
      seen.push(`${type}:${d.reason ?? d.source ?? d.name}${type === 'credential-close' ? `:open=${el.open}` : ''}`);
    });
  }
  return seen;
}
/** A deferred promise the test settles itself. */
function deferred<T = unknown>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

// No test waits for time to pass: each settles what it controls (a deferred check or
// waitUntil promise), then runs the page's fake clock out (`runAll`), after which anything
// the overlay would still have done, at any delay, has been done.
afterEach(restoreClock);

describe('credential-request-close', () => {
  for (const [source, act] of [
    ['cancel-button', (el: CredentialOverlay) => button(el, 'Cancel').click()],
    ['close-button', (el: CredentialOverlay) => button(el, 'Close').click()],
    ['escape', () => sendKeys({ press: 'Escape' })],
  ] as const) {
    it(`comes before a close by ${source}, with dirty, and preventDefault keeps everything`, async () => {
      const el = await openOverlay(html`<credential-overlay credential-name="Prod"></credential-overlay>`);
      const requests = record<CustomEvent>(el, 'credential-request-close');
      const closes = record<CustomEvent>(el, 'credential-close');
      el.addEventListener('credential-request-close', (e) => e.preventDefault(), { once: true });
      paste(field(el, 'API Key Value'), keys.project);
      const key = field(el, 'API Key Value');
      key.focus();
      await act(el);
      expect(requests.map((e) => ({ ...e.detail }))).to.deep.equal([{ id: '', provider: 'openai', source, dirty: true }]);
      expect(requests[0].cancelable && requests[0].bubbles && requests[0].composed).to.equal(true);
      expect([dialog(el).open, el.open, closes.length]).to.deep.equal([true, true, 0]);
      expect(key.value).to.equal(keys.project);
      if (source !== 'cancel-button' && source !== 'close-button') expectFocus(key);
      // Not prevented: it closes.
      await act(el);
      expect(dialog(el).open).to.equal(false);
      expect(closes.map((e) => e.detail.reason)).to.deep.equal(['cancel']);
    });
  }

  it('says dirty: false when nothing differs from the values it opened with', async () => {
    const el = await openOverlay(html`<credential-overlay credential-name="Prod"></credential-overlay>`);
    const requests = record<CustomEvent>(el, 'credential-request-close');
    paste(field(el, 'Credential Name'), 'Prod EU');
    paste(field(el, 'Credential Name'), 'Prod');
    button(el, 'Cancel').click();
    expect(requests[0].detail.dirty).to.equal(false);
  });

  it('is not fired by close() or while a save is busy', async () => {
    const el = await openOverlay();
    const requests = record(el, 'credential-request-close');
    fill(el, { key: keys.project });
    const pending = deferred();
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(pending.promise));
    button(el, 'Save').click();
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    expect(dialog(el).open).to.equal(true);
    el.close();
    expect(requests).to.have.length(0);
    pending.resolve(undefined);
  });

  it('is not fired by Escape during IME composition', async () => {
    const el = await openOverlay();
    const requests = record(el, 'credential-request-close');
    const name = field(el, 'Credential Name');
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true, composed: true, cancelable: true }));
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 229, bubbles: true, composed: true, cancelable: true }));
    name.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
    dialog(el).dispatchEvent(new Event('cancel', { cancelable: true }));
    name.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true }));
    expect([requests.length, dialog(el).open]).to.deep.equal([0, true]);
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect([requests.length, dialog(el).open]).to.deep.equal([1, false]);
  });
});

describe('credential-close', () => {
  it('follows a save, with reason "saved", once, when open is already false', async () => {
    const el = await openOverlay();
    const seen = timeline(el);
    fill(el, { key: keys.project });
    button(el, 'Save').click();
    expect(seen).to.deep.equal(['credential-saved:Production', 'credential-close:saved:open=false']);
  });

  it('follows a cancel, with reason "cancel"', async () => {
    const el = await openOverlay();
    const seen = timeline(el);
    button(el, 'Cancel').click();
    expect(seen).to.deep.equal(['credential-request-close:cancel-button', 'credential-cancel:cancel-button', 'credential-close:cancel:open=false']);
  });

  it('follows close() while editing, with a cancel of source "api" and reason "api"', async () => {
    const el = await openOverlay();
    const seen = timeline(el);
    el.close();
    expect(seen).to.deep.equal(['credential-cancel:api', 'credential-close:api:open=false']);
  });

  it('is the only event of close() during a live check, which it aborts', async () => {
    const el = await openOverlay(html`<credential-overlay verify></credential-overlay>`);
    const clock = fakeClock();
    const check = deferred<{ ok: true }>();
    let signal: AbortSignal | undefined;
    el.verifier = (_k, ctx) => ((signal = ctx.signal), check.promise);
    const seen = timeline(el);
    fill(el, { key: keys.project });
    button(el, 'Save').click();
    el.close();
    expect(signal?.aborted).to.equal(true);
    check.resolve({ ok: true });
    await clock.runAll();
    expect(seen).to.deep.equal(['credential-close:api:open=false']);
  });

  it('is the only event of close() during a busy save or during the dispatch', async () => {
    for (const when of ['busy', 'dispatch'] as const) {
      const el = await openOverlay();
      const clock = fakeClock();
      const pending = deferred();
      el.addEventListener('credential-saved', (e) => {
        e.detail.waitUntil(pending.promise);
        if (when === 'dispatch') el.close();
      });
      fill(el, { key: keys.project });
      const seen = timeline(el);
      button(el, 'Save').click();
      if (when === 'busy') el.open = false;
      pending.resolve(undefined);
      await clock.runAll();
      clock.restore();
      expect(seen, when).to.deep.equal(['credential-saved:Production', 'credential-close:api:open=false']);
    }
  });

  it('is not fired on removal', async () => {
    const el = await openOverlay();
    const seen = timeline(el);
    el.remove();
    expect(seen).to.deep.equal([]);
  });

  it('keeps a framework-bound open in sync: every close sets open to false before credential-close', async () => {
    const el = await openOverlay();
    let bound = true;
    el.addEventListener('credential-close', () => (bound = el.open));
    for (const act of [() => button(el, 'Cancel').click(), () => el.close(), () => (fill(el, { key: keys.project }), button(el, 'Save').click())]) {
      bound = true;
      await el.show();
      act();
      expect(bound).to.equal(false);
    }
  });
});

describe('show()', () => {
  it('resolves once the dialog is open and focus is placed', async () => {
    const el = document.createElement('credential-overlay');
    document.body.append(el);
    try {
      await el.show();
      expect(dialog(el).open).to.equal(true);
      expectFocus(field(el, 'Credential Name'));
      await el.show(); // already open: resolves at once
    } finally {
      el.remove();
    }
  });

  it('resolves when an overlay shown while disconnected is connected', async () => {
    const el = document.createElement('credential-overlay');
    const clock = fakeClock();
    let done = false;
    const shown = el.show().then(() => (done = true));
    await clock.runAll();
    expect(done).to.equal(false);
    clock.restore();
    document.body.append(el);
    try {
      await shown;
      expect(dialog(el).open).to.equal(true);
    } finally {
      el.remove();
    }
  });
});

describe('server errors on fields (waitUntil rejections with a field)', () => {
  async function rejectWith(reason: unknown) {
    const el = await openOverlay();
    const clock = fakeClock();
    fill(el, { key: keys.project });
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(Promise.reject(reason)), { once: true });
    button(el, 'Save').click();
    await clock.runAll();
    clock.restore();
    return el;
  }

  it('shows a CredentialFieldError on its field, focuses it and announces it', async () => {
    const el = await rejectWith(new CredentialFieldError('name', 'A credential with this name already exists.'));
    const name = field(el, 'Credential Name');
    expect(errorOf(el, name)).to.equal('A credential with this name already exists.');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expectFocus(name);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include('A credential with this name already exists.');
    expect(alertText(el)).to.equal('');
    expect(field(el, 'API Key Value').value).to.equal(keys.project);
    expect(button(el, 'Save').disabled).to.equal(false);
  });

  it('takes any object with field and message, also on a preset field (opening Advanced)', async () => {
    const el = await rejectWith({ field: 'project', message: 'This project does not exist.' });
    expect(el.shadowRoot!.querySelector('details')!.open).to.equal(true);
    const project = field(el, 'Project ID');
    expect(errorOf(el, project)).to.equal('This project does not exist.');
    expectFocus(project);
  });

  it('falls back to the form-level alert for a field that does not exist', async () => {
    const el = await rejectWith(new CredentialFieldError('region', 'No such region.'));
    expect(alertText(el)).to.equal('No such region.');
  });

  it('masks a key-like message', async () => {
    const el = await rejectWith(new CredentialFieldError('apiKey', `Key ${keys.project} was revoked`));
    expect(errorOf(el, field(el, 'API Key Value'))).to.equal('Key sk-… was revoked');
  });
});

describe('issue 15 fixes', () => {
  async function unconfirmed() {
    const el = await openOverlay(html`<credential-overlay verify base-url=${MOCK}></credential-overlay>`);
    fill(el, { key: `sk-proj-demo-DOWN-${keys.project.slice(20)}` });
    button(el, 'Save').click();
    // The mock answers over the network: wait for what it causes to show.
    await waitUntil(() => skip(el), 'Save without checking');
    return el;
  }

  it('editing the key after "could not confirm" removes the message and "Save without checking"', async () => {
    const el = await unconfirmed();
    paste(field(el, 'API Key Value'), keys.project);
    await el.updateComplete;
    expect(skip(el)).to.equal(undefined);
    expect(alertText(el)).to.equal('');
  });

  it('so does editing a field the check sends (Organization ID), but not the name', async () => {
    const el = await unconfirmed();
    paste(field(el, 'Credential Name'), 'Other');
    await el.updateComplete;
    expect(skip(el)).to.not.equal(undefined);
    paste(field(el, 'Organization ID'), 'org-Abc');
    await el.updateComplete;
    expect(skip(el)).to.equal(undefined);
  });

  it('reads "Checking…" on Save while only the check runs, "Saving…" while the host saves', async () => {
    const el = await openOverlay(html`<credential-overlay verify></credential-overlay>`);
    const clock = fakeClock();
    const check = deferred<{ ok: true }>();
    el.verifier = () => check.promise;
    const pending = deferred();
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(pending.promise));
    fill(el, { key: keys.project });
    button(el, 'Save').click();
    // Not runAll: the check's 10-second limit is a pending timer.
    await clock.tick(0);
    expectSaving(el, 'Checking…');
    check.resolve({ ok: true });
    await clock.runAll();
    expectSaving(el, 'Saving…');
    pending.resolve(undefined);
  });

  it('points an invalid field to both its error and its help', async () => {
    const el = await openOverlay();
    fill(el, { key: 'sk-short' });
    button(el, 'Save').click();
    await el.updateComplete;
    const text = description(el, field(el, 'API Key Value'));
    expect(text).to.match(/too short/);
    expect(text).to.include('Authorization: Bearer {api_key}');
  });

  it('falls back to English for a string set to undefined', async () => {
    const el = await openOverlay(html`<credential-overlay .strings=${{ keyHelp: undefined, save: 'Store' }}></credential-overlay>`);
    expect(el.shadowRoot!.querySelector('[part="help"]')!.textContent).to.include('OpenAI receives this key with every request');
    expect(button(el, 'Store')).to.not.equal(undefined);
  });

  it('merges the strings once when they change, not on every render', async () => {
    let reads = 0;
    const strings = {
      get save() {
        reads++;
        return 'Store';
      },
    };
    const el = await openOverlay(html`<credential-overlay .strings=${strings}></credential-overlay>`);
    const after = reads;
    for (let i = 0; i < 3; i++) {
      paste(field(el, 'Credential Name'), `n${i}`);
      el.requestUpdate();
      await el.updateComplete;
    }
    expect(reads).to.equal(after);
    expect(after).to.equal(1);
  });

  it('close() while editing and while checking both end with credential-close', async () => {
    const a = await openOverlay();
    const closesA = record(a, 'credential-close');
    a.close();
    const b = await openOverlay(html`<credential-overlay verify></credential-overlay>`);
    b.verifier = () => new Promise(() => {});
    const closesB = record(b, 'credential-close');
    fill(b, { key: keys.project });
    button(b, 'Save').click();
    b.close();
    expect([closesA.length, closesB.length]).to.deep.equal([1, 1]);
  });
});

describe('a saved event names the saved detail correctly in edit and add mode', () => {
  it('reports mode "add" and every id with a value as changed', async () => {
    const el = await openOverlay();
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { key: keys.project });
    button(el, 'Save').click();
    expect(saved).to.have.length(1);
    expect(saved[0].detail).to.include({ id: '', mode: 'add', keyChanged: true, keySource: 'typed', apiKey: keys.project, keyType: 'project' });
    expect(saved[0].detail.changed).to.deep.equal(['name', 'apiKey']);
  });

  /** An overlay that edits the saved credential c7 ("Production", nightly job, a project key). */
  const editing = () =>
    openOverlay(html`<credential-overlay credential-id="c7" existing-key-hint="sk-proj-…x9Qz" credential-name="Production"
      credential-description="nightly job"></credential-overlay>`);

  it('reports mode "edit", the kept key and only what differs from the saved values as changed', async () => {
    const el = await editing();
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    paste(field(el, 'Credential Description'), 'hourly job');
    button(el, 'Save').click();
    expect(saved).to.have.length(1);
    expect(saved[0].detail).to.include({
      id: 'c7', mode: 'edit', name: 'Production', description: 'hourly job',
      apiKey: '', keyChanged: false, keySource: 'kept', keyHint: 'sk-proj-…x9Qz', keyType: 'project',
    });
    expect(saved[0].detail.changed).to.deep.equal(['description']);
  });

  it('reports mode "edit" with a new key (rotation): keyChanged, typed, its own hint, apiKey as changed', async () => {
    const el = await editing();
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    paste(field(el, 'API Key Value'), keys.serviceAccount);
    button(el, 'Save').click();
    expect(saved).to.have.length(1);
    expect(saved[0].detail).to.include({
      id: 'c7', mode: 'edit', name: 'Production', description: 'nightly job', apiKey: keys.serviceAccount,
      keyChanged: true, keySource: 'typed', keyHint: `sk-svcacct-…${keys.serviceAccount.slice(-4)}`, keyType: 'service-account',
    });
    expect(saved[0].detail.changed).to.deep.equal(['apiKey']);
  });
});
