/**
 * Migration 003: every saved key re-sealed under the binding of contract section 15 (id,
 * provider, every `url` field, key version: sealing.ts). Rows written by 0.2.0 and before are
 * bound to their id only; each is opened that way and sealed again under the same master key
 * version, in the migration's one transaction. A row that no longer opens (tampered before)
 * stays as it is: it fails loudly either way.
 */
import { DecryptError } from '../crypto.js';
import type { MigrationContext, Queryable } from '../db.js';
import { contextOf, openLegacyKey, SEALED_ROWS, sealedOf, sealKey, type SealedRow } from '../sealing.js';

export async function up(tx: Queryable, { keys }: MigrationContext): Promise<void> {
  const { rows } = await tx.query<SealedRow>(`${SEALED_ROWS} FOR UPDATE`);
  for (const row of rows) {
    let plain: string;
    try {
      plain = openLegacyKey(keys, row.id, sealedOf(row));
    } catch (error) {
      if (error instanceof DecryptError) continue;
      throw error;
    }
    const sealed = sealKey(keys, contextOf(row), plain, row.key_version);
    await tx.query('UPDATE credentials SET ciphertext = $2, nonce = $3 WHERE id = $1', [row.id, sealed.ciphertext, sealed.nonce]);
  }
}
