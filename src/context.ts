/**
 * What the overlay's controllers (form, Save, connect) read of the element, as one object the
 * element makes once: the preset and strings of now, the session's credential id, the page's
 * language, the key field. No controller reaches into the element otherwise.
 */
import type { ProviderPreset } from './presets/types.js';
import type { CredentialOverlayStrings } from './strings.js';

export interface OverlayContext {
  /** The preset of `provider` (with the Default model field when `choose-model` is set). */
  preset(): ProviderPreset | undefined;
  strings(): CredentialOverlayStrings;
  /** `credential-id` of this session (`""` in add mode). */
  id(): string;
  /** The page's language, for dates and amounts. */
  lang(): string;
  /** The API base of the live check now (`base-url`, else the preset's). */
  baseUrl(): string;
  /** The API Key Value input, where the key lives (never in any state). */
  keyInput(): HTMLInputElement | null;
  /** A field's value changed (the key too): what was learned of the old value is stale. */
  changed(id: string): void;
}
