// `npm run serve` as a user starts it (node server/serve.ts, a process of its own, on a built
// demo), sent what stopped it in issue 22 (a malformed escape, a request target of `http://[`)
// and what a file server must refuse. It must answer each with a 4xx and keep serving.
// Talks only to its own loopback port.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { testKeys } from '../../test/test-keys.mjs';
import { rawHttp, testEnv } from './harness.js';

let child: ChildProcess;
let port = 0;
let output = '';
const dir = mkdtempSync(join(tmpdir(), 'credential-serve-'));

before(async () => {
  const demo = join(dir, 'demo');
  mkdirSync(demo);
  writeFileSync(join(demo, 'index.html'), '<!doctype html><title>the demo</title>');
  writeFileSync(join(demo, 'app.js'), 'export const app = 1;');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts'], {
    env: { ...process.env, ...testEnv(), DEMO_DIR: demo, CREDENTIAL_DATA_DIR: join(dir, 'data'), PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.ts did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const m = /Demo with its server: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', () => reject(new Error(`serve.ts exited:\n${output}`)));
  });
});
after(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

const get = (target: string, headers = 'Host: localhost\r\n') => rawHttp(port, `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`);
const alive = async () => {
  assert.equal(child.exitCode, null, `serve.ts stopped:\n${output}`);
  assert.equal((await get('/api/credentials')).status, 200, 'still serving');
};

for (const target of ['/%', 'http://[', '/api/credentials/%', '/%E0%A4%A', 'http://a:b/api/credentials', '/api/credentials/%zz']) {
  test(`GET ${target}: 400 in the API's shape, and the process keeps serving`, async () => {
    const r = await get(target);
    assert.equal(r.status, 400, r.text);
    assert.match(r.text, /"error":\{"field":"\w+","message":"[^"]+"\}/);
    await alive();
  });
}

test('GET //[ and GET *: the page, as any other path; the process keeps serving', async () => {
  for (const target of ['//[', '*', '//evil.example/x']) assert.match((await get(target)).text, /<title>the demo<\/title>/, target);
  await alive();
});

test('a request Node cannot parse (a broken request line, an unknown method, a lying Content-Length): 400, still serving', async () => {
  for (const raw of ['GARBAGE\r\n\r\n', 'FOO / HTTP/1.1\r\nHost: localhost\r\n\r\n', 'GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n']) {
    const r = await rawHttp(port, raw);
    assert.equal(r.status, 400, JSON.stringify(raw));
  }
  await alive();
});

test('files: the demo, with its Content-Security-Policy; nothing outside it', async () => {
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.match(page.text, /content-security-policy: default-src 'self'; .*require-trusted-types-for 'script'/i);
  assert.match(page.text, /<title>the demo<\/title>/);
  assert.match((await get('/app.js')).text, /content-type: text\/javascript/i);
  for (const target of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/app.js%00.html', '/nothing-here']) {
    const r = await get(target);
    assert.equal(r.status, 200, target);
    assert.doesNotMatch(r.text, /not for the web/, target);
    assert.match(r.text, /<title>the demo<\/title>/, `${target}: the page, as any unknown path`);
  }
  await alive();
});

test('the mock, on the same rules: its own answers, and 403 for another Host', async () => {
  const ok = await get('/mock/openai/v1/models', `Host: 127.0.0.1:${port}\r\nAuthorization: Bearer ${testKeys.openai.VALID}\r\n`);
  assert.equal(ok.status, 200);
  assert.equal((await get('/mock/openai/v1/models', 'Host: evil.example\r\n')).status, 403);
  assert.equal((await get('/api/credentials', 'Host: evil.example\r\n')).status, 403);
  await alive();
});
