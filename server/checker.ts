/**
 * The server's live check (contract sections 6, 14 and 15): the preset's own request
 * (src/check.ts), sent from the server under the address policy (outbound.ts), within the
 * abuse limits: so many checks a minute per client address and per saved credential
 * (@fastify/rate-limit's counters, 429 with Retry-After), so many at once (503), one deadline
 * that covers DNS.
 *
 * It answers as the browser's check does (live-check.ts): `{ ok: true, check }` with the
 * `CheckResult`, models included. A preset whose check lists no models (xAI) has them asked
 * apart after a passing check, under the same policy, within the same deadline and the same
 * slot of the limits; a failure there only leaves the models out.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkRequest, modelsOf, modelsRequest, readCheckAnswer, type VerifyResult } from '../src/check.js';
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
    const context = { baseUrl: options.checkBase?.(preset.id) ?? preset.baseUrl, fields };
    const request = checkRequest(preset, key, context);
    if (!request) return unconfirmed(en.reasonFailed);
    const deadline = Date.now() + limits.checkTimeoutMs;
    const policy = { allow: options.allow, resolve: options.resolve };
    let result: VerifyResult;
    try {
      const { status, body } = await send(request, { ...policy, timeoutMs: limits.checkTimeoutMs });
      result = readCheckAnswer(preset, status, body, en, key);
    } catch (error) {
      if (error instanceof PolicyError) return unconfirmed(error.message);
      if (error instanceof TimeoutError) return unconfirmed(en.reasonTimeout({ seconds }));
      return unconfirmed('the server could not reach it');
    }
    // Where the check's answer lists no models (xAI), they are asked apart, for a valid key only.
    const second = result.ok && result.check?.status === 'valid' ? modelsRequest(preset, key, context) : undefined;
    const left = deadline - Date.now();
    if (!second || !result.ok || !result.check || left <= 0) return result;
    try {
      const { status, body } = await send(second, { ...policy, timeoutMs: left });
      const models = status >= 200 && status < 300 ? modelsOf(preset, body) : undefined;
      return models ? { ok: true, check: Object.freeze({ ...result.check, models: Object.freeze(models) }) } : result;
    } catch {
      // Refused, cut off or too late: the key is still what the first answer said.
      return result;
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
