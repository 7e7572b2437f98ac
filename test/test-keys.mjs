// Fake keys for every preset, in each provider's shape where the shape allows a marker word,
// that the local mock (test/mock-api.mjs) answers by that word. Used by the tests and shown
// by the demo with copy buttons. Plain data: importable from Node and the browser.

/** `word` padded with a fixed filler of `alphabet` to `length` characters. */
function pad(word, length, alphabet = 'Xy3kQ9aZ0vL2mN8pT5bW7cR4dF6gH1jK') {
  let out = word;
  for (let i = 0; out.length < length; i++) out += alphabet[i % alphabet.length];
  return out.slice(0, length);
}

/** The markers the mock understands, and what each means to a user. */
export const MARKERS = {
  VALID: 'accepted',
  REVOKED: 'wrong or revoked key',
  SCOPES: 'restricted key: could not confirm',
  RATE: 'rate limited: could not confirm',
  QUOTA: 'no credit left: could not confirm',
  DOWN: 'provider down: could not confirm',
  HANG: 'no answer: gives up after 10 s',
};

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
  Object.entries(shapes).map(([id, shape]) => [id, Object.fromEntries(Object.keys(MARKERS).concat('FORBID', 'GARBLED', 'BLOCKED').map((m) => [m, shape(m)]))]),
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
