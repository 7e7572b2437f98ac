/**
 * xAI (`provider="xai"`): `xai-` + about 80 characters, sent as a bearer token. Checked with
 * GET /v1/api-key, which describes the calling key: a blocked or disabled key is refused.
 * Pure data.
 * Sources: xAI's OpenAPI description of /v1/api-key (api-evangelist/xai copy: 400 for an invalid
 * key; `api_key_blocked`, `api_key_disabled`, `team_blocked`); its errors are
 * `{ code, error: "<message>" }` (continuedev/continue#10161); trufflehog's xai detector
 * (`xai-` + 80). XAI_API_KEY is the SDKs' name (not confirmed in xAI's own docs).
 * /v1/api-key lists no models: a passing check asks GET /v1/models (https://docs.x.ai/docs/api-reference,
 * `{ data: [{ id, … }] }`) with the same key. A team without credit is answered "Your team … has
 * either used all available credits or reached its monthly spending limit", seen with 429
 * (continuedev/continue#10373) and 403 (warpdotdev/warp#14863): no-credit. xAI documents 429 for
 * the per-model limits of inference endpoints (https://docs.x.ai/developers/rate-limits), not for
 * /v1/api-key: any other 429 stays "could not be confirmed".
 */
import type { ProviderPreset } from './types.js';

export const xai: ProviderPreset = {
  id: 'xai',
  label: 'xAI',
  docsUrl: 'https://console.x.ai',
  baseUrl: 'https://api.x.ai/v1',
  authHeader: 'Authorization: Bearer {api_key}',
  key: {
    prefix: 'xai-',
    minBodyLength: 20,
    alphabet: 'A-Za-z0-9_-',
    envNames: ['XAI_API_KEY'],
    types: [{ id: 'api', prefix: 'xai-' }],
    shapes: [/^xai-[A-Za-z0-9_-]{70,120}$/],
  },
  check: {
    url: '{baseUrl}/api-key',
    headers: { Authorization: 'Bearer {apiKey}' },
    valid: { path: 'api_key_id' },
    invalid: [
      { path: 'api_key_blocked', equals: true },
      { path: 'api_key_disabled', equals: true },
      { path: 'team_blocked', equals: true },
    ],
    rejectStatus: [400, 401],
    browser: true,
    noCredit: [
      { status: 429, says: /used all available credits|monthly spending limit/i },
      { status: 403, says: /used all available credits|monthly spending limit/i },
    ],
    models: { path: 'data', id: 'id', url: '{baseUrl}/models' },
  },
};
