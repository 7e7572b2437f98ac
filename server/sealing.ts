/**
 * How a credential's key is sealed at rest: which bytes of the row are bound to the
 * ciphertext as associated data. The store seals and opens only through here, so the binding
 * (and the migration that re-seals rows written under an older binding) lives in one place.
 *
 * The binding (contract section 15): the credential's id, its provider, the trimmed value of
 * every `url` field of the provider's preset (what decides where the key is sent: `movesKey`
 * compares the same trimmed values) and the master key's version, as the UTF-8 JSON of a
 * fixed shape:
 *
 *   ["credential-overlay/seal/2", id, provider, keyVersion, [[fieldId, value], …]]
 *
 * (JSON escapes every string, so no two rows share an encoding.) A row edited in the database
 * to send its key elsewhere (another endpoint or base URL, another provider, another id) no
 * longer opens: DecryptError.
 */
import { addressFields } from '../src/form.js';
import { presets } from '../src/presets/all.js';
import type { Keyring, Sealed } from './crypto.js';

/** What of a row the seal is bound to. */
export interface SealContext {
  id: string;
  provider: string;
  fields: Readonly<Record<string, string>>;
}

export const SEAL_FORMAT = 'credential-overlay/seal/2';

const byId = new Map(presets.map((p) => [p.id, p]));

/** The associated data of a row sealed under the key of `keyVersion`. */
export function bindingOf(context: SealContext, keyVersion: string): Buffer {
  const preset = byId.get(context.provider);
  const fields = context.fields ?? {};
  const addresses = (preset ? addressFields(preset) : []).map((id) => [id, (Object.hasOwn(fields, id) ? String(fields[id]) : '').trim()]);
  return Buffer.from(JSON.stringify([SEAL_FORMAT, context.id, context.provider, keyVersion, addresses]), 'utf8');
}

/** Seals `plaintext` for the row described by `context`, under the current key or the key of `version`. */
export function sealKey(keys: Keyring, context: SealContext, plaintext: string, version = keys.version): Sealed {
  return keys.seal(plaintext, bindingOf(context, version), version);
}

/** Opens the key of the row described by `context`; throws `DecryptError` when it fails authentication. */
export function openKey(keys: Keyring, context: SealContext, sealed: Sealed): string {
  return keys.open(sealed, bindingOf(context, sealed.keyVersion));
}

/** The columns of a row that its seal involves, as the database gives them. */
export interface SealedRow {
  id: string;
  provider: string;
  fields: Record<string, string> | string;
  ciphertext: Uint8Array;
  nonce: Uint8Array;
  key_version: string;
}

/** Selects a SealedRow's columns, of rows that hold a key. */
export const SEALED_ROWS = 'SELECT id, provider, fields, ciphertext, nonce, key_version FROM credentials WHERE ciphertext IS NOT NULL AND nonce IS NOT NULL AND key_version IS NOT NULL';

/** What a row's seal is bound to, and the seal itself. */
export const contextOf = (row: SealedRow): SealContext => ({ id: row.id, provider: row.provider, fields: typeof row.fields === 'string' ? JSON.parse(row.fields) : row.fields });
export const sealedOf = (row: SealedRow): Sealed => ({ ciphertext: row.ciphertext, nonce: row.nonce, keyVersion: row.key_version });

/** Opens a key sealed by version 1 (0.2.0 and before), bound to the id only; for migration 003. */
export function openLegacyKey(keys: Keyring, id: string, sealed: Sealed): string {
  return keys.open(sealed, id);
}
