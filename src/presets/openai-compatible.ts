/**
 * An OpenAI-compatible server (`provider="openai-compatible"`): vLLM, Ollama, LM Studio,
 * LiteLLM and others that serve `GET {base}/models`. The key is optional (a local server may
 * not ask for one) and may have any shape; another provider's key is a note, not an error,
 * since a proxy such as LiteLLM or OpenRouter may take it. Pure data.
 * Sources: Ollama docs/openai.md (http://localhost:11434/v1, key ignored); LM Studio
 * https://lmstudio.ai/docs/cli/server-start (http://localhost:1234/v1, CORS off by default);
 * vLLM vllm/entrypoints/openai/cli_args.py (port 8000, `--api-key`, CORS "*");
 * LiteLLM https://docs.litellm.ai/docs/proxy/docker_quick_start (http://localhost:4000, keys start
 * with sk-). Whether a browser may call a given server depends on that server's CORS settings.
 * The models are the server's `data[].id` (Ollama's tags, vLLM's served names, LiteLLM's model
 * groups). No server documents what its 429 means for the key (a proxy may limit before it looks
 * at the key), so none is declared limited or no-credit: they stay "could not be confirmed".
 */
import { knownKeys } from './known-keys.js';
import type { ProviderPreset } from './types.js';

export const openaiCompatible: ProviderPreset = {
  id: 'openai-compatible',
  label: 'OpenAI-compatible server',
  docsUrl: 'https://platform.openai.com/docs/api-reference/models/list',
  authHeader: 'Authorization: Bearer {api_key}',
  key: {
    required: false,
    envNames: ['OPENAI_API_KEY', 'LITELLM_API_KEY', 'LITELLM_MASTER_KEY', 'VLLM_API_KEY', 'OLLAMA_API_KEY'],
    fallbackType: 'bearer',
    // The specific prefixes only: LiteLLM's own keys start with a plain sk-.
    foreign: knownKeys.filter((k) => k.prefix !== 'sk-'),
    foreignIsNote: true,
  },
  fields: [
    {
      id: 'baseUrl',
      label: 'Base URL',
      kind: 'url',
      required: true,
      placeholder: 'http://localhost:11434/v1',
      help: 'Where the server answers, ending before /models: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, vLLM http://localhost:8000/v1, LiteLLM http://localhost:4000.',
    },
  ],
  check: {
    url: '{baseUrl}/models',
    headers: { Authorization: 'Bearer {apiKey}' },
    valid: { path: 'data', type: 'array' },
    browser: true,
    models: { path: 'data', id: 'id' },
  },
};
