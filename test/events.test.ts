import { expect, html } from '@open-wc/testing';
import type { CredentialCancelEvent, CredentialOverlay, CredentialSavedEvent } from '../src/index.js';
import { button, dialog, expectFocus, expectSaving, fakeClock, field, fill, openOverlay, record, recordLifecycle as lifecycle, restoreClock, sendKeys } from './helpers.js';
import { keys } from './keys.js';

// No test waits for time to pass: each settles what it controls (a deferred waitUntil
// promise), then runs the page's fake clock out (`runAll`), after which anything the overlay
// would still have done, at any delay, has been done.
afterEach(restoreClock);

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
    const clock = fakeClock();
    const events = lifecycle(el);
    const d = deferred();
    el.addEventListener('credential-saved', (e) => {
      e.preventDefault();
      e.detail.waitUntil(d.promise);
    });
    button(el, 'Save').click();
    await clock.runAll();
    expectSaving(el);
    d.resolve();
    await clock.runAll();
    expect(dialog(el).open).to.equal(true);
    expect(button(el, 'Save').disabled).to.equal(false);
    expect(values(el)).to.deep.equal(['Prod', 'nightly', keys.project]);
    expect(events).to.deep.equal(['credential-saved']);
  });
});

describe('waitUntil()', () => {
  it('shows a busy state that ignores Save, Cancel, Close and Escape, then closes and clears', async () => {
    const el = await filled();
    const clock = fakeClock();
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
    await clock.runAll();
    expect(dialog(el).open).to.equal(true);
    expectSaving(el);
    expect(saved).to.have.length(1);
    expect(cancels).to.have.length(0);

    d.resolve();
    await clock.runAll();
    expect(dialog(el).open).to.equal(false);
    expect(cancels).to.have.length(0);
    el.show();
    await el.updateComplete;
    expect(values(el)).to.deep.equal(['', '', '']);
  });

  it('on rejection stays open, keeps every value, shows the masked message and lets Save work again', async () => {
    const el = await filled();
    const clock = fakeClock();
    const saved = record(el, 'credential-saved');
    el.addEventListener('credential-saved', (e) =>
      e.detail.waitUntil(Promise.reject(new Error(`Server refused ${e.detail.apiKey}: quota`))),
    );
    button(el, 'Save').focus(); // as a pointer click does
    button(el, 'Save').click();
    await clock.runAll();

    expect(dialog(el).open).to.equal(true);
    expect(values(el)).to.deep.equal(['Prod', 'nightly', keys.project]);
    expect(formError(el)).to.equal('Server refused sk-…: quota');
    expect(button(el, 'Save').disabled).to.equal(false);
    expectFocus(button(el, 'Save'));

    button(el, 'Save').click();
    expect(saved).to.have.length(2);
  });

  it('shows a generic message when the reason has none', async () => {
    for (const reason of [undefined, 'plain string', { code: 500 }, new Error('')]) {
      const el = await filled();
      const clock = fakeClock();
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(Promise.reject(reason)));
      button(el, 'Save').click();
      await clock.runAll();
      clock.restore();
      expect(formError(el)).to.equal('The credential could not be saved. Try again.');
    }
  });

  /** An overlay whose Save waits for two promises the test settles. */
  async function savingWithTwo() {
    const el = await filled();
    const clock = fakeClock();
    const first = deferred();
    const second = deferred();
    el.addEventListener('credential-saved', (e) => {
      e.detail.waitUntil(first.promise);
      e.detail.waitUntil(second.promise);
    });
    button(el, 'Save').click();
    await clock.runAll();
    expectSaving(el);
    return { el, clock, first, second };
  }

  it('waits for every promise: one fulfilled keeps it busy, a rejection of the other then shows', async () => {
    const { el, clock, first, second } = await savingWithTwo();
    first.resolve();
    await clock.runAll();
    expect(dialog(el).open).to.equal(true);
    expectSaving(el);
    second.reject(new Error('second failed'));
    await clock.runAll();
    expect([dialog(el).open, formError(el), button(el, 'Save').disabled]).to.deep.equal([true, 'second failed', false]);
  });

  // Contract section 5: "several calls wait for all, the first rejection wins". The overlay
  // settles on Promise.all (src/wait-until.ts), which stops at the first rejection in time:
  // it shows "second given" and is idle while the first promise still runs.
  it('waits for every promise; the first rejection given wins, also when a later one rejects first', async () => {
    const { el, clock, first, second } = await savingWithTwo();
    second.reject(new Error('second given'));
    await clock.runAll();
    expect([dialog(el).open, formError(el)], 'still waiting for the first').to.deep.equal([true, '']);
    expectSaving(el);
    first.reject(new Error('first given'));
    await clock.runAll();
    expect([dialog(el).open, formError(el), button(el, 'Save').disabled]).to.deep.equal([true, 'first given', false]);
  });

  it('accepts a non-promise value', async () => {
    const el = await filled();
    const clock = fakeClock();
    const events = lifecycle(el);
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(42 as never));
    button(el, 'Save').click();
    await clock.runAll();
    expect(dialog(el).open).to.equal(false);
    expect(events).to.deep.equal(['credential-saved', 'credential-close saved/save']);
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
    // Contract section 5: only credential-close (reason "api"); removal is silent.
    const after = how === 'removal' ? [] : ['credential-close api/api'];
    it(`${how} while busy closes and clears at once, fires ${how === 'removal' ? 'nothing' : 'only credential-close'} and ignores the outcome`, async () => {
      const el = await filled();
      const clock = fakeClock();
      const d = deferred();
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(d.promise));
      button(el, 'Save').click();
      await clock.runAll();
      expectSaving(el);
      const events = lifecycle(el);
      act(el);
      expect(dialog(el).open).to.equal(false);
      expect(values(el)).to.deep.equal(['', '', '']);
      expect(events, 'at the close').to.deep.equal(after);
      d.reject(new Error('late'));
      await clock.runAll();
      expect(events, 'after the outcome').to.deep.equal(after);
      expect(formError(el)).to.equal('');
      expect(dialog(el).open).to.equal(false);
    });
  }

  it('close() during dispatch closes and clears, fires only credential-close after credential-saved', async () => {
    const el = await filled();
    const clock = fakeClock();
    const events = lifecycle(el);
    el.addEventListener('credential-saved', (e) => {
      e.preventDefault();
      el.close();
    });
    button(el, 'Save').click();
    expect(dialog(el).open).to.equal(false);
    expect(values(el)).to.deep.equal(['', '', '']);
    await clock.runAll();
    expect(events).to.deep.equal(['credential-saved', 'credential-close api/api']);
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
