/**
 * The input rules of the demo's server (contract sections 14 and 15), on values that the JSON
 * schemas already typed: names, descriptions and field values with the element's own rules
 * (imported from the package, not copied), plus what a server must add: no NUL, control or
 * bidi-control characters, no key where a key does not belong, ids in the server's format,
 * and one key per name for the duplicate rule.
 */
import { checkField, DESCRIPTION_MAX, initialValues, NAME_MAX, withModelField } from '../src/form.js';
import { checkKey, checkText, type KeyCheck } from '../src/key-rules.js';
import { holdsKey } from '../src/mask.js';
import { presets } from '../src/presets/all.js';
import type { ProviderPreset } from '../src/presets/types.js';
import { en } from '../src/strings.js';

/** An answer with a status and `{ error: { field, message } }`; `headers` go with it (`Allow`, `Retry-After`). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly field: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * A client-given member or field name, quoted for a message when it is a short plain
 * identifier; anything else (it could be a key, or markup) is never echoed.
 */
export const quoted = (name: string) => (/^[A-Za-z][A-Za-z0-9_]{0,23}$/.test(name) && !holdsKey(name) ? ` "${name}"` : '');

/** The server's id format: a UUID as `randomUUID` makes it. Anything else is no credential (404). */
export const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const notFound = () => new HttpError(404, 'id', 'No credential with this id.');

/** The id of a credential, or 404 when it is not in the server's format (never a database error). */
export function idOf(value: unknown): string {
  if (typeof value !== 'string' || !ID.test(value)) throw notFound();
  return value.toLowerCase();
}

const byId = new Map(presets.map((p) => [p.id, p]));

export function presetOf(id: unknown): ProviderPreset {
  const preset = typeof id === 'string' ? byId.get(id) : undefined;
  if (!preset) throw new HttpError(400, 'provider', 'Choose one of the known providers.');
  return preset;
}

// Bidi controls (embeddings, overrides, isolates, marks) reorder what a reader sees: a name
// could display as another. NUL and other controls break storage and logs.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /(?![\t\n\r])\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What is wrong with the characters of a stored text, or `undefined`: control characters
 * (line breaks and tabs only where `lines` allows them), bidi controls, and lone surrogates.
 */
export function badCharacters(text: string, label: string, lines = false): string | undefined {
  if ((lines ? CONTROL_BUT_LINES : CONTROL).test(text)) return `${label} may not hold control characters.`;
  if (BIDI.test(text)) return `${label} may not hold characters that change the direction of text.`;
  if (LONE_SURROGATE.test(text)) return `${label} holds a broken character (a lone surrogate).`;
  return undefined;
}

const keyInside = (label: string) => `${label} looks like it holds an API key. Put the key in the key field only.`;

/** A text member: the element's rule, then the server's characters rule, then no key inside. */
function checkStored(id: string, value: string, rule: { label: string; max: number; required: boolean; lines?: boolean }): string {
  const error = checkText(value, { field: rule.label, max: rule.max, required: rule.required }, en) ?? badCharacters(value, rule.label, rule.lines);
  if (error) throw new HttpError(400, id, error);
  if (holdsKey(value)) throw new HttpError(400, id, keyInside(rule.label));
  return value.trim();
}

export function checkName(name: string): string {
  const checked = checkStored('name', name, { label: en.nameLabel, max: NAME_MAX, required: true });
  // Only invisible characters: as empty as no name at all.
  if (!nameKey(checked)) throw new HttpError(400, 'name', en.nameRequired);
  return checked;
}

/** The description is a text area: line breaks and tabs are fine. */
export const checkDescription = (description: string) =>
  checkStored('description', description, { label: en.descriptionLabel, max: DESCRIPTION_MAX, required: false, lines: true });

/** The id of the overlay's optional "Default model" (`choose-model`), which any preset takes. */
export const MODEL_FIELD = 'model';

/**
 * Every field of the preset, validated by its own rule: `given` over `base` (the saved values)
 * over the preset's defaults. Unknown ids are refused; only own members are read.
 *
 * Any preset also takes the overlay's "Default model" (`model`, `withModelField`: optional, at
 * most 200 characters, plain text, no key; it moves no key). It is kept only when it holds
 * something: `""` clears it, and a credential without one has no `model` member.
 */
export function checkFields(preset: ProviderPreset, given: Readonly<Record<string, string>> = {}, base?: Readonly<Record<string, string>>): Record<string, string> {
  const withModel = withModelField(preset, en);
  const fields = withModel.fields ?? [];
  for (const id of Object.keys(given)) {
    if (!fields.some((f) => f.id === id)) throw new HttpError(400, 'body', `The ${preset.label} preset has no field${quoted(id)}.`);
  }
  const start = initialValues(withModel, base, () => {});
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = (Object.hasOwn(given, field.id) ? given[field.id] : start[field.id]).trim();
    const { error } = checkField(field, value, en);
    const problem = error ?? badCharacters(value, field.label);
    if (problem) throw new HttpError(400, field.id, problem);
    if (holdsKey(value, { url: field.kind === 'url' })) throw new HttpError(400, field.id, keyInside(field.label));
    if (field.id === MODEL_FIELD && !value && !preset.fields?.some((f) => f.id === MODEL_FIELD)) continue;
    out[field.id] = value;
  }
  return out;
}

/** A new key, validated with the preset's rules. */
export function checkNewKey(preset: ProviderPreset, raw: string): KeyCheck & { ok: true } {
  const result = checkKey(raw, preset, en);
  if (!result.ok) throw new HttpError(400, 'apiKey', result.message);
  return result;
}

/** A key given in a body: a new one when not blank, else `undefined` (keep the saved one, or none). */
export const givenKey = (preset: ProviderPreset, raw: string | undefined) => (raw?.trim() ? checkNewKey(preset, raw) : undefined);

/** A new credential's key: required unless the preset says it is optional (then `undefined` when none is given). */
export const newKey = (preset: ProviderPreset, raw: string | undefined) =>
  preset.key?.required === false ? givenKey(preset, raw) : checkNewKey(preset, raw ?? '');

// Default-ignorable code points and format characters: zero-width spaces and joiners, soft
// hyphens, variation selectors, word joiners, the BOM. Invisible, so two names that differ
// only by them look the same.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/**
 * The key of a name for the duplicate rule: names that differ only by Unicode compatibility
 * forms (NFKC: full-width letters, ligatures, no-break spaces), case, invisible characters or
 * runs of spaces are the same name.
 */
export function nameKey(name: string): string {
  const bare = name.normalize('NFKC').replace(INVISIBLE, '');
  // Upper then lower folds what lower alone keeps apart (ß and SS, ς and σ).
  return bare.toUpperCase().toLowerCase().normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
