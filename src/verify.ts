/**
 * Live key verification (contract section 6): the built-in check of a preset, a host's own
 * `verifier`, and the 10 s limit around either. No DOM; every message comes from `strings`.
 */
import { maskSecrets } from './key-rules.js';
import type { CheckContext, ProviderPreset } from './providers/types.js';
import type { CredentialOverlayStrings } from './strings.js';

/** `ok`, or a message; `unreachable` when the key could not be confirmed either way. */
export type VerifyResult = { ok: true } | { ok: false; message: string; unreachable?: boolean };

export interface VerifyContext extends CheckContext {
  provider: string;
  baseUrl: string;
  signal: AbortSignal;
}

/** A host's own check, e.g. one that asks the host's server. */
export type Verifier = (key: string, context: VerifyContext) => Promise<VerifyResult>;

export const VERIFY_TIMEOUT_MS = 10_000;

type ErrorBody = { error?: { message?: unknown; code?: unknown; type?: unknown } | string; message?: unknown };

/** The built-in check: one GET with the preset's headers, its answer read in plain words. */
export async function checkLive(
  preset: ProviderPreset,
  key: string,
  context: VerifyContext,
  strings: CredentialOverlayStrings,
): Promise<VerifyResult> {
  const provider = preset.label;
  const unconfirmed = (reason: string): VerifyResult => ({
    ok: false,
    unreachable: true,
    message: strings.verifyUnconfirmed({ provider, reason }),
  });
  if (!preset.check) return unconfirmed(strings.reasonFailed);

  let response: Response;
  try {
    response = await fetch(`${context.baseUrl.replace(/\/+$/, '')}${preset.check.path}`, {
      headers: preset.check.headers(key, context),
      signal: context.signal,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    if (context.signal.aborted) throw error;
    return unconfirmed(strings.reasonNetwork);
  }

  let body: ErrorBody & { data?: unknown } | undefined;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = typeof body?.error === 'object' && body.error ? body.error : undefined;
  const raw = error?.message ?? (typeof body?.error === 'string' ? body.error : '');
  const said = typeof raw === 'string' ? maskSecrets(raw).trim() : '';
  const code = `${error?.code ?? ''} ${error?.type ?? ''}`;
  const { status } = response;

  if (response.ok) return Array.isArray(body?.data) ? { ok: true } : unconfirmed(strings.reasonMalformed);
  // A restricted key's 401 names missing scopes or permissions: the key exists, it just
  // may not list models. Never "rejected".
  if (status === 403 || (status === 401 && /scope|permission/i.test(`${said} ${code}`))) {
    return unconfirmed(strings.reasonForbidden);
  }
  if (status === 401) return { ok: false, message: strings.verifyRejected({ provider, said }) };
  if (status === 429) {
    return unconfirmed(/quota|credit|billing/i.test(`${code} ${said}`) ? strings.reasonQuota : strings.reasonRateLimited);
  }
  return unconfirmed(strings.reasonStatus({ status }));
}

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
      resolve({
        ok: false,
        unreachable: true,
        message: strings.verifyUnconfirmed({ provider, reason: strings.reasonTimeout({ seconds: VERIFY_TIMEOUT_MS / 1000 }) }),
      });
    }, VERIFY_TIMEOUT_MS);
  });
  const full: VerifyContext = { ...context, signal: controller.signal };
  const attempt = (async (): Promise<VerifyResult> => {
    try {
      const result = verifier ? await verifier(key, full) : await checkLive(preset, key, full, strings);
      if (result?.ok === true) return { ok: true };
      if (result?.ok === false) {
        const message = typeof result.message === 'string' && result.message.trim() ? maskSecrets(result.message) : '';
        if (result.unreachable || !message) {
          return { ok: false, unreachable: true, message: message || strings.verifyUnconfirmed({ provider, reason: strings.reasonFailed }) };
        }
        return { ok: false, message };
      }
    } catch {
      // A verifier that throws, or an aborted request: "could not confirm" (or ignored below).
    }
    return { ok: false, unreachable: true, message: strings.verifyUnconfirmed({ provider, reason: strings.reasonFailed }) };
  })();
  try {
    const result = await Promise.race([attempt, timedOut, aborted]);
    return signal.aborted ? undefined : result;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}
