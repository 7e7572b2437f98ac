/**
 * Migration 002: owners, and the duplicate-name rule of contract section 15.
 *
 * - Every credential belongs to an owner (the id that the host's `identify(request)` returns);
 *   rows saved before owners existed belong to the demo's one local owner.
 * - Names are unique per owner and provider by their key (`nameKey`: Unicode compatibility
 *   forms, case, invisible characters and runs of spaces make no other name), computed here
 *   and by the server, not by SQL, whose lower() depends on the database's locale.
 *
 * Two older rows whose names now count as one both stay, as they were: the later one's key
 * gets its id after a line break (which no name can hold), and its owner can rename one.
 */
import type { Queryable } from '../db.js';
import { nameKey } from '../input.js';
import { LOCAL_OWNER } from '../store.js';

export async function up(tx: Queryable): Promise<void> {
  await tx.query('ALTER TABLE credentials ADD COLUMN owner text');
  await tx.query('ALTER TABLE credentials ADD COLUMN name_key text');
  await tx.query('UPDATE credentials SET owner = $1', [LOCAL_OWNER]);
  const { rows } = await tx.query<{ id: string; provider: string; name: string }>('SELECT id, provider, name FROM credentials ORDER BY created_at, id');
  const taken = new Set<string>();
  for (const row of rows) {
    let key = nameKey(row.name);
    const scoped = `${row.provider}\n${key}`;
    if (taken.has(scoped)) key = `${key}\n${row.id}`;
    taken.add(scoped);
    await tx.query('UPDATE credentials SET name_key = $2 WHERE id = $1', [row.id, key]);
  }
  await tx.query('ALTER TABLE credentials ALTER COLUMN owner SET NOT NULL');
  await tx.query('ALTER TABLE credentials ALTER COLUMN name_key SET NOT NULL');
  await tx.query('DROP INDEX credentials_provider_name');
  await tx.query('CREATE UNIQUE INDEX credentials_owner_provider_name ON credentials (owner, provider, name_key)');
}
