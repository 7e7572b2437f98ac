// Every language (contract section 13): each locale is complete, every message function
// answers, and every state of the overlay and the picker shows no English left. Defined here,
// run by test/i18n-1.test.ts and test/i18n-2.test.ts (half of the languages each, so that a
// busy engine never runs them all against one file's time limit).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/picker.js';
import '../src/providers/azure-openai.js';
import '../src/providers/openai-compatible.js';
import '../src/providers/openrouter.js';
import type { CheckResult, CredentialOverlay } from '../src/index.js';
import type { CredentialPicker, CredentialSummary } from '../src/picker.js';
import { pickerEn } from '../src/picker-strings.js';
import { en } from '../src/strings.js';
import { button, openOverlay, paste, settle, standIn, type StandIn } from './helpers.js';
import { keys } from './keys.js';
import { ar, arPicker } from '../src/locales/ar.js';
import { de, dePicker } from '../src/locales/de.js';
import { es, esPicker } from '../src/locales/es.js';
import { fr, frPicker } from '../src/locales/fr.js';
import { it as itStrings, itPicker } from '../src/locales/it.js';
import { ja, jaPicker } from '../src/locales/ja.js';
import { ko, koPicker } from '../src/locales/ko.js';
import { nl, nlPicker } from '../src/locales/nl.js';
import { pl, plPicker } from '../src/locales/pl.js';
import { ptBR, ptBRPicker } from '../src/locales/pt-BR.js';
import { zhCN, zhCNPicker } from '../src/locales/zh-CN.js';

export const ALL_LOCALES: Array<[string, object, object]> = [
  ['de', de, dePicker],
  ['fr', fr, frPicker],
  ['es', es, esPicker],
  ['pt-BR', ptBR, ptBRPicker],
  ['it', itStrings, itPicker],
  ['nl', nl, nlPicker],
  ['pl', pl, plPicker],
  ['ja', ja, jaPicker],
  ['zh-CN', zhCN, zhCNPicker],
  ['ko', ko, koPicker],
  ['ar', ar, arPicker],
];
const MOCK = `${location.origin}/mock/i18n/openai/v1`;
/** What a check learned (contract section 6): the key is real, out of credit, with models, a credit limit and an expiry. */
const MODELS = ['m1', 'm2'];
const CHECK: CheckResult = {
  status: 'no-credit', models: MODELS, credit: { limit: 10, remaining: 6.8, used: 3.2 }, expiresAt: '2027-01-01T00:00:00.000Z', checkedAt: '2026-12-06T10:00:00.000Z',
};
/** An OpenRouter key of the right shape (`sk-or-v1-` and 64 hex digits). */
const OPENROUTER_KEY = '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';

/** Sample parameters for every message function. */
const SAMPLE = {
  provider: 'OpenAI', other: 'Anthropic', prefix: 'sk-ant-', expected: 'sk-', field: 'Name', length: 12, max: 10, min: 20,
  character: 'x', position: 3, char: '.', allowed: 'a', count: 3, hint: 'sk-…AbCd', said: 'no', reason: 'r', seconds: 10, minutes: 5, status: 503,
  host: 'example.com', kind: 'non-ascii', codePoint: 'U+00E9', name: 'Prod', type: 'project', date: '1.1.2026', remaining: '$6.80', limit: '$10.00',
  parts: [{ kind: 'letters' }, { kind: 'digits' }, { kind: 'hex', value: '0–9, a–f' }, { kind: 'range', value: 'a–c' }, { kind: 'char', value: '_' }],
};

/** Defines every language test for the languages `which` (tags of LOCALES). */
export function describeLanguages(which: readonly string[]): void {
  const LOCALES = ALL_LOCALES.filter(([lang]) => which.includes(lang));
  describe('languages: every locale is complete', () => {
    for (const [lang, overlay, picker] of LOCALES) {
      it(lang, () => {
        for (const [base, strings] of [[en, overlay], [pickerEn, picker]] as const) {
          const missing = Object.keys(base).filter((k) => !(k in strings));
          expect(missing, `${lang}: missing entries`).to.deep.equal([]);
          for (const [k, v] of Object.entries(strings)) {
            expect(typeof v, `${lang}.${k}`).to.equal(typeof (base as unknown as Record<string, unknown>)[k]);
            if (typeof v === 'function') {
              const kinds = k === 'describeCharacter' ? ['space', 'tab', 'line-break', 'whitespace', 'control', 'invisible', 'non-ascii'] : [SAMPLE.kind];
              for (const kind of kinds) {
                const text = v({ ...SAMPLE, kind });
                expect(typeof text === 'string' && text.trim().length > 0, `${lang}.${k}(${kind})`).to.equal(true);
                expect(text, `${lang}.${k}`).not.to.match(/undefined|\[object|NaN/);
              }
            }
          }
        }
        // The presets' own field texts: every built-in field is translated.
        const fields = (overlay as typeof en).fields;
        for (const id of ['organization', 'project', 'endpoint', 'deployment', 'apiVersion', 'baseUrl']) expect(fields[id]?.label, `${lang}.fields.${id}`).to.be.a('string');
      });
    }
  });

  describe('languages: the connect messages', () => {
    for (const [lang, overlay] of LOCALES) {
      it(`${lang}: name the provider's reason only when there is one, and the hint`, () => {
        const s = overlay as typeof en;
        for (const message of [s.connectDenied, s.connectFailed]) {
          const none = message({ provider: 'OpenRouter', reason: '' });
          expect(none, `${lang}: no reason`).not.to.match(/[(（]\s*[)）]|\s[.。]/);
          expect(message({ provider: 'OpenRouter', reason: 'access_denied' }).replace(/[\u2068\u2069]/g, ''), `${lang}: a reason`).to.match(/[(（]access_denied[)）]/);
        }
        expect(s.keyReceived({ provider: 'OpenRouter', hint: 'sk-or-v1-…abcd' }), `${lang}: the hint`).to.include('sk-or-v1-…abcd');
        expect(s.connectTimeout({ provider: 'OpenRouter', minutes: 5 }), `${lang}: the minutes`).to.include('5');
      });
    }
  });

  /** Every text a user can see or hear in `root`: rendered text nodes, names, titles, placeholders. */
  function texts(root: ShadowRoot): string[] {
    const out: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const el = node.parentElement!;
        if (node.nodeValue!.trim() && !el.closest('code') && el.getClientRects().length) out.push(node.nodeValue!.trim());
      } else if (node instanceof Element) {
        for (const a of ['aria-label', 'title', 'placeholder']) if (node.getAttribute(a)) out.push(node.getAttribute(a)!);
        if (node.shadowRoot) walk(node.shadowRoot);
        node.childNodes.forEach(walk);
      } else node.childNodes.forEach(walk);
    };
    walk(root);
    // A text made of parts ("Valid key · 2 models · $6.80 of $10.00 left") counts whole and
    // part by part, so that one part left in English shows.
    return out.map((t) => t.replace(/[\u2068\u2069]/g, '')).flatMap((t) => (t.includes(' · ') ? [t, ...t.split(' · ')] : [t]));
  }

  /**
   * Fragments that are the same in every language: names, codes, hints, numbers, amounts
   * (a currency code such as USD is not English), model ids.
   */
  const universal = (t: string) =>
    !/[A-Za-z]{3}/.test(t.replace(/OpenAI|OpenRouter|Azure|Anthropic|Groq|https?:\/\/\S+|sk-\S*|…\S*|org-\S*|proj_\S*|\b[A-Z]{3}\b/g, '')) ||
    ['OpenAI', 'Azure OpenAI', 'OpenAI-compatible server', 'antropic', 'gpt-4o', ...MODELS].includes(t);
  /** The demo's callback page: with it, an OpenRouter overlay shows "Connect OpenRouter" (contract section 16). */
  const CALLBACK = `${location.origin}/connect-callback.html`;
  const connectOverlay = (lang: string) =>
    html`<credential-overlay lang=${lang} provider="openrouter" connect-callback=${CALLBACK} base-url=${`${location.origin}/mock/openrouter/api/v1`}></credential-overlay>`;
  /** Clicks Connect with `window.open` answering `popup` (null: the browser blocked it), then puts `window.open` back. */
  async function clickConnect(el: CredentialOverlay, popup: StandIn | null) {
    const realOpen = window.open;
    window.open = (() => popup) as unknown as typeof window.open;
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="connect-button"]')!.click();
    } finally {
      window.open = realOpen;
    }
    await el.updateComplete;
  }

  /** Words a language takes over from English as they are. */
  const loanwords: Record<string, string[]> = { it: ['Endpoint'] };

  type State = (el: CredentialOverlay) => Promise<void>;
  const states: Record<string, { template?: (lang: string) => ReturnType<typeof html>; reach?: State }> = {
    open: {},
    'errors on an empty Save': { reach: async (el) => button(el, save(el)).click() },
    'another provider, a space, too short, an admin note': {
      reach: async (el) => {
        for (const k of ['sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv', 'sk-proj-abc def', 'sk-abc', keys.admin]) {
          paste(el.shadowRoot!.getElementById('api-key') as HTMLInputElement, k);
          button(el, save(el)).click();
          await el.updateComplete;
        }
      },
    },
    'Advanced open with invalid IDs': {
      reach: async (el) => {
        el.shadowRoot!.querySelector('details')!.open = true;
        const inputs = el.shadowRoot!.querySelectorAll<HTMLInputElement>('details input');
        for (const input of inputs) paste(input, 'bad id');
        button(el, save(el)).click();
      },
    },
    'edit mode': { template: (lang) => html`<credential-overlay lang=${lang} existing-key-hint="sk-proj-…x9Qz"></credential-overlay>` },
    'a busy save': {
      reach: async (el) => {
        paste(el.shadowRoot!.getElementById('name') as HTMLInputElement, 'Prod');
        paste(el.shadowRoot!.getElementById('api-key') as HTMLInputElement, keys.project);
        el.addEventListener('credential-saved', (e) => e.detail.waitUntil(new Promise(() => {})));
        button(el, save(el)).click();
      },
    },
    'could not confirm': {
      template: (lang) => html`<credential-overlay lang=${lang} verify base-url=${MOCK}></credential-overlay>`,
      reach: async (el) => {
        paste(el.shadowRoot!.getElementById('name') as HTMLInputElement, 'Prod');
        paste(el.shadowRoot!.getElementById('api-key') as HTMLInputElement, `sk-proj-demo-RATE-${keys.project.slice(20)}`);
        button(el, save(el)).click();
        for (let n = 0; n < 200 && !el.shadowRoot!.querySelector('[part="skip-button"]'); n++) await settle();
      },
    },
    'Azure OpenAI with errors on every field': {
      template: (lang) => html`<credential-overlay lang=${lang} provider="azure-openai"></credential-overlay>`,
      reach: async (el) => {
        for (const input of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[id^="f-"]')) paste(input, input.id === 'f-endpoint' ? 'http://example.com' : 'bad value');
        button(el, save(el)).click();
      },
    },
    'an unencrypted Base URL': {
      template: (lang) => html`<credential-overlay lang=${lang} provider="openai-compatible"></credential-overlay>`,
      reach: async (el) => {
        paste(el.shadowRoot!.getElementById('name') as HTMLInputElement, 'Lab');
        paste(el.shadowRoot!.getElementById('f-baseUrl') as HTMLInputElement, 'http://192.168.1.5:8000/v1');
        el.addEventListener('credential-saved', (e) => e.preventDefault());
        button(el, save(el)).click();
      },
    },
    'an unknown provider': { template: (lang) => html`<credential-overlay lang=${lang} provider="antropic"></credential-overlay>` },
    'Check key: no credit left, models, credit and expiry; Default model offering them': {
      template: (lang) =>
        html`<credential-overlay lang=${lang} verify choose-model provider="openrouter" .verifier=${async () => ({ ok: true, check: CHECK })}></credential-overlay>`,
      reach: async (el) => {
        paste(el.shadowRoot!.getElementById('api-key') as HTMLInputElement, OPENROUTER_KEY);
        await el.updateComplete;
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="check-button"]')!.click();
        for (let n = 0; n < 200 && !el.shadowRoot!.querySelector('[part="check-outcome"]'); n++) await settle();
        expect(el.shadowRoot!.querySelector('[part="check-outcome"]')?.classList.contains('ok'), 'a passing check\'s outcome shows').to.equal(true);
      },
    },
    'Default model (choose-model)': { template: (lang) => html`<credential-overlay lang=${lang} choose-model></credential-overlay>` },
    'Connect OpenRouter': {
      template: connectOverlay,
      reach: async (el) => void expect(el.shadowRoot!.querySelector('[part="connect-button"]'), 'the Connect button shows').to.not.equal(null),
    },
    'Connect: waiting for the provider': {
      template: connectOverlay,
      // The attempt stays open until the fixture is removed, which abandons it.
      reach: (el) => clickConnect(el, standIn()),
    },
    'Connect: the browser blocked the window': {
      template: connectOverlay,
      reach: async (el) => {
        await clickConnect(el, null);
        expect(el.shadowRoot!.querySelector('[part="connect-message"]'), 'the message shows').to.not.equal(null);
      },
    },
    'Connect: the key received': {
      template: connectOverlay,
      // The callback page's answer on its channel, and the exchange answering one fixed key, so
      // that both languages show the same hint.
      reach: async (el) => {
        const realFetch = window.fetch;
        window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
          String(input instanceof Request ? input.url : input).endsWith('/auth/keys')
            ? Promise.resolve(new Response(JSON.stringify({ key: OPENROUTER_KEY }), { headers: { 'content-type': 'application/json' } }))
            : realFetch(input, init)) as typeof fetch;
        const channel = new BroadcastChannel('credential-overlay-connect');
        try {
          const popup = standIn();
          await clickConnect(el, popup);
          await waitUntil(() => popup.url, 'the provider page', { timeout: 4000 });
          const state = new URL(new URL(popup.url).searchParams.get('callback_url')!).searchParams.get('state');
          channel.postMessage({ type: 'credential-overlay/connect', state, code: 'i18n-code' });
          await waitUntil(() => el.shadowRoot!.querySelector('[part="key-received"]'), 'the key received', { timeout: 4000 });
        } finally {
          channel.close();
          window.fetch = realFetch;
        }
      },
    },
  };
  /** Save's name in the overlay's language. */
  const save = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[part="save-button"]')!.textContent!.trim();

  async function render(lang: string, state: (typeof states)[string]) {
    const el = await openOverlay(state.template?.(lang) ?? html`<credential-overlay lang=${lang}></credential-overlay>`);
    await state.reach?.(el);
    await el.updateComplete;
    await settle();
    return texts(el.shadowRoot!);
  }

  describe('languages: no English left in any state of the overlay', () => {
    // One test per language and state (each renders two: English once, then the language),
    // so that a slow engine never runs a whole language against one timeout.
    const english: Record<string, Promise<Set<string>>> = {};
    const englishOf = (name: string) => (english[name] ??= render('en', states[name]).then((t) => new Set(t)));
    for (const [lang] of LOCALES) {
      describe(lang, () => {
        for (const [name, state] of Object.entries(states)) {
          it(name, async () => {
            const baseline = await englishOf(name);
            const shown = await render(lang, state);
            expect(shown.length, `${name}: something shows`).to.be.greaterThan(3);
            const left: string[] = [];
            for (const t of shown) {
              expect(t, `${lang}, ${name}`).not.to.match(/undefined|\[object|NaN/);
              if (baseline.has(t) && !universal(t) && !loanwords[lang]?.includes(t)) left.push(`“${t}”`);
            }
            expect(left, `${lang}, ${name}: English left`).to.deep.equal([]);
          });
        }
      });
    }
  });

  describe('languages: no English left in the picker', () => {
    const list = [
      { id: 'a', name: 'Prod', description: 'Nightly', keyHint: 'sk-proj-…x9Qz', keyType: 'project', verified: true, createdAt: '2026-11-02T10:00:00Z' },
      { id: 'b', name: 'Staging', keyHint: 'sk-…AbCd', keyType: 'legacy' },
      // The last check's status and credit (contract section 12), in the provider's currency.
      {
        id: 'c', name: 'Research', keyHint: 'sk-or-v1-…3f5a', provider: 'openrouter', verified: true,
        check: { status: 'limited', credit: { limit: 10, remaining: 6.8, used: 3.2 }, checkedAt: '2026-12-06T10:00:00Z' },
      },
      {
        id: 'd', name: 'Batch', keyHint: 'sk-or-v1-…9e2d', provider: 'openrouter', verified: true,
        check: { status: 'no-credit', credit: { limit: null, remaining: 0, used: 12.5 }, checkedAt: '2026-12-06T10:00:00Z' },
      },
    ] satisfies CredentialSummary[];
    const NAMES = ['Prod', 'Nightly', 'Staging', 'Research', 'Batch'];
    async function shown(lang: string) {
      const all: string[] = [];
      for (const credentials of [[], list]) {
        const host = await fixture(html`<div lang=${lang}><credential-picker .credentials=${credentials}></credential-picker></div>`);
        const p = host.querySelector('credential-picker') as CredentialPicker;
        await p.updateComplete;
        all.push(...texts(p.shadowRoot!).filter((t) => !NAMES.includes(t)));
        if (credentials.length) {
          expect(p.shadowRoot!.querySelectorAll('[part="status"]'), `${lang}: the checks' status shows`).to.have.length(2);
          p.addEventListener('credential-delete', (e) => e.detail.waitUntil(Promise.reject(new Error(''))), { once: true });
          (p.shadowRoot!.querySelector('[part="delete-button"]') as HTMLButtonElement).click();
          await p.updateComplete;
          all.push(...texts(p.shadowRoot!));
          (p.shadowRoot!.querySelector('[data-action="confirm"]') as HTMLButtonElement).click();
          await settle();
          await p.updateComplete;
          all.push(...texts(p.shadowRoot!));
        }
      }
      return all;
    }
    let english: Set<string>;
    before(async () => (english = new Set(await shown('en'))));
    for (const [lang] of LOCALES) {
      it(lang, async () => {
        const left = (await shown(lang)).filter((t) => english.has(t) && !universal(t) && !NAMES.includes(t));
        expect(left, `${lang}: English left`).to.deep.equal([]);
      });
    }
  });
}
