/**
 * Checks a preset before it is registered (contract section 11): a `TypeError` that names
 * the first problem, so a malformed preset never half-registers. Pure, and written for size:
 * a small schema walked once, plus the rules that span members (ids, options, placeholders).
 */
import { BUILT_IN_IDS } from '../form-model.js';
import type { ProviderPreset } from './types.js';

type Obj = Record<string, unknown>;
/** A member's type: `s` non-empty string, `t` any string, `i` whole number ≥ 0, `b` boolean, `r` RegExp without g/y, `u` http(s) URL, `S` list of strings, `o` object. A trailing `?` makes it optional. */
type Spec = string | { [member: string]: Spec } | [Spec];

const WHAT: Record<string, string> = {
  s: 'a non-empty string',
  t: 'a string',
  i: 'a whole number',
  b: 'true or false',
  r: 'a RegExp without the g or y flag',
  u: 'an http: or https: URL',
  S: 'a list of strings',
  o: 'an object',
};

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUrl = (v: unknown) => {
  try {
    return /^https?:$/.test(new URL(v as string).protocol);
  } catch {
    return false;
  }
};
const TESTS: Record<string, (v: unknown) => boolean> = {
  s: (v) => typeof v === 'string' && v.trim() !== '',
  t: (v) => typeof v === 'string',
  i: (v) => Number.isInteger(v) && (v as number) >= 0,
  b: (v) => typeof v === 'boolean',
  r: (v) => v instanceof RegExp && !v.global && !v.sticky,
  u: isUrl,
  S: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
  o: isObject,
};

const KEY: Spec = {
  prefix: 's?',
  minBodyLength: 'i?',
  maxLength: 'i?',
  alphabet: 's?',
  envNames: 'S?',
  types: [{ id: 's', prefix: 't', pattern: 'r?' }],
  fallbackType: 's?',
  foreign: [{ prefix: 's', name: 's', pattern: 'r?', session: 'b?', overlap: 'b?' }],
  foreignIsNote: 'b?',
  shapes: ['r'],
  marker: 's?',
  adminTypes: 'S?',
  required: 'b?',
};
const FIELD: Spec = {
  id: 's',
  label: 's',
  kind: 's?',
  options: [{ value: 't', label: 't?' }],
  required: 'b?',
  advanced: 'b?',
  default: 't?',
  placeholder: 't?',
  help: 't?',
  rule: { pattern: 'r', message: 's' },
  expect: { pattern: 'r', note: 's' },
  maxLength: 'i?',
};
/** An answer the check recognizes: its status, and the error code or words it carries. */
const ANSWERS: Spec = [{ status: 'i', code: 's?', says: 'r?' }];
const CHECK: Spec = {
  method: 's?',
  url: 's',
  headers: 'o?',
  body: 't?',
  valid: { path: 's', type: 's?' },
  invalid: [{ path: 's' }],
  rejectStatus: ['i'],
  messagePaths: 'S?',
  browser: 'b?',
  limited: ANSWERS,
  noCredit: ANSWERS,
  unconfirmed: ANSWERS,
  models: { path: 's', id: 's?', strip: 's?', url: 's?' },
  credit: { currency: 's', limit: 's?', remaining: 's?', used: 's?' },
  expiresAt: 's?',
};
const CONNECT: Spec = {
  url: 'u',
  query: 'o',
  exchange: { url: 's', body: 'o' },
  keyPath: 's',
};
const PRESET: Spec = {
  id: 's',
  label: 's',
  docsUrl: 'u',
  baseUrl: 'u?',
  authHeader: 's',
  key: KEY,
  fields: [FIELD],
  check: CHECK,
  connect: CONNECT,
};

/** The first member of `value` that does not fit `spec`, as "path must be …". Object and list members are optional. */
function walk(value: unknown, spec: Spec, path: string): string | undefined {
  if (typeof spec === 'string') {
    if (spec.endsWith('?') && value === undefined) return undefined;
    return TESTS[spec[0]](value) ? undefined : `${path} must be ${WHAT[spec[0]]}`;
  }
  if (Array.isArray(spec)) {
    if (!Array.isArray(value)) return `${path} must be a list`;
    for (let i = 0; i < value.length; i++) {
      const problem = walk(value[i], spec[0], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isObject(value)) return `${path || 'a preset'} must be ${WHAT.o}`;
  for (const [member, inner] of Object.entries(spec)) {
    if (typeof inner !== 'string' && value[member] === undefined) continue;
    const problem = walk(value[member], inner, path ? `${path}.${member}` : member);
    if (problem) return problem;
  }
  return undefined;
}

/** The first problem of `preset`, in words, or `undefined` when it is well formed. */
export function presetProblem(preset: unknown): string | undefined {
  const shape = walk(preset, PRESET, '');
  if (shape) return shape;
  const p = preset as ProviderPreset;
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(p.id)) return 'id may hold only letters, digits, ".", "_" and "-"';
  if (p.key?.alphabet) {
    try {
      new RegExp(`[${p.key.alphabet}]`);
    } catch {
      return `key.alphabet "${p.key.alphabet}" is not a character class body`;
    }
  }
  const ids: string[] = [];
  for (const f of p.fields ?? []) {
    const at = `field "${f.id}"`;
    if (!/^[A-Za-z]\w*$/.test(f.id)) return `${at}: an id is letters, digits and "_", starting with a letter`;
    // The built-in fields' ids, and `form`, the id of the form-level error.
    if ([...BUILT_IN_IDS, 'form'].includes(f.id) || (f.id === 'baseUrl' && f.kind !== 'url')) return `${at} takes an id the overlay already uses`;
    if (ids.includes(f.id)) return `two fields have the id "${f.id}"`;
    ids.push(f.id);
    if (f.kind && !['text', 'url', 'select'].includes(f.kind)) return `${at}: kind must be "text", "url" or "select"`;
    const values = (f.options ?? []).map((o) => o.value);
    if (f.kind === 'select' && !values.length) return `${at} is a select without options`;
    if (new Set(values).size !== values.length) return `${at} has two options with the same value`;
    if (f.kind === 'select' && f.default !== undefined && !values.includes(f.default)) return `${at}: its default is not one of its options`;
  }
  const c = p.check;
  if (c) {
    if (c.method && !['GET', 'POST'].includes(c.method)) return 'check.method must be "GET" or "POST"';
    const headers = Object.values(c.headers ?? {});
    if (headers.some((h) => typeof h !== 'string')) return 'check.headers must map header names to strings';
    for (const [, name] of [c.url, c.body ?? '', ...headers].join(' ').matchAll(/\{(\w+)\}/g)) {
      if (!['apiKey', 'baseUrl', ...ids].includes(name)) return `the check uses {${name}}, which is not apiKey, baseUrl or a field id`;
      if (name === 'baseUrl' && !p.baseUrl && !ids.includes('baseUrl')) return 'the check uses {baseUrl}, but the preset has no baseUrl';
    }
  }
  return undefined;
}

/** Throws a `TypeError` naming the first problem of `preset`. */
export function assertPreset(preset: unknown): asserts preset is ProviderPreset {
  const problem = presetProblem(preset);
  if (problem) {
    const id = (preset as Obj | null)?.id;
    throw new TypeError(`registerProvider(): ${typeof id === 'string' ? `preset "${id}": ` : ''}${problem}.`);
  }
}
