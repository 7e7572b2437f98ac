/** `credential-overlay/providers/openai`: registers the OpenAI (also in the default entry) preset (`provider="openai"`). */
import { openai } from '../presets/openai.js';
import { registerProvider } from '../presets/registry.js';

export { openai };
registerProvider(openai);
