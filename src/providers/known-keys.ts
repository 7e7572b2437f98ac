import type { ForeignKeyRule } from './types.js';

/**
 * Key prefixes of services whose keys are often pasted into the wrong place, with the id of
 * the preset they belong to. A preset lists all but its own, so detection stays preset-aware.
 */
export const knownKeys: ReadonlyArray<ForeignKeyRule & { provider: string }> = [
  { provider: 'anthropic', prefix: 'sk-ant-', name: 'Anthropic' },
  { provider: 'openrouter', prefix: 'sk-or-', name: 'OpenRouter' },
  { provider: 'groq', prefix: 'gsk_', name: 'Groq' },
  { provider: 'google', prefix: 'AIza', name: 'Google' },
  { provider: 'xai', prefix: 'xai-', name: 'xAI' },
  { provider: 'perplexity', prefix: 'pplx-', name: 'Perplexity' },
  { provider: 'huggingface', prefix: 'hf_', name: 'Hugging Face' },
  // A ChatGPT session token is not an API key of any preset.
  { provider: 'chatgpt', prefix: 'sess-', name: 'ChatGPT', session: true },
  // Last: the most general prefix, so the more specific ones above are named first.
  { provider: 'openai', prefix: 'sk-', name: 'OpenAI' },
];

/** The known keys that belong to other presets than `id`. */
export const foreignTo = (id: string): ForeignKeyRule[] =>
  knownKeys.filter((k) => k.provider !== id).map(({ prefix, name, session }) => ({ prefix, name, session }));
