// The demo host page: an "Authenticate" step of a data platform, playing the part of a host
// that embeds <credential-overlay>. Everything it keeps is non-secret; the key is dropped
// after the simulated save (a real host sends it to its own server).
import { html, nothing, render, svg } from 'lit';
import '../src/index.js';
import type { CredentialOverlay, CredentialSavedDetail } from '../src/index.js';

type ProviderId = 'openai' | 'anthropic';
type Scheme = 'system' | 'light' | 'dark';

/** What the demo keeps of a saved credential: never the key, only what is safe to show. */
interface Credential {
  id: string;
  provider: string;
  name: string;
  description: string;
  keyHint: string;
  keyType: string;
  verified: boolean;
  organization: string;
  project: string;
  created: number;
}

interface Settings {
  provider: ProviderId;
  language: 'en' | 'de';
  verify: boolean;
  fail: boolean;
  scheme: Scheme;
  theme: boolean;
}

const STORE = 'credential-overlay-demo:credentials';
const SELECTED = 'credential-overlay-demo:selected';
const SETTINGS = 'credential-overlay-demo:settings';
const LABELS: Record<ProviderId, string> = { openai: 'OpenAI', anthropic: 'Anthropic' };
const SAVE_DELAY = 700;

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const overlay = $<CredentialOverlay>('#overlay');
const tilesList = $<HTMLUListElement>('#tiles');
const count = $('#count');
const announcer = $('#announcer');
const wizardStatus = $('#wizard-status');
const received = $<HTMLPreElement>('#received');

// ---------------------------------------------------------------------------------------
// Storage (only non-secret fields; a broken or foreign value is ignored, never trusted)

function readJson<T>(key: string, fallback: T): T {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null');
    return value ?? fallback;
  } catch {
    return fallback;
  }
}

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

function loadCredentials(): Credential[] {
  const list = readJson<unknown[]>(STORE, []);
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw) => {
    const c = raw as Partial<Credential> | null;
    if (!c || typeof c.id !== 'string' || typeof c.name !== 'string') return [];
    return [
      {
        id: c.id,
        provider: text(c.provider, 40) || 'openai',
        name: text(c.name, 100),
        description: text(c.description, 1000),
        keyHint: text(c.keyHint, 40),
        keyType: text(c.keyType, 40),
        verified: c.verified === true,
        organization: text(c.organization, 100),
        project: text(c.project, 100),
        created: typeof c.created === 'number' ? c.created : Date.now(),
      },
    ];
  });
}

let credentials = loadCredentials();
let selected: Record<string, string> = readJson(SELECTED, {});
const settings: Settings = {
  provider: 'openai',
  language: 'en',
  verify: false,
  fail: false,
  scheme: 'system',
  theme: false,
  ...readJson<Partial<Settings>>(SETTINGS, {}),
};

function persist(): void {
  localStorage.setItem(STORE, JSON.stringify(credentials));
  localStorage.setItem(SELECTED, JSON.stringify(selected));
}

// ---------------------------------------------------------------------------------------
// Tiles

/** The tile whose delete is being confirmed. */
let confirming: string | null = null;

const icon = (body: ReturnType<typeof svg>, size = 16) =>
  html`<svg viewBox="0 0 24 24" width=${size} height=${size} aria-hidden="true" focusable="false">${body}</svg>`;
const icons = {
  plus: svg`<path d="M12 5v14M5 12h14" />`,
  key: svg`<circle cx="8" cy="15" r="4" /><path d="M10.8 12.2L20 3M16 7l3 3M14 9l2 2" />`,
  check: svg`<path d="M5 12.5l4.5 4.5L19 7.5" />`,
  shield: svg`<path d="M12 3l7 3v5.5c0 4.3-3 7.9-7 9.5-4-1.6-7-5.2-7-9.5V6z" /><path d="M8.8 12.2l2.3 2.3 4.2-4.6" />`,
  trash: svg`<path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />`,
  copy: svg`<rect x="8" y="8" width="12" height="12" rx="2" /><path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />`,
};

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

function visible(): Credential[] {
  return credentials.filter((c) => c.provider === settings.provider);
}

function tile(c: Credential) {
  const isSelected = selected[settings.provider] === c.id;
  const asking = confirming === c.id;
  return html`<li class="tile ${isSelected ? 'selected' : ''}" data-id=${c.id}>
    <label class="tile-select">
      <input type="radio" name="credential" class="tile-radio" value=${c.id} .checked=${isSelected}
        aria-describedby="tile-${c.id}-details" @change=${() => select(c.id)} />
      <span class="tile-name">${c.name}</span>
    </label>
    <div class="tile-details" id="tile-${c.id}-details">
      <p class="tile-description ${c.description ? '' : 'empty'}">${c.description || 'No description'}</p>
      <p class="tile-meta">
        <span class="hint">${icon(icons.key, 14)}<span class="visually-hidden">Key </span><code>${c.keyHint}</code></span>
        <span class="chip">${c.keyType}<span class="visually-hidden"> key</span></span>
        ${c.verified
          ? html`<span class="chip verified">${icon(icons.shield, 14)}Verified</span>`
          : nothing}
      </p>
      ${c.organization || c.project
        ? html`<p class="tile-ids">${[c.organization, c.project].filter(Boolean).join(' · ')}</p>`
        : nothing}
      <p class="tile-date">Added ${dateFormat.format(c.created)}</p>
    </div>
    <div class="tile-actions">
      ${asking
        ? html`<div class="confirm" role="group" aria-labelledby="confirm-${c.id}" @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape') keep(c.id);
          }}>
            <span id="confirm-${c.id}" class="confirm-text">Delete “${c.name}”?</span>
            <button type="button" class="small-button" data-keep @click=${() => keep(c.id)}>Keep</button>
            <button type="button" class="small-button danger" @click=${() => remove(c.id)}>Yes, delete</button>
          </div>`
        : html`<button type="button" class="small-button ghost" data-delete @click=${() => askDelete(c.id)}>
            ${icon(icons.trash)}Delete<span class="visually-hidden"> ${c.name}</span>
          </button>`}
    </div>
  </li>`;
}

function renderTiles(): void {
  const list = visible();
  const label = LABELS[settings.provider];
  render(
    html`${list.map(tile)}
      <li class="tile-add-item">
        <button type="button" class="tile-add" id="add" @click=${() => overlay.show()}>
          <span class="plus">${icon(icons.plus, 22)}</span>
          <span class="add-label">Add Credential</span>
          ${list.length ? nothing : html`<span class="add-help">No ${label} credentials yet. Add one to connect this source.</span>`}
        </button>
      </li>`,
    tilesList,
  );
  count.textContent = list.length === 0 ? 'None yet' : list.length === 1 ? '1 saved' : `${list.length} saved`;
}

function announce(message: string): void {
  // Cleared first, so the same message twice is announced twice.
  announcer.textContent = '';
  requestAnimationFrame(() => (announcer.textContent = message));
}

function select(id: string): void {
  selected[settings.provider] = id;
  persist();
  wizardStatus.textContent = '';
  renderTiles();
}

function askDelete(id: string): void {
  confirming = id;
  renderTiles();
  tilesList.querySelector<HTMLButtonElement>(`[data-id="${CSS.escape(id)}"] [data-keep]`)?.focus();
}

function keep(id: string): void {
  confirming = null;
  renderTiles();
  tilesList.querySelector<HTMLButtonElement>(`[data-id="${CSS.escape(id)}"] [data-delete]`)?.focus();
}

function remove(id: string): void {
  const list = visible();
  const index = list.findIndex((c) => c.id === id);
  const gone = list[index];
  if (!gone) return;
  credentials = credentials.filter((c) => c.id !== id);
  if (selected[settings.provider] === id) delete selected[settings.provider];
  confirming = null;
  persist();
  renderTiles();
  // Focus the tile that took its place, else the one before, else Add Credential.
  const rest = visible();
  const next = rest[Math.min(index, rest.length - 1)];
  const target = next
    ? tilesList.querySelector<HTMLElement>(`[data-id="${CSS.escape(next.id)}"] [data-delete]`)
    : $('#add');
  target?.focus();
  announce(`Deleted “${gone.name}”.`);
}

// ---------------------------------------------------------------------------------------
// The host's part: persist through waitUntil, keep only the safe fields

/**
 * Stands in for `fetch('/api/credentials', { method: 'POST', body: JSON.stringify({ ...safe, apiKey }) })`.
 * The key is "sent" and dropped: nothing keeps a reference to it.
 */
const FAILURE = {
  en: 'The credential store did not answer (simulated 503). Nothing was saved; try again.',
  de: 'Der Zugangsdaten-Speicher hat nicht geantwortet (simulierter Fehler 503). Nichts wurde gespeichert; bitte erneut versuchen.',
};

function simulatedBackend(fail: boolean): Promise<void> {
  return new Promise((resolve, reject) =>
    setTimeout(
      () =>
        fail
          ? reject(new Error(FAILURE[settings.language]))
          : resolve(),
      SAVE_DELAY,
    ),
  );
}

overlay.addEventListener('credential-saved', (event) => {
  // Destructured so the key goes nowhere: not into storage, the page or the console.
  const { apiKey: _apiKey, waitUntil, ...safe } = event.detail as CredentialSavedDetail;
  const saving = simulatedBackend(settings.fail);
  waitUntil(saving);
  received.textContent = JSON.stringify(safe, null, 2);
  saving.then(
    () => {
      const credential: Credential = {
        id: crypto.randomUUID?.() ?? `c${Date.now()}${Math.random().toString(36).slice(2)}`,
        provider: safe.provider,
        name: safe.name,
        description: safe.description,
        keyHint: safe.keyHint,
        keyType: safe.keyType,
        verified: safe.verified,
        organization: safe.organization ?? '',
        project: safe.project ?? '',
        created: Date.now(),
      };
      credentials.push(credential);
      selected[credential.provider] = credential.id;
      persist();
      renderTiles();
      announce(`Saved “${credential.name}” and selected it.`);
    },
    () => {
      /* The overlay shows the error and keeps every value. */
    },
  );
});

$('#continue').addEventListener('click', () => {
  const chosen = visible().find((c) => c.id === selected[settings.provider]);
  wizardStatus.textContent = chosen
    ? `Demo: the next step would configure the source with “${chosen.name}”.`
    : `Select a credential first, or add one.`;
});

// ---------------------------------------------------------------------------------------
// Test keys (fake; the mock answers by the marker word in the key)

const FILLER = 'Xy3kQ9aZ0vL2mN8pT3BlbkFJw7Hc5Ud1';
const TEST_KEYS: { marker: string; title: string; what: string }[] = [
  { marker: 'VALID', title: 'Accepted', what: '200: saved with a Verified badge.' },
  { marker: 'REVOKED', title: 'Rejected', what: '401 invalid key: the error shows on the key field.' },
  { marker: 'SCOPES', title: 'Restricted', what: '401 missing scopes: cannot confirm; “Save without checking”.' },
  { marker: 'RATE', title: 'Rate-limited', what: '429: cannot confirm; “Save without checking”.' },
  { marker: 'DOWN', title: 'Provider down', what: '503: cannot confirm; “Save without checking”.' },
  { marker: 'HANG', title: 'Times out', what: 'Never answers: the check gives up after 10 s.' },
];

function testKey(marker: string): string {
  const prefix = settings.provider === 'anthropic' ? 'sk-ant-api03-' : 'sk-proj-';
  return `${prefix}demo-${marker}-${FILLER}`;
}

async function copy(key: string, button: HTMLButtonElement, title: string): Promise<void> {
  const label = button.querySelector('.copy-label')!;
  try {
    await navigator.clipboard.writeText(key);
    label.textContent = 'Copied';
    announce(`${title} key copied.`);
  } catch {
    // No clipboard permission: select the text so Ctrl+C / Cmd+C copies it.
    const code = button.closest('li')!.querySelector('code')!;
    getSelection()?.selectAllChildren(code);
    label.textContent = 'Selected';
    announce(`${title} key selected: press Control C to copy.`);
  }
  setTimeout(() => (label.textContent = 'Copy'), 1600);
}

function renderTestKeys(): void {
  render(
    TEST_KEYS.map(({ marker, title, what }) => {
      const key = testKey(marker);
      return html`<li>
        <div class="key-head">
          <span class="key-title">${title}</span>
          <button type="button" class="small-button" aria-label="Copy ${title.toLowerCase()} key"
            @click=${(e: Event) => copy(key, e.currentTarget as HTMLButtonElement, title)}>
            ${icon(icons.copy, 14)}<span class="copy-label">Copy</span>
          </button>
        </div>
        <code class="key">${key}</code>
        <p class="key-what">${what}</p>
      </li>`;
    }),
    $('#test-keys'),
  );
  const other = settings.provider === 'anthropic' ? 'sk-proj-…' : 'sk-ant-…';
  $('#keys-more').textContent =
    `Also QUOTA (429 no credit), FORBID (403) and GARBLED (a reply that is not JSON); any other word is rejected as invalid. ` +
    `Without the live check, any well-formed key saves; a key of another provider (${other}) or a cut-off key is refused before any request.`;
}

// ---------------------------------------------------------------------------------------
// Settings

async function applySettings(): Promise<void> {
  const root = document.documentElement;
  root.dataset.scheme = settings.scheme;
  overlay.classList.toggle('brand-theme', settings.theme);

  // Loaded on demand: importing it registers the preset (the default entry has only OpenAI).
  if (settings.provider === 'anthropic') await import('../src/providers/anthropic.js');
  overlay.setAttribute('provider', settings.provider);
  overlay.setAttribute('base-url', `${location.origin}/mock/${settings.provider}/v1`);
  overlay.toggleAttribute('verify', settings.verify);

  if (settings.language === 'de') {
    // Loaded on demand: the default entry carries only English.
    const { de } = await import('../src/locales/de.js');
    overlay.strings = de;
  } else {
    overlay.strings = {};
  }
  overlay.lang = settings.language;

  for (const el of document.querySelectorAll('[data-provider-label]')) el.textContent = LABELS[settings.provider];
  document.title = `Authenticate · New ${LABELS[settings.provider]} source · Acme Data (credential-overlay demo)`;
  localStorage.setItem(SETTINGS, JSON.stringify(settings));
  confirming = null;
  renderTiles();
  renderTestKeys();
}

const providerSelect = $<HTMLSelectElement>('#provider');
const languageSelect = $<HTMLSelectElement>('#language');
const verifyBox = $<HTMLInputElement>('#verify');
const failBox = $<HTMLInputElement>('#fail');
const themeBox = $<HTMLInputElement>('#theme');

providerSelect.value = settings.provider;
languageSelect.value = settings.language;
verifyBox.checked = settings.verify;
failBox.checked = settings.fail;
themeBox.checked = settings.theme;
$<HTMLInputElement>(`#scheme-${settings.scheme}`).checked = true;

providerSelect.addEventListener('change', () => {
  settings.provider = providerSelect.value === 'anthropic' ? 'anthropic' : 'openai';
  void applySettings();
});
languageSelect.addEventListener('change', () => {
  settings.language = languageSelect.value === 'de' ? 'de' : 'en';
  void applySettings();
});
verifyBox.addEventListener('change', () => {
  settings.verify = verifyBox.checked;
  void applySettings();
});
failBox.addEventListener('change', () => {
  settings.fail = failBox.checked;
  void applySettings();
});
themeBox.addEventListener('change', () => {
  settings.theme = themeBox.checked;
  void applySettings();
});
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="scheme"]')) {
  radio.addEventListener('change', () => {
    if (radio.checked) settings.scheme = radio.value as Scheme;
    void applySettings();
  });
}

renderTiles();
void applySettings();
