/**
 * Azure OpenAI (`provider="azure-openai"`): a resource endpoint, a deployment and an API
 * version besides the key, which is sent in `api-key`. Pure data.
 * Sources: https://learn.microsoft.com/en-us/rest/api/azureopenai/models/list (GET
 * {endpoint}/openai/models?api-version=…, `api-key` header, `{ data: [...] }`);
 * MicrosoftDocs/azure-ai-docs articles/ai-foundry/openai/api-version-lifecycle.md (2024-10-21
 * is the latest dated GA data-plane version); https://learn.microsoft.com/azure/cognitive-services/rotate-keys
 * (keys under "Keys and Endpoint"). Keys are 32 hex characters on classic resources and 84
 * characters on newer ones (quoted from Azure's docs in binary-husky/gpt_academic#2098); their
 * alphabet is not documented, so any other shape is a note, never an error. Azure does not
 * answer browsers' CORS requests by default (lobehub/lobehub#2487): check from the host's
 * server. Deployment names: letters, digits, ".", "_" and "-" (not confirmed in Microsoft's
 * docs; lenient on purpose). The models list names the models the resource offers (`data[].id`),
 * which are not the deployments a request names. Azure documents a 429 as the deployment's rate
 * or token quota (https://learn.microsoft.com/azure/ai-services/openai/quotas-limits), not whether
 * the key was checked first, and no answer for an account without credit: every 429 stays "could
 * not be confirmed".
 */
import type { ProviderPreset } from './types.js';

export const azureOpenai: ProviderPreset = {
  id: 'azure-openai',
  label: 'Azure OpenAI',
  docsUrl: 'https://portal.azure.com/',
  authHeader: 'api-key: {api_key}',
  key: {
    minBodyLength: 16,
    envNames: ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_KEY', 'AZURE_API_KEY'],
    shapes: [/^[0-9a-f]{32}$/i, /^[A-Za-z0-9]{84}$/],
    fallbackType: 'resource',
  },
  fields: [
    {
      id: 'endpoint',
      label: 'Endpoint',
      kind: 'url',
      required: true,
      placeholder: 'https://my-resource.openai.azure.com',
      help: 'Shown with the key under Keys and Endpoint of your Azure OpenAI resource.',
      expect: {
        pattern: /^https:\/\/[a-z0-9-]+\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)\/?$/i,
        note: 'This is not an Azure resource address (…openai.azure.com or …cognitiveservices.azure.com). A gateway or a test server works if it answers as Azure does.',
      },
    },
    {
      id: 'deployment',
      label: 'Deployment',
      required: true,
      placeholder: 'gpt-4o',
      help: 'The name you gave the model when you deployed it.',
      rule: {
        pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
        message: 'A deployment name has up to 64 letters, digits, “.”, “_” and “-”, and no spaces. Copy it from your resource’s deployments.',
      },
    },
    {
      id: 'apiVersion',
      label: 'API version',
      required: true,
      default: '2024-10-21',
      help: 'The data-plane API version, such as 2024-10-21.',
      rule: {
        pattern: /^\d{4}-\d{2}-\d{2}(-preview)?$/,
        message: 'An API version is a date such as 2024-10-21, or a preview such as 2025-04-01-preview.',
      },
    },
  ],
  check: {
    url: '{endpoint}/openai/models?api-version={apiVersion}',
    headers: { 'api-key': '{apiKey}' },
    valid: { path: 'data', type: 'array' },
    browser: false,
    models: { path: 'data', id: 'id' },
  },
};
