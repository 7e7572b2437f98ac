/**
 * Cohere (`provider="cohere"`): 40 letters and digits, no prefix, sent as a bearer token.
 * Checked with POST /v1/check-api-key, valid when the answer says `{"valid": true}`. Pure data.
 * Sources: https://docs.cohere.com/reference/check-api-key (`{ valid, organization_id,
 * owner_id }`, 401), cohere-ai/cohere-python#417 (CO_API_KEY), gitleaks' cohere-api-token rule
 * (40 alphanumerics). Errors are `{ "message": … }`. No evidence that browsers may call it
 * (CORS): check from the host's server. The keys page URL is not confirmed in Cohere's docs.
 * https://docs.cohere.com/reference/errors: 402 when the account reached its billing limit:
 * no-credit; 429 past a per-minute limit of the key ("You are past the per minute request limit",
 * "…limited to 40 API calls / minute"): limited. https://docs.cohere.com/docs/rate-limits: trial keys
 * get 1,000 calls a month; the 429 that says so ("…limited to 1000 API calls / month") is no-credit.
 * The check's answer lists no models and no credit.
 */
import type { ProviderPreset } from './types.js';

export const cohere: ProviderPreset = {
  id: 'cohere',
  label: 'Cohere',
  docsUrl: 'https://dashboard.cohere.com/api-keys',
  baseUrl: 'https://api.cohere.com',
  authHeader: 'Authorization: Bearer {api_key}',
  key: {
    minBodyLength: 20,
    alphabet: 'A-Za-z0-9',
    envNames: ['CO_API_KEY', 'COHERE_API_KEY'],
    shapes: [/^[A-Za-z0-9]{40}$/],
    fallbackType: 'api',
  },
  check: {
    method: 'POST',
    url: '{baseUrl}/v1/check-api-key',
    headers: { Authorization: 'Bearer {apiKey}' },
    valid: { path: 'valid', equals: true },
    invalid: [{ path: 'valid', equals: false }],
    messagePaths: ['message', 'error.message'],
    browser: false,
    noCredit: [{ status: 402 }, { status: 429, says: /calls \/ ?month|per month|monthly/i }],
    limited: [{ status: 429, says: /minute|rate limit/i }],
  },
};
