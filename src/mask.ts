/**
 * Keys kept out of sight (contract sections 5, 8 and 10): masking key-like text in messages we
 * did not write, telling whether a text holds a key, and a saved key's hint shape. Small and
 * pure: the element needs it at once, the picker and the server too.
 */
import type { KeyRules } from './presets/types.js';

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Prefixes of every key shape we know, and any long run of key characters: masked in text we
// did not write (a host's error message, a provider's reply) before it is shown.
// A prefix counts only at the start of a word ("task-runner" holds no key).
const PREFIXED = '(?<![A-Za-z0-9])(sk-|sess-|gsk_|AIza|AQ\\.|xai-|pplx-|hf_)[A-Za-z0-9_.-]{6,}';
const KEY_LIKE = new RegExp(`${PREFIXED}|[A-Za-z0-9_-]{32,}`, 'g');

/**
 * Whether `text` seems to hold a key: a known provider's prefix followed by key characters,
 * or (except in a URL, where long paths and ids are common) a long run of key characters.
 */
export function holdsKey(text: string, { url = false } = {}): boolean {
  return new RegExp(url ? PREFIXED : KEY_LIKE.source).test(text);
}

/**
 * A saved key's hint as given, trimmed, when it has a hint's shape (contract section 10): at
 * most 24 characters holding one mask (`…`, or three or more `*`) with at most 16 characters
 * before it and at most 4 after it, none of them spaces or control characters. Anything else
 * (a whole key, above all) is `""`: never shown, emitted or put in an attribute.
 */
export function hintShape(value: unknown): string {
  const hint = typeof value === 'string' ? value.trim() : '';
  return hint.length <= 24 && /^[\x21-\x29\x2b-\x7e]{0,16}(?:…|\*{3,})[\x21-\x29\x2b-\x7e]{0,4}$/.test(hint) ? hint : '';
}

/**
 * Replaces key-like text with its prefix and `…`, so a message can be shown safely: the exact
 * `key` wherever it appears (whatever its shape), the preset's own key shapes, and anything
 * that looks like a known provider's key or a long run of key characters.
 */
export function maskSecrets(text: string, options: { key?: string; rules?: KeyRules } = {}): string {
  const { key, rules } = options;
  let out = text.replace(KEY_LIKE, (_, prefix?: string) => `${prefix ?? ''}…`);
  const prefixes = [rules?.prefix, ...(rules?.types ?? []).map((t) => t.prefix)].filter((p): p is string => Boolean(p));
  if (prefixes.length) {
    const own = new RegExp(`(${prefixes.map(escapeRegExp).join('|')})[A-Za-z0-9_.-]{4,}`, 'g');
    out = out.replace(own, (_, prefix: string) => `${prefix}…`);
  }
  for (const shape of rules?.shapes ?? []) {
    const unanchored = new RegExp(shape.source.replace(/^\^/, '').replace(/\$$/, ''), `${shape.flags.replace(/[gy]/g, '')}g`);
    out = out.replace(unanchored, '…');
  }
  // Last, the exact key wherever it is still whole, whatever its shape.
  return key && key.length >= 4 ? out.split(key).join('…') : out;
}

/** The longest message from elsewhere (a provider, a host's verifier or promise) that is shown. */
const MESSAGE_MAX = 300;

/** A message we did not write, as it may be shown: masked first (a key cut short would escape the mask), then cut to `MESSAGE_MAX` characters. */
export function maskMessage(text: string, options: { key?: string; rules?: KeyRules } = {}): string {
  const masked = maskSecrets(text, options);
  return masked.length > MESSAGE_MAX ? `${masked.slice(0, MESSAGE_MAX - 1)}…` : masked;
}
