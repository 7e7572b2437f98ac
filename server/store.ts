/**
 * Credentials in the database: summaries out, the key only in and (for the server's own
 * check) back to the server, encrypted at rest with the credential id as associated data.
 */
import { randomUUID } from 'node:crypto';
import type { Keyring } from './crypto.js';
import { openKey, sealKey } from './sealing.js';
import type { Database } from './db.js';

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
  createdAt: string;
  updatedAt: string;
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
  ciphertext: Uint8Array | null;
  nonce: Uint8Array | null;
  key_version: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const SUMMARY = 'id, provider, name, description, fields, key_hint, key_type, verified, created_at, updated_at';

const fieldsOf = (r: Pick<Row, 'fields'>): Record<string, string> => (typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields);
const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const summary = (r: Row): Summary => ({
  id: r.id,
  provider: r.provider,
  name: r.name,
  description: r.description,
  keyHint: r.key_hint,
  keyType: r.key_type,
  verified: r.verified,
  fields: fieldsOf(r),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** A name that another credential of the provider already has. */
export class DuplicateName extends Error {}

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
}

export class Store {
  readonly #db: Database;
  readonly #keys: Keyring;

  constructor(db: Database, keys: Keyring) {
    this.#db = db;
    this.#keys = keys;
  }

  async list(): Promise<Summary[]> {
    const { rows } = await this.#db.query<Row>(`SELECT ${SUMMARY} FROM credentials ORDER BY created_at, id`);
    return rows.map(summary);
  }

  async get(id: string): Promise<Summary | undefined> {
    const { rows } = await this.#db.query<Row>(`SELECT ${SUMMARY} FROM credentials WHERE id = $1`, [id]);
    return rows[0] && summary(rows[0]);
  }

  async create(c: NewCredential): Promise<Summary> {
    const id = randomUUID();
    const sealed = c.apiKey ? sealKey(this.#keys, { id, provider: c.provider, fields: c.fields }, c.apiKey) : undefined;
    try {
      const { rows } = await this.#db.query<Row>(
        `INSERT INTO credentials (id, provider, name, description, fields, key_hint, key_type, verified, ciphertext, nonce, key_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${SUMMARY}`,
        [id, c.provider, c.name, c.description, JSON.stringify(c.fields), c.keyHint, c.keyType, c.verified, sealed?.ciphertext ?? null, sealed?.nonce ?? null, sealed?.keyVersion ?? null],
      );
      return summary(rows[0]);
    } catch (e) {
      if (isUnique(e)) throw new DuplicateName();
      throw e;
    }
  }

  /** Changes what is given; a key only when one is given (nothing blanks a saved key). */
  async update(
    id: string,
    change: Partial<Omit<NewCredential, 'provider' | 'apiKey'>> & { apiKey?: string },
  ): Promise<Summary | undefined> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (change.name !== undefined) set('name', change.name);
    if (change.description !== undefined) set('description', change.description);
    if (change.fields !== undefined) set('fields', JSON.stringify(change.fields));
    if (change.verified !== undefined) set('verified', change.verified);
    if (change.apiKey) {
      const saved = await this.#db.query<Row>('SELECT provider, fields FROM credentials WHERE id = $1', [id]);
      if (!saved.rows[0]) return undefined;
      const fields = change.fields ?? fieldsOf(saved.rows[0]);
      const sealed = sealKey(this.#keys, { id, provider: saved.rows[0].provider, fields }, change.apiKey);
      set('ciphertext', sealed.ciphertext);
      set('nonce', sealed.nonce);
      set('key_version', sealed.keyVersion);
      set('key_hint', change.keyHint ?? '');
      set('key_type', change.keyType ?? '');
    }
    sets.push('updated_at = now()');
    try {
      const { rows } = await this.#db.query<Row>(`UPDATE credentials SET ${sets.join(', ')} WHERE id = $1 RETURNING ${SUMMARY}`, values);
      return rows[0] && summary(rows[0]);
    } catch (e) {
      if (isUnique(e)) throw new DuplicateName();
      throw e;
    }
  }

  async remove(id: string): Promise<boolean> {
    const { rows } = await this.#db.query<{ id: string }>('DELETE FROM credentials WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }

  /** The saved key, for the server's own check only; `""` when none was saved. Throws DecryptError when it fails authentication. */
  async key(id: string): Promise<string | undefined> {
    const { rows } = await this.#db.query<Row>('SELECT id, provider, fields, ciphertext, nonce, key_version FROM credentials WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) return undefined;
    if (!row.ciphertext || !row.nonce || !row.key_version) return '';
    return openKey(this.#keys, { id, provider: row.provider, fields: fieldsOf(row) }, { ciphertext: row.ciphertext, nonce: row.nonce, keyVersion: row.key_version });
  }
}
