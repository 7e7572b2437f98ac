/**
 * Cohere (`provider="cohere"`): 40 letters and digits, no prefix, sent as a bearer token.
 * Checked with POST /v1/check-api-key, valid when the answer says `{"valid": true}`. Pure data.
 * Sources: https://docs.cohere.com/reference/check-api-key (`{ valid, organization_id,
 * owner_id }`, 401), cohere-ai/cohere-python#417 (CO_API_KEY), gitleaks' cohere-api-token rule
 * (40 alphanumerics). Errors are `{ "message": … }`. No evidence that browsers may call it
 * (CORS): check from the host's server. The keys page URL is not confirmed in Cohere's docs.
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
  },
};
