// <credential-picker> accessibility (contract section 12): axe finds nothing in any state, in
// light, dark, forced colours, right to left and at 320 px; one column at 320 px, nothing
// overflowing; selection shown by more than colour.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/picker.js';
import type { CredentialPicker, CredentialSummary } from '../src/picker.js';
import { darkPage, emulateMediaFeatures, setViewport, settle } from './helpers.js';

const long = 'A very long credential name that keeps going without a break: Supercalifragilisticexpialidocious-production-eu-west';
const list: CredentialSummary[] = [
  { id: 'a', name: 'Production', description: 'Nightly enrichment job', keyHint: 'sk-proj-…x9Qz', keyType: 'project', verified: true, createdAt: '2026-11-02T10:00:00Z' },
  { id: 'b', name: long, description: `${long} ${long} ${long}`, keyHint: 'sk-…AbCd', keyType: 'legacy' },
];
const DEFAULT_VIEWPORT = { width: 800, height: 600 };

const button = (p: CredentialPicker, name: string) =>
  [...p.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;

const states: Record<string, (p: CredentialPicker) => Promise<void>> = {
  empty: async (p) => {
    p.credentials = [];
  },
  list: async () => {},
  selected: async (p) => {
    p.value = 'a';
  },
  'confirming delete': async (p) => {
    button(p, 'Delete Production').click();
  },
  deleting: async (p) => {
    p.addEventListener('credential-delete', (e) => e.detail.waitUntil(new Promise(() => {})), { once: true });
    button(p, 'Delete Production').click();
    await p.updateComplete;
    button(p, 'Delete').click();
  },
  error: async (p) => {
    p.addEventListener('credential-delete', (e) => e.detail.waitUntil(Promise.reject(new Error('The server is down.'))), { once: true });
    button(p, 'Delete Production').click();
    await p.updateComplete;
    button(p, 'Delete').click();
    await settle();
  },
};

let undo: (() => void) | undefined;
afterEach(async () => {
  undo?.();
  undo = undefined;
  await emulateMediaFeatures();
  await setViewport(DEFAULT_VIEWPORT);
  document.documentElement.removeAttribute('dir');
});

describe('picker: axe in every state', () => {
  const conditions: Record<string, (ctx: Mocha.Context) => Promise<void>> = {
    light: async () => {},
    dark: async (ctx) => {
      undo = await darkPage(ctx);
    },
    'forced colours': (ctx) => emulateMediaFeatures(ctx, { name: 'forced-colors', value: 'active' }),
    RTL: async () => {
      document.documentElement.dir = 'rtl';
    },
    '320 px': () => setViewport({ width: 320, height: 640 }),
  };
  for (const [condition, apply] of Object.entries(conditions)) {
    it(`finds nothing in ${condition}`, async function () {
      await apply(this);
      for (const [state, reach] of Object.entries(states)) {
        const p = await fixture<CredentialPicker>(html`<credential-picker .credentials=${list}></credential-picker>`);
        await reach(p);
        await p.updateComplete;
        try {
          await expect(p, state).to.be.accessible();
        } catch (e) {
          throw new Error(`${state}: ${(e as Error).message}`);
        }
      }
    });
  }
});

describe('picker: layout', () => {
  it('is one column at 320 px, and long names and descriptions never overflow', async () => {
    await setViewport({ width: 320, height: 640 });
    const p = await fixture<CredentialPicker>(html`<credential-picker .credentials=${list}></credential-picker>`);
    const tiles = [...p.shadowRoot!.querySelectorAll<HTMLElement>('[part~="tile"]')];
    const lefts = new Set(tiles.map((t) => Math.round(t.getBoundingClientRect().left)));
    expect(lefts.size).to.equal(1);
    for (const el of p.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > document.documentElement.clientWidth + 0.5) throw new Error(`${el.className || el.localName} overflows: ${r.right}`);
    }
    // A long description is clamped, not spilled.
    const description = tiles[1].querySelector<HTMLElement>('[part="description"]')!;
    expect(description.scrollHeight).to.be.greaterThan(description.clientHeight);
  });

  it('marks the selected tile by more than colour: a check mark, in forced colours too', async function () {
    await emulateMediaFeatures(this, { name: 'forced-colors', value: 'active' });
    const p = await fixture<CredentialPicker>(html`<credential-picker .credentials=${list} value="a"></credential-picker>`);
    const selected = p.shadowRoot!.querySelector('[part~="tile-selected"]')!;
    expect(selected.querySelector('.mark svg')).to.not.equal(null);
    expect(p.shadowRoot!.querySelectorAll('.mark svg')).to.have.length(1);
    expect(parseFloat(getComputedStyle(selected).borderTopWidth)).to.be.greaterThan(parseFloat(getComputedStyle(p.shadowRoot!.querySelectorAll('[part~="tile"]')[1]).borderTopWidth));
  });

  it('has targets of at least 24×24 px', async () => {
    const p = await fixture<CredentialPicker>(html`<credential-picker .credentials=${list}></credential-picker>`);
    for (const b of p.shadowRoot!.querySelectorAll('button')) {
      const r = b.getBoundingClientRect();
      expect(r.width >= 24 && r.height >= 24, b.getAttribute('aria-label') ?? b.textContent!).to.equal(true);
    }
  });
});
