import type { ForeignKeyRule } from './types.js';

/**
 * Keys that can be told apart by their prefix, with the id of the preset they belong to.
 * A preset's other-provider detection is every entry of another preset, so each built-in
 * provider with a recognizable prefix is named wherever its key is pasted by mistake.
 * Order matters: the more specific prefixes come first.
 */
export const knownKeys: ReadonlyArray<ForeignKeyRule & { provider: string }> = [
  { provider: 'anthropic', prefix: 'sk-ant-', name: 'Anthropic' },
  { provider: 'openrouter', prefix: 'sk-or-', name: 'OpenRouter' },
  { provider: 'openai', prefix: 'sk-proj-', name: 'OpenAI' },
  { provider: 'openai', prefix: 'sk-svcacct-', name: 'OpenAI' },
  { provider: 'openai', prefix: 'sk-admin-', name: 'OpenAI' },
  { provider: 'openai', prefix: 'sk-None-', name: 'OpenAI' },
  { provider: 'groq', prefix: 'gsk_', name: 'Groq' },
  { provider: 'gemini', prefix: 'AIza', name: 'Google' },
  { provider: 'gemini', prefix: 'AQ.', name: 'Google' },
  { provider: 'xai', prefix: 'xai-', name: 'xAI' },
  { provider: 'perplexity', prefix: 'pplx-', name: 'Perplexity' },
  { provider: 'huggingface', prefix: 'hf_', name: 'Hugging Face' },
  // A ChatGPT session token is not an API key of any preset.
  { provider: 'chatgpt', prefix: 'sess-', name: 'ChatGPT', session: true },
  // Shapes two providers share: named in a note, never refused (either may be real).
  { provider: 'deepseek', prefix: 'sk-', name: 'DeepSeek', pattern: /^sk-[0-9a-f]{32}$/, overlap: true },
  { provider: 'openai', prefix: 'sk-', name: 'OpenAI', pattern: /^sk-[A-Za-z0-9]{48}$/, overlap: true },
  // Last: the most general prefix, so the more specific ones above are named first.
  { provider: 'openai', prefix: 'sk-', name: 'OpenAI' },
];

/** The known keys that belong to other presets than `id`. */
export const foreignTo = (id: string): ForeignKeyRule[] =>
  knownKeys.filter((k) => k.provider !== id).map(({ provider: _, ...rule }) => rule);
