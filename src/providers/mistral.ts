/** `credential-overlay/providers/mistral`: registers the Mistral AI preset (`provider="mistral"`). */
import { mistral } from '../presets/mistral.js';
import { registerProvider } from '../presets/registry.js';

export { mistral };
registerProvider(mistral);
