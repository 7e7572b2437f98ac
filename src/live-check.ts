/**
 * The built-in live check (contract section 6): the preset's request (check.ts) sent with
 * `fetch`, its answer read in plain words. A chunk of its own, loaded only when a Save
 * checks a key without a host's `verifier`.
 */
import { checkRequest, modelsOf, modelsRequest, readCheckAnswer, type CheckRequest, type VerifyResult } from './check.js';
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
  const send = (r: CheckRequest) =>
    fetch(r.url, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      signal: context.signal,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
    });
  let response: Response;
  try {
    response = await send(request);
  } catch (error) {
    if (context.signal.aborted) throw error;
    return unconfirmed(strings.reasonNetwork);
  }
  const result = readCheckAnswer(preset, response.status, await response.json().catch(() => undefined), strings, key);
  // A preset whose check does not list models asks for them apart (xAI); only for a key that
  // passed, and a failure there changes nothing but the models.
  const second = result.ok && result.check?.status === 'valid' ? modelsRequest(preset, key, context) : undefined;
  if (!second || !result.ok || !result.check) return result;
  try {
    const models = modelsOf(preset, await (await send(second)).json());
    return models ? { ok: true, check: Object.freeze({ ...result.check, models: Object.freeze(models) }) } : result;
  } catch (error) {
    if (context.signal.aborted) throw error;
    return result;
  }
}
