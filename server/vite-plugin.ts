/**
 * Mounts the demo host's API (and the providers' mock) on Vite's dev server, for `npm start`:
 * `/api/…` and `/mock/…` go to the API's Fastify instance, everything else to Vite. The
 * database opens on the first such request; its data folder is `.data/` (or
 * CREDENTIAL_DATA_DIR), its master key `.data/master.key` (or CREDENTIAL_MASTER_KEY).
 *
 * Vite's own request handling throws on a request target it cannot parse (`http://[`), which
 * stops the process; requests that are not in origin form are refused here before Vite sees
 * them. Host names in CREDENTIAL_ALLOWED_HOSTS are added to Vite's `server.allowedHosts`.
 *
 * Vite bundles this module with its config, the code migrations with it (db.ts imports them
 * statically), so plain Node runs it: no TypeScript loader is registered.
 *
 * The app opens on the first request; a refused start is answered 503 with its reason, and
 * the next request tries again (a fixed setting needs no restart of Vite). Closing Vite
 * closes the app and releases the data folder before `server.close()` resolves, so a Vite
 * started again on the same folder in the same process is not refused as "in use".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { mockBase } from '../test/test-keys.mjs';
import { openApp, type App, type OpenOptions } from './api.js';
import { demoRoutes } from './demo-routes.js';
import { LOOPBACK_NAMES, parseAllowedHosts } from './hosts.js';
import { answerClientError, refuseConnect } from './serve.js';

export interface CredentialServerOptions {
  /** The data folder; CREDENTIAL_DATA_DIR or `.data` by default. */
  dataDir?: string;
  /** The environment the server reads (CREDENTIAL_*, DATABASE_URL); `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** More options of the app: limits, identify, log (tests). */
  app?: Partial<Omit<OpenOptions, 'env' | 'dataDir'>>;
  /** Opens the app (`openApp` by default; a test hands in one on its own database). */
  open?: (options: OpenOptions) => Promise<App>;
}

const OURS = /^\/(?:api|mock)(?:[/?]|$)/;

/** A request target Vite can take: origin form (`/path`), not `//host…`, parseable as a URL. */
const viteCanParse = (target: string | undefined) =>
  target !== undefined && target.startsWith('/') && !target.startsWith('//') && URL.canParse(target, 'http://localhost');

const json = (res: ServerResponse, status: number, field: string, message: string) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify({ error: { field, message } }));

export function credentialServer(options: CredentialServerOptions = {}): Plugin {
  const env = options.env ?? process.env;
  const dataDir = resolve(options.dataDir ?? env.CREDENTIAL_DATA_DIR ?? '.data');
  /** The app once a request opened it (a refused open is forgotten: the next request tries again). */
  let app: Promise<App> | undefined;
  let closing: Promise<void> | undefined;
  /** Closes the app, once, however many of Vite's environments and events ask. */
  const close = () =>
    (closing ??= (async () => {
      const opened = app;
      app = undefined;
      const a = await opened?.catch(() => undefined);
      await a?.close();
    })());
  return {
    name: 'credential-overlay-demo-server',
    // Awaited by Vite's server.close() (each environment's plugin container), unlike the HTTP server's 'close' event.
    closeBundle: close,
    config() {
      let hosts: string[] = [];
      try {
        hosts = parseAllowedHosts(env.CREDENTIAL_ALLOWED_HOSTS);
      } catch {
        // openApp says what is wrong, on the first API request.
      }
      return hosts.length ? { server: { allowedHosts: hosts } } : undefined;
    },
    configureServer(server) {
      closing = undefined;
      let origin = '';
      const http = server.httpServer;
      if (http) {
        http.once('listening', () => {
          const { port } = http.address() as AddressInfo;
          origin = `http://127.0.0.1:${port}`;
        });
        // In front of Vite's own handler: a target it would throw on is a 400 here.
        const vite = http.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
        http.removeAllListeners('request');
        http.on('request', (req: IncomingMessage, res: ServerResponse) => {
          if (!viteCanParse(req.url)) return json(res, 400, 'path', 'The request target must be a path (/…).');
          for (const listener of vite) listener.call(http, req, res);
        });
        http.on('clientError', answerClientError);
        http.on('connect', refuseConnect);
      }
      const open = () => {
        if (closing) return Promise.reject(new Error('Vite is closing.'));
        if (app) return app;
        const opening = (options.open ?? openApp)({
          env,
          dataDir,
          log: (line) => server.config.logger.info(`[api] ${line}`, { timestamp: true }),
          // The demo's server checks against its own mock, which is on this server.
          checkBase: (preset) => (origin ? mockBase(preset, origin) : undefined),
          extend: demoRoutes(),
          ...options.app,
        }).then((a) => {
          const port = origin.split(':').pop();
          for (const host of LOOPBACK_NAMES) a.allow(`${host}:${port}`);
          return a;
        });
        app = opening;
        // A refusal is not kept: the next request opens again (after the setting is fixed).
        opening.catch(() => {
          if (app === opening) app = undefined;
        });
        return opening;
      };
      http?.once('close', () => void close());
      server.middlewares.use((req, res, next) => {
        if (!OURS.test(req.url ?? '')) return next();
        open().then(
          (a) => a.handle(req, res),
          (error: Error) => {
            server.config.logger.error(`[api] could not start: ${error.message}`);
            json(res, 503, 'body', `The demo's server could not start: ${error.message}`);
          },
        );
      });
    },
  };
}
