/**
 * Mistral AI (`provider="mistral"`): 32 letters and digits, no prefix, sent as a bearer token.
 * Pure data.
 * Sources: GitGuardian's Mistral detector ("Prefixed: False", 32 characters), betterleaks'
 * mistral-api-key rule; GET https://api.mistral.ai/v1/models answers `{ data: [...] }`, and
 * 401 as `{"message": "Unauthorized"}` or `{"detail": "Unauthorized"}` (coolcline/CoolCline#36,
 * nextcloud/integration_openai#332). CORS is allowed for plain requests (mistralai/client-js#21).
 * The keys page path (console.mistral.ai/api-keys) is not confirmed in Mistral's docs.
 * https://docs.mistral.ai/resources/error-glossary: 402 is a billing condition of the organization
 * (no credit left, a spending limit reached, a failed payment): no-credit; 429 is the rate limit of
 * the organization's tier: limited when Mistral's own JSON message names a rate limit ("Rate limit
 * exceeded", `type` `rate_limited`), so that a 429 page from something in between stays unconfirmed.
 */
import type { ProviderPreset } from './types.js';

export const mistral: ProviderPreset = {
  id: 'mistral',
  label: 'Mistral AI',
  docsUrl: 'https://console.mistral.ai/api-keys',
  baseUrl: 'https://api.mistral.ai/v1',
  authHeader: 'Authorization: Bearer {api_key}',
  key: {
    minBodyLength: 20,
    alphabet: 'A-Za-z0-9',
    envNames: ['MISTRAL_API_KEY'],
    shapes: [/^[A-Za-z0-9]{32}$/],
    fallbackType: 'api',
  },
  check: {
    url: '{baseUrl}/models',
    headers: { Authorization: 'Bearer {apiKey}' },
    valid: { path: 'data', type: 'array' },
    messagePaths: ['message', 'detail', 'error.message'],
    browser: true,
    noCredit: [{ status: 402 }],
    limited: [{ status: 429, says: /rate limit/i }],
    models: { path: 'data', id: 'id' },
  },
};
