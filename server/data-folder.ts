/**
 * Opening the server's data: the data folder (lock, permissions), the database (PGlite in the
 * folder, or DATABASE_URL) with its migrations, and the master keyring, checked against the
 * rows it must open. `openApp` and `rotate-master-key` both start here.
 *
 * The start, in order (a refusal at any step is a StartError of one line, and leaves the key
 * files, the rows and the modes as they were; PGlite's own bookkeeping files are touched by
 * opening the database to count its rows):
 *   1. the env keys parse (CREDENTIAL_MASTER_KEY, _PREVIOUS, _NEXT): nothing on disk read yet;
 *   2. the folder exists (made 0700 when new) and is locked for this process (`lock`);
 *   3. the key files: each one present must be owner-only (chmod 600) and a key;
 *   4. the database opens, as it is; the key versions its sealed rows use are counted, and
 *      every one must be in the keyring;
 *   5. only when there is no key anywhere and no sealed row: a new `master.key` (0600, fsynced);
 *   6. the folder and PGlite's files made owner-only; then the migrations (003 re-seals with the
 *      keyring).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Keyring, versionOf } from './crypto.js';
import { connectDatabase, migrate, ownerOnly, pgliteDir, type Database, type Queryable } from './db.js';
import { describeHolder, FolderLocked, lockFolder, type FolderLock } from './lock.js';
import { ENV_CURRENT, ENV_PREVIOUS, keyFiles, readEnvKeys, readKeySources, writeKeyFile, type FoundKey, type KeySources } from './master-key.js';
import { StartError } from './start-error.js';

export { StartError };

export interface DataFolder {
  db: Database;
  keys: Keyring;
  /** Closes the database and releases the folder. */
  close(): Promise<void>;
  /** The folder (absolute), and where each key came from (for rotate-master-key). */
  dataDir: string;
  sources: KeySources;
}

export interface OpenOptions {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /**
   * `server` (the default) may make the first master key of a fresh folder; `rotation` never
   * does, and opens a folder whose `master.key` a killed rotation left out (its `.next` seals).
   */
  purpose?: 'server' | 'rotation';
}

/** The key versions that sealed rows use, with how many rows each; none before migration 001. */
export async function sealedVersions(db: Queryable): Promise<Map<string, number>> {
  const { rows: table } = await db.query<{ t: string | null }>("SELECT to_regclass('credentials')::text AS t");
  if (!table[0]?.t) return new Map();
  const { rows } = await db.query<{ key_version: string; n: number }>(
    'SELECT key_version, count(*)::int AS n FROM credentials WHERE ciphertext IS NOT NULL AND key_version IS NOT NULL GROUP BY key_version ORDER BY key_version',
  );
  return new Map(rows.map((r) => [r.key_version, Number(r.n)]));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function missingMessage(verb: string, missing: Array<[string, number]>, sources: KeySources, dataDir: string): string {
  const count = missing.reduce((sum, [, n]) => sum + n, 0);
  const one = missing.length === 1;
  const versions = one ? `version ${missing[0][0]}` : `versions ${missing.map(([v, n]) => `${v} (${plural(n, 'key', 'keys')})`).join(', ')}`;
  const that = one ? 'the key of that version' : 'the keys of those versions';
  const file = keyFiles(dataDir).current;
  const hint = sources.unread.filter((k) => missing.some(([v]) => v === k.version)).map((k) => `${k.where} holds version ${k.version}: unset ${ENV_CURRENT} to use it, or `);
  const fix =
    sources.mode === 'env'
      ? `${hint.join('')}set ${ENV_CURRENT} (or add to ${ENV_PREVIOUS}) ${that}, from where you keep it`
      : `restore ${that} from your backup of this data folder, as ${file} if that file is missing (chmod 600), else in ${ENV_PREVIOUS}`;
  return (
    `${verb}: ${plural(count, 'saved key is', 'saved keys are')} sealed under master key ${versions}, which ${one ? 'is' : 'are'} not in the keyring ` +
    `(looked in ${sources.looked.join(', ')}); ${fix}, and start again. No key was generated and nothing was changed.`
  );
}

/** Runs `read`, giving a refusal from it this start's verb. */
function refusing<T>(verb: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof StartError) throw new StartError(`${verb}: ${error.message}`);
    throw error;
  }
}

function lockedMessage(verb: string, dataDir: string, error: FolderLocked): string {
  const holder = error.holder ? describeHolder(error.holder) : 'another process';
  if (error.running) return `${verb}: the data folder ${dataDir} is in use by ${holder}; stop it first (or give this one another CREDENTIAL_DATA_DIR).`;
  if (error.holder) {
    return `${verb}: the data folder ${dataDir} is locked by ${holder}, which cannot be checked from this host; if it is no longer running, delete ${error.path} and start again.`;
  }
  return `${verb}: the data folder ${dataDir} is being locked by another process (${error.path}); try again in a few seconds, or delete ${error.path} if no process uses the folder.`;
}

/** Opens the data folder for a server (or a rotation); throws StartError, changing nothing, when it must not. */
export async function openDataFolder(options: OpenOptions): Promise<DataFolder> {
  const { env } = options;
  const purpose = options.purpose ?? 'server';
  const verb = purpose === 'server' ? 'Refusing to start' : 'Refusing to rotate';
  const dataDir = resolve(options.dataDir);
  const databaseUrl = env.DATABASE_URL || undefined;

  // 1. Malformed env keys are refused before anything on disk is touched.
  refusing(verb, () => readEnvKeys(env));

  // 2. The folder, and its lock.
  let created = false;
  if (existsSync(dataDir)) {
    if (!statSync(dataDir).isDirectory()) throw new StartError(`${verb}: ${dataDir} is not a folder; set CREDENTIAL_DATA_DIR to a folder for the server's data.`);
  } else {
    if (purpose === 'rotation') throw new StartError(`${verb}: there is no data folder at ${dataDir} (set CREDENTIAL_DATA_DIR to the server's data folder).`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    created = true;
  }
  let lock: FolderLock;
  try {
    lock = lockFolder(dataDir, purpose === 'server' ? 'credential server' : 'rotate-master-key');
  } catch (error) {
    if (created) rmSync(dataDir, { recursive: true, force: true });
    if (error instanceof FolderLocked) throw new StartError(lockedMessage(verb, dataDir, error));
    throw error;
  }

  let db: Database | undefined;
  try {
    // 3. The key files, checked and read.
    const sources = refusing(verb, () => readKeySources(env, dataDir));
    const files = keyFiles(dataDir);
    let current: FoundKey | undefined = sources.current;
    if (!current) {
      const left = [files.next, files.previous].filter((f) => existsSync(f));
      if (left.length && !(purpose === 'rotation' && sources.next)) {
        const fix = sources.next ? `run \`npm run rotate-master-key\` to finish the rotation, or restore ${files.current} from your backup` : `restore ${files.current} from your backup`;
        throw new StartError(
          `${verb}: ${files.current} is missing but ${left.join(' and ')} ${left.length > 1 ? 'are' : 'is'} there (a key rotation was interrupted, or the key was removed); ` +
            `${fix}, and start again. Nothing was changed.`,
        );
      }
      // A rotation killed between its key files: the next key seals until it finishes.
      if (purpose === 'rotation') current = sources.next;
    }

    // 4. The database as it is, and the key versions its rows need.
    db = await connectDatabase({ dataDir, databaseUrl });
    const versions = await sealedVersions(db);
    const known = new Set([current?.version, ...sources.opening.map((k) => k.version)]);
    const missing = [...versions].filter(([v]) => !known.has(v));
    if (missing.length) throw new StartError(missingMessage(verb, missing, sources, dataDir));

    // 5. A first key, only for a folder with none and no sealed row.
    if (!current) {
      if (purpose === 'rotation') throw new StartError(`${verb}: there is no master key in ${dataDir} to rotate (the server makes one on its first start).`);
      const key = randomBytes(32);
      writeKeyFile(files.current, key);
      current = { key, version: versionOf(key), where: files.current };
    }
    const keys = new Keyring(current.key, sources.opening.map((k) => k.key));

    // 6. Owner-only, then the migrations.
    try {
      chmodSync(dataDir, 0o700);
    } catch (error) {
      throw new StartError(`${verb}: cannot make ${dataDir} owner-only (${(error as NodeJS.ErrnoException).code}): it belongs to another user; run the server as its owner, or chown it.`);
    }
    if (!databaseUrl) ownerOnly(pgliteDir(dataDir));
    await migrate(db, { keys });

    const opened = db;
    let closing: Promise<void> | undefined;
    return {
      db: opened,
      keys,
      dataDir,
      sources,
      close: () =>
        (closing ??= (async () => {
          try {
            await opened.close();
            if (!databaseUrl) ownerOnly(pgliteDir(dataDir));
          } finally {
            lock.release();
          }
        })()),
    };
  } catch (error) {
    await db?.close().catch(() => {});
    lock.release();
    if (created) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
