/**
 * The overlay's templates (contract sections 4, 6, 9, 10 and 11): the dialog (header, body,
 * footer, live region), a field row (label, control, error, note, what follows), the built-in
 * text fields, the key field with "Check key", and a preset's own field. What they show comes
 * from the controllers; what the user does goes back through the callbacks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { fieldText } from './form-model.js';
import { domId, type FormController } from './form-controller.js';
import type { CancelSource } from './events.js';
import { CHECK, CROSS, errorContent, EYE, EYE_OFF, icon } from './icons.js';
import type { ModalController } from './modal.js';
import type { Phase } from './phase.js';
import type { PresetField, ProviderPreset } from './presets/types.js';
import type { CredentialOverlayStrings } from './strings.js';

export interface FieldContext {
  form: FormController;
  strings: CredentialOverlayStrings;
  /** A check or a host's save runs: fields are read-only. */
  busy: boolean;
  /** The models a check listed, offered by the Default model field (`choose-model`). */
  models?: readonly string[];
  onInput(id: string, value: string): void;
  onBlur(id: string, event: FocusEvent): unknown;
}

/** One field: label, control, error, note and whatever follows. */
export function fieldRow(c: FieldContext, id: string, label: string, control: TemplateResult, after: unknown = nothing, optional = false) {
  const d = domId(id);
  const error = c.form.errors[id];
  const note = c.form.notes[id];
  return html`<div class="field" part="field">
    <div class="label-row">
      <label for=${d} part="label">${label}</label>
      ${optional ? html`<span class="optional">${c.strings.optional}</span>` : nothing}
    </div>
    ${control}
    <p id="${d}-error" class="error" part="error">${error ? errorContent(error) : nothing}</p>
    ${note ? html`<p id="${d}-note" class="note" part="note">${note}</p>` : nothing} ${after}
  </div>`;
}

/** `aria-invalid` of a field: `"true"` while it shows an error. */
const invalid = (c: FieldContext, id: string) => (c.form.errors[id] ? 'true' : undefined);

/** Credential Name (a single-line input) or Credential Description (a textarea). */
export function textField(c: FieldContext, id: 'name' | 'description') {
  const s = c.strings;
  const value = c.form.values[id] ?? '';
  const describedBy = ifDefined(c.form.describedBy(id));
  const onInput = (e: Event) => c.onInput(id, (e.target as HTMLInputElement).value);
  const onBlur = (e: FocusEvent) => c.onBlur(id, e);
  return id === 'name'
    ? fieldRow(c, id, s.nameLabel, html`<input id="name" part="input name-input" type="text" required autocomplete="off"
        .value=${live(value)} ?readonly=${c.busy} aria-invalid=${ifDefined(invalid(c, id))} aria-describedby=${describedBy}
        @input=${onInput} @blur=${onBlur} />`)
    : fieldRow(c, id, s.descriptionLabel, html`<textarea id="description" part="input description-input" rows="2"
        .value=${live(value)} ?readonly=${c.busy} aria-invalid=${ifDefined(invalid(c, id))} aria-describedby=${describedBy}
        @input=${onInput} @blur=${onBlur}></textarea>`, nothing, true);
}

/** A preset's own field: a text or URL input, or a select. */
export function presetField(c: FieldContext, field: PresetField) {
  const id = field.id;
  const t = fieldText(field, c.strings);
  const d = domId(id);
  const value = c.form.values[id] ?? '';
  const describedBy = ifDefined(c.form.describedBy(id, t.help && `${d}-help`));
  const part = `input ${id}-input`;
  // Default model: the listed models as choices, the first as a suggestion (never chosen silently).
  const models = id === 'model' && c.models?.length ? c.models : undefined;
  const onInput = (e: Event) => c.onInput(id, (e.target as HTMLInputElement).value);
  const onBlur = (e: FocusEvent) => c.onBlur(id, e);
  const control =
    field.kind === 'select'
      ? html`<select id=${d} part=${part} ?required=${field.required} ?disabled=${c.busy} aria-invalid=${ifDefined(invalid(c, id))}
          aria-describedby=${describedBy} @change=${onInput} @blur=${onBlur}>
          ${(field.options ?? []).map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${t.option(o.value)}</option>`)}
        </select>`
      : html`<input id=${d} part=${part} type=${field.kind === 'url' ? 'url' : 'text'} .value=${live(value)}
          ?required=${field.required} autocomplete="off" spellcheck="false" autocapitalize="off"
          placeholder=${ifDefined(models?.[0] ?? t.placeholder)} ?readonly=${c.busy} aria-invalid=${ifDefined(invalid(c, id))}
          list=${ifDefined(models && `${d}-options`)} aria-describedby=${describedBy} @input=${onInput} @blur=${onBlur} />${models
          ? html`<datalist id="${d}-options">${guard([models], () => models.map((m) => html`<option value=${m}></option>`))}</datalist>`
          : nothing}`;
  return fieldRow(c, id, t.label, control, t.help ? html`<p id="${d}-help" class="help" part="help">${t.help}</p>` : nothing, !field.required);
}

/**
 * API Key Value (contract section 4): a masked input kept away from password managers, the
 * reveal toggle, the edit-mode text about the saved key, and the help (how the preset sends
 * the key, where to find it), which the `help` slot replaces.
 */
export interface KeyView {
  /** Edit mode: the text about the saved key (`FormController.keyState`). */
  saved?: string;
  /** "Key received from OpenRouter: …", while the key field holds the key a connect flow received. */
  received?: string;
  required: boolean;
  docsUrl: string;
  revealed: boolean;
  onReveal(): void;
  /** With `verify`: "Check key", whether it runs, and what it found. */
  check?: { busy: boolean; outcome?: { text: string; ok: boolean }; onCheck(): void };
}

export function keyField(c: FieldContext, preset: ProviderPreset | undefined, label: string, k: KeyView) {
  const s = c.strings;
  const outcome = k.check?.outcome;
  const describedBy = ifDefined(c.form.describedBy('apiKey', k.received && 'key-received', outcome && 'check-outcome', k.saved !== undefined && 'saved-key', 'api-key-help'));
  return fieldRow(
    c,
    'apiKey',
    s.apiKeyLabel,
    html`<div class="secret">
      <!-- autocomplete="off", never "new-password" (Chrome would offer to generate one);
           the data-* attributes keep 1Password, LastPass, Bitwarden and Dashlane away. -->
      <input id="api-key" part="input key-input" type=${k.revealed ? 'text' : 'password'} ?required=${k.required}
        autocomplete="off" spellcheck="false" autocapitalize="off" autocorrect="off"
        data-1p-ignore data-lpignore="true" data-bwignore data-form-type="other"
        ?readonly=${c.busy} aria-invalid=${ifDefined(invalid(c, 'apiKey'))} aria-describedby=${describedBy}
        @input=${(e: Event) => c.onInput('apiKey', (e.target as HTMLInputElement).value)} @blur=${(e: FocusEvent) => c.onBlur('apiKey', e)} />
      <button type="button" class="icon" part="reveal-button" aria-label=${s.showKey} title=${s.showKey}
        aria-pressed=${k.revealed ? 'true' : 'false'} aria-controls="api-key" @click=${k.onReveal}>${icon(k.revealed ? EYE_OFF : EYE)}</button>
    </div>`,
    html`${k.check
        ? html`<div class="check-row">
            <button type="button" part="check-button" aria-disabled=${k.check.busy} @click=${k.check.onCheck}>
              ${k.check.busy ? html`<span class="spinner" aria-hidden="true"></span>${s.checkingButton}` : s.checkKey}</button>
            ${outcome
              ? html`<p id="check-outcome" class="check-outcome ${outcome.ok ? 'ok' : 'error'}" part="check-outcome">${outcome.ok
                  ? html`${icon(CHECK)}<span>${outcome.text}</span>`
                  : errorContent(outcome.text)}</p>`
              : nothing}
          </div>`
        : nothing}
      ${k.received ? html`<p id="key-received" class="saved-key" part="key-received">${k.received}</p>` : nothing}
      ${k.saved !== undefined ? html`<p id="saved-key" class="saved-key" part="saved-key">${k.saved}</p>` : nothing}
      <div id="api-key-help" class="help" part="help"><slot name="help">${preset
        ? html`<p>${s.keyHelp({ provider: label })} <code dir="ltr">${preset.authHeader}</code></p>`
        : nothing}${k.docsUrl
        ? html`<p><a href=${k.docsUrl} target="_blank" rel="noopener noreferrer">${s.docsLink({ provider: label })}<span class="visually-hidden"> ${s.newTab}</span></a></p>`
        : nothing}</slot></div>`,
    !k.required,
  );
}

/** "Connect {label}" before the key field, and what went wrong (announced by the form's live region). */
function connectRow(v: DialogView, label: string, c: NonNullable<DialogView['connect']>) {
  return html`<div class="connect" part="connect">
    <button type="button" part="connect-button" aria-disabled=${v.busy} aria-describedby=${ifDefined(c.message ? 'connect-message' : undefined)}
      @click=${() => v.busy || c.onConnect()}>${c.waiting ? html`<span class="spinner" aria-hidden="true"></span>${v.strings.connectWaiting({ provider: label })}` : v.strings.connect({ provider: label })}</button>
    ${c.message ? html`<p id="connect-message" class="check-outcome error" part="connect-message">${errorContent(c.message)}</p>` : nothing}
  </div>`;
}

/** Everything the dialog shows, and where what the user does goes. */
export interface DialogView extends FieldContext {
  heading: string;
  /** The `provider` attribute, named when no preset has it. */
  provider: string;
  preset?: ProviderPreset;
  phase: Phase;
  key: KeyView;
  /** "Save without checking", offered after a check could not confirm the key. */
  skip?: () => void;
  /** "Connect {label}" (contract section 16): whether it waits for the provider, and what went wrong. */
  connect?: { waiting: boolean; message: string; onConnect(): void };
  modal: ModalController;
  onSubmit(event: Event): void;
  onRequestClose(source: Exclude<CancelSource, 'api'>): void;
}

/** The dialog: header (heading, provider, Close), the fields, the form-level error, the footer (Cancel, Save), the polite live region. */
export function dialogTemplate(v: DialogView) {
  const s = v.strings;
  const { preset, busy, form, modal } = v;
  const fields = preset?.fields ?? [];
  const advanced = fields.filter((f) => f.advanced);
  const label = preset?.label ?? v.provider;
  const saving = v.phase === 'saving';
  const verifying = v.phase === 'verifying';
  return html`<dialog part="dialog" aria-labelledby="heading" aria-describedby=${ifDefined(preset ? undefined : 'unavailable')}
    tabindex="-1" @keydown=${modal.onKeydown} @cancel=${modal.onCancel} @close=${modal.onClose}
    @compositionstart=${modal.onCompositionStart} @compositionend=${modal.onCompositionEnd}>
    <form part="form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${v.onSubmit}>
      <div class="header" part="header">
        <div class="title">
          <h2 id="heading" part="heading">${v.heading}</h2>
          <p class="provider" part="provider">${label}</p>
        </div>
        <slot name="header"></slot>
        <button type="button" class="icon" part="close-button" aria-label=${s.close} title=${s.close}
          ?disabled=${saving} @click=${() => v.onRequestClose('close-button')}>${icon(CROSS)}</button>
      </div>
      <!-- tabindex="-1": Firefox puts a scrollable box in the Tab order, here between Close and
           the first field; every control in it takes focus and scrolls into view itself. -->
      <div class="body" part="body" tabindex="-1" @focusin=${modal.onFocusIn}>
        ${preset ? nothing : html`<p id="unavailable" class="form-error" part="form-error">${errorContent(s.providerUnavailable({ provider: v.provider }))}</p>`}
        ${textField(v, 'name')} ${textField(v, 'description')} ${v.connect ? connectRow(v, label, v.connect) : nothing}
        ${keyField(v, preset, label, v.key)}
        ${fields.filter((f) => !f.advanced).map((f) => presetField(v, f))}
        ${advanced.length
          ? html`<details class="advanced" part="advanced">
              <summary part="advanced-summary">${s.advanced}</summary>
              ${advanced.map((f) => presetField(v, f))}
            </details>`
          : nothing}
        <div class="form-error" part="form-error" role="alert">${form.errors.form ? errorContent(form.errors.form) : nothing}</div>
        ${v.skip ? html`<p class="skip"><button type="button" part="skip-button" @click=${v.skip}>${s.saveWithoutChecking}</button></p>` : nothing}
      </div>
      <div class="footer" part="footer">
        <div class="footer-start"><slot name="footer-start"></slot></div>
        ${verifying ? html`<p class="progress" part="progress"><span class="spinner"></span>${s.checking({ provider: label })}</p>` : nothing}
        <button type="button" part="cancel-button" ?disabled=${saving} @click=${() => v.onRequestClose('cancel-button')}>${s.cancel}</button>
        <button type="submit" class="primary" part="save-button" ?disabled=${busy} @click=${v.onSubmit}>
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>${verifying ? s.checkingButton : s.saving}` : s.save}</button>
      </div>
    </form>
    <div class="visually-hidden" role="status">${form.announcement}</div>
  </dialog>`;
}
