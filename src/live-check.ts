/**
 * The built-in live check (contract section 6): the preset's request (check.ts) sent with
 * `fetch`, its answer read in plain words. A chunk of its own, loaded only when a Save
 * checks a key without a host's `verifier`.
 */
import { checkRequest, readCheckAnswer, type VerifyResult } from './check.js';
import type { ProviderPreset } from './presets/types.js';
import type { CredentialOverlayStrings } from './strings.js';
import type { VerifyContext } from './verify.js';

/** The built-in check: the preset's request, its answer read in plain words. */
export async function checkLive(
  preset: ProviderPreset,
  key: string,
  context: VerifyContext,
  strings: CredentialOverlayStrings,
): Promise<VerifyResult> {
  const unconfirmed = (reason: string): VerifyResult => ({
    ok: false,
    unreachable: true,
    message: strings.verifyUnconfirmed({ provider: preset.label, reason }),
  });
  const request = checkRequest(preset, key, context);
  if (!request) return unconfirmed(strings.reasonFailed);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: context.signal,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
    });
  } catch (error) {
    if (context.signal.aborted) throw error;
    return unconfirmed(strings.reasonNetwork);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return readCheckAnswer(preset, response.status, body, strings, key);
}

