// The request rules of contract section 15, each the regression test of a finding of issue 22:
// host names (DNS rebinding), input (unknown members, control and bidi characters, ids,
// duplicate names), a saved key never sent to a new address, owners, and the migration of a
// database made by 0.2.0. PGlite, or PostgreSQL with DATABASE_URL. Loopback only.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { mockBase, testKeys } from '../../test/test-keys.mjs';
import { createApp } from '../api.js';
import { openDataFolder } from '../data-folder.js';
import { connectDatabase, migrate } from '../db.js';
import { olderDatabase, openFolder, rawCall, startApp, testEnv, unique, type Running } from './harness.js';

type Folder = Awaited<ReturnType<typeof openFolder>>;
let folder: Folder;
let run: Running;
/** This file's owner: on a shared PostgreSQL, other files' rows are other owners'. */
const ME = unique('rules-');

const identify = (request: { headers: Record<string, string | string[] | undefined> }) => {
  const owner = request.headers['x-owner'];
  return typeof owner === 'string' ? owner : undefined;
};

before(async () => {
  folder = await openFolder();
  run = await startApp(folder, { identify, limits: { checksPerClient: 10_000, checksPerCredential: 10_000 } }, { 'x-owner': ME });
});
after(async () => {
  await run?.stop();
  await folder?.remove();
});

const create = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  run.call('POST', '/api/credentials', { provider: 'openai', description: '', apiKey: testKeys.openai.VALID, ...body }, headers);
const names = async (owner = ME) => ((await run.call('GET', '/api/credentials', undefined, { 'x-owner': owner })).body as Array<{ name: string }>).map((c) => c.name);
const NIL = '00000000-0000-4000-8000-000000000000';

/** A refusal in the API's shape, on `field`. */
function refused(r: { status: number; body: any; text: string }, status: number, field?: string) {
  assert.equal(r.status, status, r.text);
  assert.equal(typeof r.body?.error?.message, 'string', r.text);
  if (field !== undefined) assert.equal(r.body.error.field, field, r.text);
  assert.ok(!/\n\s+at /.test(r.text), 'no stack trace');
}

describe('host names: only this machine, or a configured name (DNS rebinding)', () => {
  const get = (headers: Record<string, string>) => rawCall(run.origin, 'GET', '/api/credentials', { 'x-owner': ME, ...headers });

  for (const host of ['evil.example', 'evil.example:80', 'localhost.evil.example', '127.0.0.1.nip.io:4173', 'localhost.', 'localhost:99999', 'localhost:x', 'user@localhost', '']) {
    test(`Host ${JSON.stringify(host)}: 403 on every route, nothing listed, nothing stored`, async () => {
      refused(await get({ host }), 403, 'body');
      const before = (await names()).length;
      const body = JSON.stringify({ provider: 'openai', name: unique('rebind'), apiKey: testKeys.openai.VALID });
      refused(await rawCall(run.origin, 'POST', '/api/credentials', { host, 'x-owner': ME, 'content-type': 'application/json' }, body), 403);
      refused(await rawCall(run.origin, 'GET', '/mock/openai/v1/models', { host }), 403);
      assert.equal((await names()).length, before);
    });
  }

  for (const host of ['localhost', 'LocalHost:5173', '127.0.0.1', '127.0.0.1:1', '[::1]', '[::1]:4173']) {
    test(`Host ${host} is answered`, async () => assert.equal((await get({ host })).status, 200));
  }

  test('a name in CREDENTIAL_ALLOWED_HOSTS is answered, and its own origin may change things', async () => {
    const named = await startApp(folder, { identify, allowedHosts: ['vault.example'] }, { 'x-owner': ME });
    try {
      assert.equal((await rawCall(named.origin, 'GET', '/api/credentials', { host: 'vault.example:8443', 'x-owner': ME })).status, 200);
      const body = JSON.stringify({ provider: 'openai', name: unique('named'), apiKey: testKeys.openai.VALID });
      const post = (origin: string) =>
        rawCall(named.origin, 'POST', '/api/credentials', { host: 'vault.example:8443', origin, 'x-owner': ME, 'content-type': 'application/json' }, body);
      refused(await post('https://evil.example'), 403, 'body');
      assert.equal((await post('https://vault.example:8443')).status, 201);
      refused(await rawCall(named.origin, 'GET', '/api/credentials', { host: 'other.example', 'x-owner': ME }), 403);
    } finally {
      await named.stop();
    }
  });

  test('a state-changing request from another origin is refused, also from another port of this machine', async () => {
    const port = new URL(run.origin).port;
    const post = (headers: Record<string, string>) => create({ name: unique('origin') }, headers);
    refused(await post({ origin: 'http://localhost:1' }), 403, 'body');
    refused(await post({ origin: `http://evil.example:${port}` }), 403, 'body');
    refused(await post({ origin: 'null' }), 403, 'body');
    refused(await post({ 'sec-fetch-site': 'cross-site' }), 403, 'body');
    assert.equal((await post({ origin: run.origin })).status, 201);
  });
});

describe('input: unknown members, characters, ids, duplicate names, methods', () => {
  const members: Array<[string, string]> = [
    ['constructor: null', '"constructor":null'],
    ['constructor: {}', '"constructor":{}'],
    ['__proto__', '"__proto__":{"verified":true}'],
    ['toString', '"toString":"x"'],
    ['hasOwnProperty', '"hasOwnProperty":1'],
    ['valueOf', '"valueOf":"x"'],
    ['a field constructor', '"fields":{"constructor":"x"}'],
    ['a field __proto__', '"fields":{"__proto__":"x"}'],
  ];
  for (const [what, member] of members) {
    test(`${what} is refused by POST, PATCH and the check; nothing stored`, async () => {
      const before = (await names()).length;
      const valid = `"provider":"openai","name":"${unique('m')}","description":"","apiKey":"${testKeys.openai.VALID}"`;
      refused(await run.call('POST', '/api/credentials', `{${valid},${member}}`), 400, 'body');
      const { body: saved } = await create({ name: unique('target') });
      refused(await run.call('PATCH', `/api/credentials/${saved.id}`, `{"name":"x",${member}}`), 400, 'body');
      refused(await run.call('POST', '/api/credentials/check', `{"provider":"openai","apiKey":"${testKeys.openai.VALID}",${member}}`), 400, 'body');
      assert.equal((await names()).length, before + 1);
      await run.call('DELETE', `/api/credentials/${saved.id}`);
    });
  }

  const characters: Array<[string, Record<string, unknown>, string]> = [
    ['NUL in a name', { name: 'a\u0000b' }, 'name'],
    ['a tab in a name', { name: 'a\tb' }, 'name'],
    ['an escape in a name', { name: 'a\u001b[31mred' }, 'name'],
    ['a right-to-left override in a name', { name: 'invoice\u202Efdp.exe' }, 'name'],
    ['an isolate in a name', { name: 'x\u2066y\u2069' }, 'name'],
    ['a right-to-left mark in a name', { name: 'x\u200Fy' }, 'name'],
    ['an Arabic letter mark in a name', { name: 'x\u061Cy' }, 'name'],
    ['only invisible characters as a name', { name: '\u200B\u2060\u00AD' }, 'name'],
    ['NUL in a description', { description: 'line\u0000' }, 'description'],
    ['a bidi embedding in a description', { description: 'a\u202Ab' }, 'description'],
    ['a control character in a description', { description: 'a\u0007b' }, 'description'],
    ['NUL in a field', { fields: { project: 'proj_\u0000' } }, 'project'],
    ['a bidi override in a field', { fields: { organization: 'org-\u202Eabc' } }, 'organization'],
  ];
  for (const [what, body, field] of characters) {
    test(`${what}: 400 on ${field}, nothing stored`, async () => {
      const before = (await names()).length;
      refused(await create({ name: unique('chars'), ...body }), 400, field);
      assert.equal((await names()).length, before);
    });
  }

  test('a lone surrogate in a name: 400 on name', async () => {
    refused(await run.call('POST', '/api/credentials', `{"provider":"openai","name":"a\\ud800b","apiKey":"${testKeys.openai.VALID}"}`), 400, 'name');
  });

  test('line breaks and tabs are fine in a description (a text area)', async () => {
    const r = await create({ name: unique('lines'), description: 'first line\nsecond\r\n\tindented' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.description, 'first line\nsecond\r\n\tindented');
  });

  const badIds = ['------------------------------------', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', 'not-an-id', '\u0000', '../../etc', `${NIL}x`, 'a'.repeat(1000), '\u202E', ''];
  for (const id of badIds) {
    test(`id ${JSON.stringify(id.slice(0, 40))}: 404 for PATCH, DELETE and the check, never 500`, async () => {
      if (id) {
        refused(await run.call('PATCH', `/api/credentials/${encodeURIComponent(id)}`, { name: 'x' }), 404);
        refused(await run.call('DELETE', `/api/credentials/${encodeURIComponent(id)}`), 404);
      }
      refused(await run.call('POST', '/api/credentials/check', { id }), 404, 'id');
    });
  }

  test('a malformed percent-escape or an unknown route: 400 or 404 in the API shape', async () => {
    refused(await run.call('GET', '/api/credentials/%'), 400, 'path');
    refused(await run.call('PATCH', '/api/credentials/%zz', { name: 'x' }), 400, 'path');
    refused(await run.call('GET', '/api/%E0%A4%A'), 400, 'path');
    refused(await run.call('GET', '/api/nothing'), 404, 'path');
  });

  const methods: Array<[string, string, string]> = [
    ['PUT', '/api/credentials', 'GET, HEAD, POST'],
    ['DELETE', '/api/credentials', 'GET, HEAD, POST'],
    ['OPTIONS', '/api/credentials', 'GET, HEAD, POST'],
    ['GET', '/api/credentials/check', 'POST'],
    ['PATCH', '/api/credentials/check', 'POST'],
    ['GET', `/api/credentials/${NIL}`, 'DELETE, PATCH'],
    ['POST', `/api/credentials/${NIL}`, 'DELETE, PATCH'],
    ['PUT', `/api/credentials/${NIL}`, 'DELETE, PATCH'],
  ];
  for (const [method, path, allow] of methods) {
    test(`${method} ${path.replace(NIL, ':id')}: 405 with Allow: ${allow}`, async () => {
      const r = await run.call(method, path, method === 'GET' || method === 'OPTIONS' ? undefined : { name: 'x' });
      refused(r, 405, 'body');
      assert.equal(r.headers.get('allow'), allow);
    });
  }

  test('types are not coerced: a number is no name, "yes" is no verify', async () => {
    refused(await create({ name: 5 }), 400, 'name');
    refused(await create({ name: unique('v'), verify: 'yes' }), 400, 'verify');
    refused(await create({ name: null }), 400, 'name');
  });

  test('a body over 64 KB is 413, one of another type 415, none where one is needed 415', async () => {
    refused(await create({ name: unique('big'), description: 'x'.repeat(70 * 1024) }), 413, 'body');
    refused(await run.call('POST', '/api/credentials', JSON.stringify({ name: 'x' }), { 'content-type': 'text/plain' }), 415, 'body');
    refused(await run.call('POST', '/api/credentials', JSON.stringify({ name: 'x' }), { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'body');
    refused(await rawCall(run.origin, 'POST', '/api/credentials', { host: 'localhost', 'x-owner': ME }), 415, 'body');
  });

  // Names that differ only by NFKC forms, case, invisible characters or spaces are one name.
  const same: Array<[string, string]> = [
    ['Prod', 'PROD'],
    ['Ｐｒｏｄ', 'prod'],
    ['ﬁnance', 'finance'],
    ['Pro\u200Bd', 'Prod'],
    ['Pro\u00ADd', 'Prod'],
    ['Pro\u2060d\uFEFF', 'prod'],
    ['Straße', 'STRASSE'],
    ['Caf\u00E9', 'Cafe\u0301'],
    ['Team  A', 'team a'],
    ['Team\u00A0A', 'Team A'],
    ['Ⅻ', 'xii'],
  ];
  for (const [i, [first, second]] of same.entries()) {
    test(`${JSON.stringify(first)} and ${JSON.stringify(second)} are the same name: 409`, async () => {
      const tag = `n${i}${unique('')} `;
      assert.equal((await create({ name: tag + first })).status, 201);
      const dup = await create({ name: tag + second });
      refused(dup, 409, 'name');
      // Another provider may use it.
      assert.equal((await create({ provider: 'groq', name: tag + second, apiKey: testKeys.groq.VALID })).status, 201);
    });
  }

  test('a rename onto another name of the owner is 409; onto its own name with another case is fine', async () => {
    const tag = unique('ren');
    await create({ name: `${tag} one` });
    const { body: two } = await create({ name: `${tag} two` });
    refused(await run.call('PATCH', `/api/credentials/${two.id}`, { name: `${tag.toUpperCase()} ONE` }), 409, 'name');
    assert.equal((await run.call('PATCH', `/api/credentials/${two.id}`, { name: `${tag} TWO` })).status, 200);
  });
});

describe('a saved key is never sent to a new address', () => {
  const azure = testKeys['azure-openai'];
  const compatible = testKeys['openai-compatible'];
  const endpoint = (session: string) => mockBase('azure-openai', run.origin, session);
  const baseUrl = (session: string) => mockBase('openai-compatible', run.origin, session);
  const MOVED = 'Enter the key again: it would be sent to a new address.';

  async function saved(provider: 'azure-openai' | 'openai-compatible', apiKey: string) {
    const session = unique('home');
    const fields = provider === 'azure-openai' ? { endpoint: endpoint(session), deployment: 'gpt-4o' } : { baseUrl: baseUrl(session) };
    const r = await create({ provider, name: unique('addr'), apiKey, fields });
    assert.equal(r.status, 201, r.text);
    return { id: r.body.id as string, session, fields: r.body.fields as Record<string, string> };
  }

  test('a check by id with fields that move the address, and no key: 400 on apiKey, no connection', async () => {
    const c = await saved('openai-compatible', compatible.VALID);
    const elsewhere = unique('attacker');
    const r = await run.call('POST', '/api/credentials/check', { id: c.id, fields: { baseUrl: baseUrl(elsewhere) } });
    refused(r, 400, 'apiKey');
    assert.equal(r.body.error.message, MOVED);
    assert.equal(await run.lastMockRequest(elsewhere), null, 'nothing was sent there');
    // With the key given again, a check of that key at the new address is the user's own doing.
    assert.equal((await run.call('POST', '/api/credentials/check', { id: c.id, fields: { baseUrl: baseUrl(elsewhere) }, apiKey: compatible.VALID })).body.ok, true);
    assert.notEqual(await run.lastMockRequest(elsewhere), null);
  });

  test('a check by id alone uses the saved fields; the same address with spaces around it is no move', async () => {
    const c = await saved('openai-compatible', compatible.VALID);
    assert.equal((await run.call('POST', '/api/credentials/check', { id: c.id })).body.ok, true);
    assert.equal((await run.lastMockRequest(c.session) as { scheme: string }).scheme, 'bearer');
    assert.equal((await run.call('POST', '/api/credentials/check', { id: c.id, fields: { baseUrl: ` ${c.fields.baseUrl} ` } })).body.ok, true);
  });

  for (const verify of [false, true]) {
    test(`PATCH of the Azure Endpoint without the key${verify ? ', with verify' : ''}: 400 on apiKey, nothing changed, no connection`, async () => {
      const c = await saved('azure-openai', azure.VALID);
      const elsewhere = unique('attacker');
      const r = await run.call('PATCH', `/api/credentials/${c.id}`, { fields: { endpoint: endpoint(elsewhere) }, ...(verify && { verify }) });
      refused(r, 400, 'apiKey');
      assert.equal(r.body.error.message, MOVED);
      assert.equal(await run.lastMockRequest(elsewhere), null);
      // Still saved for its own endpoint, where its key still goes.
      assert.equal((await run.call('POST', '/api/credentials/check', { id: c.id })).body.ok, true);
      assert.equal(await run.lastMockRequest(elsewhere), null);
    });
  }

  test('PATCH of the Endpoint with the key again moves it (verified there); a field that is no address needs no key', async () => {
    const c = await saved('azure-openai', azure.VALID);
    const next = unique('next');
    const moved = await run.call('PATCH', `/api/credentials/${c.id}`, { fields: { endpoint: endpoint(next) }, apiKey: azure.VALID, verify: true });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.body.verified, true);
    assert.equal(moved.body.fields.endpoint, endpoint(next));
    const deployment = await run.call('PATCH', `/api/credentials/${c.id}`, { fields: { deployment: 'gpt-4o-mini' } });
    assert.equal(deployment.status, 200, deployment.text);
    assert.equal(deployment.body.fields.endpoint, endpoint(next));
    assert.equal((await run.call('POST', '/api/credentials/check', { id: c.id })).body.ok, true);
    assert.equal((await run.lastMockRequest(next) as { path: string }).path, '/openai/models');
  });

  test('a credential saved without a key has nothing to send, and may move', async () => {
    const r = await create({ provider: 'openai-compatible', name: unique('keyless'), apiKey: '', fields: { baseUrl: baseUrl(unique('a')) } });
    assert.equal(r.status, 201, r.text);
    const next = unique('b');
    assert.equal((await run.call('POST', '/api/credentials/check', { id: r.body.id, fields: { baseUrl: baseUrl(next) } })).status, 200);
    const patched = await run.call('PATCH', `/api/credentials/${r.body.id}`, { fields: { baseUrl: baseUrl(next) }, verify: true });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.verified, true);
    assert.equal((await run.lastMockRequest(next) as { scheme: string }).scheme, 'none');
  });
});

describe('owners: every route sees only its owner’s credentials', () => {
  const alice = unique('alice-');
  const bob = unique('bob-');
  const as = (owner: string) => ({ 'x-owner': owner });

  test('neither can list, change, check or delete the other’s; names are unique per owner', async () => {
    const session = unique('owned');
    const fields = { baseUrl: mockBase('openai-compatible', run.origin, session) };
    const mine = await create({ provider: 'openai-compatible', name: 'Shared', apiKey: testKeys['openai-compatible'].VALID, fields }, as(alice));
    assert.equal(mine.status, 201, mine.text);
    const theirs = await create({ provider: 'openai-compatible', name: 'shared', apiKey: testKeys['openai-compatible'].REVOKED, fields }, as(bob));
    assert.equal(theirs.status, 201, 'the same name is fine for another owner');
    for (const [me, other, id] of [
      [alice, bob, theirs.body.id],
      [bob, alice, mine.body.id],
    ] as const) {
      const list = await run.call('GET', '/api/credentials', undefined, as(me));
      assert.deepEqual(
        list.body.map((c: { id: string }) => c.id),
        [me === alice ? mine.body.id : theirs.body.id],
        `${me} lists only their own`,
      );
      refused(await run.call('PATCH', `/api/credentials/${id}`, { name: 'Taken over', description: 'x' }, as(me)), 404, 'id');
      refused(await run.call('POST', '/api/credentials/check', { id }, as(me)), 404, 'id');
      refused(await run.call('POST', '/api/credentials/check', { id, apiKey: testKeys['openai-compatible'].VALID, fields }, as(me)), 404, 'id');
      assert.equal(await run.lastMockRequest(session), null, `no check of ${other}'s key ran`);
      refused(await run.call('DELETE', `/api/credentials/${id}`, undefined, as(me)), 404, 'id');
      assert.deepEqual(await names(other), [other === alice ? 'Shared' : 'shared'], `${other}'s credential is untouched`);
    }
    // Each still owns, checks and deletes their own.
    assert.equal((await run.call('POST', '/api/credentials/check', { id: mine.body.id }, as(alice))).body.ok, true);
    assert.equal((await run.call('DELETE', `/api/credentials/${mine.body.id}`, undefined, as(alice))).status, 204);
    assert.equal((await run.call('DELETE', `/api/credentials/${theirs.body.id}`, undefined, as(bob))).status, 204);
  });

  test('no owner (identify refuses): 401 on every route', async () => {
    const nobody = { 'x-owner': '' };
    refused(await run.call('GET', '/api/credentials', undefined, nobody), 401, 'body');
    refused(await create({ name: unique('anon') }, nobody), 401, 'body');
    refused(await run.call('PATCH', `/api/credentials/${NIL}`, { name: 'x' }, nobody), 401, 'body');
    refused(await run.call('DELETE', `/api/credentials/${NIL}`, undefined, nobody), 401, 'body');
    refused(await run.call('POST', '/api/credentials/check', { provider: 'openai', apiKey: testKeys.openai.VALID }, nobody), 401, 'body');
  });

  test('an identify that throws refuses too (401), and says nothing about why', async () => {
    const failing = await startApp(folder, {
      identify: () => {
        throw new Error(`session store down: ${testKeys.openai.VALID}`);
      },
    });
    try {
      refused(await failing.call('GET', '/api/credentials'), 401, 'body');
      assert.ok(failing.logs.every((l) => !l.includes(testKeys.openai.VALID)));
    } finally {
      await failing.stop();
    }
  });
});

describe('migration 002 from a database made by 0.2.0', () => {
  test('rows get the local owner and name keys; near-duplicate old names both stay; a new one is refused', async () => {
    // Made with 0.2.0's schema (001 only).
    const { dataDir, databaseUrl, migrations: only001 } = await olderDatabase(folder.db, '002');
    const old = await connectDatabase({ dataDir, databaseUrl });
    await migrate(old, undefined, only001);
    // Rows as 0.2.0 wrote them (keyless here: the re-sealing of keys is migration 003's test).
    const rows: Array<[string, string]> = [
      ['openai', 'Prod'],
      ['openai', 'Ｐｒｏｄ'],
      ['groq', 'Prod'],
      ['openai', 'Staging'],
    ];
    for (const [i, [provider, name]] of rows.entries()) {
      await old.query('INSERT INTO credentials (id, provider, name, created_at) VALUES ($1, $2, $3, $4)', [
        `00000000-0000-4000-8000-00000000000${i}`,
        provider,
        name,
        new Date(Date.UTC(2026, 0, 1 + i)),
      ]);
    }
    await old.close();

    const opened = await openDataFolder({ env: testEnv({ DATABASE_URL: databaseUrl }), dataDir });
    const migrated = await startApp(opened);
    try {
      const list = (await migrated.call('GET', '/api/credentials')).body as Array<{ provider: string; name: string }>;
      assert.deepEqual(
        list.map((c) => `${c.provider}:${c.name}`),
        rows.map(([p, n]) => `${p}:${n}`),
        'every row is the local owner’s, as it was',
      );
      const dup = await migrated.call('POST', '/api/credentials', { provider: 'openai', name: 'PROD', apiKey: testKeys.openai.VALID });
      refused(dup, 409, 'name');
      refused(await migrated.call('POST', '/api/credentials', { provider: 'openai', name: 'staging', apiKey: testKeys.openai.VALID }), 409, 'name');
      assert.equal((await migrated.call('POST', '/api/credentials', { provider: 'openai', name: 'Dev', apiKey: testKeys.openai.VALID })).status, 201);
      // Another owner of the same database sees none of them.
      const other = createApp({ db: opened.db, keys: opened.keys, identify: () => 'someone-else' });
      const res = await other.fastify.inject({ method: 'GET', url: '/api/credentials', headers: { host: 'localhost' } });
      assert.deepEqual(res.json(), []);
    } finally {
      await migrated.stop();
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
