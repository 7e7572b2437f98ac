/**
 * Normalization and validation of pasted API keys (contract sections 7 and 11), driven by a
 * preset's key rules. Pure: no DOM, no state; every message comes from `strings`, so it is
 * testable as tables of inputs, and a server can import it.
 */
import { escapeRegExp } from './mask.js';
import { foreignTo } from './presets/known-keys.js';
import type { ForeignKeyRule, KeyRules, ProviderPreset } from './presets/types.js';
import { en, type AlphabetPart, type CharacterKind, type CredentialOverlayStrings } from './strings.js';

export type KeyErrorCode =
  | 'empty'
  | 'character-inside'
  | 'too-long'
  | 'other-provider'
  | 'placeholder'
  | 'wrong-prefix'
  | 'bad-character'
  | 'too-short'
  | 'repeated';

export type KeyCheck =
  | { ok: true; apiKey: string; keyType: string; keyHint: string; notes: string[] }
  | { ok: false; code: KeyErrorCode; message: string };

/** The most characters a key may have when a preset does not say (contract section 7). */
export const MAX_KEY_LENGTH = 512;

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

/**
 * What a user pasted, reduced to the key: trims, unwraps quotes, strips `export`,
 * `NAME=`, `Authorization:` and `Bearer`, in the contract's order.
 */
export function normalizeKey(raw: string, rules: Pick<KeyRules, 'envNames'> = {}): string {
  let s = trim(raw);
  const inner = unwrap(s);
  if (inner !== undefined) s = inner;
  s = s.replace(/^export\s+/, '');
  const names = rules.envNames ?? [];
  if (names.length) s = s.replace(new RegExp(`^(?:${names.map(escapeRegExp).join('|')})\\s*[=:]\\s*`), '');
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

/**
 * A character class body (`A-Za-z0-9_-`) as the parts a message names: letters, digits,
 * hexadecimal digits, other ranges and single characters, so a preset's own alphabet is
 * described in words ("letters, digits, _ and -"; "hexadecimal digits (0–9, a–f)").
 */
export function describeAlphabet(alphabet: string): AlphabetPart[] {
  const ranges: Array<[string, string]> = [];
  const chars: string[] = [];
  for (let i = 0; i < alphabet.length; i++) {
    let c = alphabet[i];
    if (c === '\\' && i + 1 < alphabet.length) c = alphabet[++i];
    if (alphabet[i + 1] === '-' && i + 2 < alphabet.length) {
      let end = alphabet[i + 2];
      i += 2;
      if (end === '\\' && i + 1 < alphabet.length) end = alphabet[++i];
      ranges.push([c, end]);
    } else {
      chars.push(c);
    }
  }
  const has = (from: string, to: string) => ranges.some(([a, b]) => a === from && b === to);
  const taken = new Set<string>();
  const take = (from: string, to: string) => taken.add(`${from}-${to}`);
  const parts: AlphabetPart[] = [];
  const upper = has('A', 'Z');
  const lower = has('a', 'z');
  const digits = has('0', '9');
  if (upper && lower) {
    parts.push({ kind: 'letters' });
    take('A', 'Z');
    take('a', 'z');
  } else if (upper) {
    parts.push({ kind: 'uppercase' });
    take('A', 'Z');
  } else if (lower) {
    parts.push({ kind: 'lowercase' });
    take('a', 'z');
  }
  if (digits && !upper && !lower && (has('a', 'f') || has('A', 'F'))) {
    parts.push({ kind: 'hex', value: has('a', 'f') && has('A', 'F') ? '0–9, a–f, A–F' : has('a', 'f') ? '0–9, a–f' : '0–9, A–F' });
    take('0', '9');
    take('a', 'f');
    take('A', 'F');
  } else if (digits) {
    parts.push({ kind: 'digits' });
    take('0', '9');
  }
  for (const [a, b] of ranges) if (!taken.has(`${a}-${b}`)) parts.push({ kind: 'range', value: `${a}–${b}` });
  for (const c of chars) parts.push({ kind: 'char', value: c });
  return parts;
}

/** A word as documentation writes it: in capitals, in lower case, or capitalized (`YOUR`, `your`, `Your`). */
const written = (word: string) => `${word}|${word.toLowerCase()}|${word[0]}${word.slice(1).toLowerCase()}`;
/** A word in any case, for the words that run on after `YOUR`. */
const anyCase = (word: string) => word.replace(/[A-Z]/g, (c) => `[${c}${c.toLowerCase()}]`);
const WORD_EDGE = 'A-Za-z0-9';
/**
 * Placeholders copied from documentation (contract section 7): `REPLACE`, `EXAMPLE`,
 * `PLACEHOLDER` or `INSERT` anywhere; `YOUR` standing as a word (`YOUR_API_KEY`,
 * `sk-your-key-here`) or running on into `KEY`, `API`, `TOKEN`, `SECRET`, `OWN`, `ACTUAL` or
 * `REAL` (`yourkeyhere`, `YourApiKey`); the same character 12 or more times in a row.
 * A word counts as documentation writes it, not in any mix of cases: in a random key of 156
 * characters `your` in any case turns up about once in 7,000 keys, so a real key would be
 * refused; as written here, about once in 30 million (`REPLACE` and the rest even less), and
 * a run of 12 equal characters practically never.
 */
const PLACEHOLDER = new RegExp(
  [
    `(?:${['REPLACE', 'EXAMPLE', 'PLACEHOLDER', 'INSERT'].map(written).join('|')})`,
    `(?<![${WORD_EDGE}])(?:${written('YOUR')})(?![${WORD_EDGE}])`,
    `(?:${written('YOUR')})(?:${['KEY', 'API', 'TOKEN', 'SECRET', 'OWN', 'ACTUAL', 'REAL'].map(anyCase).join('|')})`,
    '(.)\\1{11}',
  ].join('|'),
);

/** Whether `key` (normalized) is a placeholder copied from documentation rather than a key. */
export const isPlaceholder = (key: string): boolean => PLACEHOLDER.test(key);

/** Whether `key` may be a key of this preset by its own prefix or shapes (so another service's look-alike is only a note). */
function mayBeOurs(key: string, rules: KeyRules): boolean {
  if (rules.prefix) return key.startsWith(rules.prefix);
  return Boolean(rules.shapes?.some((s) => s.test(key)) || rules.types?.some((t) => t.pattern?.test(key)));
}

/** The first known key of another service that `key` looks like, and whether that only deserves a note. */
function otherProvider(key: string, rules: KeyRules, foreign: readonly ForeignKeyRule[]) {
  const expected = rules.prefix ?? '';
  const ours = mayBeOurs(key, rules);
  for (const f of foreign) {
    if (!key.startsWith(f.prefix) || (f.pattern && !f.pattern.test(key))) continue;
    // A prefix that is our own or a shorter form of it (OpenAI's `sk-` inside the Anthropic
    // preset's `sk-ant-`) says nothing about a key with our prefix.
    if (!f.pattern && expected && key.startsWith(expected) && expected.startsWith(f.prefix)) continue;
    const note = Boolean(rules.foreignIsNote || (ours && (f.overlap || !expected)));
    return { rule: f, note };
  }
  return undefined;
}

/**
 * A hint that is safe to show and store: the type's prefix (else the preset's), `…`, and the
 * last four characters. A key too short to spare four characters shows none of them.
 */
export function keyHint(key: string, prefix: string): string {
  return `${prefix}…${key.length - prefix.length >= 8 ? key.slice(-4) : ''}`;
}

/**
 * The key type of a kept key (edit mode), where the preset can tell: the type whose prefix the
 * saved hint starts with (the longest: `sk-proj-` rather than `sk-`), else the preset's only
 * type (one type rule, or none and a `fallbackType`); `undefined` otherwise.
 */
export function keyTypeOfHint(hint: string, rules: KeyRules = {}): string | undefined {
  const types = rules.types ?? [];
  const prefix = hint.includes('…') ? hint.split('…')[0] : '';
  const named = prefix && [...types].sort((a, b) => b.prefix.length - a.prefix.length).find((t) => t.prefix === prefix && !t.pattern);
  if (named) return named.id;
  if (types.length === 1 && !types[0].pattern) return types[0].id;
  return types.length === 0 ? rules.fallbackType : undefined;
}

/** Normalizes and validates a pasted key against a preset's rules. Only the first problem is reported. */
export function checkKey(
  raw: string,
  preset: Pick<ProviderPreset, 'id' | 'label' | 'key'>,
  strings: CredentialOverlayStrings = en,
): KeyCheck {
  const rules: KeyRules = preset.key ?? {};
  const provider = preset.label;
  const fail = (code: KeyErrorCode, message: string): KeyCheck => ({ ok: false, code, message });
  const key = normalizeKey(raw, rules);
  const expected = rules.prefix ?? '';
  const maxLength = rules.maxLength ?? MAX_KEY_LENGTH;
  const fallbackType = rules.fallbackType ?? 'unknown';

  if (!key) return fail('empty', strings.keyRequired({ provider }));

  const odd = NOT_PRINTABLE_ASCII.exec(key);
  if (odd) {
    const char = odd[0];
    const position = Array.from(key.slice(0, odd.index)).length + 1;
    const character = strings.describeCharacter({ kind: classify(char), char, codePoint: codePointOf(char) });
    return fail('character-inside', strings.keyCharacterInside({ character, position }));
  }

  if (key.length > maxLength) return fail('too-long', strings.keyTooLong({ length: key.length, max: maxLength }));

  const notes: string[] = [];
  const other = otherProvider(key, rules, rules.foreign ?? foreignTo(preset.id));
  if (other) {
    const p = { other: other.rule.name, prefix: other.rule.prefix, provider, expected };
    if (other.note) notes.push(strings.noteOtherProvider(p));
    else return fail('other-provider', other.rule.session ? strings.keySessionToken(p) : strings.keyOtherProvider(p));
  }

  if (isPlaceholder(key)) return fail('placeholder', strings.keyPlaceholder);

  if (expected && !key.startsWith(expected)) return fail('wrong-prefix', strings.keyWrongPrefix({ provider, expected }));

  if (rules.alphabet) {
    const bad = new RegExp(`[^${rules.alphabet}]`).exec(key);
    if (bad) {
      const allowed = strings.allowedCharacters({ parts: describeAlphabet(rules.alphabet) });
      return fail('bad-character', strings.keyBadCharacter({ char: bad[0], position: bad.index + 1, provider, allowed }));
    }
  }

  // Pasted twice (Ctrl+V twice; a line break between becomes a space in a single-line field
  // and is named above): the whole key repeated, or a type's prefix starting a second key.
  const half = key.length / 2;
  const again =
    Number.isInteger(half) && half >= 20 && key.slice(0, half) === key.slice(half)
      ? half
      : (rules.types ?? [])
          .filter((t) => t.prefix.length > expected.length)
          .map((t) => key.indexOf(t.prefix, 1))
          .find((i) => i > 0);
  if (again) return fail('repeated', strings.keyRepeated({ position: again + 1 }));

  const body = key.length - expected.length;
  const min = rules.minBodyLength ?? 0;
  if (body < min) {
    return fail(
      'too-short',
      expected ? strings.keyTooShort({ length: body, min, prefix: expected }) : strings.keyTooShortNoPrefix({ length: body, min }),
    );
  }

  const type = rules.types?.find((t) => key.startsWith(t.prefix) && (!t.pattern || t.pattern.test(key)));
  const keyType = type?.id ?? fallbackType;
  const shaped = rules.shapes ? rules.shapes.some((s) => s.test(key)) : Boolean(type) || !rules.types?.length;
  if (rules.adminTypes?.includes(keyType)) notes.push(strings.noteAdminKey);
  else if (!notes.length && (!shaped || (rules.marker && !key.includes(rules.marker)))) notes.push(strings.noteUnusualShape({ provider }));

  return { ok: true, apiKey: key, keyType, keyHint: keyHint(key, type?.prefix ?? expected), notes };
}

/** Length as a person counts it: in characters, not UTF-16 code units. */
export const lengthOf = (s: string) => Array.from(s).length;

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
