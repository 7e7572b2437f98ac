/**
 * The live check as data (contract sections 6 and 11): the request a preset's check makes,
 * and what its answer means. Pure: no DOM and no network, so the browser's check and a host's
 * server build and read the very same request.
 */
import { maskSecrets } from './mask.js';
import type { ProviderPreset } from './presets/types.js';
import type { CredentialOverlayStrings } from './strings.js';

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

/** `ok`, or a message; `unreachable` when the key could not be confirmed either way. */
export type VerifyResult = { ok: true } | { ok: false; message: string; unreachable?: boolean };

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

/** The value at a dotted `path` of a JSON answer. */
function at(body: unknown, path: string): unknown {
  let v = body;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/**
 * What a check's answer means: valid, refused (the key is wrong), or not confirmed (and why).
 * `body` is the parsed JSON answer, or `undefined` when it was not JSON. The provider's own
 * message is shown with key-like text masked (the exact `key` and the preset's shapes too).
 */
export function readCheckAnswer(
  preset: ProviderPreset,
  status: number,
  body: unknown,
  strings: CredentialOverlayStrings,
  key = '',
): VerifyResult {
  const check = preset.check!;
  const provider = preset.label;
  const unconfirmed = (reason: string): VerifyResult => ({ ok: false, unreachable: true, message: strings.verifyUnconfirmed({ provider, reason }) });
  const paths = check.messagePaths ?? ['error.message', 'error', 'message'];
  const raw = paths.map((p) => at(body, p)).find((v) => typeof v === 'string' && v.trim());
  const said = typeof raw === 'string' ? maskSecrets(raw, { key, rules: preset.key }).trim() : '';
  const rejected = { ok: false as const, message: strings.verifyRejected({ provider, said }) };
  const code = ['error.code', 'error.type', 'error.status', 'type', 'code']
    .map((p) => at(body, p))
    .filter((v) => typeof v === 'string')
    .join(' ');

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
    return { ok: true };
  }
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
