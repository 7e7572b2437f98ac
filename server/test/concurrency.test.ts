// No lost updates and the abuse limits (contract section 15), each a regression test of issue
// 22: a slow check racing a PATCH that changes the key, concurrent PATCHes of different fields,
// so many checks a minute per client and per credential (429 with Retry-After), so many at
// once (503). The "provider" is a server on loopback that this test holds and releases.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { testKeys } from '../../test/test-keys.mjs';
import type { AppOptions } from '../api.js';
import { openFolder, startApp, unique, type Running } from './harness.js';

/** An OpenAI-compatible server that answers every model list, at once or when released. */
class Provider {
  server: Server;
  hits = 0;
  hold = false;
  #pending: Array<() => void> = [];
  #waiting: Array<[number, () => void]> = [];

  constructor() {
    this.server = createServer((_req, res) => {
      this.hits++;
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}');
      if (!this.hold) return answer();
      this.#pending.push(answer);
      for (const [n, resolve] of this.#waiting) if (this.#pending.length >= n) resolve();
    });
  }
  async listen() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return this;
  }
  get hostPort() {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  get baseUrl() {
    return `http://${this.hostPort}/v1`;
  }
  /** Resolves once `n` requests are held. */
  held(n: number) {
    return new Promise<void>((resolve) => (this.#pending.length >= n ? resolve() : this.#waiting.push([n, resolve])));
  }
  release() {
    this.hold = false;
    for (const answer of this.#pending.splice(0)) answer();
  }
  close() {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(r));
  }
}

type Folder = Awaited<ReturnType<typeof openFolder>>;
let folder: Folder;
let provider: Provider;
const ME = unique('concurrency-');
const compatible = testKeys['openai-compatible'];

before(async () => {
  folder = await openFolder();
  provider = await new Provider().listen();
});
after(async () => {
  await provider?.close();
  await folder?.remove();
});

/** An app of its own (its own counters), whose check may reach the provider. */
async function app(options: Partial<AppOptions> = {}): Promise<Running> {
  const running = await startApp(folder, { identify: () => ME, ...options });
  running.app.allow(provider.hostPort);
  return running;
}

const saveAt = (run: Running, baseUrl: string, apiKey: string = compatible.VALID) =>
  run.call('POST', '/api/credentials', { provider: 'openai-compatible', name: unique('c'), apiKey, fields: { baseUrl } });
const checkNew = (run: Running) => run.call('POST', '/api/credentials/check', { provider: 'openai-compatible', apiKey: compatible.VALID, fields: { baseUrl: provider.baseUrl } });
const summary = async (run: Running, id: string) => ((await run.call('GET', '/api/credentials')).body as Array<{ id: string }>).find((c) => c.id === id) as any;

describe('no lost updates', () => {
  let run: Running;
  before(async () => (run = await app({ limits: { checksPerClient: 10_000, checksPerCredential: 10_000 } })));
  after(() => run?.stop());

  test('a slow check of the saved key, racing a PATCH that changes the key: "verified" is not written for the new key', async () => {
    const { body: c } = await saveAt(run, provider.baseUrl);
    provider.hold = true;
    const slow = run.call('PATCH', `/api/credentials/${c.id}`, { verify: true });
    await provider.held(1);
    const rotated = await run.call('PATCH', `/api/credentials/${c.id}`, { apiKey: compatible.REVOKED });
    assert.equal(rotated.status, 200, rotated.text);
    assert.equal(rotated.body.verified, false);
    provider.release();
    const answer = await slow;
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.verified, false, 'the check passed for the old key only');
    assert.equal(answer.body.check, null, 'and what it learned is not kept for the new key');
    const now = await summary(run, c.id);
    assert.equal(now.verified, false);
    assert.equal(now.check, null);
    assert.equal(now.keyHint, rotated.body.keyHint, 'the new key stays');
  });

  test('a slow check by id, racing a PATCH that changes the key: its result is not kept for the new key', async () => {
    const { body: c } = await saveAt(run, provider.baseUrl);
    provider.hold = true;
    const slow = run.call('POST', '/api/credentials/check', { id: c.id });
    await provider.held(1);
    const rotated = await run.call('PATCH', `/api/credentials/${c.id}`, { apiKey: compatible.REVOKED });
    assert.equal(rotated.status, 200, rotated.text);
    provider.release();
    const answer = await slow;
    assert.equal(answer.body.ok, true, 'the old key passed');
    const now = await summary(run, c.id);
    assert.equal(now.verified, false);
    assert.equal(now.check, null, 'not written for the key saved meanwhile');
  });

  test('a slow check by id, racing a rename: the key it checked is still saved, so its result is kept, and the rename too', async () => {
    const { body: c } = await saveAt(run, provider.baseUrl);
    provider.hold = true;
    const slow = run.call('POST', '/api/credentials/check', { id: c.id });
    await provider.held(1);
    const renamed = await run.call('PATCH', `/api/credentials/${c.id}`, { name: `${c.name} renamed` });
    assert.equal(renamed.status, 200, renamed.text);
    provider.release();
    assert.equal((await slow).body.ok, true);
    const now = await summary(run, c.id);
    assert.equal(now.name, `${c.name} renamed`);
    assert.equal(now.verified, true);
    assert.equal(now.check?.status, 'valid');
  });

  test('a slow check racing a rename: the key it checked is still the saved one, so "verified" is written, and the rename kept', async () => {
    const { body: c } = await saveAt(run, provider.baseUrl);
    provider.hold = true;
    const slow = run.call('PATCH', `/api/credentials/${c.id}`, { verify: true, description: 'checked' });
    await provider.held(1);
    const renamed = await run.call('PATCH', `/api/credentials/${c.id}`, { name: `${c.name} renamed` });
    assert.equal(renamed.status, 200, renamed.text);
    provider.release();
    assert.equal((await slow).body.verified, true);
    const now = await summary(run, c.id);
    assert.equal(now.verified, true);
    assert.equal(now.check?.status, 'valid', 'its check is kept with it');
    assert.equal(now.name, `${c.name} renamed`);
    assert.equal(now.description, 'checked');
  });

  test('a new key, checked slowly, racing a move of the address: the new key is not saved for an address it was not given for (409)', async () => {
    const { body: c } = await saveAt(run, provider.baseUrl);
    provider.hold = true;
    const slow = run.call('PATCH', `/api/credentials/${c.id}`, { verify: true, apiKey: compatible.VALID.replace('VALID', 'VALIDNEW') });
    await provider.held(1);
    const other = `http://${provider.hostPort}/other/v1`;
    const moved = await run.call('PATCH', `/api/credentials/${c.id}`, { apiKey: compatible.VALID, fields: { baseUrl: other } });
    assert.equal(moved.status, 200, moved.text);
    provider.release();
    const answer = await slow;
    assert.equal(answer.status, 409, answer.text);
    assert.equal(answer.body.error.field, 'apiKey');
    const now = await summary(run, c.id);
    assert.equal(now.fields.baseUrl, other, 'the move is kept');
    assert.equal(now.keyHint, moved.body.keyHint, 'with the key given for it');
  });

  test('concurrent PATCHes of different fields never lose one (on a database slow enough that they overlap)', async () => {
    // Every query a few milliseconds late: requests that arrive together read the row before
    // any of them writes it, as they would on a busy database server.
    const late = () => new Promise((r) => setTimeout(r, 5));
    const db = Object.create(folder.db, {
      query: { value: async (sql: string, params?: unknown[]) => (await late(), folder.db.query(sql, params)) },
      transaction: { value: async (work: Parameters<typeof folder.db.transaction>[0]) => (await late(), folder.db.transaction(work)) },
    });
    const slow = await startApp({ db, keys: folder.keys }, { identify: () => ME });
    try {
      const r = await slow.call('POST', '/api/credentials', { provider: 'openai', name: unique('fields'), apiKey: testKeys.openai.VALID });
      const id = r.body.id;
      for (let round = 0; round < 5; round++) {
        const results = await Promise.all([
          slow.call('PATCH', `/api/credentials/${id}`, { fields: { organization: `org-round${round}` } }),
          slow.call('PATCH', `/api/credentials/${id}`, { fields: { project: `proj_round${round}` } }),
          slow.call('PATCH', `/api/credentials/${id}`, { description: `round ${round}` }),
          slow.call('PATCH', `/api/credentials/${id}`, { name: `${r.body.name} ${round}` }),
        ]);
        for (const result of results) assert.equal(result.status, 200, result.text);
        const now = await summary(slow, id);
        assert.deepEqual(now.fields, { organization: `org-round${round}`, project: `proj_round${round}` }, `round ${round}`);
        assert.equal(now.description, `round ${round}`);
        assert.equal(now.name, `${r.body.name} ${round}`);
      }
    } finally {
      await slow.stop();
    }
  });
});

describe('abuse limits of the check', () => {
  test(`at most 10 checks a minute from one client address: the 11th is 429 with Retry-After, and sends nothing`, async () => {
    const run = await app();
    try {
      const before = provider.hits;
      for (let i = 0; i < 10; i++) assert.equal((await checkNew(run)).body.ok, true, `check ${i + 1}`);
      const refused = await checkNew(run);
      assert.equal(refused.status, 429, refused.text);
      assert.equal(refused.body.error.field, 'apiKey');
      const wait = Number(refused.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 60, `Retry-After: ${wait}`);
      assert.equal(provider.hits - before, 10, 'the 11th never left the server');
      // A save with the live check is a check too: no way around the limit.
      const save = await run.call('POST', '/api/credentials', { provider: 'openai-compatible', name: unique('v'), apiKey: compatible.VALID, fields: { baseUrl: provider.baseUrl }, verify: true });
      assert.equal(save.status, 429, save.text);
      assert.equal(provider.hits - before, 10);
    } finally {
      await run.stop();
    }
  });

  test('at most 5 checks a minute of one saved credential; another credential is still checked', async () => {
    const run = await app();
    try {
      const { body: c } = await saveAt(run, provider.baseUrl);
      const { body: d } = await saveAt(run, provider.baseUrl);
      for (let i = 0; i < 5; i++) assert.equal((await run.call('POST', '/api/credentials/check', { id: c.id })).body.ok, true);
      const refused = await run.call('POST', '/api/credentials/check', { id: c.id });
      assert.equal(refused.status, 429, refused.text);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.equal((await run.call('PATCH', `/api/credentials/${c.id}`, { verify: true })).status, 429, 'nor by a PATCH with verify');
      assert.equal((await run.call('POST', '/api/credentials/check', { id: d.id })).body.ok, true);
    } finally {
      await run.stop();
    }
  });

  test('at most 4 checks at once: a 5th is 503 with Retry-After at once; the 4 finish', async () => {
    const run = await app();
    try {
      provider.hold = true;
      const four = Array.from({ length: 4 }, () => checkNew(run));
      await provider.held(4);
      const fifth = await checkNew(run);
      assert.equal(fifth.status, 503, fifth.text);
      assert.equal(fifth.body.error.field, 'apiKey');
      assert.equal(fifth.headers.get('retry-after'), '1');
      provider.release();
      for (const r of await Promise.all(four)) assert.equal(r.body.ok, true);
      assert.equal((await checkNew(run)).body.ok, true, 'a place is free again');
    } finally {
      provider.release();
      await run.stop();
    }
  });

  test('a save or rename with the live check onto a taken name is 409 before the key goes anywhere', async () => {
    const run = await app({ limits: { checksPerClient: 100 } });
    try {
      const { body: c } = await saveAt(run, provider.baseUrl);
      const { body: d } = await saveAt(run, provider.baseUrl);
      const before = provider.hits;
      const save = await run.call('POST', '/api/credentials', { provider: 'openai-compatible', name: c.name.toUpperCase(), apiKey: compatible.VALID, fields: { baseUrl: provider.baseUrl }, verify: true });
      assert.equal(save.status, 409, save.text);
      const rename = await run.call('PATCH', `/api/credentials/${d.id}`, { name: ` ${c.name} `, verify: true });
      assert.equal(rename.status, 409, rename.text);
      assert.equal(provider.hits, before, 'no check ran');
    } finally {
      await run.stop();
    }
  });

  test('the limits are options: a check that gets no answer ends at checkTimeoutMs', async () => {
    const run = await app({ limits: { checkTimeoutMs: 300 } });
    try {
      provider.hold = true;
      const started = Date.now();
      const r = await checkNew(run);
      assert.equal(r.body.unreachable, true);
      assert.match(r.body.message, /no answer within 0\.3 seconds/);
      assert.ok(Date.now() - started < 2000);
    } finally {
      provider.release();
      await run.stop();
    }
  });
});
