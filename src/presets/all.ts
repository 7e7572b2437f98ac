/**
 * Every built-in preset, as plain data (no element, no DOM): for a host's server, which
 * validates with the same rules, and for `credential-overlay/providers/all`.
 */
import { anthropic } from './anthropic.js';
import { azureOpenai } from './azure-openai.js';
import { cohere } from './cohere.js';
import { deepseek } from './deepseek.js';
import { gemini } from './gemini.js';
import { groq } from './groq.js';
import { mistral } from './mistral.js';
import { openai } from './openai.js';
import { openaiCompatible } from './openai-compatible.js';
import { openrouter } from './openrouter.js';
import type { ProviderPreset } from './types.js';
import { xai } from './xai.js';

export { anthropic, azureOpenai, cohere, deepseek, gemini, groq, mistral, openai, openaiCompatible, openrouter, xai };

export const presets: readonly ProviderPreset[] = [
  openai,
  anthropic,
  azureOpenai,
  openaiCompatible,
  gemini,
  mistral,
  groq,
  openrouter,
  deepseek,
  xai,
  cohere,
];
