const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a URL may be used as a docs link or an API base: `https:` anywhere, `http:` only
 * to loopback. Anything else (`javascript:`, `data:`, plain `http:` to another host) is refused:
 * a hostile base URL would receive the key.
 */
export function isAllowedUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  // No user:password@ part: it disguises the real host (https://platform.openai.com@evil.example).
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}
