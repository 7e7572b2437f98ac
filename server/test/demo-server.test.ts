// The demo's two servers around the API: the providers' mock under Fastify (it reads its
// requests' bodies itself: a JSON POST and a form POST answer as the mock answers them, through
// the standalone server and the one mounted on Vite), the mock's 404 without the path, and
// the Vite plugin's life: a refused open is tried again, closing Vite releases the data folder
// before close() resolves, and plain Node (no TypeScript loader) runs it with every migration.
// PGlite, or PostgreSQL with DATABASE_URL. Loopback only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServer as createVite, type ViteDevServer } from 'vite';
import { testKeys } from '../../test/test-keys.mjs';
import { createApp, type App, type OpenOptions } from '../api.js';
import { openDataFolder, StartError } from '../data-folder.js';
import { credentialServer, type CredentialServerOptions } from '../vite-plugin.js';
import { childEnv, newFolder } from './folders.js';
import { MASTER, openFolder, startApp, testEnv, unique, type Running } from './harness.js';

type Folder = Awaited<ReturnType<typeof openFolder>>;
let folder: Folder;
let standalone: Running;
const dir = mkdtempSync(join(tmpdir(), 'credential-demo-server-'));
const ME = unique('demo-server-');

/** Vite's dev server with the plugin, listening on a loopback port; its origin. */
async function startVite(plugin: CredentialServerOptions, name = unique('vite')): Promise<{ vite: ViteDevServer; origin: string }> {
  const root = join(dir, name);
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>vite</title>');
  const vite = await createVite({
    configFile: false,
    root,
    cacheDir: join(root, '.vite'),
    logLevel: 'silent',
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    plugins: [credentialServer({ env: testEnv(), ...plugin })],
  });
  await vite.listen();
  return { vite, origin: `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}` };
}

/** Opens the plugin's app on this file's database; closing it leaves the database open. */
const onFolder = async (options: OpenOptions): Promise<App> => {
  const app = createApp({ ...options, db: folder.db, keys: folder.keys, identify: () => ME });
  return { ...app, close: () => app.fastify.close() };
};

let viaVite: { vite: ViteDevServer; origin: string };

before(async () => {
  folder = await openFolder();
  standalone = await startApp(folder, { identify: () => ME });
  viaVite = await startVite({ dataDir: join(dir, 'unused'), open: onFolder });
});
after(async () => {
  await viaVite?.vite.close();
  await standalone?.stop();
  await folder?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** A request that fails the test after `ms` instead of hanging (the bug: the mock waited for a body already read). */
const send = (url: string, init: RequestInit = {}, ms = 5000) => fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(ms) });

/** The connect flow's code: Allow on the mock's approval page, for a PKCE verifier. */
async function codeFor(origin: string, verifier: string): Promise<string> {
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const query = new URLSearchParams({ callback_url: 'http://localhost:1/callback', code_challenge: challenge, code_challenge_method: 'S256', decision: 'allow' });
  const decided = await send(`${origin}/mock/openrouter/auth/decide?${query}`);
  assert.equal(decided.status, 302);
  const code = new URL(decided.headers.get('location')!).searchParams.get('code');
  assert.ok(code);
  return code;
}

describe('the providers’ mock reads its own request bodies under Fastify', () => {
  for (const which of ['standalone', 'Vite'] as const) {
    const origin = () => (which === 'standalone' ? standalone.origin : viaVite.origin);

    test(`${which}: a JSON POST (the connect flow's code exchange) is answered by the mock, with a key`, async () => {
      const verifier = randomBytes(32).toString('base64url');
      const code = await codeFor(origin(), verifier);
      const res = await send(`${origin()}/mock/openrouter/api/v1/auth/keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, code_verifier: verifier, code_challenge_method: 'S256' }),
      });
      assert.equal(res.status, 200);
      const { key, user_id } = await res.json();
      assert.match(key, /^sk-or-v1-[0-9a-f]{64}$/);
      assert.equal(user_id, 'user_mock');
      // The same code again, and a wrong verifier: the mock's own refusals.
      const again = await send(`${origin()}/mock/openrouter/api/v1/auth/keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, code_verifier: verifier, code_challenge_method: 'S256' }),
      });
      assert.deepEqual([again.status, await again.json()], [403, { error: { message: 'Invalid code.', code: 403 } }]);
    });

    test(`${which}: a form POST reaches the mock (its own answer, not the API's 415)`, async () => {
      const code = await codeFor(origin(), 'v'.repeat(43));
      const res = await send(`${origin()}/mock/openrouter/api/v1/auth/keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ code, code_verifier: 'v'.repeat(43), code_challenge_method: 'S256' }).toString(),
      });
      assert.deepEqual([res.status, await res.json()], [400, { error: { message: 'Invalid JSON.', code: 400 } }]);
    });

    test(`${which}: Cohere's POST check, with a JSON body, a form body or none`, async () => {
      for (const [type, body] of [
        ['application/json', '{}'],
        ['application/x-www-form-urlencoded', 'a=b'],
        [undefined, undefined],
      ] as const) {
        const res = await send(`${origin()}/mock/cohere/v1/check-api-key`, {
          method: 'POST',
          headers: { authorization: `Bearer ${testKeys.cohere.VALID}`, ...(type && { 'content-type': type }) },
          body,
        });
        assert.equal(res.status, 200, String(type));
        assert.equal((await res.json()).valid, true);
      }
    });

    test(`${which}: the API keeps its own rules (JSON only, 415 for a form)`, async () => {
      const res = await send(`${origin()}/api/credentials`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' });
      assert.equal(res.status, 415);
      assert.equal((await res.json()).error.field, 'body');
    });

    test(`${which}: the mock's 404 never repeats the path (it may hold a key)`, async () => {
      const key = testKeys.openai.VALID;
      for (const path of [`/mock/openai/${key}`, `/mock/openai/v1/models/${encodeURIComponent(key)}`, `/mock/xai/v1/${key}?k=${key}`]) {
        const res = await send(`${origin()}${path}`, { headers: { authorization: `Bearer ${testKeys.openai.VALID}` } });
        const text = await res.text();
        assert.equal(res.status, 404, path);
        assert.ok(!text.includes(key) && !text.includes(key.slice(0, 24)), `${path}: ${text}`);
      }
    });
  }
});

describe('the Vite plugin', () => {
  test('a refused open is not kept: the next request opens again', async () => {
    let attempts = 0;
    const { vite, origin } = await startVite({
      dataDir: join(dir, 'unused'),
      open: async (options) => {
        if (++attempts === 1) throw new StartError('Refusing to start: a test says no.');
        return onFolder(options);
      },
    });
    try {
      const refused = await send(`${origin}/api/credentials`);
      assert.equal(refused.status, 503);
      assert.match((await refused.json()).error.message, /a test says no/);
      const opened = await send(`${origin}/api/credentials`);
      assert.equal(opened.status, 200);
      assert.equal(attempts, 2);
    } finally {
      await vite.close();
    }
  });

  test('close() resolves once the app is closed and the data folder released: the folder opens again at once, in the same process', async () => {
    // Its own data folder (and database), opened by the plugin as `npm start` opens .data.
    const own = await newFolder();
    const env = own.env({ CREDENTIAL_MASTER_KEY: MASTER });
    try {
      for (let round = 0; round < 2; round++) {
        const { vite, origin } = await startVite({ dataDir: own.dataDir, env });
        try {
          const res = await send(`${origin}/api/credentials`, {}, 60_000);
          assert.equal(res.status, 200, `round ${round}: ${await res.clone().text()}`);
        } finally {
          await vite.close();
        }
        // As e2e's next Vite on the same folder: never "in use by" this process.
        const again = await openDataFolder({ env, dataDir: own.dataDir });
        await again.close();
      }
    } finally {
      await own.remove();
    }
  });

  test('plain Node, no TypeScript loader to be had: Vite bundles the plugin with its config, and a new database runs every migration', async () => {
    const own = await newFolder();
    const root = join(dir, 'plain');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>plain</title>');
    const plugin = resolve('server/vite-plugin.ts');
    writeFileSync(join(root, 'vite.config.mjs'), `import { credentialServer } from ${JSON.stringify(plugin)};\nexport default { plugins: [credentialServer()] };\n`);
    // Run with \`-e\` in the project's folder, so that 'vite' resolves from its node_modules.
    const main = `const { createServer } = await import('vite');
const vite = await createServer({ configFile: ${JSON.stringify(join(root, 'vite.config.mjs'))}, root: ${JSON.stringify(root)}, cacheDir: ${JSON.stringify(join(root, '.vite'))}, logLevel: 'silent', optimizeDeps: { noDiscovery: true, include: [] }, server: { port: 0, host: '127.0.0.1', hmr: false, watch: null } });
await vite.listen();
const origin = 'http://127.0.0.1:' + vite.httpServer.address().port;
const list = await fetch(origin + '/api/credentials');
const saved = await fetch(origin + '/api/credentials', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider: 'openai', name: 'Plain', apiKey: ${JSON.stringify(testKeys.openai.VALID)} }) });
console.log(JSON.stringify({ list: list.status, saved: saved.status, body: await saved.text() }));
await vite.close();
`;
    const env = childEnv(own, { CREDENTIAL_MASTER_KEY: MASTER, CREDENTIAL_DATA_DIR: own.dataDir, NODE_OPTIONS: '' });
    // tsx cannot even be imported: the migrations must come with the bundle, not from a loader.
    const resolveHook = 'export async function resolve(s, c, next) { if (s === "tsx" || s.startsWith("tsx/") || s.includes("/node_modules/tsx/")) throw new Error("no tsx here"); return next(s, c); }';
    const noTsx = `data:text/javascript,import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${resolveHook}`)});`;
    const child = spawnSync(process.execPath, ['--import', noTsx, '--input-type=module', '-e', main], { cwd: process.cwd(), env, encoding: 'utf8', timeout: 120_000 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    assert.equal(child.status, 0, `${child.stdout}\n${child.stderr}`);
    const out = JSON.parse(line);
    assert.equal(out.list, 200, line);
    assert.equal(out.saved, 201, line);
    assert.ok(!child.stdout.includes(testKeys.openai.VALID) && !child.stderr.includes(testKeys.openai.VALID));
    await own.remove();
  });
});
