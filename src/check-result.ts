/**
 * What a live check tells (contract section 6), as data the overlay trusts: `CheckResult`, and
 * a host verifier's result cleaned into one. Small and pure: Save's rules use it for every
 * check; reading a provider's answer (check.ts) loads with the live check.
 */

/**
 * What a passing live check learned (contract section 6): the key is `valid`, or real but
 * `limited` (rate-limited right now) or out of credit (`no-credit`); the models it can use and
 * its credit, where the provider's answer tells them.
 */
export interface CheckResult {
  readonly status: 'valid' | 'limited' | 'no-credit';
  /** Model ids the key can use, in the provider's order (at most 1,000). */
  readonly models?: readonly string[];
  /** In the provider's unit (US dollars for OpenRouter); `null` members when unlimited or unknown. */
  readonly credit?: { readonly limit: number | null; readonly remaining: number | null; readonly used: number | null };
  /** ISO date when the provider reports one. */
  readonly expiresAt?: string;
  /** ISO time of the check. */
  readonly checkedAt: string;
}

/** `ok` with what the check learned, or a message; `unreachable` when the key could not be confirmed either way. */
export type VerifyResult = { ok: true; check?: CheckResult } | { ok: false; message: string; unreachable?: boolean };

/** The most model ids a result keeps, and the longest id it shows. */
export const MAX_MODELS = 1000;
const MAX_MODEL_ID = 200;

/** The value at a dotted `path` of a JSON answer (own members only). */
export function at(body: unknown, path: string): unknown {
  let v = body;
  for (const part of path.split('.')) v = v && typeof v === 'object' && Object.hasOwn(v, part) ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/** The model ids of `list` (see `modelsOf`); `undefined` when it is not a list. */
export function idsOf(list: unknown, spec: { id?: string; strip?: string } = {}): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const ids = new Set<string>();
  // An index loop over at most 10,000 entries: a host's sparse or endless list never holds the page.
  for (let i = 0; i < Math.min(list.length, 10_000) && ids.size < MAX_MODELS; i++) {
    const entry: unknown = list[i];
    const raw = spec.id ? at(entry, spec.id) : entry;
    if (typeof raw !== 'string') continue;
    const id = spec.strip && raw.startsWith(spec.strip) ? raw.slice(spec.strip.length) : raw;
    // eslint-disable-next-line no-control-regex
    if (id && id.length <= MAX_MODEL_ID && !/[\u0000-\u001f\u007f]/.test(id)) ids.add(id);
  }
  return [...ids];
}

/** A finite number, `null` for `null` (unlimited or unknown), `undefined` for anything else (left out). */
export const amount = (v: unknown) => (v === null ? null : typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * A check result a host's `verifier` gave, as the overlay trusts it: a known status (else
 * `"valid"`: it passed), model ids as `modelsOf` keeps them, credit members that are numbers
 * or `null`, dates as ISO strings; anything else left out.
 */
export function cleanCheck(given: unknown, now = new Date()): CheckResult {
  const g = (given && typeof given === 'object' ? given : {}) as Record<string, unknown>;
  // A getter or a Proxy that throws leaves its part out instead of failing the check.
  const ownOf = (o: Record<string, unknown>, name: string) => {
    try {
      return Object.hasOwn(o, name) ? o[name] : undefined;
    } catch {
      return undefined;
    }
  };
  const own = (name: string) => ownOf(g, name);
  const status = own('status');
  let models: string[] | undefined;
  try {
    models = idsOf(own('models'));
  } catch {
    models = undefined;
  }
  const credit = own('credit') as Record<string, unknown> | undefined;
  const c = credit && typeof credit === 'object' ? ['limit', 'remaining', 'used'].map((k) => amount(ownOf(credit, k))) : [];
  const date = (v: unknown) => (typeof v === 'string' && !Number.isNaN(new Date(v).getTime()) ? new Date(v).toISOString() : undefined);
  const expiresAt = date(own('expiresAt'));
  return Object.freeze({
    status: status === 'limited' || status === 'no-credit' ? status : 'valid',
    ...(models && { models: Object.freeze(models) }),
    ...(c.some((v) => v !== undefined) && { credit: { limit: c[0] ?? null, remaining: c[1] ?? null, used: c[2] ?? null } }),
    ...(expiresAt && { expiresAt }),
    checkedAt: date(own('checkedAt')) ?? now.toISOString(),
  });
}
