/**
 * `credential-overlay/element`: the class and its types, without defining any tag.
 * Register it yourself: `CredentialOverlay.define('my-credential-overlay')`.
 */
export * from './credential-overlay.js';
export { CredentialFieldError } from './events.js';
export type { CheckResult } from './check-result.js';
export type { CredentialOverlayStrings, FieldStrings, AlphabetPart, CharacterKind } from './strings.js';
export type { ProviderPreset, KeyRules, KeyTypeRule, ForeignKeyRule, LiveCheck, PresetField, FieldKind, FieldOption } from './presets/types.js';
export type { Verifier, VerifyContext, VerifyResult } from './verify.js';
export { getProvider } from './presets/registry.js';
export { en } from './strings.js';
export { openai } from './presets/openai.js';
export { registerProvider } from './presets/registry.js';
export { registerLocale, isolate } from './locale.js';
export type { LocaleStrings } from './locale.js';
