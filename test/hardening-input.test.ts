/**
 * Issue 5, part 3: a battery of hostile input through the element. Each case pastes into
 * the field as the browser's editing code does (`insertText`: the path a real paste takes,
 * which turns line breaks into spaces in a single-line field), presses Save and asserts the
 * exact outcome: the exact message next to the field, or the exact `detail` emitted.
 */
import { expect, html } from '@open-wc/testing';
import type { CredentialOverlay, CredentialSavedEvent } from '../src/index.js';
import { button, description, dialog, engine, fakeClock, field, openOverlay, record, restoreClock, type Control } from './helpers.js';
import { filler, keys } from './keys.js';

const P = keys.project; // 164 characters
const EMPTY = 'Paste your OpenAI API key.';
const WRONG_PREFIX = 'OpenAI API keys start with sk-. Copy the whole key from your API keys page.';
const inside = (what: string, position: number) => `The key contains ${what} at position ${position}. Remove it, or copy the key again.`;
const badChar = (char: string, position: number) =>
  `The key contains “${char}” at position ${position}; OpenAI keys use only letters, digits, _ and -. Copy the key again.`;
const otherProvider = (name: string, prefix: string) => `This looks like a key from ${name} (${prefix}). Paste your OpenAI key; it starts with sk-.`;
const tooShort = (n: number) => `This key is too short: ${n} characters after sk-, at least 20 expected. Was it cut off when copying?`;
const tooLong = (n: number) => `This is ${n} characters long; an API key has at most 512. Paste only the key.`;
const nonAscii = (char: string, cp: string, position: number) => inside(`the non-ASCII character “${char}” (${cp})`, position);

/** Pastes `text` the way the browser inserts a paste: replaces the selection through the editing code. */
function realPaste(control: Control, text: string): void {
  control.focus();
  control.select();
  if (text) document.execCommand('insertText', false, text);
  else document.execCommand('delete');
}

const keyError = (el: CredentialOverlay) => el.shadowRoot!.querySelector('#api-key-error')!.textContent!.trim();
const errorOf = (el: CredentialOverlay, id: string) => el.shadowRoot!.querySelector(`#${id}-error`)!.textContent!.trim();
const noteText = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[part="note"]')?.textContent?.trim() ?? '';

type KeyCase = [
  name: string,
  pasted: string,
  outcome: { apiKey: string; keyType?: string; note?: RegExp } | { error: string | RegExp | ((held: string) => string) },
];

const keyCases: KeyCase[] = [
  // Nothing there
  ['empty', '', { error: EMPTY }],
  ['spaces and tabs only', ' \t  \t ', { error: EMPTY }],
  ['line breaks, no-break and zero-width characters only', '\r\n\u00A0\u200B\uFEFF\u2060\n', { error: EMPTY }],
  ['"Bearer" alone', 'Bearer', { error: EMPTY }],
  ['an empty pair of quotes', '""', { error: EMPTY }],
  // Size
  // The count is what the field holds: WebKit caps a text field's value at 524,288
  // characters (its maximum length), the other engines keep all 1,048,576.
  ['a 1 MB paste of key characters', `sk-proj-${'a'.repeat(1048576 - 8)}`, { error: (held) => tooLong(held.length) }],
  ['a 1 MB paste of text (a log)', 'x '.repeat(524288), { error: inside('a space', 2) }],
  ['513 characters', `sk-${filler(510)}`, { error: tooLong(513) }],
  ['512 characters (the longest accepted)', `sk-${filler(509)}`, { apiKey: `sk-${filler(509)}`, keyType: 'unknown', note: /does not look like the keys OpenAI issues today/ }],
  // Control characters
  ['NUL inside', `${P.slice(0, 20)}\u0000${P.slice(20)}`, { error: inside('a control character (U+0000)', 21) }],
  ['NUL at the end', `${P}\u0000`, { error: inside('a control character (U+0000)', 165) }],
  ['an ANSI colour escape before the key', `\u001b[32m${P}`, { error: inside('a control character (U+001B)', 1) }],
  ['DEL inside', `${P.slice(0, 29)}\u007f${P.slice(29)}`, { error: inside('a control character (U+007F)', 30) }],
  ['a C1 control inside', `${P.slice(0, 9)}\u0085${P.slice(9)}`, { error: inside('a line break', 10) }],
  // Bidi controls
  ['U+202E right-to-left override inside', `sk-proj-\u202E${P.slice(8)}`, { error: inside('an invisible character (U+202E)', 9) }],
  ['U+202E before the key', `\u202E${P}`, { error: inside('an invisible character (U+202E)', 1) }],
  ['U+2066 left-to-right isolate inside', `${P.slice(0, 50)}\u2066${P.slice(50)}`, { error: inside('an invisible character (U+2066)', 51) }],
  ['U+200F right-to-left mark after the key', `${P}\u200F`, { error: inside('an invisible character (U+200F)', 165) }],
  // Zero-width and no-break characters
  ['zero-width space inside', `${P.slice(0, 30)}\u200B${P.slice(30)}`, { error: inside('an invisible character (U+200B)', 31) }],
  ['word joiner inside', `${P.slice(0, 30)}\u2060${P.slice(30)}`, { error: inside('an invisible character (U+2060)', 31) }],
  ['soft hyphen inside', `${P.slice(0, 30)}\u00AD${P.slice(30)}`, { error: inside('an invisible character (U+00AD)', 31) }],
  ['byte order mark (zero-width no-break space) inside', `${P.slice(0, 30)}\uFEFF${P.slice(30)}`, { error: inside('an invisible character (U+FEFF)', 31) }],
  ['no-break space inside', `${P.slice(0, 30)}\u00A0${P.slice(30)}`, { error: inside('a space character (U+00A0)', 31) }],
  ['zero-width, no-break and BOM characters around', `\uFEFF\u00A0\u200B${P}\u200D\u2060\u00A0`, { apiKey: P, keyType: 'project' }],
  // Homoglyphs and emoji
  ['Cyrillic ѕ in the prefix', `\u0455k-${P.slice(3)}`, { error: nonAscii('ѕ', 'U+0455', 1) }],
  ['Cyrillic о inside the body', `${P.slice(0, 11)}\u043E${P.slice(12)}`, { error: nonAscii('о', 'U+043E', 12) }],
  ['fullwidth ｓｋ－', `\uFF53\uFF4B\uFF0D${P.slice(3)}`, { error: nonAscii('ｓ', 'U+FF53', 1) }],
  ['an emoji inside (counted as one character)', `sk-proj-ab🔑${P.slice(8)}`, { error: nonAscii('🔑', 'U+1F511', 11) }],
  ['an emoji after the key', `${P}🔑`, { error: nonAscii('🔑', 'U+1F511', 165) }],
  // Pasted twice
  ['pasted twice with a line break (the browser makes it a space)', `${P}\n${P}`, { error: inside('a space', 165) }],
  ['pasted twice with a comma', `${P},${P}`, { error: badChar(',', 165) }],
  ['pasted twice with nothing between', `${P}${P}`, { error: /twice/ }],
  ['a legacy key pasted twice with nothing between', `${keys.legacy}${keys.legacy}`, { error: /twice/ }],
  // Line breaks, quotes, Bearer, export
  ['a trailing newline', `${P}\n`, { apiKey: P, keyType: 'project' }],
  ['a trailing CRLF and leading tab', `\t${P}\r\n`, { apiKey: P, keyType: 'project' }],
  ['double quotes', `"${P}"`, { apiKey: P, keyType: 'project' }],
  ['single quotes', `'${P}'`, { apiKey: P, keyType: 'project' }],
  ['backticks', `\`${P}\``, { apiKey: P, keyType: 'project' }],
  ['angle brackets', `<${P}>`, { apiKey: P, keyType: 'project' }],
  ['${…}', `\${${P}}`, { apiKey: P, keyType: 'project' }],
  ['typographic quotes (not unwrapped: named)', `“${P}”`, { error: nonAscii('“', 'U+201C', 1) }],
  ['an opening quote only', `"${P}`, { error: WRONG_PREFIX }],
  ['a closing quote only', `${P}"`, { error: badChar('"', 165) }],
  ['Bearer', `Bearer ${P}`, { apiKey: P, keyType: 'project' }],
  ['bearer, lower case, several spaces', `bearer    ${P}`, { apiKey: P, keyType: 'project' }],
  ['Authorization: Bearer', `Authorization: Bearer ${P}`, { apiKey: P, keyType: 'project' }],
  ['Authorization: Bearer "…"', `Authorization: Bearer "${P}"`, { apiKey: P, keyType: 'project' }],
  ['a curl header argument', `-H "Authorization: Bearer ${P}"`, { error: inside('a space', 3) }],
  ['export OPENAI_API_KEY=', `export OPENAI_API_KEY=${P}`, { apiKey: P, keyType: 'project' }],
  ['export OPENAI_API_KEY="…"', `export OPENAI_API_KEY="${P}"`, { apiKey: P, keyType: 'project' }],
  ["OPENAI_API_KEY = '…' (spaces)", `OPENAI_API_KEY = '${P}'`, { apiKey: P, keyType: 'project' }],
  ['OPENAI_API_KEY: (YAML)', `OPENAI_API_KEY: ${P}`, { apiKey: P, keyType: 'project' }],
  ['a .env line with a comment', `OPENAI_API_KEY=${P} # prod`, { error: inside('a space', 165) }],
  // Other providers
  ['Anthropic', `sk-ant-api03-${filler(90)}`, { error: otherProvider('Anthropic', 'sk-ant-') }],
  ['OpenRouter', `sk-or-v1-${filler(64, 'abcdef0123456789')}`, { error: otherProvider('OpenRouter', 'sk-or-') }],
  ['Groq', `gsk_${filler(52)}`, { error: otherProvider('Groq', 'gsk_') }],
  ['Google', `AIza${filler(35)}`, { error: otherProvider('Google', 'AIza') }],
  ['xAI', `xai-${filler(80)}`, { error: otherProvider('xAI', 'xai-') }],
  ['Perplexity', `pplx-${filler(48)}`, { error: otherProvider('Perplexity', 'pplx-') }],
  ['Hugging Face', `hf_${filler(34)}`, { error: otherProvider('Hugging Face', 'hf_') }],
  ['a ChatGPT session token', `sess-${filler(40)}`, { error: 'This looks like a ChatGPT session token (sess-), not an API key. Paste your OpenAI API key; it starts with sk-.' }],
  // Truncated, masked, not a key
  ['truncated', P.slice(0, 22), { error: tooShort(19) }],
  ['only the prefix', 'sk-', { error: tooShort(0) }],
  ['a masked hint copied from a list', 'sk-proj-…x9Qz', { error: nonAscii('…', 'U+2026', 9) }],
  ['asterisks from a masked display', `sk-proj-****${filler(30)}`, { error: badChar('*', 9) }],
  ['a JWT-like dotted value', `sk-proj-${filler(20)}.${filler(20)}`, { error: badChar('.', 29) }],
  ['the API keys page URL', 'https://platform.openai.com/api-keys', { error: WRONG_PREFIX }],
  ['upper-case prefix', `SK-${P.slice(3)}`, { error: WRONG_PREFIX }],
  // Real shapes
  ['legacy', keys.legacy, { apiKey: keys.legacy, keyType: 'legacy' }],
  ['service account', keys.serviceAccount, { apiKey: keys.serviceAccount, keyType: 'service-account' }],
  ['admin (a note, not blocked)', keys.admin, { apiKey: keys.admin, keyType: 'admin', note: /admin key/ }],
  ['user', keys.user, { apiKey: keys.user, keyType: 'user' }],
];

describe('hostile input: the API Key Value field', () => {
  for (const [name, pasted, outcome] of keyCases) {
    it(name, async () => {
      const el = await openOverlay();
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      realPaste(field(el, 'Credential Name'), 'Prod');
      const key = field(el, 'API Key Value');
      realPaste(key, pasted);
      const before = key.value;
      // A note shows only while the overlay is open: keep it open after the save.
      if ('note' in outcome && outcome.note) el.addEventListener('credential-saved', (e) => e.preventDefault());
      button(el, 'Save').click(); // returns: no freeze, even for 1 MB
      await el.updateComplete;
      if ('apiKey' in outcome) {
        const error = keyError(el);
        expect(error, 'no error').to.equal('');
        expect(saved.length, 'one credential-saved').to.equal(1);
        const { detail } = saved[0];
        expect(detail.apiKey === outcome.apiKey, `apiKey ${JSON.stringify(detail.apiKey.slice(0, 40))}…`).to.equal(true);
        if (outcome.keyType) expect(detail.keyType).to.equal(outcome.keyType);
        // The note does not block (one event above), and the user sees it, next to the field
        // and as the field's accessible description.
        if (outcome.note) {
          expect(noteText(el)).to.match(outcome.note);
          expect(description(el, key)).to.match(outcome.note);
        } else {
          expect(noteText(el), 'no note').to.equal('');
        }
      } else {
        expect(saved.length, 'no credential-saved').to.equal(0);
        if (typeof outcome.error === 'function') {
          expect(key.value.length, 'the field holds the paste (WebKit: its first 524,288 characters)').to.equal(engine === 'webkit' ? Math.min(pasted.length, 524288) : pasted.length);
          expect(keyError(el)).to.equal(outcome.error(key.value));
        } else if (typeof outcome.error === 'string') expect(keyError(el)).to.equal(outcome.error);
        else expect(`${keyError(el)} ${noteText(el)}`).to.match(outcome.error);
        expect(key.getAttribute('aria-invalid'), 'aria-invalid').to.equal('true');
        expect(key.value === before, 'the value is kept').to.equal(true);
        expect(dialog(el).open).to.equal(true);
      }
    });
  }

  it('shows the note for an unusual but accepted shape (kept open by preventDefault)', async () => {
    const el = await openOverlay();
    el.addEventListener('credential-saved', (e) => e.preventDefault());
    realPaste(field(el, 'Credential Name'), 'Prod');
    realPaste(field(el, 'API Key Value'), `sk-${filler(509)}`);
    button(el, 'Save').click();
    await el.updateComplete;
    expect(noteText(el)).to.equal('This key does not look like the keys OpenAI issues today. Check that it is complete; it can still be saved.');
  });
});

const MARKUP = [
  '<img src=x onerror="window.__pwned = (window.__pwned || 0) + 1">',
  '<script>window.__pwned = (window.__pwned || 0) + 1</script>',
  '"><svg onload="window.__pwned=1">',
  '${alert(1)} {{constructor.constructor("window.__pwned=1")()}} <!-- -->',
];
/** Elements the overlay never renders: one of them means markup got through. */
const injected = (el: CredentialOverlay) => el.shadowRoot!.querySelectorAll('img, script, iframe, object, embed, style:not([data-lit]), [onerror], [onload]').length;
const pwned = () => (window as unknown as { __pwned?: number }).__pwned;

type TextCase = [name: string, value: { name?: string; description?: string }, outcome: { saved: { name: string; description: string } } | { nameError?: string; descriptionError?: string }];

const N = 'x'.repeat(100);
const textCases: TextCase[] = [
  ...MARKUP.map((m, i): TextCase => [`markup in the name (${i + 1})`, { name: m }, { saved: { name: m, description: '' } }]),
  ...MARKUP.map((m, i): TextCase => [`markup in the description (${i + 1})`, { description: `line 1\n${m}` }, { saved: { name: 'Prod', description: `line 1\n${m}` } }]),
  ['a name of 10,000 characters', { name: 'n'.repeat(10_000) }, { nameError: 'Credential Name is 10000 characters long. Shorten it to 100 characters or fewer.' }],
  ['a name of 101 characters', { name: `${N}y` }, { nameError: 'Credential Name is 101 characters long. Shorten it to 100 characters or fewer.' }],
  ['a name of exactly 100 characters', { name: N }, { saved: { name: N, description: '' } }],
  ['a name of 100 emoji (100 characters, 200 code units)', { name: '🔑'.repeat(100) }, { saved: { name: '🔑'.repeat(100), description: '' } }],
  ['a name of 101 emoji', { name: '🔑'.repeat(101) }, { nameError: 'Credential Name is 101 characters long. Shorten it to 100 characters or fewer.' }],
  ['a name of spaces only', { name: ' \u00A0 ' }, { nameError: 'Enter a name for this credential.' }],
  ['a name with spaces around (trimmed)', { name: '  Prod  ' }, { saved: { name: 'Prod', description: '' } }],
  ['a name with a right-to-left override (kept as text)', { name: '\u202Eevil.exe' }, { saved: { name: '\u202Eevil.exe', description: '' } }],
  ['a description of 1,001 characters', { description: 'd'.repeat(1001) }, { descriptionError: 'Credential Description is 1001 characters long. Shorten it to 1000 characters or fewer.' }],
  ['a description of exactly 1,000 characters', { description: 'd'.repeat(1000) }, { saved: { name: 'Prod', description: 'd'.repeat(1000) } }],
  ['a description of 100,000 characters', { description: 'd'.repeat(100_000) }, { descriptionError: 'Credential Description is 100000 characters long. Shorten it to 1000 characters or fewer.' }],
  ['both over their limits: both errors, focus on the name', { name: 'n'.repeat(10_000), description: 'd'.repeat(5000) }, {
    nameError: 'Credential Name is 10000 characters long. Shorten it to 100 characters or fewer.',
    descriptionError: 'Credential Description is 5000 characters long. Shorten it to 1000 characters or fewer.',
  }],
];

describe('hostile input: Credential Name and Description', () => {
  beforeEach(() => delete (window as unknown as { __pwned?: number }).__pwned);
  afterEach(restoreClock);

  for (const [name, value, outcome] of textCases) {
    it(name, async () => {
      const el = await openOverlay();
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      const nameField = field(el, 'Credential Name');
      const descriptionField = field(el, 'Credential Description');
      realPaste(nameField, value.name ?? 'Prod');
      realPaste(descriptionField, value.description ?? '');
      realPaste(field(el, 'API Key Value'), P);
      const before = [nameField.value, descriptionField.value];
      const clock = fakeClock();
      button(el, 'Save').click();
      await clock.runAll();
      // Markup would run only through an element made from it (an <img onerror>, an <svg
      // onload>): none exists, so no handler can run later.
      expect(injected(el), 'elements created from the text').to.equal(0);
      expect(pwned(), 'script ran').to.equal(undefined);
      if ('saved' in outcome) {
        expect(saved.length).to.equal(1);
        expect({ name: saved[0].detail.name, description: saved[0].detail.description }).to.deep.equal(outcome.saved);
      } else {
        expect(saved.length, 'no credential-saved').to.equal(0);
        expect(errorOf(el, 'name')).to.equal(outcome.nameError ?? '');
        expect(errorOf(el, 'description')).to.equal(outcome.descriptionError ?? '');
        expect([nameField.value, descriptionField.value].map((v, i) => v === before[i]), 'never cut').to.deep.equal([true, true]);
        expect(el.shadowRoot!.activeElement?.id).to.equal(outcome.nameError ? 'name' : 'description');
      }
    });
  }

  it('markup in heading, credential-name and credential-description attributes is text', async () => {
    const [m1, m2, m3] = MARKUP;
    const el = await openOverlay(html`<credential-overlay heading=${m1} credential-name=${m2} credential-description=${m3}></credential-overlay>`);
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(m1);
    expect(dialog(el).getAttribute('aria-labelledby')).to.equal('heading');
    expect(field(el, 'Credential Name').value).to.equal(m2);
    expect(field(el, 'Credential Description').value).to.equal(m3);
    realPaste(field(el, 'API Key Value'), P);
    button(el, 'Save').click();
    expect(saved.length).to.equal(1);
    expect(saved[0].detail.name).to.equal(m2.trim());
    expect(injected(el)).to.equal(0);
    expect(pwned()).to.equal(undefined);
  });

  it('markup in strings, in a verifier message and in a host rejection is text', async () => {
    const el = await openOverlay(html`<credential-overlay verify></credential-overlay>`);
    el.strings = { heading: MARKUP[0], save: MARKUP[1] };
    el.verifier = async () => ({ ok: false, message: MARKUP[2] });
    await el.updateComplete;
    const clock = fakeClock();
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(MARKUP[0]);
    realPaste(field(el, 'Credential Name'), 'Prod');
    realPaste(field(el, 'API Key Value'), P);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save-button"]')!.click();
    await clock.runAll();
    expect(keyError(el)).to.equal(MARKUP[2]);
    el.verify = false;
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(Promise.reject(new Error(MARKUP[3]))));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save-button"]')!.click();
    await clock.runAll();
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(MARKUP[3]);
    expect(injected(el)).to.equal(0);
    expect(pwned()).to.equal(undefined);
  });
});

const DEFAULT_BASE = 'https://api.openai.com/v1';
const refused = (attribute: string) => `<credential-overlay>: ${attribute} ignored; only https: (or http: to localhost) is allowed.`;
const DEFAULT_DOCS = 'https://platform.openai.com/api-keys';
const refusedUrls = [
  'javascript:alert(1)',
  'JavaScript:alert(document.domain)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://evil.example/0b7e',
  'ftp://localhost/',
  'ws://localhost:8080/',
  'http://evil.example/v1',
  'http://localhost.evil.com/v1',
  'http://127.0.0.1.nip.io/v1',
  'http://localhost@evil.com/v1',
  'http://evil.com#@localhost',
  'http://0.0.0.0:8080/v1',
  'http://10.0.0.1/v1',
  '//evil.example/v1',
  '/relative/v1',
  'not a url',
  // A user:password@ part disguises the real host; fetch() refuses such URLs anyway.
  'https://user:pass@api.example.com/v1',
  'https://platform.openai.com@evil.example/keys',
];
const allowedUrls = [
  'https://proxy.example.com/openai/v1',
  'http://localhost:8080/v1',
  'HTTP://LOCALHOST:8080/v1',
  'http://127.0.0.1:9/v1',
  'http://[::1]:8080/v1',
];

describe('hostile base-url and docs-url', () => {
  let warnings: unknown[][];
  /** Every console call but `warn`s, as [method, ...args]. */
  let others: unknown[][];
  const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  let originals: Array<readonly [(typeof METHODS)[number], (...a: unknown[]) => void]>;
  beforeEach(() => {
    warnings = [];
    others = [];
    originals = METHODS.map((m) => [m, console[m]] as const);
    for (const m of METHODS) console[m] = (...args: unknown[]) => void (m === 'warn' ? warnings.push(args) : others.push([m, ...args]));
  });
  afterEach(() => originals.forEach(([m, original]) => (console[m] = original)));

  for (const url of refusedUrls) {
    it(`refuses ${JSON.stringify(url)} with one warning per attribute`, async () => {
      const el = await openOverlay(html`<credential-overlay base-url=${url}></credential-overlay>`);
      expect(el.baseUrl).to.equal(DEFAULT_BASE);
      expect(warnings.length, 'warnings for base-url').to.equal(1);
      expect(String(warnings[0][0])).to.equal(refused('base-url'));
      const el2 = await openOverlay(html`<credential-overlay docs-url=${url}></credential-overlay>`);
      expect(el2.docsUrl).to.equal(DEFAULT_DOCS);
      expect(el2.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal(DEFAULT_DOCS);
      expect(warnings.length, 'warnings for both').to.equal(2);
      expect(String(warnings[1][0])).to.equal(refused('docs-url'));
    });
  }

  for (const url of allowedUrls) {
    it(`accepts ${JSON.stringify(url)} without a warning`, async () => {
      const el = await openOverlay(html`<credential-overlay base-url=${url} docs-url=${url}></credential-overlay>`);
      expect(el.baseUrl).to.equal(url);
      expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal(url);
      expect(warnings).to.deep.equal([]);
    });
  }

  it('a hostile value set later as a property falls back to the default, not to the earlier value', async () => {
    const el = await openOverlay(html`<credential-overlay base-url="https://proxy.example.com/v1" docs-url="https://docs.example.com/keys"></credential-overlay>`);
    el.baseUrl = 'javascript:alert(1)';
    el.docsUrl = 'http://evil.example/keys';
    await el.updateComplete;
    expect(el.baseUrl).to.equal(DEFAULT_BASE);
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal(DEFAULT_DOCS);
    expect(warnings.map((w) => w.map(String).join(' '))).to.deep.equal([refused('base-url'), refused('docs-url')]);
  });

  for (const attribute of ['base-url', 'docs-url']) {
    it(`warns once about a refused ${attribute}, and the warning never repeats the URL (it may carry a token)`, async () => {
      const url = `http://evil.example/v1?token=SECRET${Math.random().toString(36).slice(2)}`;
      const el = await openOverlay(html`<credential-overlay></credential-overlay>`, false);
      el.setAttribute(attribute, url);
      await el.show();
      expect(warnings.map((w) => w.map(String).join(' ')), 'one warning, saying what was ignored').to.deep.equal([refused(attribute)]);
      expect(others, 'no other console output').to.deep.equal([]);
      const logged = JSON.stringify([warnings, others]);
      for (const part of [url, url.split('?')[1], 'evil.example']) expect(logged.includes(part), `the console holds ${part}`).to.equal(false);
    });
  }
});
