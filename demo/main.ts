// The demo host page: an "Authenticate" step of a data platform, playing the part of a host
// that embeds <credential-picker> and <credential-overlay>. It persists through its own server
// (server/: PostgreSQL, the key encrypted at rest): the key goes there and nowhere else.
import { html, render, svg } from 'lit';
import '../src/picker.js';
import { CredentialFieldError, type CredentialOverlay, type CredentialSavedDetail, type VerifyResult } from '../src/index.js';
import type { CredentialPicker, CredentialSummary } from '../src/picker.js';
import { markersFor, mockBase, testKeys } from '../test/test-keys.mjs';

type Scheme = 'system' | 'light' | 'dark';
type Verify = 'off' | 'browser' | 'server';

interface Settings {
  provider: string;
  language: string;
  verify: Verify;
  fail: boolean;
  scheme: Scheme;
  theme: boolean;
}

const SELECTED = 'credential-overlay-demo:selected';
const SETTINGS = 'credential-overlay-demo:settings';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const picker = $<CredentialPicker>('#picker');
const overlay = $<CredentialOverlay>('#overlay');
const count = $('#count');
const loadError = $('#load-error');
const announcer = $('#announcer');
const wizardStatus = $('#wizard-status');
const received = $<HTMLPreElement>('#received');
const discard = $<HTMLDialogElement>('#discard');

// The presets and languages other than the default entry's, each loaded when chosen.
const providers = import.meta.glob('../src/providers/*.ts');
const locales = import.meta.glob('../src/locales/*.ts');

function readJson<T>(key: string, fallback: T): T {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') ?? fallback;
  } catch {
    return fallback;
  }
}

/** Which tile is chosen, per provider: ids only. */
const selected: Record<string, string> = readJson(SELECTED, {});
const settings: Settings = { provider: 'openai', language: 'en', verify: 'off', fail: false, scheme: 'system', theme: false, ...readJson<Partial<Settings>>(SETTINGS, {}) };
if (!['off', 'browser', 'server'].includes(settings.verify)) settings.verify = 'off';

let all: CredentialSummary[] = [];
const labelOf = () => $<HTMLSelectElement>('#provider').selectedOptions[0]?.textContent ?? settings.provider;

function announce(message: string): void {
  // Cleared first, so the same message twice is announced twice.
  announcer.textContent = '';
  requestAnimationFrame(() => (announcer.textContent = message));
}

// ---------------------------------------------------------------------------------------
// The server

/** The API's error as the overlay shows it: on its field when it names one. */
async function failure(response: Response): Promise<Error> {
  let error: { field?: string; message?: string } | undefined;
  try {
    error = (await response.json()).error;
  } catch {
    error = undefined;
  }
  const message = error?.message ?? `The server answered ${response.status}. Nothing was saved; try again.`;
  return error?.field && !['body', 'provider', 'id', 'path'].includes(error.field) ? new CredentialFieldError(error.field, message) : new Error(message);
}

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  if (settings.fail) throw new Error('The credential store did not answer (simulated: the demo setting "Simulate a backend failure" is on). Nothing was saved; try again.');
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return response;
}

async function load(): Promise<void> {
  try {
    const response = await fetch('/api/credentials');
    if (!response.ok) throw await failure(response);
    all = await response.json();
    loadError.textContent = '';
  } catch (error) {
    loadError.textContent = `The saved credentials could not be loaded: ${(error as Error).message}`;
  }
  showTiles();
}

function showTiles(): void {
  const list = all.filter((c) => c.provider === settings.provider);
  picker.credentials = list;
  picker.value = selected[settings.provider] ?? '';
  count.textContent = list.length === 0 ? 'None yet' : list.length === 1 ? '1 saved' : `${list.length} saved`;
}

// ---------------------------------------------------------------------------------------
// The host's part of the overlay's and the picker's events

overlay.addEventListener('credential-saved', (event) => {
  const { apiKey, waitUntil, ...safe } = event.detail as CredentialSavedDetail;
  // The credential edited (the picker sets credential-id on Edit), "" for a new one. A moved
  // Base URL or Endpoint comes with the key again: the overlay requires it (section 10).
  const { id } = safe;
  // The server checks the key itself before it marks the credential Verified.
  const body = { name: safe.name, description: safe.description, fields: safe.fields, apiKey, verify: safe.verified };
  const saving = id
    ? api('PATCH', `/api/credentials/${id}`, body)
    : api('POST', '/api/credentials', { provider: safe.provider, ...body });
  waitUntil(saving);
  // What the page received, without the key.
  received.textContent = JSON.stringify({ ...safe, apiKey: apiKey ? '(sent to the server, not kept)' : '' }, null, 2);
  saving.then(
    async (response) => {
      const saved: CredentialSummary = await response.json();
      selected[settings.provider] = saved.id;
      localStorage.setItem(SELECTED, JSON.stringify(selected));
      await load();
      announce(id ? `Saved the changes to “${saved.name}”.` : `Saved “${saved.name}” and selected it.`);
    },
    () => {
      /* The overlay shows the error on its field and keeps every value. */
    },
  );
});

// A close the user asked for, with something typed: ask first.
overlay.addEventListener('credential-request-close', (event) => {
  if (!event.detail.dirty) return;
  event.preventDefault();
  discard.showModal();
  $('#discard-keep').focus();
});
$('#discard-yes').addEventListener('click', () => {
  discard.close();
  overlay.close();
});
$('#discard-keep').addEventListener('click', () => discard.close());

picker.addEventListener('credential-select', (event) => {
  selected[settings.provider] = event.detail.id;
  localStorage.setItem(SELECTED, JSON.stringify(selected));
  wizardStatus.textContent = '';
});

picker.addEventListener('credential-delete', (event) => {
  const { id, name, waitUntil } = event.detail;
  const deleting = api('DELETE', `/api/credentials/${id}`);
  waitUntil(deleting);
  deleting.then(
    async () => {
      if (selected[settings.provider] === id) delete selected[settings.provider];
      localStorage.setItem(SELECTED, JSON.stringify(selected));
      await load();
      announce(`Deleted “${name}”.`);
    },
    () => {
      /* The tile shows the error. */
    },
  );
});

/** "From the server": the overlay's check asks this page's server. */
async function serverCheck(key: string, ctx: { provider: string; fields: Readonly<Record<string, string>>; keyChanged: boolean; signal: AbortSignal }): Promise<VerifyResult> {
  // A kept key is checked by id on the server; the overlay never calls this with an empty key
  // for fields that would send it to a new address.
  const body = ctx.keyChanged ? { provider: ctx.provider, apiKey: key, fields: ctx.fields } : { id: overlay.credentialId, fields: ctx.fields };
  const response = await fetch('/api/credentials/check', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: ctx.signal,
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}

$('#continue').addEventListener('click', () => {
  const chosen = all.find((c) => c.id === picker.value && c.provider === settings.provider);
  wizardStatus.textContent = chosen
    ? `Demo: the next step would configure the source with “${chosen.name}”.`
    : 'Select a credential first, or add one.';
});

// ---------------------------------------------------------------------------------------
// Test keys (fake; the mock answers by the marker word in the key)

const copyIcon = svg`<rect x="8" y="8" width="12" height="12" rx="2" /><path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />`;

async function copy(text: string, button: HTMLButtonElement, title: string): Promise<void> {
  const label = button.querySelector('.copy-label')!;
  try {
    await navigator.clipboard.writeText(text);
    label.textContent = 'Copied';
    announce(`${title} copied.`);
  } catch {
    // No clipboard permission: select the text so Ctrl+C / Cmd+C copies it.
    getSelection()?.selectAllChildren(button.closest('li')!.querySelector('code')!);
    label.textContent = 'Selected';
    announce(`${title} selected: press Control C to copy.`);
  }
  setTimeout(() => (label.textContent = 'Copy'), 1600);
}

const item = (title: string, text: string, what: string) =>
  html`<li>
    <div class="key-head">
      <span class="key-title">${title}</span>
      <button type="button" class="small-button" aria-label="Copy ${title.toLowerCase()}"
        @click=${(e: Event) => copy(text, e.currentTarget as HTMLButtonElement, title)}>
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">${copyIcon}</svg><span class="copy-label">Copy</span>
      </button>
    </div>
    <code class="key">${text}</code>
    <p class="key-what">${what}</p>
  </li>`;

function renderTestKeys(): void {
  const keys = testKeys[settings.provider];
  const base = mockBase(settings.provider, location.origin);
  const extra =
    settings.provider === 'azure-openai'
      ? [item('Endpoint (the mock)', base, 'Paste into Endpoint; Deployment can be any name, such as gpt-4o.')]
      : settings.provider === 'openai-compatible'
        ? [item('Base URL (the mock)', base, 'Paste into Base URL. The key is optional here.')]
        : [];
  render(
    [
      ...extra,
      ...Object.entries(markersFor(settings.provider)).map(([marker, what]) => item(`${marker[0]}${marker.slice(1).toLowerCase()} key`, keys[marker], `${what[0].toUpperCase()}${what.slice(1)}.`)),
    ],
    $('#test-keys'),
  );
  $('#keys-more').textContent =
    'Any other word is refused as a wrong key. Without the live check, any well-formed key saves; a key of another provider or a cut-off key is refused before any request.';
}

// ---------------------------------------------------------------------------------------
// Settings

async function applySettings(): Promise<void> {
  document.documentElement.dataset.scheme = settings.scheme;
  for (const el of [overlay, picker]) el.classList.toggle('brand-theme', settings.theme);

  // Every preset but OpenAI is an entry of its own, loaded when chosen.
  await providers[`../src/providers/${settings.provider}.ts`]?.();
  picker.provider = settings.provider;
  picker.label = `${labelOf()} credentials`;
  overlay.provider = settings.provider;
  overlay.verify = settings.verify !== 'off';
  overlay.verifier = settings.verify === 'server' ? serverCheck : undefined;
  overlay.baseUrl = mockBase(settings.provider, location.origin);
  // With the live check, "Default model" offers the models the check listed.
  overlay.chooseModel = settings.verify !== 'off';
  // Connect instead of paste (OpenRouter): this site's callback page, and the mock's approval page.
  overlay.connectCallback = `${location.origin}/connect-callback.html`;
  overlay.connectUrl = `${location.origin}/mock/openrouter/auth`;

  // Languages: registered when loaded, chosen by the nearest lang (here the picker's).
  await locales[`../src/locales/${settings.language}.ts`]?.();
  picker.lang = settings.language;
  picker.dir = settings.language === 'ar' ? 'rtl' : '';

  for (const el of document.querySelectorAll('[data-provider-label]')) el.textContent = labelOf();
  document.title = `Authenticate · New ${labelOf()} source · Acme Data (credential-overlay demo)`;
  localStorage.setItem(SETTINGS, JSON.stringify(settings));
  showTiles();
  renderTestKeys();
}

const providerSelect = $<HTMLSelectElement>('#provider');
const languageSelect = $<HTMLSelectElement>('#language');
const verifySelect = $<HTMLSelectElement>('#verify');
const failBox = $<HTMLInputElement>('#fail');
const themeBox = $<HTMLInputElement>('#theme');

// Only the languages this build has.
for (const option of [...languageSelect.options]) if (option.value !== 'en' && !locales[`../src/locales/${option.value}.ts`]) option.remove();
if (![...providerSelect.options].some((o) => o.value === settings.provider)) settings.provider = 'openai';
if (![...languageSelect.options].some((o) => o.value === settings.language)) settings.language = 'en';

providerSelect.value = settings.provider;
languageSelect.value = settings.language;
verifySelect.value = settings.verify;
failBox.checked = settings.fail;
themeBox.checked = settings.theme;
$<HTMLInputElement>(`#scheme-${settings.scheme}`).checked = true;

providerSelect.addEventListener('change', () => {
  settings.provider = providerSelect.value;
  void applySettings();
});
languageSelect.addEventListener('change', () => {
  settings.language = languageSelect.value;
  void applySettings();
});
verifySelect.addEventListener('change', () => {
  settings.verify = verifySelect.value as Verify;
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

void applySettings().then(load);
