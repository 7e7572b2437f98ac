/**
 * Anthropic (`provider="anthropic"`). Pure data.
 * Sources: https://docs.anthropic.com/en/api/overview (x-api-key, anthropic-version),
 * https://docs.anthropic.com/en/api/models-list, https://docs.anthropic.com/en/api/errors.
 */
import type { ProviderPreset } from './types.js';

export const anthropic: ProviderPreset = {
  id: 'anthropic',
  label: 'Anthropic',
  docsUrl: 'https://console.anthropic.com/settings/keys',
  baseUrl: 'https://api.anthropic.com/v1',
  authHeader: 'x-api-key: {api_key}',
  key: {
    prefix: 'sk-ant-',
    minBodyLength: 20,
    alphabet: 'A-Za-z0-9_-',
    envNames: ['ANTHROPIC_API_KEY'],
    types: [
      { id: 'api', prefix: 'sk-ant-api03-' },
      { id: 'admin', prefix: 'sk-ant-admin01-' },
    ],
    adminTypes: ['admin'],
  },
  check: {
    url: '{baseUrl}/models',
    headers: {
      'x-api-key': '{apiKey}',
      'anthropic-version': '2023-06-01',
      // Required for a request straight from a browser; the key is the user's own.
      'anthropic-dangerous-direct-browser-access': 'true',
    },
    valid: { path: 'data', type: 'array' },
    browser: true,
  },
};
