/** `credential-overlay/providers/groq`: registers the Groq preset (`provider="groq"`). */
import { groq } from '../presets/groq.js';
import { registerProvider } from '../presets/registry.js';

export { groq };
registerProvider(groq);
