import { aTimeout, expect } from '@open-wc/testing';
import type { CredentialOverlay } from '../src/index.js';
import { button, dialog, field, findLeaks, openOverlay, paste, record, sendKeys } from './helpers.js';
import { SENTINEL } from './keys.js';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;

/** Records every console call made from now until `restore()`. */
function spyConsole() {
  const calls: unknown[][] = [];
  const originals = METHODS.map((m) => [m, console[m]] as const);
  for (const [m, original] of originals) {
    console[m] = (...args: unknown[]) => {
      calls.push(args);
      (original as (...a: unknown[]) => void)(...args.map((a) => (typeof a === 'string' ? a.replaceAll(SENTINEL, '<redacted>') : a)));
    };
  }
  return { calls, restore: () => originals.forEach(([m, original]) => (console[m] = original as never)) };
}

/** Types the sentinel into the key field with the real keyboard, then reveals it. */
async function typeSentinel(el: CredentialOverlay) {
  paste(field(el, 'Credential Name'), 'Leak check');
  field(el, 'API Key Value').focus();
  await sendKeys({ type: SENTINEL });
  button(el, 'Show API key').click();
  await el.updateComplete;
}

/** Own properties of the element, its shadow root and state, as text. */
function elementState(el: CredentialOverlay): string {
  const seen = new Set<unknown>();
  const out: string[] = [];
  for (const key of Reflect.ownKeys(el)) {
    const value = (el as unknown as Record<PropertyKey, unknown>)[key];
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object' && !seen.has(value) && !(value instanceof Node)) {
      seen.add(value);
      try {
        out.push(JSON.stringify(value));
      } catch {
        /* not serialisable: no string of ours */
      }
    }
  }
  return out.join('\n');
}

describe('secret hygiene', () => {
  let spy: ReturnType<typeof spyConsole>;
  beforeEach(() => {
    spy = spyConsole();
  });
  afterEach(() => spy.restore());

  const flows: Array<[string, (el: CredentialOverlay) => unknown]> = [
    ['save', (el) => button(el, 'Save').click()],
    ['cancel', (el) => button(el, 'Cancel').click()],
    ['escape', () => sendKeys({ press: 'Escape' })],
    ['close()', (el) => el.close()],
    ['removal', (el) => el.remove()],
    ['host rejection', async (el) => {
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(Promise.reject(new Error(`bad ${e.detail.apiKey}`))));
      button(el, 'Save').click();
      await aTimeout(0);
    }],
  ];

  for (const [flow, act] of flows) {
    it(`leaves the key nowhere after ${flow}`, async () => {
      const el = await openOverlay();
      const cancels = record(el, 'credential-cancel');
      const others: Event[] = [];
      for (const type of ['input', 'change', 'keydown', 'focusout', 'close', 'cancel']) {
        document.addEventListener(type, (e) => others.push(e), { capture: true, once: false });
      }
      await typeSentinel(el);
      await act(el);
      await el.updateComplete;

      const key = field(el, 'API Key Value') as HTMLInputElement;
      const stillOpen = dialog(el).open;
      if (!stillOpen) {
        expect(key.value, 'the key field is empty after closing').to.equal('');
        expect(key.type, 'and masked').to.equal('password');
        expect(elementState(el)).not.to.include(SENTINEL);
      }
      expect(findLeaks(SENTINEL, [...cancels.map((e) => e.detail), ...others.map((e) => (e as CustomEvent).detail)])).to.deep.equal([]);
      expect(spy.calls.some((args) => JSON.stringify(args.map(String)).includes(SENTINEL)), 'console').to.equal(false);
    });
  }

  it('fails validation without repeating the key anywhere', async () => {
    const el = await openOverlay();
    paste(field(el, 'Credential Name'), '');
    field(el, 'API Key Value').focus();
    await sendKeys({ type: `${SENTINEL}!` });
    button(el, 'Save').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#api-key-error')!.textContent).to.match(/contains “!”/);
    expect(findLeaks(SENTINEL)).to.deep.equal([]);
  });
});
