/** `credential-overlay/providers/openai-compatible`: registers the an OpenAI-compatible server preset (`provider="openai-compatible"`). */
import { openaiCompatible } from '../presets/openai-compatible.js';
import { registerProvider } from '../presets/registry.js';

export { openaiCompatible };
registerProvider(openaiCompatible);
