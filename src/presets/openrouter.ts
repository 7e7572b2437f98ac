/**
 * OpenRouter (`provider="openrouter"`): `sk-or-v1-` + 64 hex, sent as a bearer token. Checked
 * with GET /api/v1/key, since its model list is public and would pass any key
 * (charmbracelet/crush#997, NangoHQ/nango#7532). Pure data.
 * Sources: https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key
 * (`{ data: { label, limit, … } }`), https://openrouter.ai/docs/api/reference/errors-and-debugging
 * (`{ error: { code, message } }`, 401 invalid, 402 no credits).
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
  },
};
