/**
 * The demo host's API (contract sections 14 and 15): what a host's server should do with
 * `credential-saved`. Fastify does the HTTP: URL and percent-escape parsing, the body limit,
 * content types, prototype-safe JSON, schema validation with unknown members refused, rate
 * counters. This module puts the rules in front of the routes (routes.ts): who may ask (Host,
 * Origin, owner), and that every refusal is a 4xx with `{ error: { field, message } }`.
 *
 * `createApp` builds it on an open database and keyring; `openApp` opens the data folder (or
 * DATABASE_URL) first. Either serves under Vite's dev server (vite-plugin.ts) or standalone
 * (serve.ts) through `handle(req, res)`.
 */
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCheck } from './checker.js';
import type { Keyring } from './crypto.js';
import { openDataFolder, StartError } from './data-folder.js';
import type { Database } from './db.js';
import { hostAllowed, parseAllowedHosts, parseCheckAllow, sameOrigin } from './hosts.js';
import { HttpError } from './input.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import type { Resolver } from './outbound.js';
import { credentialRoutes } from './routes.js';
import { AJV_OPTIONS, validationError } from './schemas.js';
import { DuplicateName, LOCAL_OWNER, Store } from './store.js';

/**
 * Who is asking: the owner's id (a non-empty string of at most 200 characters), or
 * `undefined`/`null` to refuse (401). A throw refuses too. A real host reads its session here.
 */
export type Identify = (request: FastifyRequest) => string | undefined | null | Promise<string | undefined | null>;

export interface AppOptions {
  db: Database;
  keys: Keyring;
  /** The request's owner; by default every request is the one local owner (the demo's). */
  identify?: Identify;
  /** Host names answered besides localhost, 127.0.0.1 and [::1] (CREDENTIAL_ALLOWED_HOSTS), without a port. */
  allowedHosts?: Iterable<string>;
  /** `host:port` pairs the server's check may reach whatever their address (CREDENTIAL_CHECK_ALLOW, the demo's mock). */
  checkAllow?: Iterable<string>;
  /** One line per request: method, route, status, duration; and the kind of a server failure. Never a body, a header, a path or a key. */
  log?: (line: string) => void;
  /** DNS for the check (tests inject one; nothing is looked up for real there). */
  resolve?: Resolver;
  /** Where a preset's check goes instead of its own base URL (the demo: its mock). */
  checkBase?: (preset: string) => string | undefined;
  /** The abuse limits; the contract's numbers by default (DEFAULT_LIMITS). */
  limits?: Partial<Limits>;
  /** More routes at the root, under the same Host rule and error shape (the demo's mock and static files). */
  extend?: (fastify: FastifyInstance) => void;
}

export interface App {
  /** The Fastify instance (routes, `inject` for tests). */
  fastify: FastifyInstance;
  /** Serves one of Node's requests; never rejects. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  store: Store;
  /** The database, for maintenance and tests. */
  db: Database;
  /** Names a `host:port` the check may reach (the server's own, once it listens). */
  allow(hostPort: string): void;
  close(): Promise<void>;
}

const SERVER_FAILURE = 'The server could not do this. Try again later.';

/** Fastify's own errors, by code, as the API's answers. */
const FRAMEWORK: Record<string, [number, string, string]> = {
  FST_ERR_BAD_URL: [400, 'path', 'The address is not valid (a malformed percent-escape).'],
  FST_ERR_MAX_PARAM_LENGTH: [404, 'path', 'No such address.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'body', 'Send JSON, with Content-Type: application/json.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'body', 'The body is not valid JSON (or it has a __proto__ or constructor.prototype member).'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'body', 'The body is empty: send a JSON object.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'body', 'The body does not match its Content-Length.'],
};

/** Any error as `HttpError`; `undefined` for a failure of the server itself (500). */
function answerOf(error: unknown, limits: Limits): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof DuplicateName) return new HttpError(409, 'name', 'A credential with this name already exists for this provider.');
  const e = error as FastifyError;
  if (e?.validation) return validationError(e);
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new HttpError(413, 'body', `The body is larger than ${Math.round(limits.bodyBytes / 1024)} KB.`);
  const known = typeof e?.code === 'string' && Object.hasOwn(FRAMEWORK, e.code) ? FRAMEWORK[e.code] : undefined;
  if (known) return new HttpError(...known);
  // Any other client error of Fastify's: its status, never its message (it may quote the request).
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return new HttpError(e.statusCode, 'body', 'The request is not valid.');
  return undefined;
}

const API_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function createApp(options: AppOptions): App {
  const { db, keys } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const store = new Store(db, keys);
  const allow = new Set([...(options.checkAllow ?? [])].map((h) => h.toLowerCase()));
  const allowedHosts = new Set([...(options.allowedHosts ?? [])].map((h) => h.toLowerCase()));
  const log = options.log ?? (() => {});
  const identify = options.identify ?? (() => LOCAL_OWNER);
  const owners = new WeakMap<FastifyRequest, string>();

  /** Any error as the API's answer; a failure of the server itself is logged by its kind only. */
  function answer(error: unknown, reply: FastifyReply) {
    let result = answerOf(error, limits);
    if (!result) {
      // The kind of failure only: never a key, a body or a stack with values in it.
      const e = error as Error;
      log(`error: ${e?.name === 'DecryptError' ? `decryption failed: ${e.message}` : (e?.name ?? 'unknown')}`);
      result = new HttpError(500, 'body', SERVER_FAILURE);
    }
    return reply
      .code(result.statusCode)
      .headers({ ...API_HEADERS, ...result.headers })
      .send({ error: { field: result.field, message: result.message } });
  }

  const fastify = Fastify({
    ajv: { customOptions: AJV_OPTIONS },
    bodyLimit: limits.bodyBytes,
    routerOptions: { maxParamLength: 500 },
    // Errors found before routing (a malformed escape): the same shape.
    frameworkErrors: (error, request, res) => {
      log(`${request.method} (bad address) ${answerOf(error, limits)?.statusCode ?? 500}`);
      return answer(error, res);
    },
  });

  // JSON only, strictly UTF-8, through Fastify's prototype-safe parser.
  fastify.removeAllContentTypeParsers();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, raw, done) => {
    let text: string;
    try {
      text = utf8.decode(raw as Buffer);
    } catch {
      done(new HttpError(400, 'body', 'The body is not valid UTF-8.'), undefined);
      return;
    }
    parseJson(request, text, done);
  });

  fastify.setErrorHandler((error, _request, res) => answer(error, res));
  fastify.setNotFoundHandler((_request, res) => answer(new HttpError(404, 'path', 'No such address.'), res));

  // DNS rebinding: a hostile page's own name resolving to this machine is not this machine.
  fastify.addHook('onRequest', async (request) => {
    if (!hostAllowed(request.headers.host, allowedHosts)) {
      throw new HttpError(403, 'body', 'This server answers only to its own host names (localhost, or a name in CREDENTIAL_ALLOWED_HOSTS).');
    }
  });
  fastify.addHook('onResponse', async (request, res) => {
    // The route's pattern, never the path the client sent (it may hold anything, a key too).
    log(`${request.method} ${request.routeOptions.url ?? '(no route)'} ${res.statusCode} ${Math.round(res.elapsedTime)}ms`);
  });

  void fastify.register(rateLimit, { global: false });
  void fastify.register(
    async (api) => {
      api.addHook('onRequest', async (request, res) => {
        res.headers(API_HEADERS);
        if (request.method !== 'GET' && request.method !== 'HEAD' && !sameOrigin(request.headers)) {
          throw new HttpError(403, 'body', 'Requests from another origin may not change credentials.');
        }
        let owner: string | undefined | null;
        try {
          owner = await identify(request);
        } catch (error) {
          log(`identify refused: ${(error as Error)?.name ?? 'unknown'}`);
          owner = undefined;
        }
        if (typeof owner !== 'string' || !owner || owner.length > 200) throw new HttpError(401, 'body', 'Sign in to use the credential store.');
        owners.set(request, owner);
      });
      // A request without a JSON body where one is needed: 415, as one with another type.
      api.addHook('preValidation', async (request) => {
        if (request.routeOptions.schema?.body && request.body === undefined) throw new HttpError(415, 'body', FRAMEWORK.FST_ERR_CTP_INVALID_MEDIA_TYPE[2]);
      });
      const check = createCheck(api, { allow, resolve: options.resolve, checkBase: options.checkBase, limits });
      credentialRoutes(api, { store, check, ownerOf: (request) => owners.get(request)! });
    },
    { prefix: '/api' },
  );
  options.extend?.(fastify);

  return {
    fastify,
    store,
    db,
    allow: (hostPort) => void allow.add(hostPort.toLowerCase()),
    close: async () => {
      await fastify.close();
      await db.close();
    },
    async handle(req, res) {
      try {
        await fastify.ready();
      } catch (error) {
        log(`error: the API could not start: ${(error as Error)?.name ?? 'unknown'}`);
        if (!res.headersSent) res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', ...API_HEADERS });
        res.end(JSON.stringify({ error: { field: 'body', message: SERVER_FAILURE } }));
        return;
      }
      fastify.routing(req, res);
    },
  };
}

export interface OpenOptions extends Omit<AppOptions, 'db' | 'keys'> {
  /** CREDENTIAL_MASTER_KEY, DATABASE_URL, CREDENTIAL_ALLOWED_HOSTS, CREDENTIAL_CHECK_ALLOW; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  dataDir: string;
}

/**
 * Opens the data folder (or DATABASE_URL) and the master key, and returns the app, with the
 * host names and check targets of the environment added to those of `options`. A bad setting
 * is a `StartError` with one line that says which and how to fix it.
 */
export async function openApp(options: OpenOptions): Promise<App> {
  const env = options.env ?? process.env;
  let allowedHosts: string[];
  let checkAllow: string[];
  try {
    allowedHosts = parseAllowedHosts(env.CREDENTIAL_ALLOWED_HOSTS);
    checkAllow = parseCheckAllow(env.CREDENTIAL_CHECK_ALLOW);
  } catch (error) {
    throw new StartError((error as Error).message);
  }
  const folder = await openDataFolder({ env, dataDir: options.dataDir });
  const app = createApp({
    ...options,
    db: folder.db,
    keys: folder.keys,
    allowedHosts: [...allowedHosts, ...(options.allowedHosts ?? [])],
    checkAllow: [...checkAllow, ...(options.checkAllow ?? [])],
  });
  return {
    ...app,
    close: async () => {
      await app.fastify.close();
      await folder.close();
    },
  };
}
