// Fake keys for every preset, in each provider's shape where the shape allows a marker word,
// that the local mock (test/mock-api.mjs) answers by that word. Used by the tests and shown
// by the demo with copy buttons. Plain data: importable from Node and the browser.

/** `word` padded with a fixed filler of `alphabet` to `length` characters. */
function pad(word, length, alphabet = 'Xy3kQ9aZ0vL2mN8pT5bW7cR4dF6gH1jK') {
  let out = word;
  for (let i = 0; out.length < length; i++) out += alphabet[i % alphabet.length];
  return out.slice(0, length);
}

/** The marker words the mock understands (a key holds one); `markersFor` says what each means to a user. */
const MARKERS = ['VALID', 'MANY', 'ODD', 'REVOKED', 'SCOPES', 'RATE', 'QUOTA', 'DOWN', 'HANG'];

/** Presets whose rate-limit answer (RATE) proves the key: the check says "limited". */
export const LIMITED_PRESETS = ['openai', 'anthropic', 'gemini', 'mistral', 'groq', 'deepseek', 'cohere'];
/** Presets whose no-credit answer (QUOTA) proves the key: the check says "no-credit". */
export const NO_CREDIT_PRESETS = ['openai', 'anthropic', 'gemini', 'mistral', 'groq', 'openrouter', 'deepseek', 'xai', 'cohere'];

/** The status the mock answers a DOWN key with, where it is not 503 (test/mock-api.mjs). */
export const DOWN_STATUS = { anthropic: 529, openrouter: 502 };

/**
 * The models the mock lists for a VALID key, as the check reports them (Gemini's without
 * `models/`); OpenRouter's and Cohere's checks list none.
 */
export const MOCK_MODELS = {
  openai: ['gpt-4.1', 'gpt-4o', 'gpt-4o-mini', 'o4-mini', 'text-embedding-3-small'],
  anthropic: ['claude-haiku-4-5-20251001', 'claude-sonnet-4-5-20250929', 'claude-opus-4-1-20250805'],
  'azure-openai': ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', 'text-embedding-3-large', 'dall-e-3'],
  'openai-compatible': ['llama3.1:8b', 'qwen2.5-coder:7b', 'nomic-embed-text:latest'],
  gemini: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.0-flash', 'gemini-embedding-001'],
  mistral: ['mistral-large-latest', 'mistral-small-latest', 'codestral-latest', 'mistral-embed'],
  groq: ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant', 'openai/gpt-oss-120b', 'whisper-large-v3'],
  deepseek: ['deepseek-chat', 'deepseek-reasoner'],
  xai: ['grok-4', 'grok-4-fast-reasoning', 'grok-3-mini', 'grok-code-fast-1'],
};

/** What each marker means for `preset`, in the order to show them (OpenRouter has UNLIMITED too). */
export function markersFor(preset) {
  const credit = preset === 'openrouter';
  const models = preset in MOCK_MODELS;
  return {
    VALID: credit ? 'accepted, with $6.80 of a $10.00 credit left' : models ? 'accepted, with the models it may use' : 'accepted',
    ...(credit && { UNLIMITED: 'accepted, a key without a credit limit' }),
    ...(models && { MANY: 'accepted, with 1,000 models' }),
    ODD: 'accepted, though parts of the answer are odd: those are left out',
    REVOKED: 'wrong or revoked key',
    SCOPES: 'restricted key: could not confirm',
    RATE: LIMITED_PRESETS.includes(preset) ? 'rate limited right now: a real key, saved as Rate-limited' : 'rate limited: could not confirm',
    QUOTA: NO_CREDIT_PRESETS.includes(preset) ? 'no credit left: a real key, saved as No credit left' : 'no credit left: could not confirm',
    DOWN: 'provider down: could not confirm',
    HANG: 'no answer: gives up after 10 s',
  };
}

const shapes = {
  openai: (m) => `sk-proj-demo-${m}-${pad('', 36)}T3BlbkFJw7Hc5Ud1`,
  anthropic: (m) => `sk-ant-api03-demo-${m}-${pad('', 80)}AA`,
  'azure-openai': (m) => pad(m, 84),
  'openai-compatible': (m) => `sk-local-${m}-${pad('', 24)}`,
  gemini: (m) => `AIza${pad(m, 35)}`,
  mistral: (m) => pad(m, 32),
  groq: (m) => `gsk_${pad(m, 52)}`,
  openrouter: (m) => `sk-or-v1-${pad(m, 64, '0123456789abcdef')}`,
  deepseek: (m) => `sk-${pad(m, 32)}`,
  xai: (m) => `xai-${pad(m, 80)}`,
  cohere: (m) => pad(m, 40),
};

/** `testKeys[preset][marker]`: a fake key of that preset that the mock answers with `marker`. */
export const testKeys = Object.fromEntries(
  Object.entries(shapes).map(([id, shape]) => [id, Object.fromEntries(MARKERS.concat('UNLIMITED', 'FORBID', 'GARBLED', 'BLOCKED').map((m) => [m, shape(m)]))]),
);

/** Where each preset's check goes on the mock, below `origin` (with an optional session). */
export function mockBase(preset, origin, session = '') {
  const root = `${origin}/mock/${session ? `${session}/` : ''}${preset}`;
  return {
    openai: `${root}/v1`,
    anthropic: `${root}/v1`,
    'azure-openai': root,
    'openai-compatible': `${root}/v1`,
    gemini: `${root}/v1beta`,
    mistral: `${root}/v1`,
    groq: `${root}/openai/v1`,
    openrouter: `${root}/api/v1`,
    deepseek: root,
    xai: `${root}/v1`,
    cohere: root,
  }[preset];
}
