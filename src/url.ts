import { DEV, warn } from './dev.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `value` as a URL without a `user:password@` part (it disguises the real host: https://platform.openai.com@evil.example). */
function parse(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether a URL may be used as a docs link or an API base (contract section 3): `https:`
 * anywhere, `http:` only to loopback. Anything else (`javascript:`, `data:`, plain `http:` to
 * another host) is refused: a hostile base URL would receive the key.
 */
function isAllowedUrl(value: string): boolean {
  const url = parse(value);
  if (!url || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

/** `value` when it is an allowed URL; otherwise `undefined`, with one warning (a hostile base URL would receive the key). */
export function allowedUrl(attribute: string, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (isAllowedUrl(value)) return value;
  if (DEV) warn('credential-overlay', `${attribute} ignored; only https: (or http: to localhost) is allowed.`);
  return undefined;
}

/** A host on the user's own network: 10/8, 172.16/12, 192.168/16, IPv6 unique-local, `*.local`. */
function isPrivateHost(host: string): boolean {
  const ip = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (ip) {
    const [a, b] = [Number(ip[1]), Number(ip[2])];
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return /^\[f[cd][0-9a-f]{2}:/i.test(host) || /^[a-z0-9-]+(\.[a-z0-9-]+)*\.local$/i.test(host);
}

export type UserUrlCheck =
  | { ok: true; unencrypted: boolean }
  | { ok: false; problem: 'invalid' | 'scheme' | 'credentials' | 'public-http'; host?: string };

/**
 * The URL rule of a preset's `url` field (contract section 11): section 3's rule widened for
 * a user's own server. `https:` anywhere; `http:` to loopback, and to a private-network host
 * with the note that the key would travel unencrypted; anything else is refused.
 */
export function checkUserUrl(value: string): UserUrlCheck {
  const url = parse(value);
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return { ok: false, problem: url && !/^https?:$/.test(url.protocol) ? 'scheme' : 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (!url.hostname) return { ok: false, problem: 'invalid' };
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  if (url.protocol === 'https:' || LOOPBACK.has(url.hostname)) return { ok: true, unencrypted: false };
  if (isPrivateHost(url.hostname)) return { ok: true, unencrypted: true };
  return { ok: false, problem: 'public-http', host: url.hostname };
}
