/**
 * DeepSeek (`provider="deepseek"`): `sk-` + 32 lower-case hex, sent as a bearer token. The
 * shape is also a possible OpenAI key (and the reverse): a note, never a rejection. Pure data.
 * Sources: https://api-docs.deepseek.com/api/get-user-balance (DEEPSEEK_API_KEY, Bearer),
 * https://api-docs.deepseek.com/quick_start/error_codes (401, 402 Insufficient Balance, 429),
 * betterleaks' deepseek-api-key rule (`sk-[a-f0-9]{32}`). Browser access is reported both ways,
 * so the check is meant for the host's server. https://api-docs.deepseek.com/api/list-models
 * (`{ data: [{ id, … }] }`). 402 "Insufficient Balance": no-credit.
 * https://api-docs.deepseek.com/quick_start/rate_limit: concurrency limits are per account, and past
 * them a request gets 429: limited, when the answer carries DeepSeek's own message (an earlier
 * version of that page also sent 429 when its servers were busy, for any caller; a 429 without a
 * JSON message stays unconfirmed). The balance (`GET /user/balance`) is a second endpoint with
 * amounts as strings in CNY or USD: not read.
 */
import type { ProviderPreset } from './types.js';

export const deepseek: ProviderPreset = {
  id: 'deepseek',
  label: 'DeepSeek',
  docsUrl: 'https://platform.deepseek.com/api_keys',
  baseUrl: 'https://api.deepseek.com',
  authHeader: 'Authorization: Bearer {api_key}',
  key: {
    prefix: 'sk-',
    minBodyLength: 20,
    alphabet: 'A-Za-z0-9_-',
    envNames: ['DEEPSEEK_API_KEY'],
    types: [{ id: 'api', prefix: 'sk-', pattern: /^sk-[0-9a-f]{32}$/ }],
  },
  check: {
    url: '{baseUrl}/models',
    headers: { Authorization: 'Bearer {apiKey}' },
    valid: { path: 'data', type: 'array' },
    browser: false,
    noCredit: [{ status: 402 }],
    // Any message of DeepSeek's own: its 429 wording is not documented.
    limited: [{ status: 429, says: /\S/ }],
    models: { path: 'data', id: 'id' },
  },
};
