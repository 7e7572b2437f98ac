/**
 * Validating the form (contract sections 4, 10 and 11): the rule of each field, the key's, and
 * a whole Save; with form-model.ts (re-exported here), the form as data. Pure: no DOM; the
 * element loads it with Save's rules, a server imports it. Field ids share one namespace with
 * `name`, `description` and `apiKey`.
 */
import { checkKey, checkText, keyTypeOfHint, type KeyCheck } from './key-rules.js';
import type { PresetField, ProviderPreset } from './presets/types.js';
import { DESCRIPTION_MAX, fieldText, formIds, keyNeededAgain, NAME_MAX, type FormMode, type FormValues } from './form-model.js';
import type { CredentialOverlayStrings } from './strings.js';
import { checkUserUrl } from './url.js';

export * from './form-model.js';

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

export interface FormResult {
  /** The message of each invalid id; no entry for a valid one. */
  errors: Record<string, string>;
  /** Notes that do not block, by id. */
  notes: Record<string, string>;
  /** The key's verdict; `undefined` when the key was left empty where that is allowed (edit mode, an optional key). */
  key?: KeyCheck & { ok: true };
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

