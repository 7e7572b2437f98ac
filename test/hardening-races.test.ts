/**
 * Issue 5, part 4: races and host misbehaviour. Every test fails on any unhandled error or
 * rejection on the page (besides the one a test provokes on purpose and expects).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CredentialCancelEvent, CredentialOverlay, CredentialSavedEvent } from '../src/index.js';
import { button, dialog, expectFocus, fakeClock, field, fill, openOverlay, record, recordLifecycle as lifecycle, restoreClock, sendKeys, spyFetch } from './helpers.js';
import { filler, keys } from './keys.js';

const MOCK = `${location.origin}/mock/openai/v1`;
const mockKey = (marker: string) => `sk-proj-${marker}-${filler(40)}T3BlbkFJ${filler(20)}`;
const GENERIC = 'The credential could not be saved. Try again.';

// No test waits for time to pass. Each settles what it controls (a deferred check or
// waitUntil promise, a fetch that ends) and then runs the page's fake clock out (`runAll`):
// whatever the overlay would still have done, at any delay, has then been done. A close
// event that the dialog queued is waited for as that event.
afterEach(restoreClock);

/** The reason of the rejection that `rejectionsReported()` provokes. */
const MARKER = new Error('rejectionsReported marker');

/**
 * Resolves once the page has reported every unhandled rejection that happened before the call:
 * it leaves a rejection of its own unhandled and waits for that one's `unhandledrejection`
 * event, which the browser fires after the events of every earlier rejection (one queue, in
 * order). The signal that a late unhandled rejection would have given, without waiting for time.
 */
function rejectionsReported(): Promise<void> {
  return new Promise<void>((resolve) => {
    const seen = (e: PromiseRejectionEvent) => {
      if (e.reason !== MARKER) return;
      e.preventDefault();
      window.removeEventListener('unhandledrejection', seen, { capture: true });
      resolve();
    };
    window.addEventListener('unhandledrejection', seen, { capture: true });
    const marker = Promise.reject(MARKER);
    // The runner logs a reported rejection through its `catch`: not this one.
    marker.catch = () => marker;
  });
}

function deferred<T = unknown>() {
  let resolve!: (v: T) => void;
  let reject!: (e?: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/**
 * Unhandled errors and rejections on the page. `expectError(match)` lets exactly one
 * matching error through (the test asserts it); anything else fails the test.
 */
function watchPage() {
  const errors: unknown[] = [];
  const expected: RegExp[] = [];
  const seenExpected: unknown[] = [];
  /** Whether `error` is one a test provoked on purpose (each expectation is used once). */
  const claim = (error: unknown, message: unknown) => {
    if (error !== undefined && seenExpected.includes(error)) return true;
    const i = expected.findIndex((m) => m.test(String((error as Error)?.message ?? message)));
    if (i < 0) return false;
    expected.splice(i, 1);
    seenExpected.push(error);
    return true;
  };
  const onError = (e: ErrorEvent) => {
    if (claim(e.error, e.message)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    } else errors.push(e.error ?? e.message);
  };
  const onRejection = (e: PromiseRejectionEvent) => {
    if (e.reason === MARKER) return;
    e.preventDefault();
    errors.push(e.reason);
  };
  window.addEventListener('error', onError, { capture: true });
  window.addEventListener('unhandledrejection', onRejection, { capture: true });
  // The runner's window.onerror sees every error whatever listeners do: while an error is
  // expected, it is wrapped so that the expected one does not reach it.
  const runnerOnError = window.onerror;
  return {
    errors,
    seenExpected,
    expectError(match: RegExp) {
      expected.push(match);
      window.onerror = (message, source, line, column, error) =>
        claim(error, message) ? true : (runnerOnError?.call(window, message, source, line, column, error) ?? false);
    },
    stop() {
      window.removeEventListener('error', onError, { capture: true });
      window.removeEventListener('unhandledrejection', onRejection, { capture: true });
      window.onerror = runnerOnError;
    },
  };
}

let page: ReturnType<typeof watchPage>;

/**
 * A test that also fails on any unhandled error or rejection. A body ends once the page has
 * nothing left to do (its fake clock run out); `rejectionsReported()` then waits until every
 * rejection left unhandled so far has been reported.
 */
function race(name: string, body: () => Promise<void>) {
  it(name, async () => {
    page = watchPage();
    try {
      await body();
      await rejectionsReported();
      expect(page.errors.map((e) => String((e as Error)?.message ?? e)), 'unhandled errors and rejections').to.deep.equal([]);
    } finally {
      page.stop();
    }
  });
}

async function filled(template = html`<credential-overlay></credential-overlay>`) {
  const el = await openOverlay(template);
  fill(el, { name: 'Prod', description: 'nightly', key: keys.project });
  return el;
}
const values = (el: CredentialOverlay) => ['Credential Name', 'Credential Description', 'API Key Value'].map((l) => field(el, l).value);
const formError = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();
const saveButton = (el: CredentialOverlay) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save-button"]')!;
const busy = (el: CredentialOverlay) => el.shadowRoot!.querySelector('form')!.getAttribute('aria-busy') === 'true';

describe('races: repeated Save', () => {
  race('double and triple Save in one task emit once', async () => {
    const el = await filled();
    const clock = fakeClock();
    const events = lifecycle(el);
    const d = deferred();
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(d.promise));
    saveButton(el).click();
    saveButton(el).click();
    saveButton(el).click();
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    saveButton(el).click();
    await clock.runAll();
    expect(events).to.deep.equal(['credential-saved']);
    d.resolve(undefined);
    await clock.runAll();
    expect(events).to.deep.equal(['credential-saved', 'credential-close saved/save']);
    expect(dialog(el).open).to.equal(false);
  });

  race('triple Save with verify starts one check and emits once', async () => {
    const el = await filled(html`<credential-overlay verify></credential-overlay>`);
    const clock = fakeClock();
    let calls = 0;
    const check = deferred<{ ok: true }>();
    el.verifier = () => (calls++, check.promise);
    const saved = record(el, 'credential-saved');
    saveButton(el).click();
    saveButton(el).click();
    await el.updateComplete;
    saveButton(el).click();
    check.resolve({ ok: true });
    await clock.runAll();
    expect([calls, saved.length, dialog(el).open]).to.deep.equal([1, 1, false]);
  });

  race('Enter during waitUntil neither emits again nor ends the wait', async () => {
    const el = await filled();
    const clock = fakeClock();
    const saved = record(el, 'credential-saved');
    const d = deferred();
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(d.promise));
    field(el, 'API Key Value').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(busy(el)).to.equal(true);
    field(el, 'Credential Name').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await clock.runAll();
    expect([saved.length, busy(el), dialog(el).open]).to.deep.equal([1, true, true]);
    d.resolve(undefined);
    await clock.runAll();
    expect([saved.length, dialog(el).open]).to.deep.equal([1, false]);
  });
});

describe('races: closing or removing mid-flight', () => {
  for (const [how, act] of [
    ['close()', (el: CredentialOverlay) => el.close()],
    ['open = false', (el: CredentialOverlay) => (el.open = false)],
    ['removal', (el: CredentialOverlay) => el.remove()],
  ] as const) {
    // Contract section 5: a close while busy fires only credential-close (reason "api"); removal is silent.
    const closeEvents = how === 'removal' ? [] : ['credential-close api/api'];
    race(`${how} during the built-in live check (mock): request aborted, no event afterwards`, async () => {
      const el = await filled(html`<credential-overlay verify base-url=${MOCK}></credential-overlay>`);
      fill(el, { key: mockKey('VALID') });
      const clock = fakeClock();
      const events = lifecycle(el);
      const spy = spyFetch();
      try {
        const started = spy.next();
        saveButton(el).click();
        await started; // the request is on its way
        await el.updateComplete;
        expect(busy(el)).to.equal(true);
        act(el);
        expect(events, 'at the close').to.deep.equal(closeEvents);
        // The request ends (aborted, or answered): then the page runs out what it could cause.
        await spy.ended();
        await clock.runAll();
      } finally {
        spy.restore();
      }
      expect([events, dialog(el).open], 'afterwards').to.deep.equal([closeEvents, false]);
      if (!el.isConnected) {
        document.body.append(el);
        await el.updateComplete;
        expect([dialog(el).open, field(el, 'API Key Value').value]).to.deep.equal([false, '']);
      }
    });

    race(`${how} during waitUntil, then the promise rejects: no event afterwards, nothing unhandled`, async () => {
      const el = await filled();
      const clock = fakeClock();
      const d = deferred();
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(d.promise));
      saveButton(el).click();
      await clock.runAll();
      const events = lifecycle(el);
      act(el);
      expect(events, 'at the close').to.deep.equal(closeEvents);
      d.reject(new Error(`host failed for ${keys.project}`));
      await clock.runAll();
      expect([events, dialog(el).open, formError(el)], 'afterwards').to.deep.equal([closeEvents, false, '']);
      expect(values(el)).to.deep.equal(['', '', '']);
    });

    race(`${how} during dispatch after waitUntil(rejecting promise): nothing unhandled`, async () => {
      const el = await filled();
      const clock = fakeClock();
      el.addEventListener('credential-saved', (e) => {
        e.detail.waitUntil(Promise.reject(new Error('host failed')));
        act(el);
      });
      const events = lifecycle(el);
      saveButton(el).click();
      await clock.runAll();
      expect([events, dialog(el).open, formError(el)]).to.deep.equal([['credential-saved', ...closeEvents], false, '']);
    });
  }

  race('Cancel during the built-in live check: one cancel, no save, nothing unhandled', async () => {
    const el = await filled(html`<credential-overlay verify base-url=${MOCK}></credential-overlay>`);
    fill(el, { key: mockKey('HANG') });
    const clock = fakeClock();
    const events = lifecycle(el);
    const spy = spyFetch();
    try {
      const started = spy.next();
      saveButton(el).click();
      await started;
      button(el, 'Cancel').click();
      await spy.ended();
      await clock.runAll();
    } finally {
      spy.restore();
    }
    expect(events).to.deep.equal(['credential-cancel cancel-button', 'credential-close cancel/cancel-button']);
  });
});

describe('host misbehaviour: listeners', () => {
  race('a credential-saved listener that throws: the error is reported, the overlay still closes and clears', async () => {
    const el = await filled();
    const later: string[] = [];
    page.expectError(/listener bug/);
    el.addEventListener('credential-saved', () => {
      throw new Error('listener bug');
    });
    el.addEventListener('credential-saved', (e) => later.push(e.detail.name));
    const saved = record(el, 'credential-saved');
    saveButton(el).click();
    await el.updateComplete;
    expect(page.seenExpected.length, 'reported once').to.equal(1);
    expect([saved.length, later, dialog(el).open]).to.deep.equal([1, ['Prod'], false]);
    expect(values(el)).to.deep.equal(['', '', '']);
  });

  race('a listener that calls waitUntil and then throws: still waits, then closes', async () => {
    const el = await filled();
    const d = deferred();
    page.expectError(/after waitUntil/);
    el.addEventListener('credential-saved', (e) => {
      e.detail.waitUntil(d.promise);
      throw new Error('after waitUntil');
    });
    const clock = fakeClock();
    saveButton(el).click();
    await clock.runAll();
    expect(busy(el)).to.equal(true);
    d.resolve(undefined);
    await clock.runAll();
    expect(dialog(el).open).to.equal(false);
  });

  race('a credential-cancel listener that calls close() again: one event, no recursion', async () => {
    const el = await filled();
    const cancels = record(el, 'credential-cancel');
    el.addEventListener('credential-cancel', () => el.close());
    button(el, 'Cancel').click();
    expect(cancels.length).to.equal(1);
  });

  race('removal of the element from inside its credential-saved listener', async () => {
    const el = await filled();
    const cancels = record(el, 'credential-cancel');
    el.addEventListener('credential-saved', () => el.remove());
    saveButton(el).click();
    expect([el.isConnected, dialog(el).open, cancels.length]).to.deep.equal([false, false, 0]);
    expect(field(el, 'API Key Value').value).to.equal('');
  });
});

describe('host misbehaviour: waitUntil', () => {
  race('called in a microtask after dispatch: InvalidStateError, and the overlay closed as usual', async () => {
    const el = await filled();
    const clock = fakeClock();
    let error: unknown;
    el.addEventListener('credential-saved', (e) =>
      queueMicrotask(() => {
        try {
          e.detail.waitUntil(Promise.resolve());
        } catch (err) {
          error = err;
        }
      }),
    );
    saveButton(el).click();
    await clock.runAll();
    expect([(error as DOMException)?.name, error instanceof DOMException, dialog(el).open]).to.deep.equal(['InvalidStateError', true, false]);
  });

  race('called late after preventDefault: throws, the overlay stays usable and Save works again', async () => {
    const el = await filled();
    const clock = fakeClock();
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    let error: unknown;
    el.addEventListener('credential-saved', (e) => {
      e.preventDefault();
      // A host that calls it a second later (on the fake clock).
      setTimeout(() => {
        try {
          e.detail.waitUntil(new Promise(() => {}));
        } catch (err) {
          error = err;
        }
      }, 1000);
    });
    saveButton(el).click();
    await clock.runAll();
    expect([(error as DOMException)?.name, busy(el), saveButton(el).disabled, dialog(el).open]).to.deep.equal(['InvalidStateError', false, false, true]);
    saveButton(el).click();
    expect(saved.length).to.equal(2);
  });

  const nonPromises: Array<[string, unknown]> = [
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
    ['a plain object', { then: 1 }],
  ];
  for (const [name, value] of nonPromises) {
    race(`with ${name} instead of a promise: closes as after a fulfilled one`, async () => {
      const el = await filled();
      const clock = fakeClock();
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(value as Promise<unknown>));
      saveButton(el).click();
      await clock.runAll();
      expect([dialog(el).open, formError(el)]).to.deep.equal([false, '']);
    });
  }

  race('with a thenable: waits for it', async () => {
    const el = await filled();
    const clock = fakeClock();
    let fulfil!: () => void;
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil({ then: (ok: () => void) => (fulfil = ok) } as unknown as Promise<void>));
    saveButton(el).click();
    await clock.runAll();
    expect([busy(el), dialog(el).open]).to.deep.equal([true, true]);
    fulfil();
    await clock.runAll();
    expect(dialog(el).open).to.equal(false);
  });

  const reasons: Array<[string, () => unknown, string]> = [
    ['a string', () => 'nope', GENERIC],
    ['undefined', () => undefined, GENERIC],
    ['null', () => null, GENERIC],
    ['a number', () => 503, GENERIC],
    ['an object with a message', () => ({ message: 'Quota reached on our side.' }), 'Quota reached on our side.'],
    ['an object whose message is not a string', () => ({ message: 42 }), GENERIC],
    ['an Error with a blank message', () => new Error('   '), GENERIC],
    ['an Error whose message holds a key', () => new Error(`Duplicate of ${keys.legacy}`), 'Duplicate of sk-…'],
    ['a thenable that throws', () => null, 'thenable broke'],
    ['an object whose message getter throws', () => ({ get message() { throw new Error('getter bomb'); } }), GENERIC],
    ['a Proxy that throws on every access', () => new Proxy({}, { get() { throw new Error('proxy bomb'); } }), GENERIC],
  ];
  for (const [name, reason, shown] of reasons) {
    race(`rejected with ${name}: shows "${shown.slice(0, 30)}…", keeps every value, Save works again`, async () => {
      const el = await filled();
      const clock = fakeClock();
      const saved = record(el, 'credential-saved');
      let first = true;
      el.addEventListener('credential-saved', (e) => {
        if (!first) return;
        first = false;
        if (name === 'a thenable that throws') {
          e.detail.waitUntil({ then() { throw new Error('thenable broke'); } } as unknown as Promise<void>);
        } else e.detail.waitUntil(Promise.reject(reason()));
      });
      saveButton(el).click();
      await clock.runAll();
      expect([formError(el), busy(el), saveButton(el).disabled]).to.deep.equal([shown, false, false]);
      expect(values(el)).to.deep.equal(['Prod', 'nightly', keys.project]);
      saveButton(el).click();
      expect([saved.length, dialog(el).open]).to.deep.equal([2, false]);
    });
  }
});

describe('two overlays on one page', () => {
  race('each behaves; Escape closes only the top one; the scroll lock holds until both are closed', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <credential-overlay id="a" heading="First"></credential-overlay>
      <credential-overlay id="b" heading="Second"></credential-overlay>
    </div>`);
    const a = wrapper.querySelector<CredentialOverlay>('#a')!;
    const b = wrapper.querySelector<CredentialOverlay>('#b')!;
    const saved = { a: record<CredentialSavedEvent>(a, 'credential-saved'), b: record<CredentialSavedEvent>(b, 'credential-saved') };
    const cancels = { a: record<CredentialCancelEvent>(a, 'credential-cancel'), b: record<CredentialCancelEvent>(b, 'credential-cancel') };
    a.show();
    await a.updateComplete;
    fill(a, { name: 'A', key: keys.legacy });
    b.show();
    await b.updateComplete;
    expectFocus(field(b, 'Credential Name'));
    expect([dialog(a).open, dialog(b).open]).to.deep.equal([true, true]);
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');

    fill(b, { name: 'B', key: keys.project });
    await sendKeys({ press: 'Escape' });
    expect([dialog(a).open, dialog(b).open]).to.deep.equal([true, false]);
    expect(cancels.b.map((e) => e.detail.source)).to.deep.equal(['escape']);
    expect(cancels.a.length).to.equal(0);
    expect(getComputedStyle(document.documentElement).overflow, 'still locked for A').to.equal('hidden');
    expect(field(a, 'Credential Name').value, 'A kept its values').to.equal('A');

    b.show();
    await b.updateComplete;
    fill(b, { name: 'B', key: keys.project });
    saveButton(b).click();
    expect([saved.a.length, saved.b.map((e) => e.detail.name)]).to.deep.equal([0, ['B']]);
    expect([dialog(a).open, dialog(b).open]).to.deep.equal([true, false]);

    field(a, 'Credential Name').focus();
    await sendKeys({ press: 'Escape' });
    expect([dialog(a).open, cancels.a.map((e) => e.detail.source)]).to.deep.equal([false, ['escape']]);
    expect(getComputedStyle(document.documentElement).overflow, 'unlocked').to.equal('visible');
  });
});

describe('re-opening at once', () => {
  // dialog.close() queues a `close` event: it must not close the overlay opened again meanwhile.
  race('close() then show() in the same task: open, empty, focused on the name, and it stays open', async () => {
    const el = await filled();
    const cancels = record<CredentialCancelEvent>(el, 'credential-cancel');
    const queued = oneEvent(dialog(el), 'close');
    el.close();
    el.show();
    await el.updateComplete;
    expect([dialog(el).open, el.open, ...values(el)]).to.deep.equal([true, true, '', '', '']);
    expectFocus(field(el, 'Credential Name'));
    // dialog.close() queued its close event as a task (all three engines fire it, the dialog
    // open again by then); the overlay's handler runs before this one.
    await queued;
    expect([dialog(el).open, el.open, cancels.map((e) => e.detail.source)], 'after the queued close event').to.deep.equal([true, true, ['api']]);
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    el.close();
    expect(getComputedStyle(document.documentElement).overflow).to.equal('visible');
  });

  race('show() in the credential-cancel listener re-opens a fresh overlay that stays open', async () => {
    const el = await filled();
    const cancels = record<CredentialCancelEvent>(el, 'credential-cancel');
    const queued = oneEvent(dialog(el), 'close');
    el.addEventListener('credential-cancel', () => el.show(), { once: true });
    button(el, 'Cancel').click();
    await el.updateComplete;
    expect([dialog(el).open, ...values(el)]).to.deep.equal([true, '', '', '']);
    await queued;
    expect([dialog(el).open, el.open, cancels.map((e) => e.detail.source)]).to.deep.equal([true, true, ['cancel-button']]);
  });

  race('close() and show() in the credential-saved listener ("save and add another"): a fresh overlay stays open', async () => {
    const el = await filled();
    const saved = record(el, 'credential-saved');
    const cancels = record<CredentialCancelEvent>(el, 'credential-cancel');
    const queued = oneEvent(dialog(el), 'close');
    el.addEventListener('credential-saved', () => {
      el.close();
      el.show();
    }, { once: true });
    saveButton(el).click();
    await el.updateComplete;
    expect([dialog(el).open, saved.length, cancels.length, ...values(el)]).to.deep.equal([true, 1, 0, '', '', '']);
    expectFocus(field(el, 'Credential Name'));
    await queued;
    expect([dialog(el).open, el.open, cancels.map((e) => e.detail.source)]).to.deep.equal([true, true, []]);
  });

  race('show() queued from the credential-saved listener re-opens after the default close, and stays open', async () => {
    const el = await filled();
    const cancels = record<CredentialCancelEvent>(el, 'credential-cancel');
    const queued = oneEvent(dialog(el), 'close');
    el.addEventListener('credential-saved', () => queueMicrotask(() => el.show()), { once: true });
    saveButton(el).click();
    await el.updateComplete;
    await queued;
    expect([dialog(el).open, el.open, cancels.map((e) => e.detail.source), ...values(el)]).to.deep.equal([true, true, [], '', '', '']);
  });

  race('open attribute toggled on and off repeatedly in one task ends in the last state', async () => {
    const el = await openOverlay(html`<credential-overlay></credential-overlay>`, false);
    for (let i = 0; i < 5; i++) {
      el.setAttribute('open', '');
      el.removeAttribute('open');
    }
    el.setAttribute('open', '');
    await el.updateComplete;
    await waitUntil(() => dialog(el).open, 'opens');
    el.removeAttribute('open');
    await el.updateComplete;
    expect([dialog(el).open, el.open]).to.deep.equal([false, false]);
    expect(getComputedStyle(document.documentElement).overflow).to.equal('visible');
  });
});
