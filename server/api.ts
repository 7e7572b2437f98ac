/**
 * The demo host's API (contract section 14): what a host's server should do with
 * `credential-saved`. JSON over plain node:http; validation with the package's own key rules,
 * presets and field rules (imported, not copied); keys encrypted at rest; the live check run
 * from the server under an address policy.
 *
 *   GET    /api/credentials         summaries, never a key
 *   POST   /api/credentials         { provider, name, description, apiKey, fields, verify? } → 201
 *   PATCH  /api/credentials/:id     the same, each optional; apiKey "" or absent keeps the key → 200
 *   DELETE /api/credentials/:id     → 204
 *   POST   /api/credentials/check   { provider, apiKey, fields } or { id, fields? } → { ok, message?, unreachable? }
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkRequest, readCheckAnswer, type VerifyResult } from '../src/check.js';
import { checkField, DESCRIPTION_MAX, NAME_MAX } from '../src/form.js';
import { checkKey, checkText, KEY_LIKE } from '../src/key-rules.js';
import { presets } from '../src/presets/all.js';
import type { ProviderPreset } from '../src/presets/types.js';
import { en } from '../src/strings.js';
import { DecryptError, type Keyring } from './crypto.js';
import { openDataFolder } from './data-folder.js';
import type { Database } from './db.js';
import { PolicyError, send, type Resolver } from './outbound.js';
import { DuplicateName, Store, type Summary } from './store.js';

export const MAX_BODY = 64 * 1024;
const CHECK_TIMEOUT_MS = 10_000;

/** An answer with a status and `{ error: { field, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface AppOptions {
  db: Database;
  keys: Keyring;
  /** One line per request: method, path, status, duration. Never a body, a header or a key. */
  log?: (line: string) => void;
  /** `host:port` pairs the server's check may reach whatever their address (the demo's own mock). */
  allow?: ReadonlySet<string>;
  resolve?: Resolver;
  /** Where a preset's check goes instead of its own base URL (the demo: its mock). */
  checkBase?: (preset: string) => string | undefined;
  timeoutMs?: number;
}

export interface App {
  handle(req: IncomingMessage, res: ServerResponse, next?: () => void): Promise<void>;
  store: Store;
  /** The database, for maintenance and tests. */
  db: Database;
  /** Names a `host:port` the check may reach (the server's own, once it listens). */
  allow(hostPort: string): void;
  close(): Promise<void>;
}

const byId = new Map(presets.map((p) => [p.id, p]));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text that carries a key: a known provider's prefix, or (outside URLs) a long run of key characters. */
function keyLike(text: string, url = false): boolean {
  if (url) return /(?<![A-Za-z0-9])(sk-|sess-|gsk_|AIza|AQ\.|xai-|pplx-|hf_)[A-Za-z0-9_.-]{6,}/.test(text);
  KEY_LIKE.lastIndex = 0;
  const found = KEY_LIKE.test(text);
  KEY_LIKE.lastIndex = 0;
  return found;
}

/** Reads at most MAX_BODY bytes of JSON; 413, 415 or 400 otherwise. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'body', 'Send JSON, with Content-Type: application/json.');
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw new HttpError(413, 'body', `The body is larger than ${MAX_BODY / 1024} KB.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'body', `The body is larger than ${MAX_BODY / 1024} KB.`);
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, 'body', 'The body is not valid UTF-8.');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body', 'The body is not valid JSON.');
  }
  if (!isObject(body)) throw new HttpError(400, 'body', 'The body must be a JSON object.');
  return body;
}

/** The body's members, each of the right type; unknown members are refused. */
function members(body: Record<string, unknown>, allowed: Record<string, 'string' | 'boolean' | 'fields'>) {
  for (const [key, value] of Object.entries(body)) {
    const kind = allowed[key];
    if (!kind) throw new HttpError(400, 'body', `Unknown member "${key.slice(0, 40)}".`);
    if (value === undefined || value === null) continue;
    const ok =
      kind === 'fields' ? isObject(value) && Object.values(value).every((v) => typeof v === 'string') : typeof value === kind;
    if (!ok) {
      throw new HttpError(400, key === 'fields' ? 'body' : key, `"${key}" must be ${kind === 'fields' ? 'an object of strings' : `a ${kind}`}.`);
    }
  }
  return body as { provider?: string; name?: string; description?: string; apiKey?: string; fields?: Record<string, string>; verify?: boolean; id?: string };
}

function presetOf(id: unknown): ProviderPreset {
  const preset = typeof id === 'string' ? byId.get(id) : undefined;
  if (!preset) throw new HttpError(400, 'provider', `Unknown provider "${String(id).slice(0, 40)}".`);
  return preset;
}

function checkName(name: string): string {
  const error = checkText(name, { field: en.nameLabel, max: NAME_MAX, required: true }, en);
  if (error) throw new HttpError(400, 'name', error);
  if (keyLike(name)) throw new HttpError(400, 'name', 'The name looks like it holds an API key. Put the key in the key field only.');
  return name.trim();
}

function checkDescription(description: string): string {
  const error = checkText(description, { field: en.descriptionLabel, max: DESCRIPTION_MAX, required: false }, en);
  if (error) throw new HttpError(400, 'description', error);
  if (keyLike(description)) throw new HttpError(400, 'description', 'The description looks like it holds an API key. Put the key in the key field only.');
  return description.trim();
}

/** Every field of the preset, validated by its own rule; unknown ids refused. */
function checkFields(preset: ProviderPreset, given: Record<string, string> = {}, base: Record<string, string> = {}): Record<string, string> {
  const fields = preset.fields ?? [];
  for (const id of Object.keys(given)) {
    if (!fields.some((f) => f.id === id)) throw new HttpError(400, 'body', `The ${preset.label} preset has no field "${id.slice(0, 40)}".`);
  }
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = (given[field.id] ?? base[field.id] ?? field.default ?? (field.kind === 'select' ? field.options?.[0]?.value : '') ?? '').trim();
    const { error } = checkField(field, value, en);
    if (error) throw new HttpError(400, field.id, error);
    if (keyLike(value, field.kind === 'url')) throw new HttpError(400, field.id, `${field.label} looks like it holds an API key. Put the key in the key field only.`);
    out[field.id] = value;
  }
  return out;
}

/** A new key, validated with the preset's rules. */
function checkNewKey(preset: ProviderPreset, raw: string) {
  const result = checkKey(raw, preset, en);
  if (!result.ok) throw new HttpError(400, 'apiKey', result.message);
  return result;
}

export function createApp(options: AppOptions): App {
  const { db, keys } = options;
  const store = new Store(db, keys);
  const allow = new Set(options.allow ?? []);
  const log = options.log ?? (() => {});

  /** The preset's check, from the server, under the address policy and the 10 s limit. */
  async function check(preset: ProviderPreset, key: string, fields: Record<string, string>): Promise<VerifyResult> {
    const unconfirmed = (reason: string): VerifyResult => ({ ok: false, unreachable: true, message: en.verifyUnconfirmed({ provider: preset.label, reason }) });
    const request = checkRequest(preset, key, { baseUrl: options.checkBase?.(preset.id) ?? preset.baseUrl, fields });
    if (!request) return unconfirmed(en.reasonFailed);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? CHECK_TIMEOUT_MS);
    try {
      const { status, body } = await send(request, { allow, resolve: options.resolve, timeoutMs: options.timeoutMs ?? CHECK_TIMEOUT_MS }, controller.signal);
      return readCheckAnswer(preset, status, body, en, key);
    } catch (error) {
      if (error instanceof PolicyError) return unconfirmed(`the server may not contact that address: ${error.message}`);
      if (controller.signal.aborted) return unconfirmed(en.reasonTimeout({ seconds: (options.timeoutMs ?? CHECK_TIMEOUT_MS) / 1000 }));
      return unconfirmed(en.reasonNetwork);
    } finally {
      clearTimeout(timer);
    }
  }

  async function create(body: Record<string, unknown>): Promise<[number, Summary]> {
    const b = members(body, { provider: 'string', name: 'string', description: 'string', apiKey: 'string', fields: 'fields', verify: 'boolean' });
    const preset = presetOf(b.provider);
    const name = checkName(b.name ?? '');
    const description = checkDescription(b.description ?? '');
    const fields = checkFields(preset, b.fields);
    const raw = b.apiKey ?? '';
    const key = !raw.trim() && preset.key?.required === false ? undefined : checkNewKey(preset, raw);
    let verified = false;
    if (b.verify) {
      const result = await check(preset, key?.apiKey ?? '', fields);
      if (!result.ok) throw new HttpError(400, 'apiKey', result.message);
      verified = true;
    }
    const summary = await store.create({
      provider: preset.id,
      name,
      description,
      fields,
      apiKey: key?.apiKey ?? '',
      keyHint: key?.keyHint ?? '',
      keyType: key?.keyType ?? 'none',
      verified,
    });
    return [201, summary];
  }

  async function update(id: string, body: Record<string, unknown>): Promise<[number, Summary]> {
    const b = members(body, { provider: 'string', name: 'string', description: 'string', apiKey: 'string', fields: 'fields', verify: 'boolean' });
    const saved = await store.get(id);
    if (!saved) throw new HttpError(404, 'id', 'No credential with this id.');
    if (b.provider !== undefined && b.provider !== saved.provider) throw new HttpError(400, 'provider', 'The provider of a saved credential cannot change.');
    const preset = presetOf(saved.provider);
    const change: Parameters<Store['update']>[1] = {};
    if (b.name !== undefined) change.name = checkName(b.name);
    if (b.description !== undefined) change.description = checkDescription(b.description);
    if (b.fields !== undefined) change.fields = checkFields(preset, b.fields, saved.fields);
    // "" or absent keeps the saved key: nothing can blank it.
    const key = b.apiKey?.trim() ? checkNewKey(preset, b.apiKey) : undefined;
    if (key) Object.assign(change, { apiKey: key.apiKey, keyHint: key.keyHint, keyType: key.keyType });
    const fields = change.fields ?? saved.fields;
    const sent = JSON.stringify(fields) !== JSON.stringify(saved.fields);
    if (b.verify) {
      const result = await check(preset, key?.apiKey ?? (await store.key(id)) ?? '', fields);
      if (!result.ok) throw new HttpError(400, 'apiKey', result.message);
      change.verified = true;
    } else if (key || sent) {
      // A new key, or fields the check depends on: what was verified is no longer what is saved.
      change.verified = false;
    }
    const summary = await store.update(id, change);
    if (!summary) throw new HttpError(404, 'id', 'No credential with this id.');
    return [200, summary];
  }

  async function checkRoute(body: Record<string, unknown>): Promise<[number, VerifyResult]> {
    const b = members(body, { provider: 'string', apiKey: 'string', fields: 'fields', id: 'string' });
    if (b.id !== undefined) {
      const saved = await store.get(b.id);
      if (!saved) throw new HttpError(404, 'id', 'No credential with this id.');
      const preset = presetOf(saved.provider);
      const fields = b.fields ? checkFields(preset, b.fields, saved.fields) : saved.fields;
      const key = b.apiKey?.trim() ? checkNewKey(preset, b.apiKey).apiKey : ((await store.key(b.id)) ?? '');
      return [200, await check(preset, key, fields)];
    }
    const preset = presetOf(b.provider);
    const fields = checkFields(preset, b.fields);
    const raw = b.apiKey ?? '';
    const key = !raw.trim() && preset.key?.required === false ? '' : checkNewKey(preset, raw).apiKey;
    return [200, await check(preset, key, fields)];
  }

  function sameOrigin(req: IncomingMessage): boolean {
    if (req.headers['sec-fetch-site'] === 'cross-site') return false;
    const origin = req.headers.origin;
    if (!origin) return true; // not a browser's cross-origin request (curl, a test, a same-origin GET)
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }

  async function route(req: IncomingMessage, path: string): Promise<[number, unknown]> {
    const method = req.method ?? 'GET';
    const one = /^\/api\/credentials\/([^/]+)$/.exec(path);
    if (method !== 'GET' && method !== 'HEAD' && !sameOrigin(req)) throw new HttpError(403, 'body', 'Requests from another origin may not change credentials.');
    if (path === '/api/credentials') {
      if (method === 'GET') return [200, await store.list()];
      if (method === 'POST') return create(await readJson(req) as Record<string, unknown>);
      throw new HttpError(405, 'body', `${method} is not allowed here.`);
    }
    if (path === '/api/credentials/check') {
      if (method === 'POST') return checkRoute(await readJson(req) as Record<string, unknown>);
      throw new HttpError(405, 'body', `${method} is not allowed here.`);
    }
    if (one) {
      const id = decodeURIComponent(one[1]);
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new HttpError(404, 'id', 'No credential with this id.');
      if (method === 'PATCH') return update(id, await readJson(req) as Record<string, unknown>);
      if (method === 'DELETE') {
        if (!(await store.remove(id))) throw new HttpError(404, 'id', 'No credential with this id.');
        return [204, undefined];
      }
      throw new HttpError(405, 'body', `${method} is not allowed here.`);
    }
    throw new HttpError(404, 'body', 'No such API route.');
  }

  return {
    store,
    db,
    allow: (hostPort) => void allow.add(hostPort.toLowerCase()),
    close: () => db.close(),
    async handle(req, res, next) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!path.startsWith('/api/')) {
        if (next) next();
        else {
          res.writeHead(404).end();
        }
        return;
      }
      const started = performance.now();
      let status = 500;
      let body: unknown;
      try {
        [status, body] = await route(req, path);
      } catch (error) {
        if (error instanceof HttpError) {
          status = error.status;
          body = { error: { field: error.field, message: error.message } };
        } else if (error instanceof DuplicateName) {
          status = 409;
          body = { error: { field: 'name', message: 'A credential with this name already exists for this provider.' } };
        } else {
          status = 500;
          body = { error: { field: 'body', message: 'The server could not do this. Try again later.' } };
          // The kind of failure only: never a key, a body or a stack with values in it.
          log(`error: ${error instanceof DecryptError ? `decryption failed: ${error.message}` : (error as Error)?.name ?? 'unknown'}`);
        }
      }
      const headers: Record<string, string> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      // A body left unread (413, an early 4xx) closes the connection rather than draining it.
      if (!req.readableEnded && status >= 400) headers.connection = 'close';
      if (body === undefined) res.writeHead(status, headers).end();
      else res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      log(`${req.method} ${path} ${status} ${Math.round(performance.now() - started)}ms`);
    },
  };
}

/** Opens the data folder (or DATABASE_URL) and the master key, and returns the app. */
export async function openApp(options: { env?: NodeJS.ProcessEnv; dataDir: string } & Omit<AppOptions, 'db' | 'keys'>): Promise<App> {
  const folder = await openDataFolder({ env: options.env ?? process.env, dataDir: options.dataDir });
  const app = createApp({ ...options, db: folder.db, keys: folder.keys });
  return { ...app, close: () => folder.close() };
}
