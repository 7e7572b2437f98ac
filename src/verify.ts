/**
 * Live key verification (contract section 6): a host's own `verifier`, or the preset's
 * built-in check (live-check.ts, loaded only when a Save needs it), under the 10 s limit.
 * No DOM.
 */
import { cleanCheck, type VerifyResult } from './check-result.js';
import { maskMessage } from './mask.js';
import type { ProviderPreset } from './presets/types.js';
import type { CredentialOverlayStrings } from './strings.js';

export type { VerifyResult } from './check.js';

/** What a check knows besides the key. */
export interface VerifyContext {
  provider: string;
  baseUrl: string;
  /** The OpenAI preset's Organization ID and Project ID (`""` elsewhere); also in `fields`. */
  organization: string;
  project: string;
  /** Every field of the preset by id, trimmed. */
  fields: Readonly<Record<string, string>>;
  mode: 'add' | 'edit';
  /** `false` in edit mode when the key was left empty (`key` is then `""`: check the saved one). */
  keyChanged: boolean;
  signal: AbortSignal;
}

/** A host's own check, e.g. one that asks the host's server. */
export type Verifier = (key: string, context: VerifyContext) => Promise<VerifyResult>;

export const VERIFY_TIMEOUT_MS = 10_000;

/**
 * Runs the host's `verifier` or the preset's check under the 10 s limit. Resolves to a
 * result in every case but `signal` aborted by the caller (Cancel, Escape, close, removal),
 * where it resolves to `undefined`: nothing is to be done any more.
 */
export async function verifyKey(
  key: string,
  options: {
    preset: ProviderPreset;
    verifier?: Verifier;
    context: Omit<VerifyContext, 'signal'>;
    strings: CredentialOverlayStrings;
    signal: AbortSignal;
  },
): Promise<VerifyResult | undefined> {
  const { preset, verifier, context, strings, signal } = options;
  const provider = preset.label;
  const failed = (reason: string) => ({ ok: false as const, unreachable: true, message: strings.verifyUnconfirmed({ provider, reason }) });
  const controller = new AbortController();
  let abort!: () => void;
  // The caller gave up: stop the request and settle at once, even if a verifier ignores it.
  const aborted = new Promise<undefined>((resolve) => {
    abort = () => {
      controller.abort();
      resolve(undefined);
    };
  });
  signal.addEventListener('abort', abort);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<VerifyResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(failed(strings.reasonTimeout({ seconds: VERIFY_TIMEOUT_MS / 1000 })));
    }, VERIFY_TIMEOUT_MS);
  });
  const full: VerifyContext = { ...context, signal: controller.signal };
  const attempt = (async (): Promise<VerifyResult> => {
    try {
      const result = verifier
        ? await verifier(key, full)
        : await (await import('./live-check.js')).checkLive(preset, key, full, strings);
      if (result?.ok === true) return { ok: true, check: cleanCheck(result.check) };
      if (result?.ok === false) {
        const text = typeof result.message === 'string' && result.message.trim() ? maskMessage(result.message, { key, rules: preset.key }) : '';
        if (result.unreachable || !text) return { ok: false, unreachable: true, message: text || failed(strings.reasonFailed).message };
        return { ok: false, message: text };
      }
    } catch {
      // A verifier that throws, or an aborted request: "could not confirm" (or ignored below).
    }
    return failed(strings.reasonFailed);
  })();
  try {
    const result = await Promise.race([attempt, timedOut, aborted]);
    return signal.aborted ? undefined : result;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}
