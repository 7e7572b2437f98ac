/**
 * How a credential's key is sealed at rest: which bytes of the row are bound to the
 * ciphertext as associated data. The store seals and opens only through here, so the binding
 * (and the migration that re-seals rows written under an older binding) lives in one place.
 */
import type { Keyring, Sealed } from './crypto.js';

/** What of a row the seal is bound to. */
export interface SealContext {
  id: string;
  provider: string;
  fields: Readonly<Record<string, string>>;
}

/** Seals `plaintext` for the row described by `context`. */
export function sealKey(keys: Keyring, context: SealContext, plaintext: string): Sealed {
  return keys.seal(plaintext, context.id);
}

/** Opens the key of the row described by `context`; throws `DecryptError` when it fails authentication. */
export function openKey(keys: Keyring, context: SealContext, sealed: Sealed): string {
  return keys.open(sealed, context.id);
}
