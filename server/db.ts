/**
 * The demo's storage: PGlite (embedded PostgreSQL, no set-up) in a data folder, or a
 * PostgreSQL server through `pg` when DATABASE_URL is set. One small interface for both, and
 * numbered migrations applied at start, each inside a transaction with its record in
 * `schema_migrations`: SQL files (`NNN_name.sql`), or code (`NNN_name.ts`, exporting
 * `up(tx, { keys })`) for a change that needs the keyring, such as re-sealing every key.
 *
 * The code migrations are imported here, statically (`CODE_MIGRATIONS`), not loaded from
 * their files at run time: whatever loads this module (tsx, Vite's bundle of its config, a
 * build) loads them with it, and plain Node needs no TypeScript loader for them. Their files
 * still mark where they stand in the order.
 */
import { chmodSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Keyring } from './crypto.js';
import * as ownersAndNameKeys from './migrations/002_owners_and_name_keys.js';
import * as sealBinding from './migrations/003_seal_binding.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

const MIGRATIONS = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'migrations');

/** What a code migration is given. */
export interface MigrationContext {
  keys: Keyring;
}

/** A code migration's module. */
export interface CodeMigration {
  up(tx: Queryable, context: MigrationContext): Promise<void>;
}

/** Every code migration, by its file's name without extension. A new one is added here too. */
export const CODE_MIGRATIONS: Readonly<Record<string, CodeMigration>> = {
  '002_owners_and_name_keys': ownersAndNameKeys,
  '003_seal_binding': sealBinding,
};

/** Opens PGlite in `dataDir`, or PostgreSQL at `databaseUrl`, as it is: no migration. */
export async function connectDatabase(options: { dataDir?: string; databaseUrl?: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir!);
}

/** PGlite's folder in a data folder. */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

/**
 * Takes group and other permissions off every file and folder under `dir`. PGlite writes the
 * files of a new database 0666 and its relation cache 0644, whatever the umask (measured with
 * 0.5.17); PostgreSQL's own later files are 0600.
 */
export function ownerOnly(dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) ownerOnly(path);
    try {
      const mode = lstatSync(path).mode & 0o777;
      if (mode & 0o077) chmodSync(path, mode & 0o700);
    } catch {
      // removed meanwhile
    }
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = pgliteDir(dataDir);
  const pg = await PGlite.create(dir);
  // Its files are made owner-only by openDataFolder, once the start is not refused, and on close.
  return {
    kind: 'pglite',
    query: (sql, params) => pg.query(sql, params) as never,
    transaction: (work) => pg.transaction((tx) => work({ query: (sql, params) => tx.query(sql, params) as never })),
    close: () => pg.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  // bytea as Uint8Array, as PGlite gives it.
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  return {
    kind: 'postgres',
    query: (sql, params) => pool.query(sql, params as unknown[]) as never,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => client.query(sql, params as unknown[]) as never });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** A migration's name without its extension: a code migration is the same one as .ts or built .js. */
const stem = (name: string) => name.replace(/\.(sql|ts|js)$/, '');

/** The migrations, in order: `NNN_name.sql`, or `NNN_name.ts` / `.js` (code). */
export const migrationFiles = (dir = MIGRATIONS) =>
  readdirSync(dir)
    .filter((f) => /^\d+_.*\.(sql|ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();

/** Applies every migration not yet recorded, in order, each in a transaction with its record. */
export async function migrate(db: Database, context?: MigrationContext, dir = MIGRATIONS): Promise<string[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => stem(r.name)));
  const applied: string[] = [];
  for (const name of migrationFiles(dir)) {
    if (done.has(stem(name))) continue;
    let work: (tx: Queryable) => Promise<void>;
    if (name.endsWith('.sql')) {
      const sql = readFileSync(join(dir, name), 'utf8');
      work = async (tx) => {
        for (const statement of sql.split(/;\s*$/m).map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s))) {
          await tx.query(statement);
        }
      };
    } else {
      const code = Object.hasOwn(CODE_MIGRATIONS, stem(name)) ? CODE_MIGRATIONS[stem(name)] : undefined;
      if (!code) throw new Error(`migration ${name} is not in CODE_MIGRATIONS (server/db.ts): import it there`);
      if (!context) throw new Error(`migration ${name} needs the keyring: open the database through openDataFolder`);
      work = (tx) => code.up(tx, context);
    }
    await db.transaction(async (tx) => {
      // Another process may have applied it meanwhile: the primary key makes one of us fail.
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      await work(tx);
    });
    applied.push(name);
  }
  return applied;
}
