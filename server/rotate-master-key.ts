/**
 * `npm run rotate-master-key`: re-seals every saved key under a new master key, then retires
 * the old one. Safe to kill at any step and to run again: a re-run finishes the job.
 *
 * It opens the data folder as the server does (the same lock: refused while a server holds the
 * folder; the same checks, so a missing key version is refused before anything is written;
 * the same migrations), then:
 *
 * File form (CREDENTIAL_MASTER_KEY unset; keys in the data folder):
 *   1. a new key is written to `master.key.next`, fsynced, before any row is rewritten;
 *   2. every row not under it is re-sealed under it, a batch per transaction (each row
 *      conditional on the version it was read with);
 *   3. no row uses another version any more (checked);
 *   4. `master.key.previous` (an older key) is removed; `master.key` is linked as
 *      `master.key.previous`; `master.key.next` is renamed over `master.key`; then
 *      `master.key.previous` is removed: at every moment each key a row uses is on disk,
 *      and `master.key` exists.
 *   A re-run with `master.key.next` present resumes at 2 with that key. Without it (killed after
 *   the rename), a re-run is a new rotation: it re-seals everything under yet another key and
 *   removes both older ones; a server started in between opens every key either way.
 *
 * Env form (CREDENTIAL_MASTER_KEY set): the new key is CREDENTIAL_MASTER_KEY_NEXT, which the
 * operator stores (in the secret manager) before running this; steps 2 and 3; then it says
 * what to set: CREDENTIAL_MASTER_KEY to the new key, the old one removed. Killed, run it again
 * with the same variables. A server started meanwhile opens both (it reads _NEXT too).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DecryptError, Keyring, MAKE_KEY, versionOf } from './crypto.js';
import { openDataFolder, sealedVersions, StartError } from './data-folder.js';
import type { Database } from './db.js';
import { fsyncDir } from './durable.js';
import { ENV_CURRENT, ENV_NEXT, ENV_PREVIOUS, keyFiles, writeKeyFile } from './master-key.js';
import { contextOf, openKey, SEALED_ROWS, sealedOf, sealKey, type SealedRow } from './sealing.js';

/** The steps after which a rotation can be killed (the fault hook is called after each). */
export const ROTATION_STEPS = [
  'next-key-written',
  'row-resealed',
  'batch-committed',
  'rows-done',
  'previous-removed',
  'old-key-kept',
  'new-key-promoted',
  'old-key-removed',
] as const;
export type RotationStep = (typeof ROTATION_STEPS)[number];

export interface RotateOptions {
  log?: (line: string) => void;
  /** Called after each step (tests: throw, or kill the process, to interrupt the rotation there). */
  fault?: (step: RotationStep) => void | Promise<void>;
  /** Rows re-sealed per transaction. */
  batchSize?: number;
}

/** Re-seals every row not under `target`, a batch per transaction; returns how many. */
async function reseal(db: Database, keys: Keyring, target: string, fault: NonNullable<RotateOptions['fault']>, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const { rows } = await tx.query<SealedRow>(`${SEALED_ROWS} AND key_version <> $1 ORDER BY id LIMIT $2 FOR UPDATE`, [target, batchSize]);
      for (const row of rows) {
        const context = contextOf(row);
        let plain: string;
        try {
          plain = openKey(keys, context, sealedOf(row));
        } catch (error) {
          if (!(error instanceof DecryptError)) throw error;
          throw new StartError(
            `Refusing to finish the rotation: the saved key of credential ${row.id} does not open (${error.message}), so it cannot be re-sealed and its master key version ${row.key_version} cannot be removed; delete that credential (or restore its row from a backup) and run again. No key was removed.`,
          );
        }
        const sealed = sealKey(keys, context, plain, target);
        await tx.query('UPDATE credentials SET ciphertext = $2, nonce = $3, key_version = $4 WHERE id = $1 AND key_version = $5', [
          row.id,
          sealed.ciphertext,
          sealed.nonce,
          sealed.keyVersion,
          row.key_version,
        ]);
        await fault('row-resealed');
      }
      return rows.length;
    });
    if (!count) return total;
    total += count;
    await fault('batch-committed');
  }
}

/** Removes a key file, durably. */
function remove(path: string) {
  rmSync(path, { force: true });
  fsyncDir(resolve(path, '..'));
}

/** Rotates the master key of `dataDir` (see above); returns how many keys it re-sealed. */
export async function rotate(env: NodeJS.ProcessEnv, dataDir: string, options: RotateOptions | ((line: string) => void) = {}): Promise<number> {
  const { log = console.log, fault = () => {}, batchSize = 100 } = typeof options === 'function' ? { log: options } : options;
  const envForm = env[ENV_CURRENT] !== undefined;
  if (envForm && !env[ENV_NEXT]?.trim()) {
    throw new StartError(
      `Refusing to rotate: with ${ENV_CURRENT} set, give the new key as ${ENV_NEXT} (make one with: ${MAKE_KEY}), after storing it where you keep the master key.`,
    );
  }
  if (!envForm && env[ENV_NEXT]?.trim()) {
    throw new StartError(
      `Refusing to rotate: ${ENV_NEXT} is set but ${ENV_CURRENT} is not; the key files of the data folder rotate themselves (unset ${ENV_NEXT}), or set ${ENV_CURRENT} to the current key to rotate in env form.`,
    );
  }

  const folder = await openDataFolder({ env, dataDir, purpose: 'rotation' });
  try {
    const { db, sources } = folder;
    const files = keyFiles(folder.dataDir);
    const before = await sealedVersions(db);

    // 1. The target key, stored before any row is rewritten.
    let target: Buffer;
    let resumed = false;
    if (envForm) {
      target = sources.next!.key;
    } else if (sources.next) {
      target = sources.next.key;
      resumed = true;
    } else {
      target = randomBytes(32);
      writeKeyFile(files.next, target);
      await fault('next-key-written');
    }
    const version = versionOf(target);
    const keys = new Keyring(target, [folder.keys.current, ...sources.opening.map((k) => k.key)]);

    // 2, 3. Every row under it.
    const count = await reseal(db, keys, version, fault, batchSize);
    const left = [...(await sealedVersions(db))].filter(([v]) => v !== version);
    if (left.length) throw new Error(`rows under ${left.map(([v]) => v).join(', ')} remain after re-sealing (written meanwhile?); run again`);
    await fault('rows-done');
    const retired = [...before.keys()].filter((v) => v !== version);

    if (envForm) {
      const old = [...new Set([sources.current!.version, ...retired])].filter((v) => v !== version);
      log(
        `Re-sealed ${count} saved key(s) under master key version ${version} (${ENV_NEXT}); no saved key uses ${old.length ? `version ${old.join(', ')}` : 'another key'} any more. ` +
          `Now set ${ENV_CURRENT} to the value of ${ENV_NEXT}, unset ${ENV_NEXT} and ${ENV_PREVIOUS}, and start the server (until then keep ${ENV_NEXT} set: the server opens with it).`,
      );
      return count;
    }

    // 4. The key files: each key a row uses stays on disk at every moment.
    if (existsSync(files.previous)) {
      remove(files.previous);
      await fault('previous-removed');
    }
    if (existsSync(files.current)) {
      linkSync(files.current, files.previous);
      fsyncDir(folder.dataDir);
      await fault('old-key-kept');
    }
    renameSync(files.next, files.current);
    fsyncDir(folder.dataDir);
    await fault('new-key-promoted');
    // We hold the folder: no row was written since step 3.
    remove(files.previous);
    await fault('old-key-removed');
    log(
      `${resumed ? 'Finished an interrupted rotation' : 'Rotated the master key'}: ${count} saved key(s) re-sealed under version ${version}, now in ${files.current}; ` +
        `no other key file is left. Back up ${files.current} together with the database.`,
    );
    return count;
  } finally {
    await folder.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('rotate-master-key.ts')) {
  rotate(process.env, resolve(process.env.CREDENTIAL_DATA_DIR ?? '.data')).catch((error: Error) => {
    console.error(error instanceof StartError ? error.message : `rotate-master-key: ${error.message}`);
    process.exit(1);
  });
}
