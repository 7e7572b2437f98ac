/**
 * Which addresses the server's live check may connect to (SSRF): a user-entered endpoint
 * must not reach the server's own network. Pure: a table of IPv4 and IPv6 ranges, and the
 * spellings that hide an address (decimal, octal, hex IPv4; IPv4-mapped and NAT64 IPv6).
 */
import { isIP } from 'node:net';

/** An IPv4 address in any spelling a URL parser or `inet_aton` accepts (`2130706433`, `0177.0.0.1`, `0x7f.1`), as four bytes. */
export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => p === '')) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    const n = /^0x[0-9a-f]+$/i.test(p) ? parseInt(p, 16) : /^0[0-7]*$/.test(p) ? parseInt(p || '0', 8) : /^[1-9]\d*$/.test(p) ? Number(p) : NaN;
    if (!Number.isFinite(n)) return undefined;
    nums.push(n);
  }
  const last = nums.pop()!;
  const lastBytes = 4 - nums.length;
  if (nums.some((n) => n > 255) || last >= 256 ** lastBytes) return undefined;
  const bytes = [...nums];
  for (let i = lastBytes - 1; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes;
}

/** An IPv6 address as 16 bytes. */
export function parseIPv6(text: string): number[] | undefined {
  let s = text.replace(/^\[|\]$/g, '').split('%')[0];
  if (isIP(s) !== 6) return undefined;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  let tail: number[] = [];
  if (v4) {
    tail = parseIPv4(v4[1])!;
    s = s.slice(0, -v4[1].length) + '0:0';
  }
  const [head, rest] = s.split('::');
  const words = (x: string | undefined) => (x ? x.split(':').filter(Boolean).map((w) => parseInt(w, 16)) : []);
  const h = words(head);
  const r = words(rest);
  const all = rest === undefined ? h : [...h, ...new Array(8 - h.length - r.length).fill(0), ...r];
  const bytes = all.flatMap((w) => [w >> 8, w & 255]);
  if (v4) bytes.splice(12, 4, ...tail);
  return bytes;
}

const inV4 = (b: number[], [base, bits]: [number[], number]) => {
  for (let i = 0; i < 4; i++) {
    const take = Math.max(0, Math.min(8, bits - i * 8));
    const mask = take === 0 ? 0 : (0xff << (8 - take)) & 0xff;
    if ((b[i] & mask) !== (base[i] & mask)) return false;
  }
  return true;
};

/** IPv4 ranges no check may reach: this host, private networks, link-local (cloud metadata), CGNAT, benchmarking, multicast, reserved. */
const BLOCKED_V4: Array<[number[], number, string]> = [
  [[0, 0, 0, 0], 8, 'this network'],
  [[10, 0, 0, 0], 8, 'a private network'],
  [[100, 64, 0, 0], 10, 'carrier-grade NAT'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local (cloud metadata)'],
  [[172, 16, 0, 0], 12, 'a private network'],
  [[192, 0, 0, 0], 24, 'IETF protocol assignments'],
  [[192, 168, 0, 0], 16, 'a private network'],
  [[198, 18, 0, 0], 15, 'benchmarking'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved or broadcast'],
];

/** Why `ip` (a literal, any spelling) may not be contacted, or `undefined` when it may. */
export function blockedReason(ip: string): string | undefined {
  const host = ip.replace(/^\[|\]$/g, '');
  const v6 = parseIPv6(host);
  if (v6) {
    const word = (i: number) => (v6[i * 2] << 8) | v6[i * 2 + 1];
    if (v6.every((b, i) => b === (i === 15 ? 1 : 0))) return 'loopback';
    if (v6.every((b) => b === 0)) return 'the unspecified address';
    // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the IPv4 address inside.
    const mapped = v6.slice(0, 10).every((b) => b === 0) && ((v6[10] === 0xff && v6[11] === 0xff) || (v6[10] === 0 && v6[11] === 0));
    const nat64 = word(0) === 0x64 && word(1) === 0xff9b && v6.slice(4, 12).every((b) => b === 0);
    if (mapped || nat64) return blockedReason(v6.slice(12).join('.'));
    if ((v6[0] & 0xfe) === 0xfc) return 'a private network (unique local)';
    if (v6[0] === 0xfe && (v6[1] & 0xc0) === 0x80) return 'link-local';
    if (v6[0] === 0xff) return 'multicast';
    if (word(0) === 0x2001 && word(1) === 0xdb8) return 'documentation';
    return undefined;
  }
  const v4 = parseIPv4(host);
  if (!v4) return 'not an IP address';
  const hit = BLOCKED_V4.find(([base, bits]) => inV4(v4, [base, bits]));
  return hit?.[2];
}

/** A host name that is an IP literal in any spelling, as its canonical address; else `undefined`. */
export function ipLiteral(host: string): string | undefined {
  const bare = host.replace(/^\[|\]$/g, '');
  const v6 = parseIPv6(bare);
  if (v6) return bare.toLowerCase();
  if (/^[0-9a-fx.]+$/i.test(bare)) {
    const v4 = parseIPv4(bare);
    if (v4) return v4.join('.');
  }
  return undefined;
}
