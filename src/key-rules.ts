/**
 * Normalization and validation of pasted API keys (contract section 7). Pure: no DOM, no
 * state; every message comes from `strings`, so it is testable as tables of inputs.
 */
import type { KeyRules, ProviderPreset } from './providers/types.js';
import { en, type CharacterKind, type CredentialOverlayStrings } from './strings.js';

export type KeyErrorCode =
  | 'empty'
  | 'character-inside'
  | 'too-long'
  | 'other-provider'
  | 'wrong-prefix'
  | 'bad-character'
  | 'too-short'
  | 'repeated';

export type KeyCheck =
  | { ok: true; apiKey: string; keyType: string; keyHint: string; notes: string[] }
  | { ok: false; code: KeyErrorCode; message: string };

// Whitespace (JS `\s` covers line breaks, no-break spaces and U+FEFF) and the zero-width
// characters a copy from a web page or chat often carries at either end.
const EDGE = /[\s\u200B-\u200D\u2060\u180E]/;

/** Trims those characters by index: a regex `\s+$` is quadratic on a long run of spaces inside. */
function trim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && EDGE.test(s[start])) start++;
  while (end > start && EDGE.test(s[end - 1])) end--;
  return s.slice(start, end);
}

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['<', '>'],
  ['${', '}'],
];

/** Removes one pair of quotes, angle brackets or `${…}` around the whole value, if present. */
function unwrap(s: string): string | undefined {
  for (const [open, close] of PAIRS) {
    if (s.length >= open.length + close.length && s.startsWith(open) && s.endsWith(close)) {
      return s.slice(open.length, s.length - close.length);
    }
  }
  return undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a user pasted, reduced to the key: trims, unwraps quotes, strips `export`,
 * `NAME=`, `Authorization:` and `Bearer`, in the contract's order.
 */
export function normalizeKey(raw: string, rules: Pick<KeyRules, 'envNames'>): string {
  let s = trim(raw);
  const inner = unwrap(s);
  if (inner !== undefined) s = inner;
  s = s.replace(/^export\s+/, '');
  if (rules.envNames.length) {
    s = s.replace(new RegExp(`^(?:${rules.envNames.map(escape).join('|')})\\s*[=:]\\s*`), '');
  }
  s = trim(s.replace(/^authorization\s*:/i, ''));
  s = trim(s.replace(/^bearer(?:\s+|$)/i, ''));
  if (inner === undefined) s = unwrap(s) ?? s;
  return trim(s);
}

// Anything but printable ASCII: found first, then named by `classify`.
const NOT_PRINTABLE_ASCII = /[^\x21-\x7E]/u;

function classify(char: string): CharacterKind {
  if (char === ' ') return 'space';
  if (char === '\t') return 'tab';
  if (/[\n\r\v\f\u0085\u2028\u2029]/.test(char)) return 'line-break';
  if (/\p{Cc}/u.test(char)) return 'control';
  // Before \s: JavaScript counts U+FEFF (a zero-width format character) as whitespace.
  if (/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(char)) return 'invisible';
  if (/\s/.test(char)) return 'whitespace';
  return 'non-ascii';
}

const codePointOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Normalizes and validates a pasted key against a preset's rules. Only the first problem is reported. */
export function checkKey(
  raw: string,
  preset: Pick<ProviderPreset, 'label' | 'key'>,
  strings: CredentialOverlayStrings = en,
): KeyCheck {
  const rules = preset.key;
  const provider = preset.label;
  const fail = (code: KeyErrorCode, message: string): KeyCheck => ({ ok: false, code, message });
  const key = normalizeKey(raw, rules);

  if (!key) return fail('empty', strings.keyRequired({ provider }));

  const odd = NOT_PRINTABLE_ASCII.exec(key);
  if (odd) {
    const char = odd[0];
    const position = Array.from(key.slice(0, odd.index)).length + 1;
    const character = strings.describeCharacter({ kind: classify(char), char, codePoint: codePointOf(char) });
    return fail('character-inside', strings.keyCharacterInside({ character, position }));
  }

  if (key.length > rules.maxLength) {
    return fail('too-long', strings.keyTooLong({ length: key.length, max: rules.maxLength }));
  }

  const expected = rules.prefix;
  // A foreign prefix that is only a shorter form of our own (OpenAI's `sk-` inside the
  // Anthropic preset's `sk-ant-`) does not name a key that has our own prefix.
  const ours = key.startsWith(expected);
  const other = rules.foreign.find(
    (f) => key.startsWith(f.prefix) && !(ours && expected.startsWith(f.prefix) && expected !== f.prefix),
  );
  if (other) {
    const p = { other: other.name, prefix: other.prefix, provider, expected };
    return fail('other-provider', other.session ? strings.keySessionToken(p) : strings.keyOtherProvider(p));
  }

  if (!ours) return fail('wrong-prefix', strings.keyWrongPrefix({ provider, expected }));

  const bad = new RegExp(`[^${rules.alphabet}]`).exec(key);
  if (bad) {
    return fail('bad-character', strings.keyBadCharacter({ char: bad[0], position: bad.index + 1, provider }));
  }

  // Pasted twice (Ctrl+V twice; a line break between becomes a space in a single-line field
  // and is named above): the whole key repeated, or a type's prefix starting a second key.
  const half = key.length / 2;
  const again = Number.isInteger(half) && key.slice(0, half) === key.slice(half)
    ? half
    : rules.types.filter((t) => t.prefix.length > expected.length).map((t) => key.indexOf(t.prefix, 1)).find((i) => i > 0);
  if (again) return fail('repeated', strings.keyRepeated({ position: again + 1 }));

  const body = key.length - expected.length;
  if (body < rules.minBodyLength) {
    return fail('too-short', strings.keyTooShort({ length: body, min: rules.minBodyLength, prefix: expected }));
  }

  const type = rules.types.find((t) => key.startsWith(t.prefix) && (!t.pattern || t.pattern.test(key)));
  const keyType = type?.id ?? rules.fallbackType;
  const notes: string[] = [];
  if (rules.adminTypes?.includes(keyType)) notes.push(strings.noteAdminKey);
  else if (!type || (rules.marker && !key.includes(rules.marker))) notes.push(strings.noteUnusualShape({ provider }));

  return { ok: true, apiKey: key, keyType, keyHint: `${type?.prefix ?? expected}…${key.slice(-4)}`, notes };
}

/**
 * An optional identifier such as an Organization ID: empty, or `prefix` followed by letters
 * and digits. Returns `false` when the value has the wrong shape.
 */
export const isIdentifier = (value: string, prefix: string): boolean =>
  !value.trim() || new RegExp(`^${escape(prefix)}[A-Za-z0-9]+$`).test(value.trim());

/** Length as a person counts it: in characters, not UTF-16 code units. */
const lengthOf = (s: string) => Array.from(s).length;

/**
 * A text field's rule: required after trimming, at most `max` characters. Returns the error
 * message, or `undefined` when the value is fine. Over the limit is an error, never a cut.
 */
export function checkText(
  value: string,
  { field, max, required }: { field: string; max: number; required: boolean },
  strings: CredentialOverlayStrings = en,
): string | undefined {
  const text = value.trim();
  if (required && !text) return strings.nameRequired;
  const length = lengthOf(text);
  return length > max ? strings.tooLong({ field, length, max }) : undefined;
}

// Prefixes of every key shape we know, and any long run of key characters: masked in text we
// did not write (a host's error message, a provider's reply) before it is shown.
const KEY_LIKE = /(sk-|sess-|gsk_|AIza|xai-|pplx-|hf_)[A-Za-z0-9_-]{6,}|[A-Za-z0-9_-]{32,}/g;

/** Replaces key-like text with its prefix and `…`, so a message can be shown safely. */
export const maskSecrets = (text: string): string => text.replace(KEY_LIKE, (_, prefix?: string) => `${prefix ?? ''}…`);
