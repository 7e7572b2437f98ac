/** `credential-overlay/providers/gemini`: registers the Google Gemini preset (`provider="gemini"`). */
import { gemini } from '../presets/gemini.js';
import { registerProvider } from '../presets/registry.js';

export { gemini };
registerProvider(gemini);
