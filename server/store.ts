/**
 * Credentials in the database, each of one owner: summaries out, the key only in and (for the
 * server's own check) back to the server, sealed at rest by sealing.ts. Every query names the
 * owner, so one owner never reads, changes or deletes another's. Names are unique per owner
 * and provider by their normalized key (`nameKey`). A change is decided on the row as it is
 * under a row lock, so concurrent changes never lose one another's fields. The last passing
 * check of the saved key is kept with it (without the models) and goes when the key changes.
 */
import { randomUUID } from 'node:crypto';
import { cleanCheck, type CheckResult } from '../src/check.js';
import type { Keyring } from './crypto.js';
import type { Database, Queryable } from './db.js';
import { nameKey } from './input.js';
import { openKey, sealKey } from './sealing.js';

/** The owner of the demo's credentials, and of rows saved before owners existed: one person, on their own machine. */
export const LOCAL_OWNER = 'local';

/**
 * The last passing server check of the saved key, as a summary carries it (contract sections
 * 12 and 14): `CheckResult` without `models` (a list that goes stale, and is the provider's to
 * tell again).
 */
export interface StoredCheck {
  status: CheckResult['status'];
  credit?: { limit: number | null; remaining: number | null; used: number | null };
  expiresAt?: string;
  checkedAt: string;
}

/** What of a check is kept: its status, credit, expiry and time; never its models. */
export function storedCheck(check: CheckResult): StoredCheck {
  const { status, credit, expiresAt, checkedAt } = cleanCheck(check);
  return { status, ...(credit && { credit: { ...credit } }), ...(expiresAt && { expiresAt }), checkedAt };
}

/** What the API returns of a credential: never the key. */
export interface Summary {
  id: string;
  provider: string;
  name: string;
  description: string;
  keyHint: string;
  keyType: string;
  verified: boolean;
  fields: Record<string, string>;
  /** The last passing server check of the saved key; `null` when none. */
  check: StoredCheck | null;
  createdAt: string;
  updatedAt: string;
}

/** A summary with what the server needs to decide a change: whether a key is saved, and which one. */
export interface Saved extends Summary {
  hasKey: boolean;
  /** Names the saved key (its nonce, fresh on every seal): equal tags, the same key. `""` without a key. */
  keyTag: string;
}

interface Row {
  id: string;
  provider: string;
  name: string;
  description: string;
  fields: Record<string, string> | string;
  key_hint: string;
  key_type: string;
  verified: boolean;
  last_check: StoredCheck | string | null;
  ciphertext: Uint8Array | null;
  nonce: Uint8Array | null;
  key_version: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const SUMMARY = 'id, provider, name, description, fields, key_hint, key_type, verified, last_check, created_at, updated_at';
const SAVED = `${SUMMARY}, ciphertext IS NOT NULL AS has_key, nonce`;

const fieldsOf = (r: Pick<Row, 'fields'>): Record<string, string> => (typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields);
const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
/** The stored check, read as the overlay reads a host's (`cleanCheck`): a known shape whatever the column holds. */
const checkOf = (r: Pick<Row, 'last_check'>): StoredCheck | null => {
  const v = typeof r.last_check === 'string' ? JSON.parse(r.last_check) : r.last_check;
  return v && typeof v === 'object' ? storedCheck(v as CheckResult) : null;
};
const summary = (r: Row): Summary => ({
  id: r.id,
  provider: r.provider,
  name: r.name,
  description: r.description,
  keyHint: r.key_hint,
  keyType: r.key_type,
  verified: r.verified,
  fields: fieldsOf(r),
  check: checkOf(r),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});
const saved = (r: Row & { has_key: boolean }): Saved => ({
  ...summary(r),
  hasKey: r.has_key,
  keyTag: r.nonce ? Buffer.from(r.nonce).toString('hex') : '',
});

/** A name that another credential of the owner and provider already has. */
export class DuplicateName extends Error {
  constructor() {
    super('duplicate name');
    this.name = 'DuplicateName';
  }
}

const isUnique = (e: unknown) => (e as { code?: string })?.code === '23505';

export interface NewCredential {
  provider: string;
  name: string;
  description: string;
  fields: Record<string, string>;
  apiKey: string;
  keyHint: string;
  keyType: string;
  verified: boolean;
  /** The check that set `verified` (its models are not kept). */
  check?: CheckResult;
}

/**
 * What a change sets; absent members stay. A key only when one is given: nothing blanks a
 * saved key. `check`: the last passing check, or `null` to clear it; a new key clears it
 * unless the change brings the check of that key.
 */
export type Change = Partial<Omit<NewCredential, 'provider' | 'check'>> & { check?: CheckResult | null };

export class Store {
  readonly #db: Database;
  readonly #keys: Keyring;

  constructor(db: Database, keys: Keyring) {
    this.#db = db;
    this.#keys = keys;
  }

  async list(owner: string): Promise<Summary[]> {
    const { rows } = await this.#db.query<Row>(`SELECT ${SUMMARY} FROM credentials WHERE owner = $1 ORDER BY created_at, id`, [owner]);
    return rows.map(summary);
  }

  /** `id` must be in the server's format (`idOf`): the column is a uuid. */
  async get(owner: string, id: string): Promise<Saved | undefined> {
    const { rows } = await this.#db.query<Row & { has_key: boolean }>(`SELECT ${SAVED} FROM credentials WHERE id = $1 AND owner = $2`, [id, owner]);
    return rows[0] && saved(rows[0]);
  }

  /** Whether another credential of the owner and provider has this name (by `nameKey`); the unique index still decides a race. */
  async nameTaken(owner: string, provider: string, name: string, except = '00000000-0000-0000-0000-000000000000'): Promise<boolean> {
    const { rows } = await this.#db.query('SELECT 1 FROM credentials WHERE owner = $1 AND provider = $2 AND name_key = $3 AND id <> $4', [owner, provider, nameKey(name), except]);
    return rows.length > 0;
  }

  async create(owner: string, c: NewCredential): Promise<Summary> {
    const id = randomUUID();
    const sealed = c.apiKey ? sealKey(this.#keys, { id, provider: c.provider, fields: c.fields }, c.apiKey) : undefined;
    return this.#unique(async () => {
      const { rows } = await this.#db.query<Row>(
        `INSERT INTO credentials (id, owner, provider, name, name_key, description, fields, key_hint, key_type, verified, last_check, ciphertext, nonce, key_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ${SUMMARY}`,
        [
          id,
          owner,
          c.provider,
          c.name,
          nameKey(c.name),
          c.description,
          JSON.stringify(c.fields),
          c.keyHint,
          c.keyType,
          c.verified,
          c.verified && c.check ? JSON.stringify(storedCheck(c.check)) : null,
          sealed?.ciphertext ?? null,
          sealed?.nonce ?? null,
          sealed?.keyVersion ?? null,
        ],
      );
      return summary(rows[0]);
    });
  }

  /**
   * Changes a credential as `decide` says, given the row as it is now: read under a row lock
   * in one transaction with the write, so a change made meanwhile is seen and never
   * overwritten. `decide` may throw to refuse (nothing is written). The key is sealed for the
   * row's fields after the change. `undefined` when the owner has no such credential.
   * `touch: false` (a check's record, no edit): `updated_at` stays, and an empty change writes nothing.
   */
  async update(owner: string, id: string, decide: (now: Saved) => Change, { touch = true } = {}): Promise<Summary | undefined> {
    return this.#unique(() =>
      this.#db.transaction(async (tx: Queryable) => {
        const { rows } = await tx.query<Row & { has_key: boolean }>(`SELECT ${SAVED} FROM credentials WHERE id = $1 AND owner = $2 FOR UPDATE`, [id, owner]);
        if (!rows[0]) return undefined;
        const now = saved(rows[0]);
        const change = decide(now);
        const sets: string[] = [];
        const values: unknown[] = [id, owner];
        const set = (column: string, value: unknown) => {
          values.push(value);
          sets.push(`${column} = $${values.length}`);
        };
        if (change.name !== undefined) {
          set('name', change.name);
          set('name_key', nameKey(change.name));
        }
        if (change.description !== undefined) set('description', change.description);
        if (change.fields !== undefined) set('fields', JSON.stringify(change.fields));
        if (change.verified !== undefined) set('verified', change.verified);
        if (change.check !== undefined) set('last_check', change.check && JSON.stringify(storedCheck(change.check)));
        if (change.apiKey) {
          const sealed = sealKey(this.#keys, { id, provider: now.provider, fields: change.fields ?? now.fields }, change.apiKey);
          set('ciphertext', sealed.ciphertext);
          set('nonce', sealed.nonce);
          set('key_version', sealed.keyVersion);
          set('key_hint', change.keyHint ?? '');
          set('key_type', change.keyType ?? '');
          // What was learned of the old key says nothing of the new one.
          if (change.check === undefined) set('last_check', null);
        }
        if (touch) sets.push('updated_at = now()');
        // Nothing to write: the row as read (under the lock) is the answer.
        if (!sets.length) return summary(rows[0]);
        const result = await tx.query<Row>(`UPDATE credentials SET ${sets.join(', ')} WHERE id = $1 AND owner = $2 RETURNING ${SUMMARY}`, values);
        return summary(result.rows[0]);
      }),
    );
  }

  async remove(owner: string, id: string): Promise<boolean> {
    const { rows } = await this.#db.query<{ id: string }>('DELETE FROM credentials WHERE id = $1 AND owner = $2 RETURNING id', [id, owner]);
    return rows.length > 0;
  }

  /**
   * A credential with its saved key (`""` when none), read in one query, so the key and the
   * fields it was saved for belong together: for the server's own check only. Throws
   * DecryptError when the key fails authentication.
   */
  async open(owner: string, id: string): Promise<(Saved & { apiKey: string }) | undefined> {
    const { rows } = await this.#db.query<Row & { has_key: boolean }>(`SELECT ${SAVED}, ciphertext, key_version FROM credentials WHERE id = $1 AND owner = $2`, [id, owner]);
    const row = rows[0];
    if (!row) return undefined;
    const found = saved(row);
    if (!row.ciphertext || !row.nonce || !row.key_version) return { ...found, apiKey: '' };
    const apiKey = openKey(this.#keys, { id: found.id, provider: found.provider, fields: found.fields }, { ciphertext: row.ciphertext, nonce: row.nonce, keyVersion: row.key_version });
    return { ...found, apiKey };
  }

  async #unique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUnique(error)) throw new DuplicateName();
      throw error;
    }
  }
}
