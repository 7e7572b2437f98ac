// Editing a saved credential (contract section 10): the overlay opens with the saved values,
// shows only the saved key's hint, and keeps the saved key unless the user types a new one.
import { expect, html } from '@open-wc/testing';
import type { CredentialOverlay, CredentialSavedEvent } from '../src/index.js';
import { button, description, dialog, errorOf, fakeClock, field, findLeaks, openOverlay, paste, record, restoreClock, runtimeKey, sendKeys } from './helpers.js';
import { recordEvents, type EventLog } from './leak-scanner.js';
import { testKeys } from './test-keys.mjs';
import '../src/providers/azure-openai.js';
import '../src/providers/openai-compatible.js';
import { keys } from './keys.js';

const HINT = 'sk-proj-…x9Qz';
const heading = (el: CredentialOverlay) => el.shadowRoot!.getElementById(dialog(el).getAttribute('aria-labelledby')!)!.textContent!.trim();

/** An overlay opened on a saved credential named Production. */
function editing(extra: Partial<CredentialOverlay> = {}) {
  return openOverlay(
    html`<credential-overlay existing-key-hint=${HINT} credential-name="Production" credential-description="nightly job"
      .values=${{ organization: 'org-Abc123' }} .verify=${extra.verify ?? false}></credential-overlay>`,
  );
}

/** Saves and returns the one `credential-saved` detail. */
function save(el: CredentialOverlay) {
  const saved = record<CredentialSavedEvent>(el, 'credential-saved');
  button(el, 'Save').click();
  expect(saved, 'one credential-saved').to.have.length(1);
  return saved[0].detail;
}

describe('edit mode: what the user sees', () => {
  it('is named "Edit Credential" and opens with the saved values and an empty key field', async () => {
    const el = await editing();
    expect(heading(el)).to.equal('Edit Credential');
    expect(field(el, 'Credential Name').value).to.equal('Production');
    expect(field(el, 'Credential Description').value).to.equal('nightly job');
    expect(field(el, 'Organization ID').value).to.equal('org-Abc123');
    const key = field(el, 'API Key Value') as HTMLInputElement;
    expect(key.value).to.equal('');
    expect(key.type).to.equal('password');
    expect(key.required).to.equal(false);
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'Credential Name'));
  });

  it('shows the saved hint next to the key field, as its accessible description, never as its value', async () => {
    const el = await editing();
    const key = field(el, 'API Key Value');
    const text = 'Saved key: sk-proj-…x9Qz. Leave empty to keep it.';
    expect(el.shadowRoot!.querySelector('[part="saved-key"]')!.textContent!.trim()).to.equal(text);
    expect(description(el, key)).to.include(text);
    expect(key.value).to.equal('');
    expect(key.getAttribute('value')).to.equal(null);
  });

  it('marks the key field optional', async () => {
    const el = await editing();
    const row = field(el, 'API Key Value').closest('.field')!;
    expect(row.querySelector('.optional')?.textContent?.trim()).to.equal('optional');
  });

  it('lets the heading attribute and strings.editHeading win', async () => {
    const a = await openOverlay(html`<credential-overlay existing-key-hint=${HINT} heading="Rotate key"></credential-overlay>`);
    expect(heading(a)).to.equal('Rotate key');
    const b = await openOverlay(html`<credential-overlay existing-key-hint=${HINT} .strings=${{ editHeading: 'Change credential' }}></credential-overlay>`);
    expect(heading(b)).to.equal('Change credential');
  });

  it('renders a hint with markup as text', async () => {
    const el = await openOverlay(html`<credential-overlay existing-key-hint="sk-<b>x</b>…1234"></credential-overlay>`);
    const saved = el.shadowRoot!.querySelector('[part="saved-key"]')!;
    expect(saved.querySelector('b')).to.equal(null);
    expect(saved.textContent).to.include('sk-<b>x</b>…1234');
  });
});

describe('edit mode: what Save emits', () => {
  it('keeps the saved key when the field is left empty, with nothing changed', async () => {
    const el = await editing();
    const d = save(el);
    expect(d).to.include({ mode: 'edit', apiKey: '', keyChanged: false, keyHint: HINT, keyType: 'project', name: 'Production' });
    expect(d.changed).to.deep.equal([]);
    expect(d.fields).to.deep.equal({ organization: 'org-Abc123', project: '' });
    expect(d.organization).to.equal('org-Abc123');
  });

  it('lists what changed', async () => {
    const el = await editing();
    paste(field(el, 'Credential Name'), 'Production EU');
    paste(field(el, 'Organization ID'), '');
    expect(save(el).changed).to.deep.equal(['name', 'organization']);
  });

  it('keeps the saved key when a key was typed and deleted again', async () => {
    const el = await editing();
    const key = field(el, 'API Key Value');
    key.focus();
    await sendKeys({ type: 'sk-abc' });
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'Backspace' });
    expect(key.value).to.equal('');
    const d = save(el);
    expect(d).to.include({ apiKey: '', keyChanged: false, keyHint: HINT });
    expect(d.changed).to.deep.equal([]);
  });

  it('rotates: a new key is validated as in add mode', async () => {
    const el = await editing();
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    paste(field(el, 'API Key Value'), 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv');
    button(el, 'Save').click();
    await el.updateComplete;
    expect(saved).to.have.length(0);
    expect(errorOf(el, field(el, 'API Key Value'))).to.match(/^This looks like a key from Anthropic/);
    paste(field(el, 'API Key Value'), keys.serviceAccount);
    button(el, 'Save').click();
    expect(saved).to.have.length(1);
    expect(saved[0].detail).to.include({
      mode: 'edit',
      apiKey: keys.serviceAccount,
      keyChanged: true,
      keyType: 'service-account',
      keyHint: `sk-svcacct-…${keys.serviceAccount.slice(-4)}`,
    });
    expect(saved[0].detail.changed).to.deep.equal(['apiKey']);
  });

  it('derives the key type from the saved hint where it can, else "unknown"', async () => {
    for (const [hint, type] of [
      ['sk-svcacct-…AbCd', 'service-account'],
      ['sk-admin-…AbCd', 'admin'],
      ['sk-…AbCd', 'unknown'],
      ['…AbCd', 'unknown'],
    ]) {
      const el = await openOverlay(html`<credential-overlay existing-key-hint=${hint} credential-name="A"></credential-overlay>`);
      expect(save(el)).to.include({ keyType: type, keyHint: hint });
    }
  });

  it('stays in edit mode while open; add mode from the next opening once the hint is removed', async () => {
    const el = await editing();
    el.removeAttribute('existing-key-hint');
    await el.updateComplete;
    expect(heading(el)).to.equal('Edit Credential');
    expect(save(el).mode).to.equal('edit');
    await el.show();
    expect(heading(el)).to.equal('Add New Credential');
    expect((field(el, 'API Key Value') as HTMLInputElement).required).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="saved-key"]')).to.equal(null);
  });
});

describe('edit mode: bad input', () => {
  const warnings: string[] = [];
  const warn = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  // Eight real key shapes, and other strings that are not hints: none is ever shown or emitted.
  const notHints: Array<[string, string]> = [
    ['an OpenAI legacy key', keys.legacy],
    ['an OpenAI project key', keys.project],
    ['an OpenAI service-account key', keys.serviceAccount],
    ['an OpenAI admin key', keys.admin],
    ['an Anthropic key', testKeys.anthropic.VALID],
    ['a Gemini key', testKeys.gemini.VALID],
    ['an Azure key of 32 hex characters', '0123456789abcdef0123456789abcdef'],
    ['a Mistral key', testKeys.mistral.VALID],
    ['a hint with a long prefix', `sk-proj-${'a'.repeat(60)}…AbCd`],
    ['a hint with more than 4 characters after the mask', 'sk-…AbCdEf'],
    ['a hint with a control character', 'sk-proj-…\u0007AbCd'],
    ['two masks', 'sk-…ab…cd'],
  ];
  for (const [what, hint] of notHints) {
    it(`never shows or emits ${what} given as a hint: one warning without it, still edit mode`, async () => {
      // A property, so that the only attribute or text holding it would be one the overlay made.
      const el = await openOverlay(html`<credential-overlay .existingKeyHint=${hint} credential-name="A"></credential-overlay>`);
      expect(heading(el)).to.equal('Edit Credential');
      const text = el.shadowRoot!.querySelector('[part="saved-key"]')!.textContent!.trim();
      expect(text).to.equal('A key is saved. Leave empty to keep it.');
      expect(description(el, field(el, 'API Key Value'))).to.include(text);
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      el.close();
      await el.show();
      button(el, 'Save').click();
      expect(saved).to.have.length(1);
      expect(saved[0].detail).to.include({ mode: 'edit', keyHint: '', apiKey: '', keyChanged: false });
      const about = warnings.filter((w) => w.includes('existing-key-hint'));
      expect(about, 'one warning').to.have.length(1);
      expect(about[0]).not.to.include(hint);
      expect(findLeaks(hint, [saved[0].detail])).to.deep.equal([]);
    });
  }

  it('takes a hint masked with asterisks', async () => {
    const el = await openOverlay(html`<credential-overlay existing-key-hint="****AbCd" credential-name="A"></credential-overlay>`);
    expect(el.shadowRoot!.querySelector('[part="saved-key"]')!.textContent!.trim()).to.equal('Saved key: ****AbCd. Leave empty to keep it.');
    expect(save(el)).to.include({ keyHint: '****AbCd' });
    expect(warnings).to.deep.equal([]);
  });

  it('never takes a key from values, and ignores unknown ids, each with a warning', async () => {
    const el = await openOverlay(html`<credential-overlay .values=${{ apiKey: keys.project, region: 'eu', project: 'proj_Abc' }}></credential-overlay>`);
    expect(field(el, 'API Key Value').value).to.equal('');
    expect(field(el, 'Project ID').value).to.equal('proj_Abc');
    expect(warnings.some((w) => w.includes('values.apiKey'))).to.equal(true);
    expect(warnings.some((w) => w.includes('values.region'))).to.equal(true);
    for (const w of warnings) expect(w).not.to.include(keys.project);
  });
});

describe('edit mode: no path emits a key the user did not type', () => {
  // Each path puts a key into the key field (typed with the keyboard, or pasted) and takes it
  // out again (deleted with the keyboard, or cleared by a close), then saves: the saved key is
  // kept, and the key that was typed is nowhere: in no event (credential-saved included), no
  // attribute, no text, no storage.
  let log: EventLog | undefined;
  afterEach(() => {
    log?.stop();
    log = undefined;
    restoreClock();
  });

  const keyField = (el: CredentialOverlay) => field(el, 'API Key Value') as HTMLInputElement;
  async function typeKey(el: CredentialOverlay, key: string) {
    keyField(el).focus();
    await sendKeys({ type: key });
    expect(keyField(el).value === key, 'the key field holds the typed key').to.equal(true);
  }
  /** Selects the key field's text and deletes it with Backspace. */
  async function deleteKey(el: CredentialOverlay) {
    keyField(el).focus();
    keyField(el).select();
    await sendKeys({ press: 'Backspace' });
    expect(keyField(el).value, 'the key field after Backspace').to.equal('');
  }

  const paths: Array<[string, (el: CredentialOverlay, key: string) => Promise<void>]> = [
    ['typed, revealed, deleted; then save', async (el, key) => {
      await typeKey(el, key);
      button(el, 'Show API key').click();
      await el.updateComplete;
      expect(keyField(el).type).to.equal('text');
      await deleteKey(el);
    }],
    ['pasted, deleted; then save', async (el, key) => {
      paste(keyField(el), key);
      await deleteKey(el);
    }],
    ['typed, a failed save (no name), deleted, the name back; then save', async (el, key) => {
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      await typeKey(el, key);
      paste(field(el, 'Credential Name'), '');
      button(el, 'Save').click();
      await el.updateComplete;
      expect([saved.length, errorOf(el, field(el, 'Credential Name'))]).to.deep.equal([0, 'Enter a name for this credential.']);
      await deleteKey(el);
      paste(field(el, 'Credential Name'), 'Production');
    }],
    ['typed, deleted, a save the host refuses (waitUntil rejects); then save', async (el, key) => {
      await typeKey(el, key);
      await deleteKey(el);
      const clock = fakeClock();
      el.addEventListener('credential-saved', (e) => e.detail.waitUntil(Promise.reject(new Error('busy'))), { once: true });
      button(el, 'Save').click();
      await clock.runAll();
      clock.restore();
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).to.equal('busy');
    }],
    ['typed, another provider and back, deleted; then save', async (el, key) => {
      await typeKey(el, key);
      el.provider = 'anthropic';
      await el.updateComplete;
      el.provider = 'openai';
      await el.updateComplete;
      await deleteKey(el);
    }],
    ['typed, Escape refused by the host (credential-request-close prevented), deleted; then save', async (el, key) => {
      await typeKey(el, key);
      el.addEventListener('credential-request-close', (e) => e.preventDefault(), { once: true });
      await sendKeys({ press: 'Escape' });
      expect(dialog(el).open, 'kept open').to.equal(true);
      await deleteKey(el);
    }],
    ['typed, closed and opened again; then save', async (el, key) => {
      await typeKey(el, key);
      el.close();
      await el.show();
      expect(keyField(el).value).to.equal('');
    }],
  ];
  for (const [name, act] of paths) {
    it(name, async () => {
      const key = runtimeKey();
      const el = await editing();
      log = recordEvents(el);
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      await act(el, key);
      button(el, 'Save').click();
      log.stop();
      expect(saved.length, 'credential-saved').to.be.greaterThan(0);
      for (const e of saved) {
        expect(e.detail).to.include({ mode: 'edit', apiKey: '', keyChanged: false, keySource: 'kept', keyHint: HINT, keyType: 'project' });
        expect(e.detail.changed).to.not.include('apiKey');
      }
      expect(log.carrying(key), 'events that carry the typed key').to.deep.equal([]);
      expect(findLeaks(key, saved.map((e) => e.detail)), 'attributes, text, URL, storage, saved details').to.deep.equal([]);
      expect(keyField(el).value, 'the key field after Save').to.equal('');
    });
  }
});

describe('edit mode: the live check', () => {
  it('skips the built-in check when the key is kept (verified: false), and sends no request', async () => {
    const el = await editing({ verify: true });
    const calls: string[] = [];
    const real = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => (calls.push(String(input)), real(input, init))) as typeof fetch;
    try {
      const d = save(el);
      expect(d).to.include({ verified: false, apiKey: '', keyChanged: false });
      expect(calls).to.deep.equal([]);
    } finally {
      window.fetch = real;
    }
  });

  it('still calls a verifier, with an empty key and keyChanged: false', async () => {
    const el = await editing({ verify: true });
    const seen: unknown[] = [];
    el.verifier = async (key, ctx) => (seen.push({ key, mode: ctx.mode, keyChanged: ctx.keyChanged, organization: ctx.organization }), { ok: true });
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    button(el, 'Save').click();
    await new Promise((r) => setTimeout(r));
    expect(seen).to.deep.equal([{ key: '', mode: 'edit', keyChanged: false, organization: 'org-Abc123' }]);
    expect(saved[0].detail).to.include({ verified: true, apiKey: '', keyChanged: false });
  });
});

describe('edit mode: a new address needs the key again (section 10)', () => {
  const AZURE = { endpoint: 'https://contoso.openai.azure.com', deployment: 'gpt-4o', apiVersion: '2024-10-21' };
  function azure(extra = html``) {
    return openOverlay(html`<credential-overlay provider="azure-openai" credential-id="c1" existing-key-hint="…cdef"
      credential-name="Azure prod" .values=${AZURE}>${extra}</credential-overlay>`);
  }

  it('keeps the key optional while the Endpoint is unchanged', async () => {
    const el = await azure();
    expect((field(el, 'API Key Value') as HTMLInputElement).required).to.equal(false);
    paste(field(el, 'Deployment'), 'gpt-4o-mini');
    expect(save(el)).to.include({ id: 'c1', apiKey: '', keyChanged: false, keyType: 'resource' });
  });

  it('makes the key required, says why, and emits nothing with the key empty after the Endpoint changed', async () => {
    const el = await azure();
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    paste(field(el, 'Endpoint'), 'https://attacker.example.com');
    await el.updateComplete;
    const key = field(el, 'API Key Value') as HTMLInputElement;
    const message = 'The key will be sent to a new address: enter it again.';
    expect(key.required).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="saved-key"]')!.textContent!.trim()).to.equal(message);
    expect(description(el, key)).to.include(message);
    button(el, 'Save').click();
    await el.updateComplete;
    expect(saved).to.have.length(0);
    expect(errorOf(el, key)).to.equal(message);
    expect(key.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(key);
  });

  it('saves once the key is entered again, as a rotation', async () => {
    const el = await azure();
    paste(field(el, 'Endpoint'), 'https://fabrikam.openai.azure.com');
    paste(field(el, 'API Key Value'), '0123456789abcdef0123456789abcdef');
    const d = save(el);
    expect(d).to.include({ id: 'c1', apiKey: '0123456789abcdef0123456789abcdef', keyChanged: true });
    expect(d.changed).to.deep.equal(['apiKey', 'endpoint']);
  });

  it('keeps the key optional when the Endpoint is changed and put back (compared trimmed)', async () => {
    const el = await azure();
    paste(field(el, 'Endpoint'), 'https://x.openai.azure.com');
    paste(field(el, 'Endpoint'), ` ${AZURE.endpoint} `);
    await el.updateComplete;
    expect((field(el, 'API Key Value') as HTMLInputElement).required).to.equal(false);
    expect(save(el)).to.include({ apiKey: '', keyChanged: false });
  });

  it('calls no verifier with an empty key when the address moved', async () => {
    const el = await azure();
    el.verify = true;
    const calls: string[] = [];
    el.verifier = async (key) => (calls.push(key), { ok: true });
    paste(field(el, 'Endpoint'), 'https://attacker.example.com');
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    button(el, 'Save').click();
    await el.updateComplete;
    expect(calls).to.deep.equal([]);
    expect(saved).to.have.length(0);
  });

  it('needs the key again for a moved Base URL of an OpenAI-compatible server with a saved key', async () => {
    const el = await openOverlay(html`<credential-overlay provider="openai-compatible" credential-id="c2" existing-key-hint="sk-…abcd"
      credential-name="vLLM" .values=${{ baseUrl: 'https://llm.example.com/v1' }}></credential-overlay>`);
    paste(field(el, 'Base URL'), 'https://elsewhere.example.com/v1');
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    button(el, 'Save').click();
    await el.updateComplete;
    expect(saved).to.have.length(0);
    expect(errorOf(el, field(el, 'API Key Value'))).to.equal('The key will be sent to a new address: enter it again.');
  });

  it('lets a credential saved without a key move: there is nothing to send', async () => {
    const el = await openOverlay(html`<credential-overlay provider="openai-compatible" credential-id="c3"
      credential-name="Ollama" .values=${{ baseUrl: 'http://192.168.1.20:11434/v1' }}></credential-overlay>`);
    expect(el.shadowRoot!.querySelector('[part="saved-key"]')).to.equal(null);
    paste(field(el, 'Base URL'), 'http://192.168.1.21:11434/v1');
    await el.updateComplete;
    expect((field(el, 'API Key Value') as HTMLInputElement).required).to.equal(false);
    expect(save(el)).to.include({ id: 'c3', mode: 'edit', apiKey: '', keyChanged: false });
  });
});
