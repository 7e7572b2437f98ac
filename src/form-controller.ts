/**
 * The form's state (contract sections 4, 10 and 11), held for the host (it asks the host to update): the values the
 * overlay opened with and what the user typed since, the mode (add or edit), each field's
 * error and note, what is dirty and what changed. The rules themselves are pure, in form.ts;
 * the key never enters this state: it is read from its input only when it is needed.
 */
import type { ReactiveControllerHost } from 'lit';
import type { FormResult } from './form.js';
import { formIds, initialValues, keyNeededAgain, keySaved, type FormMode, type FormValues } from './form-model.js';
import { DEV } from './dev.js';
import { hintShape } from './mask.js';
import { rules } from './rules-loader.js';
import type { OverlayContext } from './context.js';
import type { ProviderPreset } from './presets/types.js';
import type { CredentialOverlayStrings } from './strings.js';

/** The DOM id of a field's control: the built-in ones keep their names, a preset's are prefixed. */
export const domId = (id: string) => (id === 'apiKey' ? 'api-key' : id === 'name' || id === 'description' ? id : `f-${id}`);

/**
 * What `credential-id` and `existing-key-hint` say (contract sections 3 and 10): edit mode
 * when either is set; an id longer than 200 characters or with control characters is no id;
 * a hint is shown only when it has a hint's shape, but any hint given means a key is saved.
 */
export function editTarget(rawId: string | null | undefined, rawHint: string | null | undefined) {
  const given = (rawId ?? '').trim();
  // eslint-disable-next-line no-control-regex
  const badId = given.length > 200 || /[\u0000-\u001f\u007f-\u009f]/.test(given);
  const id = badId ? '' : given;
  const raw = (rawHint ?? '').trim();
  const hint = hintShape(raw);
  return { id, badId, hint, hintGiven: Boolean(raw), badHint: Boolean(raw) && !hint, edit: Boolean(id || raw) };
}

export class FormController {
  readonly #host: ReactiveControllerHost;
  readonly #ctx: OverlayContext;

  /** Add, or edit of a saved credential: fixed while open. */
  how: FormMode = { mode: 'add' };
  /** What the user typed, by form id; never the key, which lives only in its input. */
  values: FormValues = {};
  /** The values the overlay opened with. */
  initial: FormValues = {};
  /** Edit mode: the preset and API base it opened with; another one would send the saved key elsewhere. */
  #opened = { provider: '', baseUrl: '' };
  #errors: Record<string, string | undefined> = {};
  #notes: Record<string, string | undefined> = {};
  #announcement = '';

  /** Each field's error (`form`: the form-level one). */
  get errors(): Readonly<Record<string, string | undefined>> {
    return this.#errors;
  }
  set errors(value: Record<string, string | undefined>) {
    this.#errors = value;
    this.#host.requestUpdate();
  }
  /** Notes that do not block, by id. */
  get notes(): Readonly<Record<string, string | undefined>> {
    return this.#notes;
  }
  set notes(value: Record<string, string | undefined>) {
    this.#notes = value;
    this.#host.requestUpdate();
  }
  /** Text of the polite live region (a failed Save, a running check). */
  get announcement(): string {
    return this.#announcement;
  }
  set announcement(value: string) {
    this.#announcement = value;
    this.#host.requestUpdate();
  }
  /** Fields the user has edited since opening: they are checked on blur. */
  readonly #edited = new Set<string>();

  constructor(host: ReactiveControllerHost, ctx: OverlayContext) {
    this.#host = host;
    this.#ctx = ctx;
  }

  /**
   * Starts a session on what the host set (contract sections 3 and 10): the mode from
   * `credential-id` and `existing-key-hint`, the initial values from `credential-name`,
   * `credential-description` and `values`; each ignored value gets one warning through `warn`
   * (never the value: a hint may be a whole key). Returns the session's credential id.
   */
  start(
    host: { credentialId: string; existingKeyHint: string; credentialName: string; credentialDescription: string; values: Readonly<Record<string, unknown>> },
    warn: (key: string, message: string) => void,
  ): string {
    const target = editTarget(host.credentialId, host.existingKeyHint);
    if (DEV && target.badId) warn(`id:${host.credentialId.length}`, 'credential-id ignored: an id has at most 200 characters and no control characters.');
    if (DEV && target.badHint) warn(`hint:${host.existingKeyHint.length}`, 'existing-key-hint ignored: it does not have the shape of a hint (a prefix, "…" and at most 4 characters), so it is never shown.');
    const preset = this.#ctx.preset();
    const values = preset ? initialValues(preset, host.values, (m) => warn(`values:${m}`, m)) : {};
    const initial = { name: host.credentialName ?? '', description: host.credentialDescription ?? '', ...values };
    this.initial = initial;
    this.values = { ...initial };
    this.how = target.edit ? { mode: 'edit', savedHint: target.hint, hintGiven: target.hintGiven, initial } : { mode: 'add' };
    this.#opened = { provider: preset?.id ?? '', baseUrl: this.#ctx.baseUrl() };
    this.clear();
    return target.id;
  }

  /** Forgets every message (the values stay). */
  clear(): void {
    this.errors = {};
    this.notes = {};
    this.announcement = '';
    this.#edited.clear();
    this.#host.requestUpdate();
  }

  /** Closed: forgets the values too. */
  end(): void {
    this.values = {};
    this.initial = {};
    this.clear();
  }

  /** Another preset while open: what the user typed stays; its own fields start from their defaults. */
  presetChanged(preset: ProviderPreset): void {
    for (const [id, value] of Object.entries(initialValues(preset, {}, () => {}))) this.values[id] ??= value;
    this.errors = {};
    this.notes = {};
    this.#ctx.changed('provider');
  }

  /** What the form holds now, the key included: only for validating and emitting. */
  current(): FormValues {
    return { ...this.values, apiKey: (this.#ctx.keyInput()?.value ?? '') };
  }

  /** The user typed into `id`; an error shown there goes as soon as the value is fixed. */
  input(id: string, value: string): void {
    this.#edited.add(id);
    if (id !== 'apiKey') this.values[id] = value;
    if (this.errors[id] && !this.#check(id).error) this.errors = { ...this.errors, [id]: undefined };
    this.#ctx.changed(id);
    // Edit mode: a moved address changes what the key field says.
    this.#host.requestUpdate();
  }

  /** The key field shows the key as text (contract section 4); masked again whenever it closes or a key arrives. */
  revealed = false;

  /** A key from elsewhere (a connect flow) into the key field, masked, as if typed; returns the field. */
  putKey(key: string): HTMLInputElement | null {
    const input = this.#ctx.keyInput();
    if (input) input.value = key;
    this.revealed = false;
    this.input('apiKey', key);
    return input;
  }

  /**
   * Checks an edited field when it loses focus; not when focus moves to Save, Cancel or Close
   * (an error appearing on mousedown would shift the buttons and swallow the click; Save
   * checks every field anyway).
   */
  blur(id: string, event?: FocusEvent): void {
    if (!this.#edited.has(id) || (event?.relatedTarget as Element | null)?.closest?.('.header, .footer')) return;
    const { error, note } = this.#check(id);
    this.errors = { ...this.errors, [id]: error };
    this.notes = { ...this.notes, [id]: note };
  }

  #check(id: string): { error?: string; note?: string } {
    const preset = this.#ctx.preset();
    const strings = this.#ctx.strings();
    // Save's rules are loaded before the overlay opens (rules-loader.ts).
    return preset ? rules()!.checkOne(id, this.current(), preset, this.how, strings) : {};
  }

  /** Validates a whole Save: notes shown, errors returned (not shown yet). */
  validate(preset: ProviderPreset): FormResult {
    const result = rules()!.validateForm(this.current(), preset, this.how, this.#ctx.strings());
    // A preset or API base changed while editing moves the key too (url fields are the rules' own).
    if (!result.errors.apiKey && !this.current().apiKey.trim() && this.keyNeededAgain(preset)) result.errors.apiKey = this.#ctx.strings().keyNewAddress;
    this.notes = result.notes;
    return result;
  }

  /** Shows `errors` (and a form-level one under `form`); returns the first field id in error, in form order. */
  show(errors: Record<string, string | undefined>): string | undefined {
    this.errors = errors;
    const preset = this.#ctx.preset();
    return preset ? formIds(preset).find((id) => errors[id]) : undefined;
  }

  /** Announces `message` through the polite live region, again even when it is the same text. */
  announce(message: string): void {
    // A trailing no-break space toggles, so the same text is announced again.
    this.announcement = this.announcement === message ? `${message}\u00A0` : message;
  }

  /** Something differs from the values it opened with (compared trimmed, as `changed` is). */
  get dirty(): boolean {
    if ((this.#ctx.keyInput()?.value ?? '').trim()) return true;
    const ids = new Set([...Object.keys(this.values), ...Object.keys(this.initial)]);
    return [...ids].some((id) => (this.values[id] ?? '').trim() !== (this.initial[id] ?? '').trim());
  }

  /** `detail.changed` (contract section 5). */
  changed(preset: ProviderPreset): string[] {
    return rules()!.changedIds(this.current(), this.initial, preset, this.how);
  }

  /**
   * Edit mode: the key would go to a new address (contract sections 10 and 15), so it must be
   * entered again: a `url` field moved, or the preset or the API base is not the one it opened
   * with (a host re-render, a script), unless no key was saved.
   */
  keyNeededAgain(preset: ProviderPreset): boolean {
    const how = this.how;
    if (how.mode !== 'edit') return false;
    const moved = preset.id !== this.#opened.provider || this.#ctx.baseUrl() !== this.#opened.baseUrl;
    return (moved && keySaved(preset, how)) || keyNeededAgain(this.current(), preset, how);
  }

  /**
   * The key field's state (contract sections 4 and 10): whether it is required, and in edit
   * mode the text beside it: the saved hint, that a key is saved (its hint unknown), or that
   * a moved address needs it again.
   */
  keyState(preset: ProviderPreset | undefined, s: CredentialOverlayStrings): { required: boolean; saved?: string } {
    const how = this.how;
    const again = preset !== undefined && this.keyNeededAgain(preset);
    const required = again || (how.mode === 'add' && preset?.key?.required !== false);
    if (how.mode !== 'edit') return { required };
    const saved = again
      ? s.keyNewAddress
      : how.savedHint
        ? s.savedKey({ hint: how.savedHint })
        : keySaved(preset, how)
          ? s.keySaved
          : undefined;
    return { required, saved };
  }

  /** `aria-describedby` of a field: its error, note, and whatever else shows. */
  describedBy(id: string, ...others: Array<string | false | undefined>): string | undefined {
    const d = domId(id);
    return [this.errors[id] && `${d}-error`, this.notes[id] && `${d}-note`, ...others].filter(Boolean).join(' ') || undefined;
  }
}
