/**
 * The form as data, the part the element needs at once (contract sections 4, 10 and 11): the
 * fields a preset shows and their texts, the values it opens with, the order of the form, and
 * which fields decide where the key goes. The validation of those values is in form.ts, loaded
 * with the rest of Save's rules. Pure: no DOM.
 */
import { DEV } from './dev.js';
import type { PresetField, ProviderPreset } from './presets/types.js';
import type { CredentialOverlayStrings } from './strings.js';

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

/**
 * Edit mode, a saved key, and a `url` field changed (contract section 10): the key would go to
 * a new address, so it must be entered again. A credential saved without a key (an optional
 * key, no hint given) has nothing to send and may move.
 */
export function keyNeededAgain(values: FormValues, preset: ProviderPreset, how: FormMode): boolean {
  return how.mode === 'edit' && keySaved(preset, how) && movesKey(preset, how.initial, values);
}

/** Edit mode: whether the credential has a saved key (a hint was given, or the preset's key is required). */
export const keySaved = (preset: ProviderPreset | undefined, how: FormMode & { mode: 'edit' }): boolean => how.hintGiven || preset?.key?.required !== false;

/** Every id of the form, in the order shown: name, description, key, then the preset's fields (Advanced last). */
export const formIds = (preset: ProviderPreset): string[] => [
  ...BUILT_IN_IDS,
  ...(preset.fields ?? []).filter((f) => !f.advanced).map((f) => f.id),
  ...(preset.fields ?? []).filter((f) => f.advanced).map((f) => f.id),
];

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

/** `choose-model` (contract section 6): the preset with an optional "Default model" field (`model`), unless it has one. */
export function withModelField(preset: ProviderPreset, s: Pick<CredentialOverlayStrings, 'modelLabel' | 'modelHelp'>): ProviderPreset {
  if (preset.fields?.some((f) => f.id === 'model')) return preset;
  return { ...preset, fields: [...(preset.fields ?? []), { id: 'model', label: s.modelLabel, help: s.modelHelp, maxLength: 200 }] };
}
