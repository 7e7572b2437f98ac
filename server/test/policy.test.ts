// The server's check may not reach its own network (SSRF). The policy as a pure table, and
// the whole path against loopback targets only (127.0.0.2 here, never a packet elsewhere).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { handleMockApi } from '../../test/mock-api.mjs';
import { testKeys } from '../../test/test-keys.mjs';
import { blockedReason, ipLiteral } from '../address-policy.js';
import { openApp, type App } from '../api.js';

describe('address policy (pure)', () => {
  const blocked: Array<[string, RegExp]> = [
    ['127.0.0.1', /loopback/],
    ['[::1]', /loopback/],
    ['169.254.169.254', /link-local \(cloud metadata\)/],
    ['10.0.0.1', /private/],
    ['172.16.5.4', /private/],
    ['192.168.1.1', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['0.0.0.0', /this network/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /reserved or broadcast/],
    ['fd00::1', /unique local/],
    ['fe80::1', /link-local/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:7f00:1', /loopback/],
    ['::ffff:169.254.169.254', /metadata/],
    ['64:ff9b::a9fe:a9fe', /metadata/],
    ['2130706433', /loopback/],
    ['0177.0.0.1', /loopback/],
    ['0x7f.1', /loopback/],
    ['0x7f000001', /loopback/],
    ['017700000001', /loopback/],
    ['2852039166', /metadata/],
  ];
  for (const [host, reason] of blocked) {
    test(`refuses ${host}`, () => {
      const ip = ipLiteral(host);
      assert.ok(ip, `${host} is an IP literal`);
      assert.match(blockedReason(ip!) ?? 'allowed', reason);
    });
  }
  for (const host of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
    test(`allows ${host}`, () => assert.equal(blockedReason(ipLiteral(host)!), undefined));
  }
  test('a host name is no IP literal', () => {
    assert.equal(ipLiteral('api.openai.com'), undefined);
    assert.equal(ipLiteral('localhost'), undefined);
  });
});

describe('the server check refuses targets it may not reach (loopback only)', () => {
  let app: App;
  let server: Server;
  let origin = '';
  let internal: Server;
  let internalHits = 0;
  let dataDir = '';
  const resolved: string[] = [];

  before(async () => {
    // An "internal" service on 127.0.0.2, which no check may reach: it counts every request.
    internal = createServer((_req, res) => {
      internalHits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    });
    await new Promise<void>((r) => internal.listen(0, '127.0.0.2', r));
    dataDir = mkdtempSync(join(tmpdir(), 'credential-policy-'));
    app = await openApp({
      env: { CREDENTIAL_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'), DATABASE_URL: process.env.DATABASE_URL },
      dataDir,
      // Injected DNS: these names point at loopback addresses; nothing is looked up for real.
      resolve: async (host) => {
        resolved.push(host);
        if (host === 'internal.example') return [{ address: '127.0.0.2', family: 4 }];
        if (host === 'mixed.example') return [{ address: '93.184.216.34', family: 4 }, { address: '10.1.2.3', family: 4 }];
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      },
    });
    server = createServer((req, res) => {
      // The allowed mock, plus a route that redirects to the internal service.
      if (req.url?.startsWith('/redirect/')) {
        res.writeHead(302, { location: `http://127.0.0.2:${(internal.address() as AddressInfo).port}/v1/models` }).end();
        return;
      }
      if (handleMockApi(req, res)) return;
      void app.handle(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app.allow(origin.slice(7));
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    await new Promise((r) => internal.close(r));
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // https: the field's own rule refuses plain http to a host that is not local, before any
  // network policy; these targets get past it and must be stopped by the policy.
  const check = async (baseUrl: string) => {
    const res = await fetch(`${origin}/api/credentials/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'openai-compatible', apiKey: testKeys['openai-compatible'].VALID, fields: { baseUrl } }),
    });
    assert.equal(res.status, 200);
    return res.json();
  };

  test('an address on loopback that the allow-list does not name', async () => {
    const port = (internal.address() as AddressInfo).port;
    const r = await check(`https://127.0.0.2:${port}/v1`);
    assert.equal(r.ok, false);
    assert.equal(r.unreachable, true);
    assert.match(r.message, /the server may not contact that address: 127\.0\.0\.2 is on loopback/);
  });

  test('a host name that resolves to it', async () => {
    const port = (internal.address() as AddressInfo).port;
    const r = await check(`https://internal.example:${port}/v1`);
    assert.match(r.message, /internal\.example is on loopback \(127\.0\.0\.2\)/);
    assert.ok(resolved.includes('internal.example'));
  });

  test('a host name with one public and one private address', async () => {
    const r = await check('https://mixed.example/v1');
    assert.match(r.message, /mixed\.example is on a private network \(10\.1\.2\.3\)/);
  });

  test('the cloud metadata address, spelled in decimal', async () => {
    const r = await check('https://2852039166/latest');
    assert.match(r.message, /metadata/);
  });

  test('a redirect from the allowed server to it is not followed', async () => {
    const r = await check(`${origin}/redirect/v1`);
    assert.equal(r.unreachable, true);
    assert.match(r.message, /redirect/);
  });

  test('the allowed mock itself works, and the internal service was never contacted', async () => {
    const r = await check(`${origin}/mock/openai-compatible/v1`);
    assert.deepEqual(r, { ok: true });
    assert.equal(internalHits, 0);
  });
});
