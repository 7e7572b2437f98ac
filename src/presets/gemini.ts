/**
 * Google Gemini (`provider="gemini"`): standard keys `AIza` + 35, and the newer `AQ.` auth
 * keys that AI Studio now issues (https://ai.google.dev/tutorials/setup). Sent in
 * `x-goog-api-key`. Pure data.
 * Sources: https://ai.google.dev/gemini-api/docs/api-key (GEMINI_API_KEY / GOOGLE_API_KEY),
 * https://ai.google.dev/api/models (GET v1beta/models, `{ models: [...] }`),
 * https://ai.google.dev/gemini-api/docs/generate-content/api-errors (400 API_KEY_INVALID for a
 * wrong key; 403 PERMISSION_DENIED for a key that exists but is restricted). The length of `AQ.`
 * keys is not documented, so it is lenient.
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
    url: '{baseUrl}/models',
    headers: { 'x-goog-api-key': '{apiKey}' },
    valid: { path: 'models', type: 'array' },
    rejectStatus: [400, 401],
    browser: true,
  },
};
