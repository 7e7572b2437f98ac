// The demo host's API against PGlite, or against a PostgreSQL server when DATABASE_URL is set
// (server/test/with-postgres.mjs). Every connection goes to loopback only.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { mockBase, testKeys } from '../../test/test-keys.mjs';
import { openApp, type App } from '../api.js';
import { demoRoutes } from '../demo-routes.js';
import { createDemoServer } from '../serve.js';
import { rotate } from '../rotate-master-key.js';

const POSTGRES = process.env.DATABASE_URL;
const MASTER = Buffer.alloc(32, 7).toString('base64');
/** Limits these tests do not reach (limits.test.ts tests the real ones). */
const ROOMY = { checksPerClient: 10_000, checksPerCredential: 10_000 };

interface Running {
  app: App;
  server: Server;
  origin: string;
  logs: string[];
  dataDir: string;
}

/** The app on a loopback port, with the providers' mock on the same server. */
async function start(dataDir: string, env: NodeJS.ProcessEnv = { CREDENTIAL_MASTER_KEY: MASTER, DATABASE_URL: POSTGRES }, extra = {}): Promise<Running> {
  const logs: string[] = [];
  let origin = '';
  const app = await openApp({ env, dataDir, log: (line) => logs.push(line), checkBase: (p) => mockBase(p, origin), extend: demoRoutes(), limits: ROOMY, ...extra });
  const server = createDemoServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app.allow(origin.slice('http://'.length));
  return { app, server, origin, logs, dataDir };
}

async function stop(r: Running) {
  await new Promise((res) => r.server.close(res));
  await r.app.close();
}

let run: Running;
const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${run.origin}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
};
const create = (body: Record<string, unknown>) => call('POST', '/api/credentials', { provider: 'openai', description: '', ...body });
const count = async () => (await call('GET', '/api/credentials')).body.length;

/** A fresh data folder; with PostgreSQL, an empty table. */
async function fresh(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'credential-server-'));
  return dir;
}

before(async () => {
  run = await start(await fresh());
  if (POSTGRES) for (const c of (await call('GET', '/api/credentials')).body) await call('DELETE', `/api/credentials/${c.id}`);
});
after(async () => {
  await stop(run);
  rmSync(run.dataDir, { recursive: true, force: true });
});

describe(`API on ${POSTGRES ? 'PostgreSQL' : 'PGlite'}`, () => {
  test('creates a credential: 201 with a summary that has no key, hint and type computed by the server', async () => {
    const key = testKeys.openai.VALID;
    const r = await create({ name: 'Production', apiKey: key, fields: { organization: 'org-Abc123' }, keyHint: undefined });
    assert.equal(r.status, 201);
    assert.deepEqual(Object.keys(r.body).sort(), ['check', 'createdAt', 'description', 'fields', 'id', 'keyHint', 'keyType', 'name', 'provider', 'updatedAt', 'verified']);
    assert.equal(r.body.check, null, 'no check ran');
    assert.equal(r.body.keyHint, `sk-proj-…${key.slice(-4)}`);
    assert.equal(r.body.keyType, 'project');
    assert.equal(r.body.verified, false);
    assert.deepEqual(r.body.fields, { organization: 'org-Abc123', project: '' });
    assert.ok(!r.text.includes(key));
    const list = await call('GET', '/api/credentials');
    assert.ok(list.body.some((c: { id: string }) => c.id === r.body.id));
    assert.ok(!list.text.includes(key));
  });

  test('sets verified only after its own check passed; a refused key is a 400 on apiKey', async () => {
    const ok = await create({ name: 'Checked', apiKey: testKeys.openai.VALID, verify: true });
    assert.equal(ok.status, 201);
    assert.equal(ok.body.verified, true);
    const refused = await create({ name: 'Refused', apiKey: testKeys.openai.REVOKED, verify: true });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.field, 'apiKey');
    assert.match(refused.body.error.message, /^OpenAI did not accept this key/);
    const claimed = await create({ name: 'Claimed', apiKey: testKeys.openai.VALID, verified: true });
    assert.equal(claimed.status, 400, 'verified is never taken from the client');
  });

  test('409 on name for a duplicate name of the same provider, whatever its case; another provider may use it', async () => {
    assert.equal((await create({ name: 'Shared', apiKey: testKeys.openai.VALID })).status, 201);
    const dup = await create({ name: '  shared ', apiKey: testKeys.openai.VALID });
    assert.equal(dup.status, 409);
    assert.deepEqual(dup.body, { error: { field: 'name', message: 'A credential with this name already exists for this provider.' } });
    assert.equal((await call('POST', '/api/credentials', { provider: 'groq', name: 'Shared', description: '', apiKey: testKeys.groq.VALID })).status, 201);
  });

  test('50 parallel creates with one name: exactly one 201 and 49 409s', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => create({ name: 'Race', apiKey: testKeys.openai.VALID })));
    const statuses = results.map((r) => r.status).sort();
    assert.equal(statuses.filter((s) => s === 201).length, 1);
    assert.equal(statuses.filter((s) => s === 409).length, 49);
  });

  test('PATCH keeps the saved key when apiKey is "" or absent; a new key replaces it; nothing blanks it', async () => {
    const { body: c } = await create({ name: 'Rotating', apiKey: testKeys.openai.VALID, verify: true });
    const check = async () => (await call('POST', '/api/credentials/check', { id: c.id })).body;
    for (const change of [{ name: 'Rotating EU' }, { apiKey: '' }, { apiKey: '   ' }, { description: 'd' }]) {
      const r = await call('PATCH', `/api/credentials/${c.id}`, change);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.keyHint, c.keyHint);
      assert.equal((await check()).ok, true, `the saved key still works after ${JSON.stringify(change)}`);
    }
    const rotated = await call('PATCH', `/api/credentials/${c.id}`, { apiKey: testKeys.openai.REVOKED });
    assert.equal(rotated.status, 200);
    assert.equal(rotated.body.verified, false, 'a new key is not verified');
    assert.equal(rotated.body.keyHint, `sk-proj-…${testKeys.openai.REVOKED.slice(-4)}`);
    const now = await check();
    assert.equal(now.ok, false);
    assert.match(now.message, /did not accept this key/);
  });

  test('PATCH validates like POST, and 404s an unknown id', async () => {
    const { body: c } = await create({ name: 'Patchable', apiKey: testKeys.openai.VALID });
    assert.equal((await call('PATCH', `/api/credentials/${c.id}`, { name: '' })).body.error.field, 'name');
    assert.equal((await call('PATCH', `/api/credentials/${c.id}`, { apiKey: 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv' })).body.error.field, 'apiKey');
    assert.equal((await call('PATCH', `/api/credentials/${c.id}`, { provider: 'groq' })).status, 400);
    assert.equal((await call('PATCH', '/api/credentials/00000000-0000-4000-8000-000000000000', { name: 'x' })).status, 404);
  });

  test('DELETE answers 204, then 404', async () => {
    const { body: c } = await create({ name: 'Doomed', apiKey: testKeys.openai.VALID });
    assert.equal((await call('DELETE', `/api/credentials/${c.id}`)).status, 204);
    assert.equal((await call('DELETE', `/api/credentials/${c.id}`)).status, 404);
  });

  test('checks a key, or a saved key, from the server, with each preset (Azure: its Endpoint on the mock)', async () => {
    const ok = await call('POST', '/api/credentials/check', { provider: 'cohere', apiKey: testKeys.cohere.VALID });
    assert.equal(ok.body.ok, true);
    const down = await call('POST', '/api/credentials/check', { provider: 'mistral', apiKey: testKeys.mistral.DOWN });
    assert.equal(down.body.unreachable, true);
    const azure = await call('POST', '/api/credentials/check', {
      provider: 'azure-openai',
      apiKey: testKeys['azure-openai'].VALID,
      fields: { endpoint: `${run.origin}/mock/azure-openai`, deployment: 'gpt-4o' },
    });
    assert.equal(azure.body.ok, true);
  });
});

describe('bad input: a 4xx with a field and a message, the database unchanged, no stack trace', () => {
  const cases: Array<[string, () => Promise<{ status: number; body: any; text: string }>, number, string]> = [
    ['a name that is a number', () => create({ name: 5, apiKey: testKeys.openai.VALID }), 400, 'name'],
    ['no name', () => create({ apiKey: testKeys.openai.VALID }), 400, 'name'],
    ['a name over 100 characters', () => create({ name: 'n'.repeat(101), apiKey: testKeys.openai.VALID }), 400, 'name'],
    ['an unknown provider', () => create({ provider: 'antropic', name: 'x', apiKey: testKeys.openai.VALID }), 400, 'provider'],
    ['an extra member', () => create({ name: 'x', apiKey: testKeys.openai.VALID, admin: true }), 400, 'body'],
    ['a key in the description', () => create({ name: 'x', apiKey: testKeys.openai.VALID, description: `backup ${testKeys.openai.VALID}` }), 400, 'description'],
    ['a key in a field', () => create({ name: 'x', apiKey: testKeys.openai.VALID, fields: { organization: testKeys.openai.VALID } }), 400, 'organization'],
    ['a key of another provider', () => create({ name: 'x', apiKey: testKeys.groq.VALID }), 400, 'apiKey'],
    ['no key', () => create({ name: 'x' }), 400, 'apiKey'],
    ['fields that are not strings', () => create({ name: 'x', apiKey: testKeys.openai.VALID, fields: { organization: 1 } }), 400, 'body'],
    ['an unknown field', () => create({ name: 'x', apiKey: testKeys.openai.VALID, fields: { region: 'eu' } }), 400, 'body'],
    ['an Azure endpoint of javascript:', () => call('POST', '/api/credentials', { provider: 'azure-openai', name: 'x', apiKey: testKeys['azure-openai'].VALID, fields: { endpoint: 'javascript:alert(1)', deployment: 'd' } }), 400, 'endpoint'],
    ['a deployment name with spaces', () => call('POST', '/api/credentials', { provider: 'azure-openai', name: 'x', apiKey: testKeys['azure-openai'].VALID, fields: { endpoint: 'https://r.openai.azure.com', deployment: 'my model' } }), 400, 'deployment'],
    ['1 MB of text', () => create({ name: 'x', apiKey: testKeys.openai.VALID, description: 'x'.repeat(1024 * 1024) }), 413, 'body'],
    ['a body that is not JSON', () => call('POST', '/api/credentials', '{"name": ', {}), 400, 'body'],
    ['a JSON array', () => call('POST', '/api/credentials', [1, 2]), 400, 'body'],
    ['a nesting bomb', () => call('POST', '/api/credentials', `${'['.repeat(30000)}${']'.repeat(30000)}`), 400, 'body'],
    ['text/plain', () => call('POST', '/api/credentials', JSON.stringify({ name: 'x' }), { 'content-type': 'text/plain' }), 415, 'body'],
    ['another origin', () => call('POST', '/api/credentials', { provider: 'openai', name: 'x', description: '', apiKey: testKeys.openai.VALID }, { origin: 'https://evil.example' }), 403, 'body'],
    ['another origin deleting', () => call('DELETE', '/api/credentials/00000000-0000-4000-8000-000000000000', undefined, { origin: 'https://evil.example' }), 403, 'body'],
    ['an id that is no uuid', () => call('DELETE', '/api/credentials/..%2F..%2Fetc'), 404, 'id'],
  ];
  for (const [what, act, status, field] of cases) {
    test(what, async () => {
      const before = await count();
      const r = await act();
      assert.equal(r.status, status, r.text);
      assert.equal(r.body.error.field, field);
      assert.equal(typeof r.body.error.message, 'string');
      assert.ok(r.body.error.message.length > 5);
      assert.ok(!/\n\s+at /.test(r.text), 'no stack trace');
      assert.equal(await count(), before);
    });
  }

  test('invalid UTF-8', async () => {
    const res = await fetch(`${run.origin}/api/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"provider":"openai","name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
    });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { error: { field: 'body', message: 'The body is not valid UTF-8.' } });
  });
});

describe('encryption at rest', () => {
  const SENTINEL = testKeys.openai.VALID.replace('VALID', 'VALIDLEAKCHECK');

  test('no file of the data folder and no log line holds a saved key (plain, base64 or hex)', async () => {
    const r = await create({ name: 'Leak check', apiKey: SENTINEL, verify: true });
    assert.equal(r.status, 201);
    await call('POST', '/api/credentials/check', { id: r.body.id });
    await call('PATCH', `/api/credentials/${r.body.id}`, { apiKey: SENTINEL.replace('LEAKCHECK', 'LEAKCHECK2') });
    // PGlite writes its files as it goes; a checkpoint makes sure the pages are on disk.
    await run.app.store.list('local');
    const needles = [SENTINEL, SENTINEL.replace('LEAKCHECK', 'LEAKCHECK2')].flatMap((k) => [
      Buffer.from(k),
      Buffer.from(Buffer.from(k).toString('base64')),
      Buffer.from(Buffer.from(k).toString('hex')),
      Buffer.from(k.slice(8, 40)),
    ]);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(run.dataDir);
    if (!POSTGRES) assert.ok(files.length > 10, 'PGlite wrote its files');
    for (const file of files) {
      const data = readFileSync(file);
      for (const needle of needles) assert.equal(data.indexOf(needle), -1, `${file} holds the key`);
    }
    for (const line of run.logs) assert.ok(!needles.some((n) => line.includes(n.toString())), line);
    assert.ok(run.logs.some((l) => /^POST \/api\/credentials 201 \d+ms$/.test(l)));
  });

  test('a tampered ciphertext and a swapped one (another id) fail loudly, never with garbage', async () => {
    const { body: a } = await create({ name: 'Tamper A', apiKey: testKeys.openai.VALID });
    const { body: b } = await create({ name: 'Tamper B', apiKey: testKeys.openai.REVOKED });
    const query = (sql: string, params: unknown[]) => run.app.db.query(sql, params);
    // Flip one byte of A's ciphertext.
    await query("UPDATE credentials SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1) WHERE id = $1", [a.id]);
    const tampered = await call('POST', '/api/credentials/check', { id: a.id });
    assert.equal(tampered.status, 500);
    assert.deepEqual(tampered.body, { error: { field: 'body', message: 'The server could not do this. Try again later.' } });
    assert.ok(run.logs.some((l) => /decryption failed: the stored key failed authentication/.test(l)));
    // Give A the ciphertext of B: the associated data (the id) does not match.
    await query('UPDATE credentials SET ciphertext = (SELECT ciphertext FROM credentials WHERE id = $2), nonce = (SELECT nonce FROM credentials WHERE id = $2) WHERE id = $1', [a.id, b.id]);
    assert.equal((await call('POST', '/api/credentials/check', { id: a.id })).status, 500);
    // B's own row is fine (its key is the mock's REVOKED one). A wrong master key no longer
    // gets this far: the server refuses to start (the master key's own tests).
    assert.deepEqual((await call('POST', '/api/credentials/check', { id: b.id })).body.ok, false);
    await call('DELETE', `/api/credentials/${a.id}`);
    await call('DELETE', `/api/credentials/${b.id}`);
  });

  test('refuses to start with a master key that is not 32 bytes of base64', async () => {
    const dir = await fresh();
    for (const bad of ['', 'short', Buffer.alloc(31).toString('base64'), `${MASTER}x`]) {
      await assert.rejects(start(dir, { CREDENTIAL_MASTER_KEY: bad }), /CREDENTIAL_MASTER_KEY must be the base64 of exactly 32 random bytes/);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('generates a master key on first start, owner-only, and keeps everything across a restart', { skip: POSTGRES ? 'PGlite only: the data folder' : false }, async () => {
    const dir = await fresh();
    let r = await start(dir, {});
    const saved = await fetch(`${r.origin}/api/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'openai', name: 'Survivor', description: '', apiKey: testKeys.openai.VALID }),
    });
    assert.equal(saved.status, 201);
    const mode = statSync(join(dir, 'master.key')).mode & 0o777;
    assert.equal(mode, 0o600);
    await stop(r);
    r = await start(dir, {});
    try {
      const list = await (await fetch(`${r.origin}/api/credentials`)).json();
      assert.deepEqual(list.map((c: { name: string }) => c.name), ['Survivor']);
      const check = await (await fetch(`${r.origin}/api/credentials/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: list[0].id }) })).json();
      assert.equal(check.ok, true);
    } finally {
      await stop(r);
    }
    // Rotation: every row re-encrypted in one transaction, under a new key file.
    const before = readFileSync(join(dir, 'master.key'), 'utf8');
    assert.equal(await rotate({}, dir, () => {}), 1);
    assert.notEqual(readFileSync(join(dir, 'master.key'), 'utf8'), before);
    r = await start(dir, {});
    try {
      const list = await (await fetch(`${r.origin}/api/credentials`)).json();
      const check = await (await fetch(`${r.origin}/api/credentials/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: list[0].id }) })).json();
      assert.equal(check.ok, true);
    } finally {
      await stop(r);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

