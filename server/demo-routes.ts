/**
 * What the demo serves besides the API, as routes of the same Fastify instance (so under the
 * same Host rule, URL parsing and error shape): the providers' mock (`/mock/…`, for the
 * demo's checks; test/mock-api.mjs) and, standalone, the built demo's files with the page's
 * Content-Security-Policy.
 *
 * The mock reads its requests as plain Node does (`handleMockApi(req, res)`), bodies too (the
 * connect flow's code exchange). So its routes live in a plugin of their own whose one
 * content-type parser takes any type and leaves the body unread: the API's JSON parser would
 * consume it first (the mock then waits for a body that never comes) or refuse a form (415).
 */
import type { FastifyInstance } from 'fastify';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { handleMockApi } from '../test/mock-api.mjs';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

// The overlay runs under a strict policy with Trusted Types; the mock is on this origin.
const CSP = "default-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html";

const NO_MOCK = JSON.stringify({ error: { field: 'path', message: 'No such address of the mock.' } });

/** The file under `root` that a path names, or `undefined` when it names none (or points outside). */
async function fileOf(root: string, path: string): Promise<string | undefined> {
  if (path.includes('\0')) return undefined;
  const file = resolve(root, `.${sep}${path}`);
  if (file !== root && !file.startsWith(`${root}${sep}`)) return undefined;
  try {
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** The mock always; the built demo's files when `root` is given (a page that is no file gets index.html). */
export function demoRoutes({ root }: { root?: string } = {}) {
  return (fastify: FastifyInstance) => {
    void fastify.register(async (mock) => {
      // Encapsulated: the API keeps its JSON-only parser; here the body stays in the stream.
      mock.removeAllContentTypeParsers();
      mock.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
      mock.all('/mock/*', async (request, reply) => {
        reply.hijack();
        const res = reply.raw;
        let handled = false;
        try {
          handled = handleMockApi(request.raw, res);
        } catch {
          handled = false;
        }
        if (!handled && !res.headersSent) res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end(NO_MOCK);
      });
    });
    if (!root) return;
    const top = resolve(root);
    fastify.get<{ Params: { '*': string } }>('/*', async (request, reply) => {
      const file = (await fileOf(top, request.params['*'])) ?? resolve(top, 'index.html');
      const body = await readFile(file);
      return reply
        .type(TYPES[extname(file)] ?? 'application/octet-stream')
        .headers({ 'x-content-type-options': 'nosniff', 'content-security-policy': CSP })
        .send(body);
    });
  };
}
