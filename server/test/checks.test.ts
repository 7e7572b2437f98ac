// What the server's check tells (issue 24, contract sections 6, 12 and 14): its answer is the
// `CheckResult` (xAI's models from their second request, best effort, within the deadline);
// the last passing check of the saved key is kept with the credential (without models) and
// listed in the summaries; the overlay's "Default model" (`fields.model`) is taken for every
// preset; migration 004 on a database made by the code before it. PGlite, or PostgreSQL with
// DATABASE_URL. Loopback only.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { MOCK_MODELS, mockBase, testKeys } from '../../test/test-keys.mjs';
import { presets } from '../../src/presets/all.js';
import { Keyring } from '../crypto.js';
import { openDataFolder } from '../data-folder.js';
import { connectDatabase, migrate, migrationFiles } from '../db.js';
import { nameKey } from '../input.js';
import { sealKey } from '../sealing.js';
import { MASTER, olderDatabase, openFolder, startApp, testEnv, unique, type Running } from './harness.js';

type Folder = Awaited<ReturnType<typeof openFolder>>;
let folder: Folder;
let run: Running;
const ME = unique('checks-');
/** This file's mock session: the mock's record of the last request is this file's own. */
const SESSION = unique('s');
const ROOMY = { checksPerClient: 10_000, checksPerCredential: 10_000 };
const keys = testKeys as Record<string, Record<string, string>>;

before(async () => {
  folder = await openFolder();
  run = await startApp(folder, { identify: () => ME, limits: ROOMY, checkBase: (p) => mockBase(p, run.origin, SESSION) });
});
after(async () => {
  await run?.stop();
  await folder?.remove();
});

const check = (body: Record<string, unknown>) => run.call('POST', '/api/credentials/check', body);
const create = (body: Record<string, unknown>) => run.call('POST', '/api/credentials', { provider: 'openai', name: unique('c'), apiKey: keys.openai.VALID, ...body });
const patch = (id: string, body: Record<string, unknown>) => run.call('PATCH', `/api/credentials/${id}`, body);
const listed = async (id: string) => ((await run.call('GET', '/api/credentials')).body as Array<{ id: string }>).find((c) => c.id === id) as any;
/** The fields a preset needs to be saved, on the mock. */
const needed = (provider: string): Record<string, string> =>
  provider === 'azure-openai' ? { endpoint: mockBase('azure-openai', run.origin, SESSION), deployment: 'gpt-4o' } : provider === 'openai-compatible' ? { baseUrl: mockBase('openai-compatible', run.origin, SESSION) } : {};

/** An ISO time within the last minute. */
function recent(iso: string) {
  assert.equal(typeof iso, 'string');
  assert.equal(new Date(iso).toISOString(), iso);
  assert.ok(Date.now() - Date.parse(iso) < 60_000 && Date.parse(iso) <= Date.now(), iso);
}

describe('the check answers with its CheckResult', () => {
  test('a new key: { ok: true, check } with the status, the models in the provider’s order and checkedAt', async () => {
    for (const provider of ['openai', 'anthropic', 'gemini', 'groq', 'azure-openai', 'openai-compatible']) {
      const r = await check({ provider, apiKey: keys[provider].VALID, fields: needed(provider) });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(Object.keys(r.body).sort(), ['check', 'ok'], provider);
      assert.equal(r.body.ok, true);
      assert.equal(r.body.check.status, 'valid');
      assert.deepEqual(r.body.check.models, (MOCK_MODELS as Record<string, string[]>)[provider], provider);
      recent(r.body.check.checkedAt);
    }
    const many = await check({ provider: 'openai', apiKey: keys.openai.MANY });
    assert.equal(many.body.check.models.length, 1000);
  });

  test('rate-limited and out of credit are real keys: "limited" and "no-credit"; OpenRouter tells credit and expiry', async () => {
    assert.equal((await check({ provider: 'openai', apiKey: keys.openai.RATE })).body.check.status, 'limited');
    assert.equal((await check({ provider: 'openai', apiKey: keys.openai.QUOTA })).body.check.status, 'no-credit');
    assert.equal((await check({ provider: 'openrouter', apiKey: keys.openrouter.QUOTA })).body.check.status, 'no-credit');
    const credit = await check({ provider: 'openrouter', apiKey: keys.openrouter.VALID });
    assert.deepEqual({ ...credit.body.check, checkedAt: undefined }, { status: 'valid', credit: { limit: 10, remaining: 6.8, used: 3.2 }, expiresAt: '2027-12-31T23:59:59.000Z', checkedAt: undefined });
    const unlimited = await check({ provider: 'openrouter', apiKey: keys.openrouter.UNLIMITED });
    assert.deepEqual(unlimited.body.check.credit, { limit: null, remaining: null, used: 0.42 });
  });

  test('failures are as before: refused, or could not be confirmed', async () => {
    const refused = await check({ provider: 'openai', apiKey: keys.openai.REVOKED });
    assert.equal(refused.body.ok, false);
    assert.match(refused.body.message, /^OpenAI did not accept this key/);
    assert.equal(refused.body.check, undefined);
    const down = await check({ provider: 'mistral', apiKey: keys.mistral.DOWN });
    assert.deepEqual(Object.keys(down.body).sort(), ['message', 'ok', 'unreachable']);
    assert.equal(down.body.unreachable, true);
  });

  test('xAI: the models come from a second request, to its models list with the same key; only for a valid key', async () => {
    const r = await check({ provider: 'xai', apiKey: keys.xai.VALID });
    assert.equal(r.body.ok, true, r.text);
    assert.deepEqual(r.body.check.models, MOCK_MODELS.xai);
    const last = (await run.lastMockRequest(SESSION)) as { provider: string; method: string; path: string; scheme: string };
    assert.deepEqual([last.provider, last.method, last.path, last.scheme], ['xai', 'GET', '/v1/models', 'bearer']);
    assert.equal((await check({ provider: 'xai', apiKey: keys.xai.MANY })).body.check.models.length, 1000);
    // Its models list is not a list: the check passes without models.
    const odd = await check({ provider: 'xai', apiKey: keys.xai.ODD });
    assert.equal(odd.body.ok, true);
    assert.equal(odd.body.check.status, 'valid');
    assert.equal(odd.body.check.models, undefined);
    // A blocked key, or one without credit: no second request.
    for (const marker of ['BLOCKED', 'QUOTA']) {
      await check({ provider: 'xai', apiKey: keys.xai[marker] });
      assert.equal(((await run.lastMockRequest(SESSION)) as { path: string }).path, '/v1/api-key', marker);
    }
  });
});

describe('xAI’s models request is best effort, within the one deadline', () => {
  let provider: Server;
  let models: 'hang' | 'fail' | 'redirect' = 'hang';
  let xai: Running;
  const DEADLINE = 2000;
  /** How long the check's own answer takes: the models request has only the rest of the deadline. */
  let firstAnswerMs = 0;
  before(async () => {
    provider = createServer((req, res) => {
      const valid = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ api_key_id: 'k', api_key_blocked: false }));
      if (req.url === '/v1/api-key') return void setTimeout(valid, firstAnswerMs);
      if (models === 'fail') return res.writeHead(500, { 'content-type': 'application/json' }).end('{"object":"list","data":[{"id":"grok-4"}]}');
      if (models === 'redirect') return res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
      // hang: never answers
    });
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    xai = await startApp(folder, { identify: () => ME, limits: { ...ROOMY, checkTimeoutMs: DEADLINE }, checkBase: () => `${base}/v1` });
    xai.app.allow(base.slice('http://'.length));
  });
  after(async () => {
    await xai?.stop();
    provider?.closeAllConnections();
    await new Promise((r) => provider?.close(r));
  });

  for (const how of ['hang', 'fail', 'redirect'] as const) {
    test(`a models request that ${how === 'hang' ? 'never answers' : how === 'fail' ? 'answers 500' : 'redirects'}: the check passes without models, within the deadline`, async () => {
      models = how;
      firstAnswerMs = how === 'hang' ? 1500 : 0;
      const started = Date.now();
      const r = await xai.call('POST', '/api/credentials/check', { provider: 'xai', apiKey: keys.xai.VALID });
      const took = Date.now() - started;
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.ok, true, r.text);
      assert.equal(r.body.check.status, 'valid');
      assert.equal(r.body.check.models, undefined);
      // One deadline for both requests: 2 s in all, not 1.5 s and then 2 s more.
      assert.ok(took < DEADLINE + 1000, `took ${took} ms`);
    });
  }
});

describe('the last passing check is kept with the credential, without models', () => {
  test('POST with verify: the summary carries check (status, checkedAt; no models), and so does the list; without verify it is null', async () => {
    const r = await create({ verify: true });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(Object.keys(r.body).sort(), ['check', 'createdAt', 'description', 'fields', 'id', 'keyHint', 'keyType', 'name', 'provider', 'updatedAt', 'verified']);
    assert.equal(r.body.verified, true);
    assert.deepEqual(Object.keys(r.body.check).sort(), ['checkedAt', 'status']);
    assert.equal(r.body.check.status, 'valid');
    recent(r.body.check.checkedAt);
    assert.deepEqual((await listed(r.body.id)).check, r.body.check);
    const plain = await create({});
    assert.equal(plain.body.check, null);
    assert.equal((await listed(plain.body.id)).check, null);
  });

  test('limited and no-credit are kept as such; OpenRouter’s credit and expiry too', async () => {
    assert.equal((await create({ apiKey: keys.openai.RATE, verify: true })).body.check.status, 'limited');
    assert.equal((await create({ apiKey: keys.openai.QUOTA, verify: true })).body.check.status, 'no-credit');
    const or = await create({ provider: 'openrouter', apiKey: keys.openrouter.VALID, verify: true });
    assert.deepEqual({ ...or.body.check, checkedAt: undefined }, { status: 'valid', credit: { limit: 10, remaining: 6.8, used: 3.2 }, expiresAt: '2027-12-31T23:59:59.000Z', checkedAt: undefined });
    assert.deepEqual((await listed(or.body.id)).check, or.body.check);
  });

  test('a failing check stores nothing: 400, and no credential', async () => {
    const before = (await run.call('GET', '/api/credentials')).body.length;
    assert.equal((await create({ apiKey: keys.openai.REVOKED, verify: true })).status, 400);
    assert.equal((await run.call('GET', '/api/credentials')).body.length, before);
  });

  test('PATCH with verify stores its check; a new key clears it; a change of a field the check sends clears it; a rename keeps it', async () => {
    const { body: c } = await create({});
    const checked = await patch(c.id, { verify: true });
    assert.equal(checked.status, 200, checked.text);
    assert.equal(checked.body.check.status, 'valid');
    const renamed = await patch(c.id, { name: `${c.name} renamed`, description: 'kept' });
    assert.deepEqual(renamed.body.check, checked.body.check, 'a rename changes nothing the check knew');
    const limited = await patch(c.id, { apiKey: keys.openai.RATE, verify: true });
    assert.equal(limited.body.check.status, 'limited', 'the new key’s own check');
    assert.notEqual(limited.body.check.checkedAt, undefined);
    const rotated = await patch(c.id, { apiKey: keys.openai.VALID });
    assert.equal(rotated.body.check, null, 'nothing is known of the new key');
    assert.equal(rotated.body.verified, false);
    assert.equal((await listed(c.id)).check, null);
    await patch(c.id, { verify: true });
    const moved = await patch(c.id, { fields: { organization: 'org-Other1' } });
    assert.equal(moved.body.verified, false);
    assert.equal(moved.body.check, null, 'the check sent another organization');
  });

  test('a check by id stores its result on that credential (and verified), leaving updatedAt', async () => {
    const { body: c } = await create({ apiKey: keys.openai.QUOTA });
    assert.equal(c.check, null);
    const r = await check({ id: c.id });
    assert.equal(r.body.ok, true, r.text);
    assert.equal(r.body.check.status, 'no-credit');
    const now = await listed(c.id);
    assert.equal(now.verified, true);
    assert.deepEqual(now.check, { status: 'no-credit', checkedAt: r.body.check.checkedAt });
    assert.equal(now.updatedAt, c.updatedAt, 'a check is no edit');
  });

  test('a check by id keeps the models out of the stored check, and tells them in its answer', async () => {
    const { body: c } = await create({});
    const r = await check({ id: c.id });
    assert.deepEqual(r.body.check.models, MOCK_MODELS.openai);
    assert.deepEqual(Object.keys((await listed(c.id)).check).sort(), ['checkedAt', 'status']);
  });

  test('a check by id of another key, or of other fields than the saved ones, stores nothing', async () => {
    const { body: c } = await create({});
    assert.equal((await check({ id: c.id, apiKey: keys.openai.RATE })).body.check.status, 'limited');
    assert.equal((await listed(c.id)).check, null, 'not the saved key');
    assert.equal((await check({ id: c.id, fields: { organization: 'org-Other2' } })).body.ok, true);
    assert.equal((await listed(c.id)).check, null, 'not the saved fields');
    assert.equal((await listed(c.id)).verified, false);
    // The saved key given again is the saved key.
    assert.equal((await check({ id: c.id, apiKey: keys.openai.VALID })).body.ok, true);
    assert.equal((await listed(c.id)).check.status, 'valid');
  });

  test('a failing check by id leaves what was stored', async () => {
    const { body: c } = await create({ verify: true });
    const before = await listed(c.id);
    assert.equal((await check({ id: c.id, apiKey: keys.openai.REVOKED })).body.ok, false);
    assert.deepEqual(await listed(c.id), before);
  });

  test('another owner’s check by id is 404 and writes nothing', async () => {
    const { body: c } = await create({});
    const other = await startApp(folder, { identify: () => `${ME}-other`, limits: ROOMY });
    try {
      assert.equal((await other.call('POST', '/api/credentials/check', { id: c.id })).status, 404);
    } finally {
      await other.stop();
    }
    assert.equal((await listed(c.id)).check, null);
  });
});

describe('the overlay’s Default model (fields.model) for every preset', () => {
  test('every preset takes it: trimmed, kept in fields, listed', async () => {
    for (const preset of presets) {
      const r = await create({ provider: preset.id, apiKey: keys[preset.id].VALID, fields: { ...needed(preset.id), model: '  my-model:latest  ' } });
      assert.equal(r.status, 201, `${preset.id}: ${r.text}`);
      assert.equal(r.body.fields.model, 'my-model:latest', preset.id);
      assert.equal((await listed(r.body.id)).fields.model, 'my-model:latest');
    }
  });

  test('without one, or empty, there is no model member; "" in a PATCH clears it', async () => {
    const none = await create({});
    assert.deepEqual(none.body.fields, { organization: '', project: '' });
    assert.deepEqual((await create({ fields: { model: '  ' } })).body.fields, { organization: '', project: '' });
    const { body: c } = await create({ fields: { model: 'gpt-4o' } });
    assert.equal((await patch(c.id, { fields: { organization: 'org-Abc' } })).body.fields.model, 'gpt-4o', 'kept by a PATCH of another field');
    assert.deepEqual((await patch(c.id, { fields: { model: '' } })).body.fields, { organization: 'org-Abc', project: '' });
  });

  const refusals: Array<[string, string]> = [
    ['201 characters', 'ft:gpt-4o:'.repeat(21).slice(0, 201)],
    ['a control character', 'gpt\u00074o'],
    ['NUL', 'gpt\u00004o'],
    ['a line break', 'gpt\n4o'],
    ['a bidi override', 'gpt\u202E4o'],
    ['a key', keys.openai.VALID],
    ['a key of another provider', keys.anthropic.VALID],
  ];
  for (const [what, model] of refusals) {
    test(`${what}: 400 on model, nothing stored`, async () => {
      const before = (await run.call('GET', '/api/credentials')).body.length;
      const r = await create({ fields: { model } });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.body.error.field, 'model');
      assert.match(r.body.error.message, /^Default model /);
      for (const k of Object.values(keys).flatMap((m) => Object.values(m))) assert.ok(!r.text.includes(k), 'no key in the answer');
      assert.equal((await run.call('GET', '/api/credentials')).body.length, before);
    });
  }

  test('200 characters are fine; an unknown field id is still refused', async () => {
    const longest = 'ft:gpt-4o:'.repeat(20);
    assert.equal((await create({ fields: { model: longest } })).body.fields.model, longest);
    const unknown = await create({ fields: { models: 'gpt-4o' } });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.field, 'body');
  });

  test('it is no address: a PATCH of the model alone needs no key, and keeps verified and the check; a check by id with it stores', async () => {
    const { body: c } = await create({ provider: 'azure-openai', apiKey: keys['azure-openai'].VALID, fields: needed('azure-openai'), verify: true });
    assert.equal(c.check.status, 'valid');
    const r = await patch(c.id, { fields: { model: 'gpt-4o-mini' } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.fields.model, 'gpt-4o-mini');
    assert.equal(r.body.verified, true);
    assert.deepEqual(r.body.check, c.check);
    // The demo's check by id sends the form's fields, the model with them.
    const { body: d } = await create({});
    assert.equal((await check({ id: d.id, fields: { organization: '', project: '', model: 'gpt-4o' } })).body.ok, true);
    assert.equal((await listed(d.id)).check.status, 'valid');
  });
});

describe('migration 004 on a database made by the code before it (migrations 001–003)', () => {
  test('old rows list check: null and keep verified; a check by id then stores one', async () => {
    const all = migrationFiles();
    assert.ok(all.includes('004_last_check.sql'));
    const { dataDir, databaseUrl, migrations: before004 } = await olderDatabase(folder.db, '004');
    const ring = new Keyring(Buffer.from(MASTER, 'base64'));
    const old = await connectDatabase({ dataDir, databaseUrl });
    assert.deepEqual(await migrate(old, { keys: ring }, before004), all.filter((n) => n < '004'));
    // Rows as the store wrote them before: a verified one with a key, an unverified one.
    const rows = [
      { id: '00000000-0000-4000-8000-000000000001', name: 'Checked', verified: true, key: keys.openai.RATE },
      { id: '00000000-0000-4000-8000-000000000002', name: 'Unchecked', verified: false, key: keys.openai.VALID },
    ];
    for (const r of rows) {
      const fields = { organization: '', project: '' };
      const sealed = sealKey(ring, { id: r.id, provider: 'openai', fields }, r.key);
      await old.query(
        `INSERT INTO credentials (id, owner, provider, name, name_key, description, fields, key_hint, key_type, verified, ciphertext, nonce, key_version)
         VALUES ($1, 'local', 'openai', $2, $3, '', $4, 'sk-proj-…', 'project', $5, $6, $7, $8)`,
        [r.id, r.name, nameKey(r.name), JSON.stringify(fields), r.verified, sealed.ciphertext, sealed.nonce, sealed.keyVersion],
      );
    }
    await old.close();

    const opened = await openDataFolder({ env: testEnv({ DATABASE_URL: databaseUrl }), dataDir });
    const migrated = await startApp(opened, { limits: ROOMY });
    try {
      const list = (await migrated.call('GET', '/api/credentials')).body as Array<{ id: string; name: string; verified: boolean; check: unknown }>;
      assert.deepEqual(
        list.map((c) => [c.name, c.verified, c.check]),
        [
          ['Checked', true, null],
          ['Unchecked', false, null],
        ],
      );
      const r = await migrated.call('POST', '/api/credentials/check', { id: rows[0].id });
      assert.equal(r.body.check.status, 'limited', r.text);
      const after = (await migrated.call('GET', '/api/credentials')).body as Array<{ id: string; check: { status: string } | null }>;
      assert.equal(after.find((c) => c.id === rows[0].id)?.check?.status, 'limited');
      assert.equal(after.find((c) => c.id === rows[1].id)?.check, null);
    } finally {
      await migrated.stop();
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
