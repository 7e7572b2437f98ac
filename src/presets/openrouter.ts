/**
 * OpenRouter (`provider="openrouter"`): `sk-or-v1-` + 64 hex, sent as a bearer token. Checked
 * with GET /api/v1/key, since its model list is public and would pass any key
 * (charmbracelet/crush#997, NangoHQ/nango#7532). Pure data.
 * Sources: https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key
 * (`{ data: { label, limit, limit_remaining, usage, expires_at, … } }`: the key's credit limit, what
 * is left of it and what it used, in US dollars, `null` for a key without a limit; `expires_at` an
 * ISO date, `null` for none), https://openrouter.ai/docs/api/reference/errors-and-debugging
 * (`{ error: { code, message } }`, 401 invalid, 402 no credits: no-credit). Its rate limits are
 * free-model caps and DDoS protection (https://openrouter.ai/docs/api-reference/limits), which
 * may answer before the key is looked at: a 429 stays "could not be confirmed". It lists no models
 * for the key (its model list is public).
 * Connect (contract section 16): its OAuth PKCE flow, https://openrouter.ai/docs/guides/overview/auth/oauth
 * (no client registration: the user approves at `/auth?callback_url=…&code_challenge=…&
 * code_challenge_method=S256`, comes back to `callback_url` with `?code=…`, and
 * `POST {baseUrl}/auth/keys` with `{ code, code_verifier, code_challenge_method: "S256" }`
 * answers `{ key, user_id }`: an ordinary API key).
 */
import type { ProviderPreset } from './types.js';

export const openrouter: ProviderPreset = {
  id: 'openrouter',
  label: 'OpenRouter',
  docsUrl: 'https://openrouter.ai/settings/keys',
  baseUrl: 'https://openrouter.ai/api/v1',
  authHeader: 'Authorization: Bearer {api_key}',
  key: {
    prefix: 'sk-or-',
    minBodyLength: 20,
    alphabet: 'A-Za-z0-9_-',
    envNames: ['OPENROUTER_API_KEY'],
    types: [{ id: 'api', prefix: 'sk-or-v1-' }],
    shapes: [/^sk-or-v1-[0-9a-f]{64}$/],
  },
  check: {
    url: '{baseUrl}/key',
    headers: { Authorization: 'Bearer {apiKey}' },
    valid: { path: 'data', type: 'object' },
    browser: true,
    noCredit: [{ status: 402 }],
    credit: { currency: 'USD', limit: 'data.limit', remaining: 'data.limit_remaining', used: 'data.usage' },
    expiresAt: 'data.expires_at',
  },
  connect: {
    url: 'https://openrouter.ai/auth',
    query: { callback_url: '{callback}', code_challenge: '{challenge}', code_challenge_method: 'S256' },
    exchange: { url: '{baseUrl}/auth/keys', body: { code: '{code}', code_verifier: '{verifier}', code_challenge_method: 'S256' } },
    keyPath: 'key',
  },
};
