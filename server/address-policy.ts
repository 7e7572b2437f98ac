/**
 * Which addresses the server's live check may connect to (SSRF): a user-entered endpoint
 * must not reach the server's own network. Pure: a table of IPv4 and IPv6 ranges, and the
 * spellings that hide an address (decimal, octal, hex IPv4; IPv4 carried inside IPv6 by the
 * mapped, translated, compatible, NAT64, 6to4 and Teredo forms).
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

/** IPv4 ranges no check may reach: this host, private networks, link-local (cloud metadata), CGNAT, documentation, benchmarking, multicast, reserved. */
const BLOCKED_V4: Array<[number[], number, string]> = [
  [[0, 0, 0, 0], 8, 'this network'],
  [[10, 0, 0, 0], 8, 'a private network'],
  [[100, 64, 0, 0], 10, 'carrier-grade NAT'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local (cloud metadata)'],
  [[172, 16, 0, 0], 12, 'a private network'],
  [[192, 0, 0, 0], 24, 'IETF protocol assignments'],
  [[192, 0, 2, 0], 24, 'documentation (TEST-NET-1)'],
  [[192, 88, 99, 0], 24, '6to4 relay anycast'],
  [[192, 168, 0, 0], 16, 'a private network'],
  [[198, 18, 0, 0], 15, 'benchmarking'],
  [[198, 51, 100, 0], 24, 'documentation (TEST-NET-2)'],
  [[203, 0, 113, 0], 24, 'documentation (TEST-NET-3)'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved or broadcast'],
];

/** IPv6 ranges no check may reach, as [first bytes, prefix bits, reason]. */
const BLOCKED_V6: Array<[number[], number, string]> = [
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'local-use NAT64'],
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, 'discard-only'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
  [[0x3f, 0xff], 20, 'documentation'],
  [[0xfc], 7, 'a private network (unique local)'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'site-local'],
  [[0xff], 8, 'multicast'],
];

/** Whether the first `bits` bits of `bytes` are those of `base`. */
function inPrefix(bytes: number[], base: number[], bits: number): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const take = Math.min(8, bits - i * 8);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[i] & mask) !== ((base[i] ?? 0) & mask)) return false;
  }
  return true;
}

const zero = (bytes: number[]) => bytes.every((b) => b === 0);

/**
 * The IPv4 addresses an IPv6 address carries to an IPv4 host: IPv4-mapped (`::ffff:a.b.c.d`),
 * IPv4-translated (`::ffff:0:a.b.c.d`), IPv4-compatible (`::a.b.c.d`), NAT64 (`64:ff9b::a.b.c.d`),
 * 6to4 (`2002:AABB:CCDD::`) and Teredo (`2001:0::`, its server and its obfuscated client).
 */
function embeddedV4(v6: number[]): number[][] {
  const tail = v6.slice(12);
  if (zero(v6.slice(0, 10)) && ((v6[10] === 0xff && v6[11] === 0xff) || (v6[10] === 0 && v6[11] === 0))) return [tail];
  if (zero(v6.slice(0, 8)) && v6[8] === 0xff && v6[9] === 0xff && v6[10] === 0 && v6[11] === 0) return [tail];
  if (inPrefix(v6, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96)) return [tail];
  if (inPrefix(v6, [0x20, 0x02], 16)) return [v6.slice(2, 6)];
  if (inPrefix(v6, [0x20, 0x01, 0x00, 0x00], 32)) return [v6.slice(4, 8), tail.map((b) => b ^ 0xff)];
  return [];
}

/** Why `ip` (a literal, any spelling) may not be contacted, or `undefined` when it may. */
export function blockedReason(ip: string): string | undefined {
  const host = ip.replace(/^\[|\]$/g, '');
  const v6 = parseIPv6(host);
  if (v6) {
    if (v6.every((b, i) => b === (i === 15 ? 1 : 0))) return 'loopback';
    if (zero(v6)) return 'the unspecified address';
    // An IPv4 address inside is judged as itself: every one of them must be allowed.
    for (const v4 of embeddedV4(v6)) {
      const reason = blockedReason(v4.join('.'));
      if (reason) return reason;
    }
    return BLOCKED_V6.find(([base, bits]) => inPrefix(v6, base, bits))?.[2];
  }
  const v4 = parseIPv4(host);
  if (!v4) return 'not an IP address';
  return BLOCKED_V4.find(([base, bits]) => inPrefix(v4, base, bits))?.[2];
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
