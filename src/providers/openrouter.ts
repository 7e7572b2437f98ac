/** `credential-overlay/providers/openrouter`: registers the OpenRouter preset (`provider="openrouter"`). */
import { openrouter } from '../presets/openrouter.js';
import { registerProvider } from '../presets/registry.js';

export { openrouter };
registerProvider(openrouter);
