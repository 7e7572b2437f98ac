/**
 * The server's live check goes out through here: the host name is resolved first, every
 * address it resolves to is checked against the address policy (unless the allow-list names
 * that host and port), and the connection goes to an address that was checked (pinned, so a
 * DNS answer that changes between the check and the connection cannot win). Redirects are
 * never followed. One deadline covers the whole: resolution, connection and answer. A refusal
 * names the host as the user gave it, never an address that a name resolved to.
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
  /** The deadline of the whole exchange, DNS included (then the request is aborted with `TimeoutError`). */
  timeoutMs: number;
}

/** The deadline passed: `send` rejects with this. */
export class TimeoutError extends Error {
  constructor() {
    super('no answer in time');
    this.name = 'TimeoutError';
  }
}

/** `promise`, or a rejection as soon as `signal` aborts (a DNS lookup cannot be cancelled, only left). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
  });
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

/** Sends `req` under the policy and the deadline; resolves to the status and the parsed JSON body (`undefined` when not JSON). */
export async function send(req: CheckRequest, options: OutboundOptions): Promise<{ status: number; body: unknown }> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new TimeoutError()), options.timeoutMs);
  try {
    return await exchange(req, options, deadline.signal);
  } catch (error) {
    throw deadline.signal.reason instanceof TimeoutError ? deadline.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
}

async function exchange(req: CheckRequest, options: OutboundOptions, signal: AbortSignal): Promise<{ status: number; body: unknown }> {
  const url = new URL(req.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PolicyError('only http and https addresses can be checked');
  if (url.username || url.password) throw new PolicyError('an address with a user name or password in it is not allowed');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = options.allow?.has(`${url.hostname.toLowerCase()}:${port}`) ?? false;
  const literal = ipLiteral(host);
  const addresses = literal ? [{ address: literal, family: isIP(literal) || 4 }] : await untilAborted((options.resolve ?? defaultResolve)(host), signal);
  if (!addresses.length) throw new PolicyError(`${host} has no address`);
  if (!allowed) {
    for (const { address } of addresses) {
      const reason = blockedReason(address);
      if (!reason) continue;
      // The user typed this address; an address that a name resolved to is never shown.
      throw new PolicyError(literal ? `${url.hostname} is an address the server may not contact (${reason})` : `${host} resolves to a private network address, which the server may not contact`);
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
        response.on('aborted', () => reject(new Error('the answer was cut off')));
      },
    );
    request.on('error', reject);
    request.end(req.body);
  });
}
