/**
 * Where the master keys come from, and how key files are written so that none is ever lost.
 *
 * Env form: CREDENTIAL_MASTER_KEY seals and opens; CREDENTIAL_MASTER_KEY_PREVIOUS (comma-separated)
 * and CREDENTIAL_MASTER_KEY_NEXT only open. File form (CREDENTIAL_MASTER_KEY unset): the data
 * folder's `master.key` seals and opens; `master.key.previous` and `master.key.next` (left by a
 * rotation) and the two env lists only open. Each key file must be readable by its owner only
 * (as ssh requires of a private key). Nothing here generates a key over sealed rows: the caller
 * decides that, after counting the rows.
 */
import { existsSync, linkSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseMasterKey, versionOf } from './crypto.js';
import { fsyncDir, writeNewFile } from './durable.js';
import { StartError } from './start-error.js';


export const ENV_CURRENT = 'CREDENTIAL_MASTER_KEY';
export const ENV_PREVIOUS = 'CREDENTIAL_MASTER_KEY_PREVIOUS';
export const ENV_NEXT = 'CREDENTIAL_MASTER_KEY_NEXT';

/** The key files of a data folder. */
export function keyFiles(dataDir: string) {
  const current = join(dataDir, 'master.key');
  return { current, previous: `${current}.previous`, next: `${current}.next` };
}

/** A key and where it came from (an env var name or a file path). */
export interface FoundKey {
  key: Buffer;
  version: string;
  where: string;
}

export interface KeySources {
  mode: 'env' | 'file';
  /** The key that seals: CREDENTIAL_MASTER_KEY, or `master.key` (absent in a folder that has none). */
  current?: FoundKey;
  /** Keys that only open. */
  opening: FoundKey[];
  /** The rotation's next key: CREDENTIAL_MASTER_KEY_NEXT in env form, `master.key.next` in file form. */
  next?: FoundKey;
  /** Every place looked at, with what was there: "…/master.key (version 0123…)", "CREDENTIAL_MASTER_KEY_NEXT (unset)". */
  looked: string[];
  /** In env form: the versions of key files the folder holds but that are not read (for a hint). */
  unread: FoundKey[];
}

const found = (key: Buffer, where: string): FoundKey => ({ key, version: versionOf(key), where });

function parseEnv(text: string, name: string): Buffer {
  try {
    return parseMasterKey(text, name);
  } catch (error) {
    throw new StartError((error as Error).message);
  }
}

/** Whether a file grants anything to group or others. */
export function openToOthers(path: string): number | undefined {
  if (process.platform === 'win32') return undefined;
  const mode = statSync(path).mode & 0o777;
  return mode & 0o077 ? mode : undefined;
}

/** Reads one key file: refuses one open to others, or one that is not a key. */
function readKeyFile(path: string): FoundKey {
  const st = statSync(path);
  if (!st.isFile()) throw new StartError(`${path} is not a file: restore the master key there from your backup of this data folder (base64 of 32 bytes, chmod 600).`);
  const mode = openToOthers(path);
  if (mode !== undefined) {
    throw new StartError(`${path} is open to group or others (mode ${mode.toString(8).padStart(4, '0')}): run \`chmod 600 ${path}\`, then try again.`);
  }
  let key: Buffer;
  try {
    key = parseMasterKey(readFileSync(path, 'utf8'), path);
  } catch {
    throw new StartError(`${path} is not a master key (the base64 of exactly 32 bytes): restore it from your backup of this data folder.`);
  }
  return found(key, path);
}

/** The keys the environment gives, each checked; refuses a malformed one. Reads no file. */
export function readEnvKeys(env: NodeJS.ProcessEnv): { current?: FoundKey; previous: FoundKey[]; next?: FoundKey } {
  const current = env[ENV_CURRENT] !== undefined ? found(parseEnv(env[ENV_CURRENT]!, ENV_CURRENT), ENV_CURRENT) : undefined;
  const list = (env[ENV_PREVIOUS] ?? '').split(',').filter((k) => k.trim());
  const previous = list.map((k, i) => found(parseEnv(k, list.length > 1 ? `${ENV_PREVIOUS} (entry ${i + 1})` : ENV_PREVIOUS), ENV_PREVIOUS));
  const next = env[ENV_NEXT]?.trim() ? found(parseEnv(env[ENV_NEXT]!, ENV_NEXT), ENV_NEXT) : undefined;
  return { current, previous, next };
}

/** Every key the environment and the data folder hold, checked; nothing is written. */
export function readKeySources(env: NodeJS.ProcessEnv, dataDir: string): KeySources {
  const files = keyFiles(dataDir);
  const looked: string[] = [];
  const opening: FoundKey[] = [];
  const unread: FoundKey[] = [];
  const fromEnv = readEnvKeys(env);
  const mode = fromEnv.current ? 'env' : 'file';

  let current = fromEnv.current;
  let fileNext: FoundKey | undefined;
  if (current) {
    looked.push(`${ENV_CURRENT} (version ${current.version})`);
    // Not read as keys (CREDENTIAL_MASTER_KEY wins), but named when they hold a missing version.
    for (const path of Object.values(files)) {
      try {
        if (existsSync(path) && openToOthers(path) === undefined) unread.push(found(parseMasterKey(readFileSync(path, 'utf8'), path), path));
      } catch {
        // not a key: nothing to hint at
      }
    }
  } else {
    for (const [role, path] of Object.entries(files)) {
      if (!existsSync(path)) {
        looked.push(`${path} (missing)`);
        continue;
      }
      const key = readKeyFile(path);
      looked.push(`${path} (version ${key.version})`);
      if (role === 'current') current = key;
      else opening.push(key);
      if (role === 'next') fileNext = key;
    }
  }
  opening.push(...fromEnv.previous);
  looked.push(fromEnv.previous.length ? `${ENV_PREVIOUS} (version ${fromEnv.previous.map((k) => k.version).join(', ')})` : `${ENV_PREVIOUS} (unset)`);
  if (fromEnv.next) opening.push(fromEnv.next);
  looked.push(fromEnv.next ? `${ENV_NEXT} (version ${fromEnv.next.version})` : `${ENV_NEXT} (unset)`);
  return { mode, current, opening, next: mode === 'env' ? fromEnv.next : fileNext, looked, unread };
}

/**
 * Writes a new key file, readable by its owner only, durably (the file and its directory entry
 * fsynced) and all at once: a reader sees no file or the whole key. Fails with EEXIST when
 * `path` exists: a key file is never overwritten.
 */
export function writeKeyFile(path: string, key: Buffer): void {
  const tmp = `${path}.tmp`;
  // A .tmp left by a killed writer never became a key file, so nothing was sealed under it.
  rmSync(tmp, { force: true });
  writeNewFile(tmp, `${key.toString('base64')}\n`);
  try {
    linkSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
  fsyncDir(dirname(path));
}
