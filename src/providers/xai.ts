/** `credential-overlay/providers/xai`: registers the xAI preset (`provider="xai"`). */
import { xai } from '../presets/xai.js';
import { registerProvider } from '../presets/registry.js';

export { xai };
registerProvider(xai);
