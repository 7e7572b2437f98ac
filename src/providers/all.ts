/** `credential-overlay/providers/all`: registers every built-in preset. */
import { presets } from '../presets/all.js';
import { registerProvider } from '../presets/registry.js';

export * from '../presets/all.js';
for (const preset of presets) registerProvider(preset);
