/**
 * Google Gemini (`provider="gemini"`): standard keys `AIza` + 35, and the newer `AQ.` auth
 * keys that AI Studio now issues (https://ai.google.dev/tutorials/setup). Sent in
 * `x-goog-api-key`. Pure data.
 * Sources: https://ai.google.dev/gemini-api/docs/api-key (GEMINI_API_KEY / GOOGLE_API_KEY),
 * https://ai.google.dev/api/models (GET v1beta/models, `{ models: [{ name: "models/…" }] }`, 50 a
 * page unless `pageSize`, at most 1000),
 * https://ai.google.dev/gemini-api/docs/generate-content/api-errors (400 API_KEY_INVALID for a
 * wrong key; 403 PERMISSION_DENIED for a key that exists but is restricted),
 * https://ai.google.dev/gemini-api/docs/troubleshooting and /rate-limits (429 RESOURCE_EXHAUSTED:
 * the project's rate, quota or spend-based limit, applied per project: limited),
 * https://ai.google.dev/gemini-api/docs/billing#prepay with Google's API update "Depleted prepay
 * credits now return HTTP 402 instead of 429" (discuss.ai.google.dev/t/183654): 402, and the 429
 * "Your prepayment credits are depleted" sent before it, are no-credit. Listing models still works
 * for a project without credit (reported in the same forum), so a check rarely sees them. The
 * length of `AQ.` keys is not documented, so it is lenient.
 */
import type { ProviderPreset } from './types.js';

export const gemini: ProviderPreset = {
  id: 'gemini',
  label: 'Google Gemini',
  docsUrl: 'https://aistudio.google.com/app/apikey',
  baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  authHeader: 'x-goog-api-key: {api_key}',
  key: {
    minBodyLength: 20,
    alphabet: 'A-Za-z0-9_.-',
    envNames: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    types: [
      { id: 'standard', prefix: 'AIza' },
      { id: 'auth', prefix: 'AQ.' },
    ],
    shapes: [/^AIza[A-Za-z0-9_-]{35}$/, /^AQ\.[A-Za-z0-9_-]{20,}$/],
  },
  check: {
    // One page of up to 1000 models (the default page is 50).
    url: '{baseUrl}/models?pageSize=1000',
    headers: { 'x-goog-api-key': '{apiKey}' },
    valid: { path: 'models', type: 'array' },
    rejectStatus: [400, 401],
    browser: true,
    noCredit: [{ status: 402 }, { status: 429, says: /prepay(ment)? credits are depleted/i }],
    limited: [{ status: 429, code: 'RESOURCE_EXHAUSTED' }],
    models: { path: 'models', id: 'name', strip: 'models/' },
  },
};
