/**
 * `credential-overlay/element`: the class and its types, without defining any tag.
 * Register it yourself: `CredentialOverlay.define('my-credential-overlay')`.
 */
export * from './credential-overlay.js';
export { en } from './strings.js';
export { openai } from './presets/openai.js';
export { checkKey, normalizeKey } from './key-rules.js';
export { registerProvider } from './presets/registry.js';
export { registerLocale, isolate } from './locale.js';
export type { LocaleStrings } from './locale.js';
