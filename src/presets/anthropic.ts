/**
 * Anthropic (`provider="anthropic"`). Pure data.
 * Sources: https://docs.anthropic.com/en/api/overview (x-api-key, anthropic-version),
 * https://docs.anthropic.com/en/api/models-list (`{ data: [{ id, … }], has_more }`, 20 a page
 * unless `limit`, at most 1000), https://docs.anthropic.com/en/api/errors and
 * https://docs.anthropic.com/en/api/rate-limits: 429 `rate_limit_error` is the organization's
 * rate limit (limited), except when its message says the organization crossed its monthly API
 * usage threshold (the tier's spend cap, `error.details.error_code` `enforced_spend_limit_reached`:
 * no-credit); 402 `billing_error` and a 400 for a spend limit the organization set ("You have
 * reached your specified API usage limits") are no-credit, as is the 400 "Your credit balance is
 * too low" that users of keys without credit report (not on the errors page; lenient). A 401 whose
 * message begins "CORS requests are not allowed for this Organization" is, per the errors page, not
 * a problem with the key, but the check cannot declare that yet (it reads as a wrong key).
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
    // One page of up to 1000 models (the default page is 20).
    url: '{baseUrl}/models?limit=1000',
    headers: {
      'x-api-key': '{apiKey}',
      'anthropic-version': '2023-06-01',
      // Required for a request straight from a browser; the key is the user's own.
      'anthropic-dangerous-direct-browser-access': 'true',
    },
    valid: { path: 'data', type: 'array' },
    browser: true,
    noCredit: [
      { status: 402, code: 'billing_error' },
      { status: 429, code: 'rate_limit_error', says: /API usage (limits|threshold)|spend limit/i },
      { status: 400, says: /credit balance is too low|reached your specified (workspace )?API usage limits/i },
    ],
    limited: [{ status: 429, code: 'rate_limit_error' }],
    models: { path: 'data', id: 'id' },
    // An organization that does not allow requests from browsers answers 401 "CORS requests are
    // not allowed for this Organization…" (https://docs.anthropic.com/en/api/errors): not about the key.
    unconfirmed: [{ status: 401, says: /CORS requests are not allowed/i }],
  },
};
