/**
 * `npm run rotate-master-key`: re-encrypts every saved key under a new master key, in one
 * transaction, then retires the old key.
 *
 * - With the key file (`.data/master.key`): a new key is written to `master.key.next`; every
 *   row is re-encrypted; on commit the old key moves to `master.key.previous`, the new one
 *   becomes `master.key`, and `master.key.previous` is deleted. Interrupted before the commit,
 *   nothing changed (run it again); after it, the server still opens old rows with `.previous`.
 * - With CREDENTIAL_MASTER_KEY: give the new key as CREDENTIAL_MASTER_KEY_NEXT. After it
 *   succeeds, set CREDENTIAL_MASTER_KEY to the new key and restart the server.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Keyring, loadKeyring, parseMasterKey, writeKeyFile } from './crypto.js';
import { openDatabase, type Database, type Queryable } from './db.js';
import { openKey, sealKey } from './sealing.js';

/** Re-encrypts every key under `next` in one transaction; returns how many. */
async function reencrypt(db: Database, current: Keyring, next: Keyring): Promise<number> {
  return db.transaction(async (tx: Queryable) => {
    type Row = { id: string; provider: string; fields: Record<string, string> | string; ciphertext: Uint8Array; nonce: Uint8Array; key_version: string };
    const { rows } = await tx.query<Row>('SELECT id, provider, fields, ciphertext, nonce, key_version FROM credentials WHERE ciphertext IS NOT NULL FOR UPDATE');
    for (const row of rows) {
      const context = { id: row.id, provider: row.provider, fields: typeof row.fields === 'string' ? JSON.parse(row.fields) : row.fields };
      const plain = openKey(current, context, { ciphertext: row.ciphertext, nonce: row.nonce, keyVersion: row.key_version });
      const sealed = sealKey(next, context, plain);
      await tx.query('UPDATE credentials SET ciphertext = $2, nonce = $3, key_version = $4 WHERE id = $1', [row.id, sealed.ciphertext, sealed.nonce, sealed.keyVersion]);
    }
    return rows.length;
  });
}

export async function rotate(env: NodeJS.ProcessEnv, dataDir: string, log = console.log): Promise<number> {
  const current = loadKeyring(env, dataDir);
  const file = join(dataDir, 'master.key');
  const usesFile = env.CREDENTIAL_MASTER_KEY === undefined;
  let next: Buffer;
  if (usesFile) {
    if (!existsSync(`${file}.next`)) writeKeyFile(`${file}.next`, randomBytes(32));
    next = parseMasterKey(readFileSync(`${file}.next`, 'utf8'), `${file}.next`);
  } else {
    if (!env.CREDENTIAL_MASTER_KEY_NEXT) throw new Error('Set CREDENTIAL_MASTER_KEY_NEXT to the new master key (base64 of 32 bytes).');
    next = parseMasterKey(env.CREDENTIAL_MASTER_KEY_NEXT, 'CREDENTIAL_MASTER_KEY_NEXT');
  }
  const db = await openDatabase({ dataDir, databaseUrl: env.DATABASE_URL || undefined });
  try {
    const count = await reencrypt(db, current, new Keyring(next));
    if (usesFile) {
      renameSync(file, `${file}.previous`);
      renameSync(`${file}.next`, file);
      rmSync(`${file}.previous`);
    }
    log(`Re-encrypted ${count} key(s) under master key ${new Keyring(next).version}.${usesFile ? '' : ' Now set CREDENTIAL_MASTER_KEY to the new key.'}`);
    return count;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('rotate-master-key.ts')) {
  rotate(process.env, resolve(process.env.CREDENTIAL_DATA_DIR ?? '.data')).catch((error: Error) => {
    console.error(`rotate-master-key: ${error.message}`);
    process.exit(1);
  });
}
