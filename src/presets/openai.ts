/**
 * The default preset: OpenAI API keys (contract section 7). Pure data.
 * Sources: https://platform.openai.com/docs/api-reference/authentication (Bearer key,
 * `OpenAI-Organization` and `OpenAI-Project` headers), https://platform.openai.com/docs/api-reference/models/list
 * (`{ data: [{ id, … }] }`, the models the key may use).
 * What a 429 means, by `error.code` (https://developers.openai.com/api/docs/guides/error-codes,
 * https://developers.openai.com/api/docs/guides/spend-limits, help.openai.com article 5955604):
 * `rate_limit_exceeded` ("Rate limit reached for requests") and `slow_down` are the organization's
 * rate limits, so the key was known: limited; `credit_balance_exhausted`,
 * `organization_spend_limit_exceeded`, `project_spend_limit_exceeded`,
 * `organization_usage_limit_exceeded`, all of error type `insufficient_quota` ("You exceeded your
 * current quota"), mean no credit or quota left: no-credit. Any other 429 is not confirmed.
 */
import type { ProviderPreset } from './types.js';

export const openai: ProviderPreset = {
  id: 'openai',
  label: 'OpenAI',
  docsUrl: 'https://platform.openai.com/api-keys',
  baseUrl: 'https://api.openai.com/v1',
  authHeader: 'Authorization: Bearer {api_key}',
  key: {
    prefix: 'sk-',
    minBodyLength: 20,
    alphabet: 'A-Za-z0-9_-',
    envNames: ['OPENAI_API_KEY'],
    types: [
      { id: 'project', prefix: 'sk-proj-' },
      { id: 'service-account', prefix: 'sk-svcacct-' },
      { id: 'admin', prefix: 'sk-admin-' },
      { id: 'user', prefix: 'sk-None-' },
      { id: 'legacy', prefix: 'sk-', pattern: /^sk-[A-Za-z0-9]{48}$/ },
    ],
    marker: 'T3BlbkFJ',
    adminTypes: ['admin'],
  },
  fields: [
    {
      id: 'organization',
      label: 'Organization ID',
      advanced: true,
      placeholder: 'org-…',
      rule: {
        pattern: /^org-[A-Za-z0-9]+$/,
        message: 'Organization ID starts with org- followed by letters and digits, e.g. org-A1b2C3. Copy it from your settings, or leave it empty.',
      },
    },
    {
      id: 'project',
      label: 'Project ID',
      advanced: true,
      placeholder: 'proj_…',
      rule: {
        pattern: /^proj_[A-Za-z0-9]+$/,
        message: 'Project ID starts with proj_ followed by letters and digits, e.g. proj_A1b2C3. Copy it from your settings, or leave it empty.',
      },
    },
  ],
  check: {
    url: '{baseUrl}/models',
    headers: {
      Authorization: 'Bearer {apiKey}',
      'OpenAI-Organization': '{organization}',
      'OpenAI-Project': '{project}',
    },
    valid: { path: 'data', type: 'array' },
    browser: true,
    limited: [
      { status: 429, code: 'rate_limit_exceeded' },
      { status: 429, code: 'slow_down' },
    ],
    noCredit: [
      { status: 429, code: 'insufficient_quota' },
      { status: 429, code: 'credit_balance_exhausted' },
      { status: 429, code: 'organization_spend_limit_exceeded' },
      { status: 429, code: 'project_spend_limit_exceeded' },
      { status: 429, code: 'organization_usage_limit_exceeded' },
    ],
    models: { path: 'data', id: 'id' },
    // A project's or organization's IP allowlist refuses a valid key with 401 ip_not_authorized
    // (https://developers.openai.com/api/docs/guides/ip-allowlist): not about the key.
    unconfirmed: [{ status: 401, code: 'ip_not_authorized' }],
  },
};
