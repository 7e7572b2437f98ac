/**
 * The form as data (contract sections 4, 10 and 11): which fields a preset shows, the rule of
 * each, and the validation of a whole Save. Pure: no DOM; the element renders what this
 * returns. Field ids share one namespace with `name`, `description` and `apiKey`.
 */
import { DEV } from './dev.js';
import { checkKey, checkText, keyTypeOfHint, type KeyCheck } from './key-rules.js';
import type { PresetField, ProviderPreset } from './presets/types.js';
import type { CredentialOverlayStrings } from './strings.js';
import { checkUserUrl } from './url.js';

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 1000;
/** Ids of the fields every credential has; a preset's own field may not take one. */
export const BUILT_IN_IDS: readonly string[] = ['name', 'description', 'apiKey'];

/** A field's texts in the current language: the translation by id, else the preset's own. */
export function fieldText(field: PresetField, strings: CredentialOverlayStrings) {
  const t = strings.fields?.[field.id] ?? {};
  return {
    label: t.label ?? field.label,
    help: t.help ?? field.help,
    placeholder: t.placeholder ?? field.placeholder,
    message: t.message ?? field.rule?.message ?? '',
    note: t.note ?? field.expect?.note ?? '',
    option: (value: string) => t.options?.[value] ?? field.options?.find((o) => o.value === value)?.label ?? value,
  };
}

/** The most characters a field may have. */
export const maxLengthOf = (field: PresetField) => field.maxLength ?? (field.kind === 'url' ? 2048 : 200);

/** One preset field's verdict: an error that blocks Save, or a note that does not. */
export function checkField(field: PresetField, raw: string, strings: CredentialOverlayStrings): { error?: string; note?: string } {
  const text = fieldText(field, strings);
  const value = raw.trim();
  if (!value) return field.required ? { error: strings.fieldRequired({ field: text.label }) } : {};
  const tooLong = checkText(value, { field: text.label, max: maxLengthOf(field), required: false }, strings);
  if (tooLong) return { error: tooLong };
  let note: string | undefined;
  if (field.kind === 'url') {
    const url = checkUserUrl(value);
    if (!url.ok) {
      const p = { field: text.label, host: url.host ?? '' };
      const messages = {
        invalid: strings.urlInvalid,
        scheme: strings.urlScheme,
        credentials: strings.urlCredentials,
        'public-http': strings.urlPublicHttp,
      };
      return { error: messages[url.problem](p) };
    }
    if (url.unencrypted) note = strings.noteUnencrypted({ field: text.label });
  }
  if (field.kind === 'select' && !field.options?.some((o) => o.value === value)) return { error: strings.fieldRequired({ field: text.label }) };
  if (field.rule && !field.rule.pattern.test(value)) return { error: text.message };
  if (!note && field.expect && !field.expect.pattern.test(value)) note = text.note;
  return note ? { note } : {};
}

/**
 * The values a preset's fields open with: `values[id]` where the preset has that field, else
 * its default. Unknown ids, non-string values and a `select` value that is not one of its
 * options are ignored, each with one warning; a secret is never taken from `values`.
 */
export function initialValues(
  preset: ProviderPreset,
  values: Readonly<Record<string, unknown>> | null | undefined,
  warn: (message: string) => void,
): Record<string, string> {
  const out: Record<string, string> = {};
  const given = values && typeof values === 'object' ? values : {};
  const fields = preset.fields ?? [];
  for (const id of Object.keys(given)) {
    if (!DEV) break;
    if (id === 'apiKey') warn('values.apiKey ignored: the key is never an initial value.');
    else if (!fields.some((f) => f.id === id)) warn(`values.${id} ignored: the "${preset.id}" preset has no field "${id}".`);
  }
  for (const field of fields) {
    const value = Object.prototype.hasOwnProperty.call(given, field.id) ? given[field.id] : undefined;
    let chosen = field.default ?? (field.kind === 'select' ? field.options?.[0]?.value : undefined) ?? '';
    if (typeof value === 'string') {
      if (field.kind === 'select' && !field.options?.some((o) => o.value === value)) {
        if (DEV) warn(`values.${field.id} ignored: "${value}" is not one of its options.`);
      } else {
        chosen = value;
      }
    } else if (value !== undefined && value !== null) {
      if (DEV) warn(`values.${field.id} ignored: it is not a string.`);
    }
    out[field.id] = chosen;
  }
  return out;
}

/** What the user entered, by id: `name`, `description`, `apiKey` and the preset's field ids. */
export type FormValues = Record<string, string>;

/**
 * How the overlay was opened: a new credential, or a saved one whose key is only known by its
 * hint (`""` when none with a hint's shape was given); `hintGiven`: some hint was given, so a
 * key is saved even if its hint is not shown.
 */
export type FormMode = { mode: 'add' } | { mode: 'edit'; savedHint: string; hintGiven: boolean; initial: FormValues };

export interface FormResult {
  /** The message of each invalid id; no entry for a valid one. */
  errors: Record<string, string>;
  /** Notes that do not block, by id. */
  notes: Record<string, string>;
  /** The key's verdict; `undefined` when the key was left empty where that is allowed (edit mode, an optional key). */
  key?: KeyCheck & { ok: true };
}

/**
 * Edit mode, a saved key, and a `url` field changed (contract section 10): the key would go to
 * a new address, so it must be entered again. A credential saved without a key (an optional
 * key, no hint given) has nothing to send and may move.
 */
export function keyNeededAgain(values: FormValues, preset: ProviderPreset, how: FormMode): boolean {
  if (how.mode !== 'edit') return false;
  const keySaved = how.hintGiven || preset.key?.required !== false;
  return keySaved && movesKey(preset, how.initial, values);
}

/** Whether an empty key field is fine: edit mode keeps the saved key (unless it would move), and some presets need none. */
const keyMayBeEmpty = (values: FormValues, preset: ProviderPreset, how: FormMode) =>
  how.mode === 'edit' ? !keyNeededAgain(values, preset, how) : preset.key?.required === false;

/** Validates one id (the blur check), or `undefined` when it is fine. */
export function checkOne(
  id: string,
  values: FormValues,
  preset: ProviderPreset,
  how: FormMode,
  strings: CredentialOverlayStrings,
): { error?: string; note?: string } {
  const value = values[id] ?? '';
  if (id === 'name') return { error: checkText(value, { field: strings.nameLabel, max: NAME_MAX, required: true }, strings) };
  if (id === 'description') {
    return { error: checkText(value, { field: strings.descriptionLabel, max: DESCRIPTION_MAX, required: false }, strings) };
  }
  if (id === 'apiKey') {
    if (!value.trim()) {
      if (keyMayBeEmpty(values, preset, how)) return {};
      if (how.mode === 'edit') return { error: strings.keyNewAddress };
    }
    const key = checkKey(value, preset, strings);
    return key.ok ? { note: key.notes.join(' ') || undefined } : { error: key.message };
  }
  const field = preset.fields?.find((f) => f.id === id);
  return field ? checkField(field, value, strings) : {};
}

/** Validates a whole Save, in the order the fields are shown. */
export function validateForm(values: FormValues, preset: ProviderPreset, how: FormMode, strings: CredentialOverlayStrings): FormResult {
  const errors: Record<string, string> = {};
  const notes: Record<string, string> = {};
  let key: FormResult['key'];
  for (const id of formIds(preset)) {
    const { error, note } = checkOne(id, values, preset, how, strings);
    if (error) errors[id] = error;
    if (note) notes[id] = note;
  }
  if (!errors.apiKey && (values.apiKey ?? '').trim()) {
    const checked = checkKey(values.apiKey, preset, strings);
    if (checked.ok) key = checked;
  }
  return { errors, notes, key };
}

/** Every id of the form, in the order shown: name, description, key, then the preset's fields (Advanced last). */
export const formIds = (preset: ProviderPreset): string[] => [
  ...BUILT_IN_IDS,
  ...(preset.fields ?? []).filter((f) => !f.advanced).map((f) => f.id),
  ...(preset.fields ?? []).filter((f) => f.advanced).map((f) => f.id),
];

/** The key part of `credential-saved`: a new key's, or the saved one's hint when the key was left empty. */
export function keyDetail(result: FormResult, preset: ProviderPreset, how: FormMode) {
  if (result.key) return { apiKey: result.key.apiKey, keyType: result.key.keyType, keyHint: result.key.keyHint, keyChanged: true };
  if (how.mode === 'edit') {
    return { apiKey: '', keyType: keyTypeOfHint(how.savedHint, preset.key) ?? 'unknown', keyHint: how.savedHint, keyChanged: false };
  }
  // A preset whose key is optional, saved without one.
  return { apiKey: '', keyType: 'none', keyHint: '', keyChanged: true };
}

/**
 * The ids whose value differs from what the overlay opened with (edit mode), or every id with
 * a value (add mode). Compared trimmed, as they are reported.
 */
export function changedIds(values: FormValues, initial: FormValues, preset: ProviderPreset, how: FormMode): string[] {
  return formIds(preset).filter((id) => {
    const now = (values[id] ?? '').trim();
    if (how.mode === 'add') return now !== '';
    if (id === 'apiKey') return now !== '';
    return now !== (initial[id] ?? '').trim();
  });
}

/**
 * `detail.organization` and `detail.project` (contract section 5): the OpenAI preset's two
 * Advanced fields, kept as top-level members of every detail; `""` for other presets.
 */
export const legacyFields = (fields: Readonly<Record<string, string>>) => ({
  organization: fields.organization ?? '',
  project: fields.project ?? '',
});

/** The field ids a preset's check sends: editing one makes an earlier "could not confirm" stale. */
export function sentFields(preset: ProviderPreset): string[] {
  const check = preset.check;
  if (!check) return [];
  const used = [check.url, check.body ?? '', ...Object.values(check.headers ?? {})].join(' ');
  return (preset.fields ?? []).map((f) => f.id).filter((id) => used.includes(`{${id}}`));
}

/** The ids of the fields that decide where the key is sent: every `url` field (an Azure Endpoint, a Base URL). */
export const addressFields = (preset: ProviderPreset): string[] => (preset.fields ?? []).filter((f) => f.kind === 'url').map((f) => f.id);

/**
 * Whether `after` would send the key to another address than `before` (contract sections 10
 * and 15): a `url` field whose trimmed value differs. Such a change needs the key again.
 */
export const movesKey = (preset: ProviderPreset, before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): boolean =>
  addressFields(preset).some((id) => (before[id] ?? '').trim() !== (after[id] ?? '').trim());
