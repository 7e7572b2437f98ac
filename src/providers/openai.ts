import { foreignTo } from './known-keys.js';
import type { ProviderPreset } from './types.js';

/** The default preset: OpenAI API keys (contract section 7). */
export const openai: ProviderPreset = {
  id: 'openai',
  label: 'OpenAI',
  docsUrl: 'https://platform.openai.com/api-keys',
  baseUrl: 'https://api.openai.com/v1',
  authHeader: 'Authorization: Bearer {api_key}',
  key: {
    prefix: 'sk-',
    minBodyLength: 20,
    maxLength: 512,
    alphabet: 'A-Za-z0-9_-',
    envNames: ['OPENAI_API_KEY'],
    types: [
      { id: 'project', prefix: 'sk-proj-' },
      { id: 'service-account', prefix: 'sk-svcacct-' },
      { id: 'admin', prefix: 'sk-admin-' },
      { id: 'user', prefix: 'sk-None-' },
      { id: 'legacy', prefix: 'sk-', pattern: /^sk-[A-Za-z0-9]{48}$/ },
    ],
    fallbackType: 'unknown',
    foreign: foreignTo('openai'),
    marker: 'T3BlbkFJ',
    adminTypes: ['admin'],
  },
  fields: { organization: { prefix: 'org-' }, project: { prefix: 'proj_' } },
  check: {
    path: '/models',
    headers: (key, { organization, project }) => ({
      Authorization: `Bearer ${key}`,
      ...(organization && { 'OpenAI-Organization': organization }),
      ...(project && { 'OpenAI-Project': project }),
    }),
  },
};
