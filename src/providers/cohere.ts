/** `credential-overlay/providers/cohere`: registers the Cohere preset (`provider="cohere"`). */
import { cohere } from '../presets/cohere.js';
import { registerProvider } from '../presets/registry.js';

export { cohere };
registerProvider(cohere);
