/**
 * The demo's storage: PGlite (embedded PostgreSQL, no set-up) in a data folder, or a
 * PostgreSQL server through `pg` when DATABASE_URL is set. One small interface for both, and
 * numbered SQL migrations applied at start inside a transaction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** Opens PGlite in `dataDir`, or PostgreSQL at `databaseUrl`, and brings the schema up to date. */
export async function openDatabase(options: { dataDir?: string; databaseUrl?: string }): Promise<Database> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir!);
  await migrate(db);
  return db;
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create(join(dataDir, 'pglite'));
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

/** Applies every migration not yet recorded, in order, each in a transaction with its record. */
export async function migrate(db: Database): Promise<string[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
  const applied: string[] = [];
  for (const name of readdirSync(MIGRATIONS).filter((f) => /^\d+_.*\.sql$/.test(f)).sort()) {
    if (done.has(name)) continue;
    const sql = readFileSync(join(MIGRATIONS, name), 'utf8');
    await db.transaction(async (tx) => {
      // Another process may have applied it meanwhile: the primary key makes one of us fail.
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      for (const statement of sql.split(/;\s*$/m).map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s))) {
        await tx.query(statement);
      }
    });
    applied.push(name);
  }
  return applied;
}
