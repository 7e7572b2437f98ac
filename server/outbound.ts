/**
 * The server's live check goes out through here: the host name is resolved first, every
 * address it resolves to is checked against the address policy (unless the allow-list names
 * that host and port), and the connection goes to an address that was checked (pinned, so a
 * DNS answer that changes between the check and the connection cannot win). Redirects are
 * never followed.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { CheckRequest } from '../src/check.js';
import { blockedReason, ipLiteral } from './address-policy.js';

export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;

export interface OutboundOptions {
  /** `host:port` pairs that may be reached whatever their address (the demo's own mock). */
  allow?: ReadonlySet<string>;
  resolve?: Resolver;
  timeoutMs?: number;
}

/** Refused by the address policy: the reason is safe to show. */
export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

const defaultResolve: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });
const MAX_BODY = 1024 * 1024;

/** Sends `req` under the policy; resolves to the status and the parsed JSON body (`undefined` when not JSON). */
export async function send(req: CheckRequest, options: OutboundOptions, signal?: AbortSignal): Promise<{ status: number; body: unknown }> {
  const url = new URL(req.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PolicyError(`${url.protocol} is not allowed`);
  if (url.username || url.password) throw new PolicyError('credentials in the URL are not allowed');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = options.allow?.has(`${url.hostname.toLowerCase()}:${port}`) ?? false;
  const literal = ipLiteral(host);
  const addresses = literal ? [{ address: literal, family: isIP(literal) || 4 }] : await (options.resolve ?? defaultResolve)(host);
  if (!addresses.length) throw new PolicyError(`${host} has no address`);
  if (!allowed) {
    for (const { address } of addresses) {
      const reason = blockedReason(address);
      if (reason) throw new PolicyError(`${host} is ${reason === 'not an IP address' ? 'not reachable' : `on ${reason}`} (${address})`);
    }
  }
  const pinned = addresses[0];
  return await new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      {
        host,
        port,
        path: `${url.pathname}${url.search}`,
        method: req.method,
        headers: { accept: 'application/json', ...req.headers, ...(req.body !== undefined && { 'content-type': 'application/json' }) },
        servername: isIP(host) ? undefined : host,
        // Connect to the address that was checked, never to a new DNS answer.
        lookup: (_hostname, opts, callback) => {
          if ((opts as { all?: boolean }).all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [pinned]);
          else (callback as (e: null, a: string, f: number) => void)(null, pinned.address, pinned.family);
        },
        signal,
        timeout: options.timeoutMs ?? 10_000,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          response.resume();
          reject(new PolicyError('the provider answered with a redirect, which the check does not follow'));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) request.destroy(new Error('answer too large'));
          else chunks.push(chunk);
        });
        response.on('end', () => {
          let body: unknown;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            body = undefined;
          }
          resolve({ status, body });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(req.body);
  });
}
