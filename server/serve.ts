/**
 * `npm run serve`: the built demo (dist-demo/, from `vite build --mode demo`) with the API and
 * the providers' mock, standalone, on 127.0.0.1 (PORT, default 4173). Production-like: no
 * Vite. Every request goes through the API's Fastify instance (demo-routes.ts adds the mock
 * and the files), so a malformed path or request target is a 400, never a stopped process.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { join, resolve } from 'node:path';
import { mockBase } from '../test/test-keys.mjs';
import { openApp, type App } from './api.js';
import { demoRoutes } from './demo-routes.js';

const BAD_REQUEST = JSON.stringify({ error: { field: 'body', message: 'The request could not be read.' } });

/**
 * A request Node's parser refused (a broken request line, an unknown method, a header too
 * large, a lie in Content-Length): answered in the API's shape when the socket still can,
 * else dropped. Never thrown.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable || (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(BAD_REQUEST)}\r\nconnection: close\r\n\r\n${BAD_REQUEST}`);
}

/** CONNECT (a proxy's method): this is no proxy. Without this, Node drops the connection unanswered. */
export function refuseConnect(_req: IncomingMessage, socket: Duplex): void {
  const body = JSON.stringify({ error: { field: 'body', message: 'CONNECT is not allowed: this server is no proxy.' } });
  socket.on('error', () => {});
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\nallow: GET, HEAD, POST, PATCH, DELETE\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

/** The standalone server around `app` (opened with `demoRoutes`), not yet listening: tests listen on port 0. */
export function createDemoServer(app: App): Server {
  const server = createServer((req, res) => void app.handle(req, res));
  // A slow client (slowloris) is cut off rather than holding a socket for minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on('clientError', answerClientError);
  server.on('connect', refuseConnect);
  return server;
}

async function main() {
  const root = resolve(process.env.DEMO_DIR ?? 'dist-demo');
  const dataDir = resolve(process.env.CREDENTIAL_DATA_DIR ?? '.data');
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`No built demo in ${root}: run \`npx vite build --mode demo\` first (npm run serve does).`);
    process.exit(1);
  }
  let origin = '';
  let app: App;
  try {
    app = await openApp({
      dataDir,
      log: (line) => console.log(`[api] ${line}`),
      checkBase: (preset) => mockBase(preset, origin),
      extend: demoRoutes({ root }),
    });
  } catch (error) {
    // A refused start is one line that says what is wrong and how to fix it.
    console.error((error as Error).message);
    process.exit(1);
  }
  const server = createDemoServer(app);
  server.listen(Number(process.env.PORT ?? 4173), '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    // The check may reach the demo's own mock, on this server.
    for (const host of ['127.0.0.1', 'localhost']) app.allow(`${host}:${port}`);
    console.log(`Demo with its server: ${origin}/ (data in ${dataDir})`);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.close();
      void app.close().then(() => process.exit(0));
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]).endsWith(join('server', 'serve.ts'))) await main();
