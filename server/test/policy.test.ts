// The server's check may not reach its own network (SSRF). The policy as a pure table, and
// the whole path against loopback targets only (127.0.0.2 here, never a packet elsewhere).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testKeys } from '../../test/test-keys.mjs';
import { blockedReason, ipLiteral } from '../address-policy.js';
import { openApp, type App } from '../api.js';
import { demoRoutes } from '../demo-routes.js';
import { parseAllowedHosts, parseCheckAllow } from '../hosts.js';
import { testEnv } from './harness.js';

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
    // Issue 22: the ranges the policy missed, and IPv4 carried inside IPv6 in every form.
    ['::ffff:0:7f00:1', /loopback/],
    ['0:0:0:0:0:ffff:10.1.2.3', /private/],
    ['::FFFF:A9FE:A9FE', /metadata/],
    ['::127.0.0.1', /loopback/],
    ['64:ff9b:1::1', /local-use NAT64/],
    ['64:ff9b:1:abcd::808:808', /local-use NAT64/],
    ['2002:7f00:1::1', /loopback/],
    ['2002:a9fe:a9fe::', /metadata/],
    ['2001:0:7f00:1::1', /loopback/],
    ['2001:0:808:808::f5ff:fffe', /private/],
    ['fec0::1', /site-local/],
    ['100::1', /discard-only/],
    ['100::ffff:ffff:ffff:ffff', /discard-only/],
    ['192.0.2.1', /documentation/],
    ['198.51.100.7', /documentation/],
    ['203.0.113.9', /documentation/],
    ['192.88.99.1', /6to4 relay/],
    ['3fff::1', /documentation/],
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
  for (const host of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:808:808::1', '2001:0:808:808::f7f7:f7f7', '64:ff9b::808:808', '100:0:0:1::1', '192.0.3.1', '203.0.114.1', '198.51.101.1']) {
    test(`allows ${host}`, () => assert.equal(blockedReason(ipLiteral(host)!), undefined));
  }
  test('a host name is no IP literal', () => {
    assert.equal(ipLiteral('api.openai.com'), undefined);
    assert.equal(ipLiteral('localhost'), undefined);
  });
});

describe('host names and check targets from the environment', () => {
  test('CREDENTIAL_ALLOWED_HOSTS: names, comma-separated; anything else is a one-line error', () => {
    assert.deepEqual(parseAllowedHosts(' Credentials.Example.com, vault.internal ,'), ['credentials.example.com', 'vault.internal']);
    assert.deepEqual(parseAllowedHosts(undefined), []);
    for (const bad of ['example.com:8080', 'https://example.com', 'a b', '-x.example']) assert.throws(() => parseAllowedHosts(bad), /CREDENTIAL_ALLOWED_HOSTS: .* is not a host name/);
  });
  test('CREDENTIAL_CHECK_ALLOW: host:port entries; anything else is a one-line error', () => {
    assert.deepEqual(parseCheckAllow('localhost:11434, [::1]:8000,LM.local:1234'), ['localhost:11434', '[::1]:8000', 'lm.local:1234']);
    for (const bad of ['localhost', 'localhost:99999', 'http://localhost:11434', ':80']) assert.throws(() => parseCheckAllow(bad), /CREDENTIAL_CHECK_ALLOW: .* is not host:port/);
  });
});

describe('the server check refuses targets it may not reach (loopback only)', () => {
  let app: App;
  let server: Server;
  let origin = '';
  let internal: Server;
  const internalHits: string[] = [];
  let dataDir = '';
  const resolved: string[] = [];
  const TIMEOUT_MS = 400;

  before(async () => {
    // An "internal" service on 127.0.0.2, which no check may reach unless CREDENTIAL_CHECK_ALLOW
    // names it (as ollama.local): it records the Host of every request.
    internal = createServer((req, res) => {
      internalHits.push(req.headers.host ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    });
    await new Promise<void>((r) => internal.listen(0, '127.0.0.2', r));
    const port = (internal.address() as AddressInfo).port;
    dataDir = mkdtempSync(join(tmpdir(), 'credential-policy-'));
    app = await openApp({
      env: testEnv({ CREDENTIAL_CHECK_ALLOW: `ollama.local:${port}` }),
      dataDir,
      extend: demoRoutes(),
      limits: { checkTimeoutMs: TIMEOUT_MS, checksPerClient: 1000, checksPerCredential: 1000 },
      // Injected DNS: these names point at loopback addresses; nothing is looked up for real.
      resolve: async (host) => {
        resolved.push(host);
        if (host === 'internal.example' || host === 'ollama.local') return [{ address: '127.0.0.2', family: 4 }];
        if (host === 'mixed.example') return [{ address: '93.184.216.34', family: 4 }, { address: '10.1.2.3', family: 4 }];
        // A DNS server that does not answer (within the test).
        if (host === 'slow-dns.example') return new Promise((r) => setTimeout(() => r([{ address: '93.184.216.34', family: 4 }]), 3000));
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      },
    });
    server = createServer((req, res) => {
      // A route that redirects to the internal service; everything else is the app (and its mock).
      if (req.url?.startsWith('/redirect/')) {
        res.writeHead(302, { location: `http://127.0.0.2:${port}/v1/models` }).end();
        return;
      }
      void app.handle(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app.allow(origin.slice(7));
  });
  after(async () => {
    // Whatever before() got to: a server left listening would keep this file's process alive.
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    await new Promise((r) => (internal ? internal.close(r) : r(undefined)));
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
    assert.match(r.message, /127\.0\.0\.2 is an address the server may not contact \(loopback\)/);
  });

  test('a host name that resolves to it: the message names the host, never the address it resolved to', async () => {
    const port = (internal.address() as AddressInfo).port;
    const r = await check(`https://internal.example:${port}/v1`);
    assert.match(r.message, /internal\.example resolves to a private network address, which the server may not contact/);
    assert.doesNotMatch(r.message, /127\.0\.0\.2/);
    assert.ok(resolved.includes('internal.example'));
  });

  test('a host name with one public and one private address', async () => {
    const r = await check('https://mixed.example/v1');
    assert.match(r.message, /mixed\.example resolves to a private network address/);
    assert.doesNotMatch(r.message, /10\.1\.2\.3|93\.184/);
  });

  test('the cloud metadata address, spelled in decimal', async () => {
    const r = await check('https://2852039166/latest');
    assert.match(r.message, /metadata/);
  });

  test('the deadline covers DNS: a resolver that does not answer ends the check in time', async () => {
    const started = Date.now();
    const r = await check('https://slow-dns.example/v1');
    assert.ok(Date.now() - started < TIMEOUT_MS + 1500, `took ${Date.now() - started} ms`);
    assert.equal(r.unreachable, true);
    assert.match(r.message, /no answer within 0\.4 seconds/);
  });

  test('a redirect from the allowed server to it is not followed', async () => {
    const r = await check(`${origin}/redirect/v1`);
    assert.equal(r.unreachable, true);
    assert.match(r.message, /redirect/);
  });

  test('CREDENTIAL_CHECK_ALLOW lets the check reach a local model server it names, and only that', async () => {
    const port = (internal.address() as AddressInfo).port;
    assert.equal((await check(`http://ollama.local:${port}/v1`)).ok, true);
    assert.deepEqual(internalHits, [`ollama.local:${port}`]);
    // The same address under another name, or another port of that name, stays refused.
    assert.match((await check(`http://ollama.local:${port + 1}/v1`)).message, /may not contact/);
  });

  test('the allowed mock itself works, and the internal service was never contacted otherwise', async () => {
    const r = await check(`${origin}/mock/openai-compatible/v1`);
    assert.equal(r.ok, true);
    assert.ok(internalHits.every((h) => h.startsWith('ollama.local:')), internalHits.join());
  });
});
