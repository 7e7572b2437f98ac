// Data folders for the master-key tests: each with its own database (a copy of an initdb'd
// PGlite folder, or a database of its own on the PostgreSQL server of DATABASE_URL), seeded the
// way 0.2.0 wrote rows (schema 001, keys sealed with the id alone as associated data), so that
// opening it runs today's migrations on a database made by yesterday's code.
//
// Self-contained on purpose (PGlite and pg directly, no server module): the same tests run
// against an older checkout to show that they fail there.
import { PGlite } from '@electric-sql/pglite';
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { Keyring, versionOf } from '../crypto.js';

export const POSTGRES = process.env.DATABASE_URL || undefined;
export const ON = POSTGRES ? 'PostgreSQL' : 'PGlite';

/** A master key: 32 bytes, here from one byte repeated (readable in failures), and its base64. */
export const masterKey = (byte: number) => Buffer.alloc(32, byte);
export const b64 = (key: Buffer) => key.toString('base64');
export { versionOf };

/** Copies a folder; on Linux with `cp --sparse=always` (PGlite's 16 MB WAL segment is mostly holes then: twice as fast). */
function copyTree(from: string, to: string): void {
  if (process.platform === 'linux') {
    try {
      execFileSync('cp', ['-a', '--sparse=always', from, to], { stdio: 'ignore' });
      return;
    } catch {
      rmSync(to, { recursive: true, force: true });
    }
  }
  cpSync(from, to, { recursive: true, preserveTimestamps: true });
}

interface Client {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  close(): Promise<void>;
}

const pgliteVersion = (): string => {
  const main = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  let dir = dirname(main);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
};

/**
 * An empty PGlite database (initdb only, no migration), made once per PGlite version and kept
 * in the temp folder: PGlite's first open of a folder takes about 6 s, a copy and reopen 0.3 s.
 */
function template(): Promise<string> {
  const path = join(tmpdir(), `credential-overlay-test-pglite-${pgliteVersion()}`);
  if (existsSync(join(path, 'PG_VERSION'))) return Promise.resolve(path);
  return (async () => {
    const making = mkdtempSync(`${path}.making-`);
    const db = await PGlite.create(making);
    await db.close();
    try {
      renameSync(making, path);
    } catch {
      rmSync(making, { recursive: true, force: true }); // another process made it meanwhile
    }
    return path;
  })();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const databaseUrl = (name: string) => {
  const url = new URL(POSTGRES!);
  url.pathname = `/${name}`;
  return url.toString();
};

export interface Folder {
  dataDir: string;
  /** DATABASE_URL of this folder's own database (PostgreSQL), else undefined (PGlite in the folder). */
  databaseUrl?: string;
  /** The environment of a server on this folder: its DATABASE_URL, and `more`. */
  env(more?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** Talks to the database directly (never while a server or a rotation has it open, with PGlite). */
  connect(): Promise<Client>;
  /** A copy of the folder and its database, as it is now (nothing may have it open). */
  clone(): Promise<Folder>;
  remove(): Promise<void>;
}

function folderAt(dataDir: string, database?: string): Folder {
  const url = database && databaseUrl(database);
  const folder: Folder = {
    dataDir,
    databaseUrl: url,
    env: (more = {}) => ({ DATABASE_URL: url, ...more }),
    async connect() {
      if (url) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        return { query: (sql, params) => client.query(sql, params) as never, close: () => client.end() };
      }
      const db = await PGlite.create(join(dataDir, 'pglite'));
      return { query: (sql, params) => db.query(sql, params) as never, close: () => db.close() };
    },
    async clone() {
      const copy = mkdtempSync(join(tmpdir(), 'credential-keys-'));
      for (const name of readdirSync(dataDir)) copyTree(join(dataDir, name), join(copy, name));
      chmodSync(copy, statSync(dataDir).mode & 0o777);
      if (!database) return folderAt(copy);
      const name = `keys_${randomBytes(6).toString('hex')}`;
      await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${database}`));
      return folderAt(copy, name);
    },
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
      if (database) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
  return folder;
}

/** The environment of a child process on `folder`: this one's without any CREDENTIAL_ variable, the folder's DATABASE_URL, and `more`. */
export function childEnv(folder: Folder, more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('CREDENTIAL_') || name === 'DATABASE_URL') delete env[name];
  if (folder.databaseUrl) env.DATABASE_URL = folder.databaseUrl;
  return { ...env, ...more };
}

/** A new data folder with an empty database (no schema). */
export async function newFolder(): Promise<Folder> {
  const dataDir = mkdtempSync(join(tmpdir(), 'credential-keys-'));
  if (POSTGRES) {
    const name = `keys_${randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    return folderAt(dataDir, name);
  }
  copyTree(await template(), join(dataDir, 'pglite'));
  return folderAt(dataDir);
}

/** A credential as 0.2.0 stored it. `sealedBy` is the master key its key was sealed under. */
export interface Seed {
  id?: string;
  provider: string;
  name: string;
  fields?: Record<string, string>;
  apiKey?: string;
  sealedBy?: Buffer;
}

const MIGRATION_001 = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'migrations', '001_credentials.sql');

/**
 * Writes schema 001 and `seeds` as 0.2.0 did (the key sealed with AES-256-GCM, the id alone as
 * associated data); returns the seeds with their ids.
 */
export async function seedLegacy(folder: Folder, seeds: Seed[]): Promise<Array<Seed & { id: string }>> {
  const db = await folder.connect();
  try {
    await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const sql = readFileSync(MIGRATION_001, 'utf8');
    for (const statement of sql.split(/;\s*$/m).map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s))) await db.query(statement);
    await db.query("INSERT INTO schema_migrations (name) VALUES ('001_credentials.sql')");
    const out: Array<Seed & { id: string }> = [];
    for (const seed of seeds) {
      const id = seed.id ?? randomUUID();
      // 0.2.0's Keyring.seal(plaintext, id): the id's UTF-8 bytes as associated data.
      const sealed = seed.apiKey ? new Keyring(seed.sealedBy!).seal(seed.apiKey, id) : undefined;
      await db.query(
        `INSERT INTO credentials (id, provider, name, description, fields, key_hint, key_type, verified, ciphertext, nonce, key_version)
         VALUES ($1, $2, $3, '', $4, '', '', false, $5, $6, $7)`,
        [id, seed.provider, seed.name, JSON.stringify(seed.fields ?? {}), sealed?.ciphertext ?? null, sealed?.nonce ?? null, sealed?.keyVersion ?? null],
      );
      out.push({ ...seed, id });
    }
    return out;
  } finally {
    await db.close();
  }
}

export interface StoredRow {
  id: string;
  provider: string;
  name: string;
  fields: Record<string, string>;
  ciphertext: Uint8Array | null;
  nonce: Uint8Array | null;
  key_version: string | null;
}

/** The rows, by name, as the store reads them. */
export async function rowsOf(db: { query: Client['query'] }): Promise<StoredRow[]> {
  const { rows } = await db.query<StoredRow & { fields: Record<string, string> | string }>(
    'SELECT id, provider, name, fields, ciphertext, nonce, key_version FROM credentials ORDER BY name',
  );
  return rows.map((r) => ({ ...r, fields: typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields }));
}

/** Everything a refused start must leave as it was: key files (content, mode), folder mode, lock, rows, migrations. */
export async function snapshot(folder: Folder): Promise<unknown> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder.dataDir).sort()) {
    if (name === 'pglite') continue;
    const path = join(folder.dataDir, name);
    const st = statSync(path);
    files[name] = `${(st.mode & 0o777).toString(8)} ${st.isFile() ? readFileSync(path, 'utf8').trim() : 'dir'}`;
  }
  const pgliteModes = existsSync(join(folder.dataDir, 'pglite')) ? modesUnder(join(folder.dataDir, 'pglite')) : {};
  const db = await folder.connect();
  try {
    const table = (await db.query<{ t: string | null }>("SELECT to_regclass('credentials')::text AS t")).rows[0]?.t;
    const rows = table ? (await rowsOf(db)).map((r) => ({ ...r, ciphertext: Buffer.from(r.ciphertext ?? []).toString('hex'), nonce: Buffer.from(r.nonce ?? []).toString('hex') })) : [];
    const migrations = (await db.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name").catch(() => ({ rows: [] }))).rows.map((r) => r.name);
    return { folderMode: (statSync(folder.dataDir).mode & 0o777).toString(8), files, pgliteModes, rows, migrations };
  } finally {
    await db.close();
  }
}

/** How many files and folders under `dir` have each mode. */
export function modesUnder(dir: string): Record<string, number> {
  const modes: Record<string, number> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      const mode = (statSync(p).mode & 0o777).toString(8);
      modes[mode] = (modes[mode] ?? 0) + 1;
      if (entry.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return modes;
}

/** Writes a key file as an operator might (mode given). */
export function writeKey(path: string, key: Buffer, mode = 0o600): void {
  writeFileSync(path, `${b64(key)}\n`, { mode });
  chmodSync(path, mode);
}
