/**
 * Migration 003: every saved key re-sealed under the binding of contract section 15 (id,
 * provider, every `url` field, key version: sealing.ts). Rows written by 0.2.0 and before are
 * bound to their id only; each is opened that way and sealed again under the same master key
 * version, in the migration's one transaction. A row that no longer opens (tampered before)
 * stays as it is: it fails loudly either way.
 */
import { DecryptError } from '../crypto.js';
import type { MigrationContext, Queryable } from '../db.js';
import { openLegacyKey, sealKey } from '../sealing.js';

interface Row {
  id: string;
  provider: string;
  fields: Record<string, string> | string;
  ciphertext: Uint8Array;
  nonce: Uint8Array;
  key_version: string;
}

export async function up(tx: Queryable, { keys }: MigrationContext): Promise<void> {
  const { rows } = await tx.query<Row>(
    'SELECT id, provider, fields, ciphertext, nonce, key_version FROM credentials WHERE ciphertext IS NOT NULL AND nonce IS NOT NULL AND key_version IS NOT NULL FOR UPDATE',
  );
  for (const row of rows) {
    const fields = typeof row.fields === 'string' ? JSON.parse(row.fields) : row.fields;
    let plain: string;
    try {
      plain = openLegacyKey(keys, row.id, { ciphertext: row.ciphertext, nonce: row.nonce, keyVersion: row.key_version });
    } catch (error) {
      if (error instanceof DecryptError) continue;
      throw error;
    }
    const sealed = sealKey(keys, { id: row.id, provider: row.provider, fields }, plain, row.key_version);
    await tx.query('UPDATE credentials SET ciphertext = $2, nonce = $3 WHERE id = $1', [row.id, sealed.ciphertext, sealed.nonce]);
  }
}
