/**
 * Groq (`provider="groq"`): `gsk_` + 52 letters and digits, sent as a bearer token. Pure data.
 * Sources: https://console.groq.com/docs/errors (`{ error: { message, type, code } }`, 401
 * `invalid_api_key`); trufflehog's groq detector (`gsk_[a-zA-Z0-9]{52}`, GET
 * https://api.groq.com/openai/v1/models). Browser access (CORS) is likely but not confirmed.
 * https://console.groq.com/docs/rate-limits: limits apply to the organization, and a 429 says which
 * one was reached (`code` `rate_limit_exceeded`): limited. https://console.groq.com/docs/spend-limits:
 * past the organization's spend limit every key gets a 400 with `code` `blocked_api_access`:
 * no-credit. Groq sells no prepaid credit, so that is its only no-credit answer.
 */
import type { ProviderPreset } from './types.js';

export const groq: ProviderPreset = {
  id: 'groq',
  label: 'Groq',
  docsUrl: 'https://console.groq.com/keys',
  baseUrl: 'https://api.groq.com/openai/v1',
  authHeader: 'Authorization: Bearer {api_key}',
  key: {
    prefix: 'gsk_',
    minBodyLength: 20,
    alphabet: 'A-Za-z0-9_',
    envNames: ['GROQ_API_KEY'],
    types: [{ id: 'api', prefix: 'gsk_' }],
    shapes: [/^gsk_[A-Za-z0-9]{52}$/],
  },
  check: {
    url: '{baseUrl}/models',
    headers: { Authorization: 'Bearer {apiKey}' },
    valid: { path: 'data', type: 'array' },
    browser: true,
    noCredit: [{ status: 400, code: 'blocked_api_access' }],
    limited: [{ status: 429, code: 'rate_limit_exceeded' }],
    models: { path: 'data', id: 'id' },
  },
};
