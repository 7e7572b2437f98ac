// What the server's test files share: a data folder on PGlite (or the PostgreSQL server of
// DATABASE_URL, from with-postgres.mjs), apps on it listening on loopback with the providers'
// mock, and a small HTTP client. Every connection goes to loopback only.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockBase } from '../../test/test-keys.mjs';
import { createApp, type App, type AppOptions } from '../api.js';
import { openDataFolder, type DataFolder } from '../data-folder.js';
import { migrationFiles, type Queryable } from '../db.js';
import { demoRoutes } from '../demo-routes.js';
import { createDemoServer } from '../serve.js';

export const POSTGRES = process.env.DATABASE_URL || undefined;
export const MASTER = Buffer.alloc(32, 7).toString('base64');
export const testEnv = (more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ CREDENTIAL_MASTER_KEY: MASTER, DATABASE_URL: POSTGRES, ...more });

/** A fresh data folder, opened (its database migrated); `close` also removes it. */
export async function openFolder(): Promise<DataFolder & { dataDir: string; remove(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'credential-test-'));
  const folder = await openDataFolder({ env: testEnv(), dataDir });
  return {
    ...folder,
    dataDir,
    async remove() {
      await folder.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Response {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface Running {
  app: App;
  server: Server;
  origin: string;
  logs: string[];
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The mock's record of the last check sent to `session` (`null`: none reached it). */
  lastMockRequest(session: string): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * An app on `folder`'s database, listening on a loopback port with the providers' mock; the
 * check may reach that mock. `headers` go with every call (an owner's header, say).
 */
export async function startApp(folder: Pick<DataFolder, 'db' | 'keys'>, options: Partial<AppOptions> = {}, headers: Record<string, string> = {}): Promise<Running> {
  const logs: string[] = [];
  let origin = '';
  const app = createApp({ db: folder.db, keys: folder.keys, log: (line) => logs.push(line), checkBase: (p) => mockBase(p, origin), extend: demoRoutes(), ...options });
  const server = createDemoServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app.allow(origin.slice('http://'.length));
  const call = async (method: string, path: string, body?: unknown, more: Record<string, string> = {}) => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers, ...more },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed as any, text };
  };
  return {
    app,
    server,
    origin,
    logs,
    call,
    lastMockRequest: async (session) => (await fetch(`${origin}/mock/last-request?session=${session}`)).json(),
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await app.fastify.close();
    },
  };
}

/** A unique word for names and mock sessions. */
let counter = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A request with exactly these headers (fetch will not send another `Host`). */
export function rawCall(origin: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Response> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = undefined;
        }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolve({ status: res.statusCode ?? 0, headers: h, body: parsed as any, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Writes `request` (raw bytes, as a client might, broken or not) to 127.0.0.1:`port` and
 * reads until the server closes or `timeoutMs` passes. `status` is 0 when nothing came back.
 * With `end`, the client also closes its side at once (a client that sends less than it
 * announced, then gives up); Node then drops a request still being answered.
 */
export function rawHttp(port: number, request: string | Buffer, { timeoutMs = 2000, end = false } = {}): Promise<{ status: number; text: string; head: string; body: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => (end ? socket.end(request) : socket.write(request)));
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      let data: Buffer = Buffer.concat(chunks);
      // An interim answer (100 Continue) before the real one.
      while (/^HTTP\/1\.[01] 1\d\d /.test(data.subarray(0, 13).toString('latin1')) && data.includes('\r\n\r\n')) data = data.subarray(data.indexOf('\r\n\r\n') + 4);
      const split = data.indexOf('\r\n\r\n');
      const head = (split < 0 ? data : data.subarray(0, split)).toString('latin1');
      let body: Buffer = split < 0 ? Buffer.alloc(0) : data.subarray(split + 4);
      if (/\r\ntransfer-encoding: chunked/i.test(head)) body = dechunk(body);
      const text = `${head}\r\n\r\n${body.toString('utf8')}`;
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0), text, head, body: body.toString('utf8') });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', done);
    socket.on('error', () => {});
  });
}

/** A chunked body's data (as far as it goes). */
function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    const size = eol < 0 ? NaN : parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!(size > 0)) break;
    out.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/**
 * A new data folder for a database made as older code made it: `migrations` holds only the
 * migrations numbered below `before` (pass it to `migrate`); on PostgreSQL, `databaseUrl` is
 * a database of its own on the server (made through `admin`), else PGlite goes in the folder.
 */
export async function olderDatabase(admin: Queryable, before: string): Promise<{ dataDir: string; databaseUrl?: string; migrations: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'credential-migrate-'));
  const migrations = join(dataDir, `migrations-before-${before}`);
  mkdirSync(migrations);
  for (const name of migrationFiles().filter((n) => n < before)) copyFileSync(new URL(`../migrations/${name}`, import.meta.url), join(migrations, name));
  if (!POSTGRES) return { dataDir, migrations };
  const name = unique('migrate_').toLowerCase();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return { dataDir, databaseUrl: url.href, migrations };
}
