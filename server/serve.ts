/**
 * `npm run serve`: the built demo (dist-demo/, from `vite build --mode demo`) with the API and
 * the providers' mock, standalone, on 127.0.0.1 (PORT, default 4173). Production-like: no Vite.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { handleMockApi } from '../test/mock-api.mjs';
import { mockBase } from '../test/test-keys.mjs';
import { openApp } from './api.js';

const root = resolve(process.env.DEMO_DIR ?? 'dist-demo');
const dataDir = resolve(process.env.CREDENTIAL_DATA_DIR ?? '.data');
if (!existsSync(join(root, 'index.html'))) {
  console.error(`No built demo in ${root}: run \`npx vite build --mode demo\` first (npm run serve does).`);
  process.exit(1);
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

let origin = '';
const app = await openApp({
  dataDir,
  log: (line) => console.log(`[api] ${line}`),
  checkBase: (preset) => mockBase(preset, origin),
});

const server = createServer((req, res) => {
  if (handleMockApi(req, res)) return;
  void app.handle(req, res, () => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, path.endsWith('.html') ? path : 'index.html');
    if (!existsSync(file)) file = join(root, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      // The overlay runs under a strict policy with Trusted Types; the mock is on this origin.
      'content-security-policy': "default-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html",
    });
    createReadStream(file).pipe(res);
  });
});
server.listen(Number(process.env.PORT ?? 4173), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  for (const host of ['127.0.0.1', 'localhost']) app.allow(`${host}:${port}`);
  console.log(`Demo with its server: ${origin}/ (data in ${dataDir})`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().then(() => process.exit(0));
  });
}
