// Secret hygiene (contract section 8): after save, cancel, close or removal the element keeps
// no reference to the key, also in `#private` fields, which no script can enumerate; and no
// event but `credential-saved` carries it, native events' members included.
import { expect, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { CredentialOverlay, type CredentialSavedEvent } from '../src/index.js';
import { button, dialog, engine, fakeClock, field, openOverlay, paste, restoreClock, runtimeKey, sendKeys, skipBecause } from './helpers.js';
import { recordEvents, watchForLeaks, type EventLog, type LeakWatch } from './leak-scanner.js';

/**
 * What a buggy element would do: it keeps what the user typed into the key field in a
 * `#private` field. The heap search must find the key there, after every flow.
 */
class LeakyOverlay extends CredentialOverlay {
  #kept = '';
  constructor() {
    super();
    this.addEventListener('input', () => {
      const key = this.shadowRoot!.querySelector<HTMLInputElement>('#api-key')!.value;
      if (key) this.#kept = key;
    });
  }
  get keptLength(): number {
    return this.#kept.length;
  }
}
customElements.define('leaky-overlay', LeakyOverlay);

const alertText = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();

interface Flow {
  name: string;
  /** Whether the flow emits `credential-saved` with the key the user typed. */
  saves: boolean;
  /** After the key was typed: what the user or the host does. Ends with the overlay closed (or removed). */
  act(el: CredentialOverlay): Promise<unknown>;
}

/**
 * Every way an overlay holding a typed key ends. A flow waits for what it causes through a
 * fake clock that it runs out (`runAll`): nothing is left pending afterwards.
 */
const flows: Flow[] = [
  { name: 'save', saves: true, act: async (el) => button(el, 'Save').click() },
  { name: 'Cancel', saves: false, act: async (el) => button(el, 'Cancel').click() },
  { name: 'Close', saves: false, act: async (el) => button(el, 'Close').click() },
  { name: 'Escape', saves: false, act: () => sendKeys({ press: 'Escape' }) },
  { name: 'close()', saves: false, act: async (el) => el.close() },
  { name: 'removal', saves: false, act: async (el) => el.remove() },
  {
    name: 'a failed Save (no name), then Cancel',
    saves: false,
    act: async (el) => {
      paste(field(el, 'Credential Name'), '');
      button(el, 'Save').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#name-error')!.textContent!.trim(), 'the failed Save').to.equal('Enter a name for this credential.');
      button(el, 'Cancel').click();
    },
  },
  {
    name: 'a save the host refuses (waitUntil rejects), then Cancel',
    saves: true,
    act: async (el) => {
      const clock = fakeClock();
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(Promise.reject(new Error('The server refused it.'))), { once: true });
      button(el, 'Save').click();
      await clock.runAll();
      expect(alertText(el), 'the refusal').to.equal('The server refused it.');
      button(el, 'Cancel').click();
    },
  },
  {
    name: 'close() while the host saves (waitUntil pending)',
    saves: true,
    act: async (el) => {
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(new Promise(() => {})), { once: true });
      button(el, 'Save').click();
      el.close();
    },
  },
  {
    name: 'a save kept open (preventDefault), then close()',
    saves: true,
    act: async (el) => {
      el.addEventListener('credential-saved', (e) => e.preventDefault(), { once: true });
      button(el, 'Save').click();
      await el.updateComplete;
      expect(dialog(el).open, 'kept open').to.equal(true);
      el.close();
    },
  },
];

afterEach(restoreClock);

describe('secret hygiene: nothing live holds the key after it closes (a heap snapshot)', () => {
  it('finds the key in no live object after any flow, and finds it kept in a #private field', async function () {
    if (engine !== 'chromium') {
      skipBecause(this, String(await executeServerCommand('heap-holds-secret')));
    }
    // Each flow on the element, and on the leaky one as the control, each with a key of its
    // own that only the test runner knows: the page's script gets it only from the key field.
    const saved: string[] = [];
    const elements: CredentialOverlay[] = [];
    for (const flow of flows) {
      for (const tag of ['credential-overlay', 'leaky-overlay'] as const) {
        const el = await openOverlay(tag === 'credential-overlay' ? html`<credential-overlay></credential-overlay>` : html`<leaky-overlay></leaky-overlay>`);
        elements.push(el); // alive till the snapshot: what it holds is live
        el.addEventListener('credential-saved', (e) => void saved.push(`${flow.name} ${tag} ${(e as CredentialSavedEvent).detail.keySource}`));
        paste(field(el, 'Credential Name'), 'Heap check');
        field(el, 'API Key Value').focus();
        await executeServerCommand('secret-type', { name: `${flow.name} | ${tag}` });
        await flow.act(el);
        await el.updateComplete;
        restoreClock();
        expect([dialog(el).open, field(el, 'API Key Value').value === ''], `${flow.name}: closed and empty`).to.deep.equal([false, true]);
        if (el instanceof LeakyOverlay) expect(el.keptLength, `${flow.name}: the control kept the key`).to.equal(51);
      }
    }
    // The flows that save did save, with the typed key.
    expect(saved).to.deep.equal(flows.filter((f) => f.saves).flatMap((f) => [`${f.name} credential-overlay typed`, `${f.name} leaky-overlay typed`]));

    const counts = (await executeServerCommand('heap-holds-secret')) as Record<string, number>;
    const found = (tag: string) => flows.filter((f) => counts[`${f.name} | ${tag}`] > 0).map((f) => f.name);
    expect(found('leaky-overlay'), 'the control: a key kept in a #private field is found after every flow').to.deep.equal(flows.map((f) => f.name));
    expect(found('credential-overlay'), 'flows after which a live object still holds the key').to.deep.equal([]);
    expect(elements.length).to.equal(flows.length * 2);
  });
});

describe('secret hygiene: no event but credential-saved carries the key (every engine)', () => {
  let watch: LeakWatch | undefined;
  let log: EventLog | undefined;
  afterEach(() => {
    log?.stop();
    watch?.stop();
    log = watch = undefined;
  });

  for (const flow of flows) {
    it(`after ${flow.name}: the key in no other event, the DOM, storage, the console or the element`, async () => {
      const key = runtimeKey();
      const el = await openOverlay();
      watch = watchForLeaks({ redact: [key] });
      log = recordEvents(el);
      paste(field(el, 'Credential Name'), 'Event check');
      field(el, 'API Key Value').focus();
      await sendKeys({ type: key });
      await flow.act(el);
      await el.updateComplete;
      restoreClock();
      log.stop();

      // The log sees native events inside the shadow root with their members: the typed
      // characters are the `data` of the key field's input events.
      const typed = log.entries.filter((e) => e.type === 'input' && e.target === 'input#api-key').map((e) => (e.event as InputEvent).data ?? '').join('');
      expect(typed === key, 'the input events the log saw spell the typed key').to.equal(true);
      // It sees custom events' details too: credential-saved carries the key, and only it.
      const carrying = log.carrying(key);
      expect(carrying.map((c) => c.split(' ')[0])).to.deep.equal(flow.saves ? ['credential-saved'] : []);
      expect(watch.scan(key, { element: el })).to.deep.equal([]);
      const input = field(el, 'API Key Value') as HTMLInputElement;
      expect([input.value === '', input.type], 'the key field is empty and masked').to.deep.equal([true, 'password']);
    });
  }
});
