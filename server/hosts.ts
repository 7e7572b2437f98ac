/**
 * Who may talk to the server (contract section 15): requests whose `Host` names this machine
 * (`localhost`, `127.0.0.1`, `[::1]`, any port) or a name the host configured
 * (CREDENTIAL_ALLOWED_HOSTS), which defeats DNS rebinding; and, for a request that changes
 * something, a browser `Origin` that is this very server. Pure: header values in, a verdict out.
 */

export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

// A host name (letters, digits, dots and hyphens, no leading or trailing dot) or a bracketed
// IPv6 literal, then an optional port. Anything else in a Host header is refused as it is.
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::(\d{1,5}))?$/;

/** The host name of a `Host` header value (lower case, IPv6 in brackets), or `undefined` when it is not one. */
export function hostName(header: string | undefined): string | undefined {
  const match = HOST.exec((header ?? '').toLowerCase());
  if (!match || (match[2] !== undefined && Number(match[2]) > 65535)) return undefined;
  return match[1];
}

/** Whether a request with this `Host` header may be answered at all. */
export const hostAllowed = (header: string | undefined, allowed: ReadonlySet<string>) => {
  const name = hostName(header);
  return name !== undefined && (LOOPBACK_NAMES.includes(name) || allowed.has(name));
};

/**
 * Whether a state-changing request comes from this server's own page, or from no browser
 * page at all (curl, a script: no `Origin`). A cross-site fetch, an origin that is not this
 * host and port (another local app on another port), `Origin: null` (a sandboxed page, a
 * file) are refused. The caller has already checked `Host` with `hostAllowed`.
 */
export function sameOrigin(headers: { origin?: string; host?: string; 'sec-fetch-site'?: string | string[] }): boolean {
  if (headers['sec-fetch-site'] === 'cross-site') return false;
  if (headers.origin === undefined) return true;
  let origin: URL;
  try {
    origin = new URL(headers.origin);
  } catch {
    return false;
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return false;
  // `URL.host` leaves out a default port; a Host header may carry it.
  const port = origin.port || (origin.protocol === 'https:' ? '443' : '80');
  const host = (headers.host ?? '').toLowerCase();
  return host === origin.host || host === `${origin.hostname}:${port}`;
}

/** A comma-separated list from the environment, trimmed, empty entries dropped. */
const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/** CREDENTIAL_ALLOWED_HOSTS: host names (no port) this server answers to besides loopback. Throws a one-line error naming a bad entry. */
export function parseAllowedHosts(text: string | undefined): string[] {
  return list(text).map((entry) => {
    if (hostName(entry) !== entry) throw new Error(`CREDENTIAL_ALLOWED_HOSTS: "${entry}" is not a host name (give names such as credentials.example.com, comma-separated, without a port).`);
    return entry;
  });
}

/** CREDENTIAL_CHECK_ALLOW: `host:port` entries the check may reach whatever their address. Throws a one-line error naming a bad entry. */
export function parseCheckAllow(text: string | undefined): string[] {
  return list(text).map((entry) => {
    const match = HOST.exec(entry);
    if (!match || match[2] === undefined || Number(match[2]) > 65535) {
      throw new Error(`CREDENTIAL_CHECK_ALLOW: "${entry}" is not host:port (for example localhost:11434 or [::1]:8000, comma-separated).`);
    }
    return entry;
  });
}
