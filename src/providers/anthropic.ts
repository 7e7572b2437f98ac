/**
 * `credential-overlay/providers/anthropic`: registers the Anthropic preset
 * (`provider="anthropic"`). Kept out of the default entry so that stays small.
 */
import { CredentialOverlay } from '../credential-overlay.js';
import { foreignTo } from './known-keys.js';
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
    maxLength: 512,
    alphabet: 'A-Za-z0-9_-',
    envNames: ['ANTHROPIC_API_KEY'],
    types: [
      { id: 'api', prefix: 'sk-ant-api03-' },
      { id: 'admin', prefix: 'sk-ant-admin01-' },
    ],
    fallbackType: 'unknown',
    foreign: foreignTo('anthropic'),
    adminTypes: ['admin'],
  },
  check: {
    path: '/models',
    headers: (key) => ({
      'x-api-key': key,
      'anthropic-version': '2023-06-01',
      // Required for a request straight from a browser; the key is the user's own.
      'anthropic-dangerous-direct-browser-access': 'true',
    }),
  },
};

CredentialOverlay.registerProvider(anthropic);
