/** `credential-overlay/providers/anthropic`: registers the Anthropic preset (`provider="anthropic"`). */
import { anthropic } from '../presets/anthropic.js';
import { registerProvider } from '../presets/registry.js';

export { anthropic };
registerProvider(anthropic);
