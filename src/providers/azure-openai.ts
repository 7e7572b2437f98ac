/** `credential-overlay/providers/azure-openai`: registers the Azure OpenAI preset (`provider="azure-openai"`). */
import { azureOpenai } from '../presets/azure-openai.js';
import { registerProvider } from '../presets/registry.js';

export { azureOpenai };
registerProvider(azureOpenai);
