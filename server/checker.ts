/**
 * The server's live check (contract sections 6, 14 and 15): the preset's own request
 * (src/check.ts), sent from the server under the address policy (outbound.ts), within the
 * abuse limits: so many checks a minute per client address and per saved credential
 * (@fastify/rate-limit's counters, 429 with Retry-After), so many at once (503), one deadline
 * that covers DNS.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkRequest, readCheckAnswer, type VerifyResult } from '../src/check.js';
import type { ProviderPreset } from '../src/presets/types.js';
import { en } from '../src/strings.js';
import { HttpError } from './input.js';
import { Gate, type Limits } from './limits.js';
import { PolicyError, send, TimeoutError, type Resolver } from './outbound.js';

export interface CheckerOptions {
  /** `host:port` pairs the check may reach whatever their address (CREDENTIAL_CHECK_ALLOW, the demo's mock). */
  allow: ReadonlySet<string>;
  resolve?: Resolver;
  /** Where a preset's check goes instead of its own base URL (the demo: its mock). */
  checkBase?: (preset: string) => string | undefined;
  limits: Limits;
}

/** Checks `key` with `fields`; `credential` names the saved credential it belongs to, for its own limit. */
export type Check = (
  request: FastifyRequest,
  preset: ProviderPreset,
  key: string,
  fields: Readonly<Record<string, string>>,
  credential?: { owner: string; id: string },
) => Promise<VerifyResult>;

/** The check, with its limiters on `fastify` (which has @fastify/rate-limit registered). */
export function createCheck(fastify: FastifyInstance, options: CheckerOptions): Check {
  const { limits } = options;
  const credentialOf = new WeakMap<FastifyRequest, string>();
  // The client's limit keys on its address (IPv6 by its /64: the plugin's default), never on a forwarded header.
  const perClient = fastify.createRateLimit({ max: limits.checksPerClient, timeWindow: limits.checkWindowMs });
  const perCredential = fastify.createRateLimit({
    max: limits.checksPerCredential,
    timeWindow: limits.checkWindowMs,
    keyGenerator: (request) => credentialOf.get(request) ?? '',
  });
  const per = limits.checkWindowMs === 60_000 ? 'a minute' : `every ${limits.checkWindowMs / 1000} s`;

  async function within(take: typeof perClient, request: FastifyRequest, what: string) {
    const limit = await take(request);
    if (!limit.isAllowed && limit.isExceeded) {
      const wait = Math.max(1, limit.ttlInSeconds);
      throw new HttpError(429, 'apiKey', `Too many checks ${what}: at most ${limit.max} ${per}. Try again in ${wait} s.`, { 'retry-after': String(wait) });
    }
  }

  const gate = new Gate(limits.concurrentChecks);
  const seconds = limits.checkTimeoutMs / 1000;

  async function outbound(preset: ProviderPreset, key: string, fields: Readonly<Record<string, string>>): Promise<VerifyResult> {
    const unconfirmed = (reason: string): VerifyResult => ({ ok: false, unreachable: true, message: en.verifyUnconfirmed({ provider: preset.label, reason }) });
    const request = checkRequest(preset, key, { baseUrl: options.checkBase?.(preset.id) ?? preset.baseUrl, fields });
    if (!request) return unconfirmed(en.reasonFailed);
    try {
      const { status, body } = await send(request, { allow: options.allow, resolve: options.resolve, timeoutMs: limits.checkTimeoutMs });
      return readCheckAnswer(preset, status, body, en, key);
    } catch (error) {
      if (error instanceof PolicyError) return unconfirmed(error.message);
      if (error instanceof TimeoutError) return unconfirmed(en.reasonTimeout({ seconds }));
      return unconfirmed('the server could not reach it');
    }
  }

  return async (request, preset, key, fields, credential) => {
    await within(perClient, request, 'from one address');
    if (credential) {
      credentialOf.set(request, `${credential.owner}\n${credential.id}`);
      await within(perCredential, request, 'of one credential');
    }
    return gate.run(() => outbound(preset, key, fields));
  };
}
