import type { KeyCheck } from '../src/key-rules.js';

/** Realistic key shapes for tests (random-looking, never real). */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}_-`;

/**
 * Deterministic filler of `n` characters from `alphabet`, as random-looking as a real key's.
 * 32-bit arithmetic (`Math.imul`) and the high bits: in floating point the product lost its
 * low bits, and a power-of-two alphabet (hex, URL-safe) then gave runs such as `AAAAAAAAAAAA`
 * or `4000000000000000`, which no real key has (and a placeholder rule refuses).
 */
export function filler(n: number, alphabet = ALNUM, seed = 7): string {
  let out = '';
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[(x >>> 16) % alphabet.length];
  }
  return out;
}

/** `prefix` + a body of `total - prefix.length` characters carrying the `T3BlbkFJ` marker. */
function shaped(prefix: string, total: number, alphabet: string, seed: number): string {
  const rest = total - prefix.length - 8;
  const half = Math.floor(rest / 2);
  return `${prefix}${filler(half, alphabet, seed)}T3BlbkFJ${filler(rest - half, alphabet, seed + 1)}`;
}

export const keys = {
  legacy: shaped('sk-', 51, ALNUM, 1),
  project: shaped('sk-proj-', 164, URLSAFE, 2),
  serviceAccount: shaped('sk-svcacct-', 167, URLSAFE, 3),
  admin: shaped('sk-admin-', 133, URLSAFE, 4),
  user: shaped('sk-None-', 164, URLSAFE, 5),
};

/** A unique key used to search the page for leaks. */
export const SENTINEL = `sk-proj-LEAKCHECK${filler(40, ALNUM, 99)}T3BlbkFJ${filler(40, ALNUM, 98)}`;

/** `r`, after failing the test unless the key was accepted. */
export const ok = (r: KeyCheck) => {
  if (!r.ok) throw new Error(`expected the key to be accepted, got ${r.code}: ${r.message}`);
  return r;
};

/** `r`, after failing the test unless the key was rejected. */
export const err = (r: KeyCheck) => {
  if (r.ok) throw new Error('expected the key to be rejected');
  return r;
};
