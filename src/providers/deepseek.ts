/** `credential-overlay/providers/deepseek`: registers the DeepSeek preset (`provider="deepseek"`). */
import { deepseek } from '../presets/deepseek.js';
import { registerProvider } from '../presets/registry.js';

export { deepseek };
registerProvider(deepseek);
