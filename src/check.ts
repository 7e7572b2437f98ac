/**
 * The live check as data (contract sections 6 and 11): the request a preset's check makes,
 * and what its answer means. Pure: no DOM and no network, so the browser's check and a host's
 * server build and read the very same request.
 */
import { amount, at, idsOf, type CheckResult, type VerifyResult } from './check-result.js';
import { maskMessage } from './mask.js';

export { cleanCheck, MAX_MODELS, type CheckResult, type VerifyResult } from './check-result.js';
import type { LiveCheck, ProviderPreset } from './presets/types.js';
import type { CredentialOverlayStrings } from './strings.js';

export interface CheckRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a template uses. */
const placeholders = (template: string) => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);

/**
 * The request that checks `key`, built from the preset's templates, the base URL and the
 * field values; `undefined` when the preset has no check or the URL cannot be built.
 */
export function checkRequest(
  preset: ProviderPreset,
  key: string,
  context: { baseUrl?: string; fields: Readonly<Record<string, string>> },
): CheckRequest | undefined {
  const check = preset.check;
  if (!check) return undefined;
  const kinds = new Map((preset.fields ?? []).map((f) => [f.id, f.kind ?? 'text']));
  const value = (name: string) => {
    if (name === 'apiKey') return key;
    const v = (context.fields[name] ?? (name === 'baseUrl' ? context.baseUrl ?? preset.baseUrl : '') ?? '').trim();
    return name === 'baseUrl' || kinds.get(name) === 'url' ? v.replace(/\/+$/, '') : v;
  };
  // In the URL, a URL goes in as it is and any other value is encoded.
  const url = check.url.replace(PLACEHOLDER, (_, name: string) =>
    name === 'baseUrl' || kinds.get(name) === 'url' ? value(name) : encodeURIComponent(value(name)),
  );
  try {
    new URL(url);
  } catch {
    return undefined;
  }
  const headers: Record<string, string> = {};
  for (const [header, template] of Object.entries(check.headers ?? {})) {
    const names = placeholders(template);
    // A header whose placeholders are all empty is left out (no Organization ID, no key).
    if (names.length && names.every((n) => !value(n))) continue;
    headers[header] = template.replace(PLACEHOLDER, (_, name: string) => value(name));
  }
  const body = check.body?.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(value(name)).slice(1, -1));
  return { method: check.method ?? 'GET', url, headers, ...(body !== undefined && { body }) };
}

/** The answer's codes (`error.code`, `error.type`, `error.status`, `type`, `code`), as strings. */
const codesOf = (body: unknown) =>
  ['error.code', 'error.type', 'error.status', 'error.details.error_code', 'type', 'code'].map((p) => at(body, p)).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);

/** Whether an answer is one of `matches`: its status, and its code or message when the match names one. */
const matches = (list: LiveCheck['limited'], status: number, codes: string[], said: string) =>
  list?.some((m) => m.status === status && (m.code === undefined || codes.includes(m.code)) && (m.says === undefined || m.says.test(said))) ?? false;

/**
 * The model ids a 2xx answer lists (contract section 6), in the provider's order: at the
 * preset's `models.path`, each entry's `id` member (or the entry itself when it is a string),
 * without the `strip` prefix; at most 1,000, none longer than 200 characters, no repeats.
 * Anything that is not a list of such ids is left out.
 */
export function modelsOf(preset: ProviderPreset, body: unknown): string[] | undefined {
  const spec = preset.check?.models;
  return spec ? idsOf(at(body, spec.path), spec) : undefined;
}

/** What a passing answer tells besides the status: credit and an expiry date, where the preset says they are. */
function learned(preset: ProviderPreset, body: unknown): Pick<CheckResult, 'credit' | 'expiresAt'> {
  const out: { credit?: CheckResult['credit']; expiresAt?: string } = {};
  const credit = preset.check?.credit;
  if (credit) {
    const [limit, remaining, used] = [credit.limit, credit.remaining, credit.used].map((p) => (p ? amount(at(body, p)) : undefined));
    // Left out when nothing of it is a number or null: an answer not as the preset expects.
    if ([limit, remaining, used].some((v) => v !== undefined)) out.credit = { limit: limit ?? null, remaining: remaining ?? null, used: used ?? null };
  }
  const expiry = preset.check?.expiresAt ? at(body, preset.check.expiresAt) : undefined;
  const date = typeof expiry === 'number' ? new Date(expiry * 1000) : typeof expiry === 'string' ? new Date(expiry) : undefined;
  if (date && !Number.isNaN(date.getTime())) out.expiresAt = date.toISOString();
  return out;
}

/**
 * What a check's answer means (contract section 6): valid, limited or out of credit (all three
 * prove the key, with what the answer tells: models, credit, expiry), refused (the key is
 * wrong), or not confirmed (and why). `body` is the parsed JSON answer, or `undefined` when it
 * was not JSON. The provider's own message is shown with key-like text masked (the exact `key`
 * and the preset's shapes too). A part of the answer that is not what the preset expects is
 * left out; the status still follows the HTTP answer.
 */
export function readCheckAnswer(
  preset: ProviderPreset,
  status: number,
  body: unknown,
  strings: CredentialOverlayStrings,
  key = '',
  now = new Date(),
): VerifyResult {
  const check = preset.check!;
  const provider = preset.label;
  const unconfirmed = (reason: string): VerifyResult => ({ ok: false, unreachable: true, message: strings.verifyUnconfirmed({ provider, reason }) });
  const paths = check.messagePaths ?? ['error.message', 'error', 'message'];
  const raw = paths.map((p) => at(body, p)).find((v) => typeof v === 'string' && v.trim());
  const said = typeof raw === 'string' ? maskMessage(raw, { key, rules: preset.key }).trim() : '';
  const rejected = { ok: false as const, message: strings.verifyRejected({ provider, said }) };
  const codes = codesOf(body);
  const code = codes.join(' ');
  const proven = (result: CheckResult['status'], extra: Partial<CheckResult> = {}): VerifyResult => ({
    ok: true,
    check: Object.freeze({ status: result, ...extra, checkedAt: now.toISOString() }),
  });

  if (status >= 200 && status < 300) {
    if (body === undefined) return unconfirmed(strings.reasonMalformed);
    if (check.invalid?.some((i) => at(body, i.path) === i.equals)) return rejected;
    const valid = check.valid;
    if (valid) {
      const v = at(body, valid.path);
      const passes =
        valid.equals !== undefined
          ? v === valid.equals
          : valid.type === 'array'
            ? Array.isArray(v)
            : valid.type === 'object'
              ? Boolean(v) && typeof v === 'object' && !Array.isArray(v)
              : v !== undefined;
      if (!passes) return unconfirmed(strings.reasonMalformed);
    }
    const models = check.models?.url ? undefined : modelsOf(preset, body);
    return proven('valid', { ...(models && { models: Object.freeze(models) }), ...learned(preset, body) });
  }
  // Declared by the preset, from the provider's documentation: the key is real.
  if (matches(check.noCredit, status, codes, said)) return proven('no-credit', learned(preset, body));
  if (matches(check.limited, status, codes, said)) return proven('limited');
  // Refusals the preset knows are not about the key (a CORS or IP allowlist of the account).
  if (matches(check.unconfirmed, status, codes, said)) return unconfirmed(strings.reasonForbidden);
  const refuses = (check.rejectStatus ?? [401]).includes(status);
  // A restricted key's refusal names missing scopes or permissions: the key exists, it just
  // may not make this request. Never "rejected".
  if (refuses && /scope|permission/i.test(`${said} ${code}`)) return unconfirmed(strings.reasonForbidden);
  if (refuses) return rejected;
  if (status === 403) return unconfirmed(strings.reasonForbidden);
  if (status === 402 || (status === 429 && /quota|credit|billing|balance/i.test(`${code} ${said}`))) return unconfirmed(strings.reasonQuota);
  if (status === 429) return unconfirmed(strings.reasonRateLimited);
  return unconfirmed(strings.reasonStatus({ status }));
}

/**
 * The second request of a preset whose models are not in the check's answer (xAI checks
 * `/api-key` and lists models at `/models`): a GET with the check's headers, or `undefined`.
 */
export function modelsRequest(preset: ProviderPreset, key: string, context: { baseUrl?: string; fields: Readonly<Record<string, string>> }): CheckRequest | undefined {
  const url = preset.check?.models?.url;
  if (!url) return undefined;
  const request = checkRequest({ ...preset, check: { ...preset.check!, url, method: 'GET', body: undefined } }, key, context);
  return request && { method: 'GET', url: request.url, headers: request.headers };
}
