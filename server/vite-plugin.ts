/**
 * Mounts the demo host's API (and the providers' mock) on Vite's dev server, for `npm start`.
 * The database opens on the first API request; its data folder is `.data/` (or
 * CREDENTIAL_DATA_DIR), its master key `.data/master.key` (or CREDENTIAL_MASTER_KEY).
 */
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Plugin } from 'vite';
import { handleMockApi } from '../test/mock-api.mjs';
import { mockBase } from '../test/test-keys.mjs';
import { openApp, type App } from './api.js';

export const DATA_DIR = resolve(process.env.CREDENTIAL_DATA_DIR ?? '.data');

export function credentialServer(): Plugin {
  return {
    name: 'credential-overlay-demo-server',
    configureServer(server) {
      let app: Promise<App> | undefined;
      let origin = '';
      server.httpServer?.once('listening', () => {
        const { port } = server.httpServer!.address() as AddressInfo;
        origin = `http://127.0.0.1:${port}`;
      });
      const open = () =>
        (app ??= openApp({
          dataDir: DATA_DIR,
          log: (line) => server.config.logger.info(`[api] ${line}`, { timestamp: true }),
          // The demo's server checks against its own mock, which is on this server.
          checkBase: (preset) => (origin ? mockBase(preset, origin) : undefined),
        }).then((a) => {
          const port = origin.split(':').pop();
          for (const host of ['127.0.0.1', 'localhost', '[::1]']) a.allow(`${host}:${port}`);
          return a;
        }));
      server.httpServer?.once('close', () => void app?.then((a) => a.close()));
      server.middlewares.use((req, res, next) => {
        if (handleMockApi(req, res)) return;
        if (!req.url?.startsWith('/api/')) return next();
        open().then(
          (a) => a.handle(req, res, next),
          (error: Error) => {
            server.config.logger.error(`[api] could not start: ${error.message}`);
            res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { field: 'body', message: `The demo's server could not start: ${error.message}` } }));
          },
        );
      });
    },
  };
}
