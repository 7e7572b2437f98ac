/**
 * Issue 5, part 1 and 5: a whole-page leak scan after every way a session can end, and the
 * password-manager hints. The sentinel is typed with the real keyboard, so every native
 * keyboard and input event is seen by the scanner too.
 */
import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import type { CredentialOverlay, CredentialSavedEvent } from '../src/index.js';
import { button, dialog, field, openOverlay, paste, record, sendKeys, settle, spyFetch } from './helpers.js';
import { filler } from './keys.js';
import { controlsHolding, watchForLeaks, type LeakWatch } from './leak-scanner.js';

const MOCK = `${location.origin}/mock/openai/v1`;
/** A unique, valid-looking project key; `marker` picks the mock's answer (contract: VALID, REVOKED, RATE, HANG…). */
const sentinel = (marker: string) => `sk-proj-LEAK${marker}${filler(14, undefined, 31)}T3BlbkFJ${filler(14, undefined, 32)}`;
/** A fragment of the body: a partial leak is a leak too. */
const fragmentOf = (secret: string) => secret.slice(-24);

/** Page-level errors during a test: any one fails it. */
function watchPageErrors() {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => {
    e.preventDefault();
    errors.push(e.reason);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

const formError = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();
const keyError = (el: CredentialOverlay) => el.shadowRoot!.querySelector('#api-key-error')!.textContent!.trim();
const settled = (el: CredentialOverlay) =>
  waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the check ends', { timeout: 4000 });

interface Flow {
  name: string;
  attrs?: 'verify';
  marker?: string;
  /** Whether the overlay ends closed (then every control must be empty and masked). */
  closes: boolean;
  act: (el: CredentialOverlay, secret: string) => unknown;
  /** Extra checks on what the user sees. */
  then?: (el: CredentialOverlay, secret: string) => void;
}

const flows: Flow[] = [
  { name: 'save', closes: true, act: (el) => button(el, 'Save').click() },
  { name: 'Cancel', closes: true, act: (el) => button(el, 'Cancel').click() },
  { name: 'Escape', closes: true, act: () => sendKeys({ press: 'Escape' }) },
  {
    name: 'reveal, then Close',
    closes: true,
    act: async (el) => {
      button(el, 'Show API key').click();
      await el.updateComplete;
      expect((field(el, 'API Key Value') as HTMLInputElement).type).to.equal('text');
      button(el, 'Close').click();
    },
  },
  {
    name: 'reveal, then close()',
    closes: true,
    act: async (el) => {
      button(el, 'Show API key').click();
      await el.updateComplete;
      el.close();
    },
  },
  {
    name: 'failed validation (no name)',
    closes: false,
    act: (el) => {
      paste(field(el, 'Credential Name'), '');
      button(el, 'Save').click();
    },
    then: (el) => expect(el.shadowRoot!.querySelector('#name-error')!.textContent!.trim()).to.equal('Enter a name for this credential.'),
  },
  {
    name: 'failed validation of the key itself',
    closes: false,
    act: async (el) => {
      await sendKeys({ type: '.' });
      button(el, 'Save').click();
    },
    then: (el, secret) =>
      expect(keyError(el)).to.equal(
        `The key contains “.” at position ${secret.length + 1}; OpenAI keys use only letters, digits, _ and -. Copy the key again.`,
      ),
  },
  {
    name: 'failed verification (401 REVOKED, mock)',
    attrs: 'verify',
    marker: 'REVOKED',
    closes: false,
    act: async (el) => {
      button(el, 'Save').click();
      await el.updateComplete;
      await settled(el);
    },
    then: (el) => expect(keyError(el)).to.match(/^OpenAI did not accept this key: Incorrect API key provided/),
  },
  {
    name: 'failed verification (503 DOWN, mock)',
    attrs: 'verify',
    marker: 'DOWN',
    closes: false,
    act: async (el) => {
      button(el, 'Save').click();
      await el.updateComplete;
      await settled(el);
    },
    then: (el) =>
      expect(formError(el)).to.equal(
        'The key could not be confirmed with OpenAI: the service answered with an error (503). Try again, or save it without checking.',
      ),
  },
  {
    name: 'host rejection whose message contains the key',
    closes: false,
    act: async (el) => {
      el.addEventListener('credential-saved', (e) =>
        e.detail.waitUntil(Promise.reject(new Error(`Could not store ${e.detail.apiKey} (quota)`))),
      );
      button(el, 'Save').click();
      await aTimeout(0);
    },
    then: (el) => expect(formError(el)).to.equal('Could not store sk-… (quota)'),
  },
  {
    name: 'removal during waitUntil',
    closes: true,
    act: async (el) => {
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(new Promise(() => {})));
      button(el, 'Save').click();
      await el.updateComplete;
      el.remove();
    },
  },
  {
    name: 'removal during the live check (mock, no answer)',
    attrs: 'verify',
    marker: 'HANG',
    closes: true,
    act: async (el) => {
      const spy = spyFetch();
      try {
        const started = spy.next();
        button(el, 'Save').click();
        await started; // the request is on its way
        el.remove();
        await spy.ended(); // aborted: whatever it could cause has run
        await settle();
      } finally {
        spy.restore();
      }
    },
  },
];

describe('leak scanner: the key is nowhere after', () => {
  let watch: LeakWatch;
  let page: ReturnType<typeof watchPageErrors>;
  afterEach(() => {
    watch?.stop();
    page?.stop();
  });

  for (const flow of flows) {
    it(flow.name, async () => {
      const secret = sentinel(flow.marker ?? 'NONE');
      const el = await openOverlay(
        flow.attrs === 'verify'
          ? html`<credential-overlay verify base-url=${MOCK}></credential-overlay>`
          : html`<credential-overlay></credential-overlay>`,
      );
      page = watchPageErrors();
      watch = watchForLeaks({ redact: [secret] });
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      const cancels = record(document, 'credential-cancel');
      paste(field(el, 'Credential Name'), 'Leak check');
      field(el, 'API Key Value').focus();
      await sendKeys({ type: secret });
      expect(field(el, 'API Key Value').value, 'typed').to.equal(secret);

      await flow.act(el, secret);
      await el.updateComplete;
      await aTimeout(0);

      if (flow.name === 'save') expect(saved.map((e) => e.detail.apiKey), 'the one place the key may go').to.deep.equal([secret]);
      flow.then?.(el, secret);
      expect(dialog(el).open, 'open after the flow').to.equal(!flow.closes);
      if (flow.closes) {
        expect(controlsHolding(el, secret), 'controls still holding the key').to.deep.equal([]);
        expect((field(el, 'API Key Value') as HTMLInputElement).type, 'masked again').to.equal('password');
        expect(button(el, 'Show API key').getAttribute('aria-pressed')).to.equal('false');
      }
      watch.stop();
      // A cancel's detail is searched like every other event; assert it was seen where expected.
      if (['Cancel', 'Escape', 'reveal, then Close', 'reveal, then close()'].includes(flow.name)) {
        expect(cancels, 'one credential-cancel').to.have.length(1);
        expect(Object.keys(cancels[0].detail).sort()).to.deep.equal(['id', 'provider', 'source']);
      }
      expect(watch.events.length, 'the scanner saw the typing').to.be.greaterThan(secret.length);
      expect(watch.scan(secret, { element: el, alsoLookFor: [fragmentOf(secret)], extra: { cancelDetails: cancels.map((e) => e.detail) } })).to.deep.equal([]);
      expect(page.errors, 'page errors').to.deep.equal([]);
    });
  }

  it('the scanner itself finds a key in each place it searches (control)', async () => {
    const secret = sentinel('CONTROL');
    const el = await openOverlay();
    watch = watchForLeaks({ redact: [secret] });
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<span data-k="${secret}"></span><!--${secret}-->`;
    document.body.append(host);
    console.debug(secret);
    el.dispatchEvent(new CustomEvent('some-event', { detail: { nested: [{ secret }] } }));
    document.dispatchEvent(Object.assign(new Event('plain'), { carried: secret }));
    sessionStorage.setItem('x', secret);
    (el as unknown as Record<string, unknown>).__stash = new Map([['k', secret]]);
    try {
      const found = watch.scan(secret, { element: el });
      for (const where of [/attribute data-k/, /^comment in/, /^console\.debug/, /^event "some-event"/, /^event "plain"/, /^sessionStorage/, /^element\.__stash/]) {
        expect(found.some((f) => where.test(f)), `${where} in ${JSON.stringify(found)}`).to.equal(true);
      }
    } finally {
      host.remove();
      sessionStorage.removeItem('x');
      delete (el as unknown as Record<string, unknown>).__stash;
    }
  });
});

describe('password managers', () => {
  it('the key field carries no name, no password-like id and no password autocomplete hint', async () => {
    const el = await openOverlay();
    const key = field(el, 'API Key Value') as HTMLInputElement;
    expect(key.hasAttribute('name'), 'name attribute').to.equal(false);
    expect(key.name).to.equal('');
    expect(key.id).not.to.match(/pass|pwd|login|user|email/i);
    expect(key.getAttribute('autocomplete')).to.equal('off');
    const hints = ['current-password', 'new-password', 'one-time-code', 'username', 'email'];
    for (const control of el.shadowRoot!.querySelectorAll('input, textarea, form')) {
      expect(hints.includes(control.getAttribute('autocomplete') ?? ''), `autocomplete of ${control.id || control.localName}`).to.equal(false);
      expect(control.hasAttribute('name'), `name on ${control.id || control.localName}`).to.equal(false);
    }
    // A single password field and no username-like field next to it: nothing looks like a login form.
    expect(el.shadowRoot!.querySelectorAll('input[type="password"]').length).to.equal(1);
    const form = el.shadowRoot!.querySelector('form')!;
    expect(form.hasAttribute('action') || form.hasAttribute('method')).to.equal(false);
    expect(Object.fromEntries([...key.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value]))).to.deep.equal({
      'data-1p-ignore': '',
      'data-lpignore': 'true',
      'data-bwignore': '',
      'data-form-type': 'other',
    });
  });

});
