import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { defineElement } from './define.js';
import type {
  CancelSource,
  CloseReason,
  CredentialCancelDetail,
  CredentialCloseDetail,
  CredentialRequestCloseDetail,
  CredentialSavedDetail,
} from './events.js';
import {
  changedIds,
  checkOne,
  fieldText,
  formIds,
  initialValues,
  keyNeededAgain,
  keyDetail,
  legacyFields,
  sentFields,
  validateForm,
  type FormMode,
  type FormValues,
} from './form.js';
import { hintShape, maskSecrets, normalizeKey } from './key-rules.js';
import { LangController } from './locale.js';
import { deepActiveElement, ModalController } from './modal.js';
import { can, isBusy, next, type Phase } from './phase.js';
import { openai } from './presets/openai.js';
import { getProvider, onProvider, registerProvider } from './presets/registry.js';
import type { PresetField, ProviderPreset } from './presets/types.js';
import { en, type CredentialOverlayStrings } from './strings.js';
import { styles } from './credential-overlay.styles.js';
import { isAllowedUrl } from './url.js';
import { verifyKey, type Verifier } from './verify.js';

export { CredentialFieldError } from './events.js';
export type {
  CancelSource,
  CloseReason,
  CredentialCancelDetail,
  CredentialCancelEvent,
  CredentialCloseDetail,
  CredentialCloseEvent,
  CredentialRequestCloseDetail,
  CredentialRequestCloseEvent,
  CredentialSavedDetail,
  CredentialSavedEvent,
} from './events.js';
export type { CredentialOverlayStrings, FieldStrings, AlphabetPart, CharacterKind } from './strings.js';
export type {
  ProviderPreset,
  KeyRules,
  KeyTypeRule,
  ForeignKeyRule,
  LiveCheck,
  PresetField,
  FieldKind,
  FieldOption,
} from './presets/types.js';
export type { Verifier, VerifyContext, VerifyResult } from './verify.js';
export { getProvider };

registerProvider(openai);

/** The longest `credential-id` taken. */
const ID_MAX = 200;

/** `value` when it is an allowed URL; otherwise `undefined`, with one warning (a hostile base URL would receive the key). */
function allowedUrl(attribute: string, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (isAllowedUrl(value)) return value;
  console.warn(`<credential-overlay>: ${attribute} ignored; only https: (or http: to localhost) is allowed.`);
  return undefined;
}

/** The DOM id of a field's control: the built-in ones keep their names, a preset's are prefixed. */
const domId = (id: string) => (id === 'apiKey' ? 'api-key' : id === 'name' || id === 'description' ? id : `f-${id}`);

/** A 24×24 line icon, sized by CSS; `d` is its path. */
const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${d} /></svg>`;
const EYE = 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zm7 0a3 3 0 0 0 6 0a3 3 0 0 0-6 0';
/** The alert icon that marks every error, so an error is never told by colour alone. */
const errorContent = (message: string) => html`${icon('M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7.5v5.5m0 3.5v.01')}<span>${message}</span>`;

/**
 * An "Add New Credential" modal that collects an API key (OpenAI by default, any registered
 * preset with its own fields), validates it, and hands it to the host page in a
 * `credential-saved` event. With `existing-key-hint` it edits a saved credential without
 * ever seeing its key. The key never reaches an attribute, a text node, storage or any other
 * event.
 *
 * @tag credential-overlay
 * @fires {CustomEvent<CredentialSavedDetail>} credential-saved - A valid Save; cancelable; `detail.waitUntil()` for async persistence.
 * @fires {CustomEvent<CredentialCancelDetail>} credential-cancel - Closed without saving.
 * @fires {CustomEvent<CredentialRequestCloseDetail>} credential-request-close - The user asked to close (Cancel, Close, Escape); cancelable, with `dirty`.
 * @fires {CustomEvent<CredentialCloseDetail>} credential-close - After every close, with its reason.
 *
 * @slot header - Beside the heading, e.g. a provider logo.
 * @slot help - Replaces the help text under the key field.
 * @slot footer-start - The start of the button row.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart form - The form inside the dialog.
 * @csspart header - Title row: heading, provider and close button.
 * @csspart heading - The title.
 * @csspart provider - The provider's name under the title.
 * @csspart body - The scrolling area that holds the fields.
 * @csspart field - Each field's wrapper (label, control, messages).
 * @csspart label - Each field's label.
 * @csspart input - Each text input, select and the textarea.
 * @csspart name-input - The Credential Name input.
 * @csspart description-input - The Credential Description textarea.
 * @csspart key-input - The API Key Value input.
 * @csspart <field id>-input - The input of a preset's own field, e.g. `endpoint-input`.
 * @csspart error - Each field's error text.
 * @csspart help - Help text under a field.
 * @csspart note - A note that does not block (an unusual key, an unencrypted URL).
 * @csspart saved-key - Edit mode: the saved key's hint next to the empty key field.
 * @csspart form-error - The form-level error (`role="alert"`), and the unknown-provider message.
 * @csspart footer - The row of buttons.
 * @csspart save-button - Save.
 * @csspart cancel-button - Cancel.
 * @csspart close-button - The × in the header.
 * @csspart reveal-button - Show API key.
 * @csspart advanced - The "Advanced" disclosure (`<details>`) with the preset's optional fields.
 * @csspart advanced-summary - Its "Advanced" toggle.
 * @csspart progress - "Checking the key with …" while a live check runs.
 * @csspart skip-button - "Save without checking", after a check could not confirm the key.
 *
 * @cssprop --credential-overlay-accent - Primary colour (Save, focus rings, links).
 * @cssprop --credential-overlay-accent-text - Text on the primary colour.
 * @cssprop --credential-overlay-background - Dialog background.
 * @cssprop --credential-overlay-text - Text colour.
 * @cssprop --credential-overlay-muted - Secondary text colour.
 * @cssprop --credential-overlay-border - Field borders.
 * @cssprop --credential-overlay-error - Error colour.
 * @cssprop --credential-overlay-radius - Corner radius of the dialog.
 * @cssprop --credential-overlay-control-radius - Corner radius of fields and buttons.
 * @cssprop --credential-overlay-font - Font family.
 * @cssprop --credential-overlay-mono-font - Font of the key field and code samples.
 * @cssprop --credential-overlay-spacing - Inner padding of the dialog's sides.
 * @cssprop --credential-overlay-width - Dialog width on wide screens.
 * @cssprop --credential-overlay-backdrop - Backdrop colour.
 */
export class CredentialOverlay extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: smaller, and no decorator helper (issue 8).
  static override properties = {
    open: { type: Boolean, reflect: true },
    provider: {},
    heading: {},
    credentialName: { attribute: 'credential-name' },
    credentialDescription: { attribute: 'credential-description' },
    docsUrl: { attribute: 'docs-url' },
    verify: { type: Boolean },
    baseUrl: { attribute: 'base-url' },
    verifier: { attribute: false },
    existingKeyHint: { attribute: 'existing-key-hint' },
    credentialId: { attribute: 'credential-id' },
    values: { attribute: false },
    strings: { attribute: false },
    phase: { state: true },
    errors: { state: true },
    notes: { state: true },
    revealed: { state: true },
    announcement: { state: true },
    unconfirmed: { state: true },
  };

  /**
   * Adds or replaces a provider preset, selected by its `id` in the `provider` attribute.
   * Throws a `TypeError` naming the first problem of a malformed preset. Overlays waiting
   * for that id render it at once.
   */
  static registerProvider(preset: ProviderPreset): void {
    registerProvider(preset);
  }

  /**
   * Registers the element under `tagName`. A no-op when this class already holds that tag;
   * the platform's `NotSupportedError` when another class does.
   */
  static define(tagName = 'credential-overlay', registry: CustomElementRegistry = customElements): void {
    defineElement(this, tagName, registry);
  }

  #open = false;
  #heading?: string;
  #docsUrl?: string;
  #baseUrl?: string;
  #stringsInput?: Partial<CredentialOverlayStrings>;
  #lang = new LangController(this);

  /** English, under the registered language of the nearest `lang`, under `strings`: each entry falls back. */
  get #strings(): CredentialOverlayStrings {
    return this.#lang.strings('overlay', en, this.#stringsInput);
  }

  /**
   * Shown as a modal when set; reflects. Setting it false is `close()`.
   * @default false
   */
  get open(): boolean {
    return this.#open;
  }
  set open(value: boolean) {
    const was = this.#open;
    this.#open = Boolean(value);
    if (!was && this.#open) this.#requestShow();
    if (was && !this.#open) this.#finish('api');
  }

  /**
   * Preset id: label, docs link, help text, key rules, fields and live check. An id that no
   * registered preset has shows a message and saves nothing until it is registered.
   */
  provider = 'openai';

  /**
   * The dialog title and accessible name; wins over `strings.heading` (and `strings.editHeading`).
   * @default "Add New Credential"
   */
  get heading(): string {
    // While open, the mode it opened in; while closed, the mode it will open in.
    const edit = this.phase === 'closed' ? Boolean(this.#idOf(false) || (this.existingKeyHint ?? '').trim()) : this.#how.mode === 'edit';
    return this.#heading ?? (edit ? this.#strings.editHeading : this.#strings.heading);
  }
  set heading(value: string | null | undefined) {
    this.#heading = value ?? undefined;
  }

  /** Initial Credential Name, read when the overlay opens. */
  credentialName = '';

  /** Initial Credential Description, read when the overlay opens. */
  credentialDescription = '';

  /**
   * "Where to find your key" link: `https:` (or `http:` to loopback) only; the preset's by default.
   * @default "https://platform.openai.com/api-keys"
   */
  get docsUrl(): string {
    return this.#docsUrl ?? this.#preset?.docsUrl ?? '';
  }
  set docsUrl(value: string | null | undefined) {
    this.#docsUrl = allowedUrl('docs-url', value);
  }

  /** Check the key live before emitting (the preset's check, or `verifier`). */
  verify = false;

  /**
   * API base of the live check: `https:` (or `http:` to loopback) only; the preset's by default.
   * @default "https://api.openai.com/v1"
   */
  get baseUrl(): string {
    return this.#baseUrl ?? this.#preset?.baseUrl ?? '';
  }
  set baseUrl(value: string | null | undefined) {
    this.#baseUrl = allowedUrl('base-url', value);
  }

  /** A custom async check that replaces the built-in one (used only with `verify`). */
  verifier?: Verifier;

  /**
   * The saved key's hint (`keyHint` of an earlier save, e.g. `sk-proj-…x9Qz`), shown in edit
   * mode. Alone (without `credential-id`) it also opens the overlay as an editor. A value
   * without a hint's shape is never shown or emitted. Read when it opens.
   */
  existingKeyHint = '';

  /**
   * The id of a saved credential: opens the overlay as its editor, and is echoed as `id` in
   * every event's detail. Read when it opens.
   */
  credentialId = '';

  /** Initial values of the preset's own fields, by field id, read when it opens; never a secret. */
  values: Readonly<Record<string, string>> = {};

  /**
   * Any subset of the visible strings; English by default.
   * @type {Partial<CredentialOverlayStrings>}
   */
  get strings(): Partial<CredentialOverlayStrings> {
    return this.#stringsInput ?? {};
  }
  set strings(value: Partial<CredentialOverlayStrings> | null | undefined) {
    this.#stringsInput = value ?? undefined;
  }

  private phase: Phase = 'closed';
  private errors: Record<string, string | undefined> = {};
  private notes: Record<string, string | undefined> = {};
  private revealed = false;
  /** Text of the polite live region (announces a failed Save, a running check). */
  private announcement = '';
  /** The last live check could not confirm the key: offer "Save without checking". */
  private unconfirmed = false;

  #modal = new ModalController(this, () => this.dialog);
  /** The credential id of this session (`credential-id` as it was on opening). */
  #id = '';
  /** What the user typed, by form id; never the key, which lives only in its input. */
  #values: FormValues = {};
  /** The values the overlay opened with. */
  #initial: FormValues = {};
  /** Add, or edit of a saved credential: fixed while open. */
  #how: FormMode = { mode: 'add' };
  /** Bumped on every close, so a pending `waitUntil` of an earlier session is ignored. */
  #session = 0;
  /** Aborts the running live check. */
  #check?: AbortController;
  /** Fields the user has edited since opening: they are checked on blur. */
  #edited = new Set<string>();
  /** Ids and hints already warned about, so each gets one console warning. */
  #warned = new Set<string>();
  #unsubscribe?: () => void;
  #shown?: { promise: Promise<void>; resolve: () => void };
  /** An IME composition is under way: its Escape is not a close request. */
  #composing = false;

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }
  private get advanced(): HTMLDetailsElement | null {
    return this.renderRoot.querySelector('details');
  }
  private get saveButton(): HTMLButtonElement {
    return this.renderRoot.querySelector('[type="submit"]')!;
  }
  private get keyInput(): HTMLInputElement {
    return this.renderRoot.querySelector('#api-key')!;
  }

  get #preset(): ProviderPreset | undefined {
    return getProvider(this.provider);
  }

  /** Opens the overlay (same as `open = true`); resolves once it is open and focus is placed. */
  show(): Promise<void> {
    if (this.phase !== 'closed') return Promise.resolve();
    if (!this.#shown) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.#shown = { promise, resolve };
    }
    const { promise } = this.#shown;
    this.open = true;
    return promise;
  }

  /** Closes without saving and clears every field (same as `open = false`). */
  close(): void {
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = onProvider((id) => {
      if (id === this.provider) this.requestUpdate();
    });
    if (this.open) this.#requestShow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    // Removal closes and clears at once, without an event.
    this.#finish(null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('provider')) return;
    if (!this.#preset && !this.#warned.has(`provider:${this.provider}`)) {
      this.#warned.add(`provider:${this.provider}`);
      console.warn(`<credential-overlay>: no provider preset "${this.provider}" is registered; nothing can be saved until it is.`);
    }
    // Another preset while open: what the user typed stays; its own fields start from their defaults.
    if (this.phase === 'editing' && this.#preset) {
      const defaults = initialValues(this.#preset, {}, () => {});
      for (const [id, value] of Object.entries(defaults)) this.#values[id] ??= value;
      this.errors = {};
      this.notes = {};
      this.unconfirmed = false;
    }
  }

  #warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(`<credential-overlay>: ${message}`);
  }

  /** `credential-id` when it can be an id (at most 200 characters, no control characters), else `""`, with one warning when asked to. */
  #idOf(warn = true): string {
    const id = (this.credentialId ?? '').trim();
    // eslint-disable-next-line no-control-regex
    if (id.length <= ID_MAX && !/[\u0000-\u001f\u007f-\u009f]/.test(id)) return id;
    if (warn) this.#warnOnce(`id:${id.slice(0, 80)}`, `credential-id ignored: an id has at most ${ID_MAX} characters and no control characters.`);
    return '';
  }

  /** Edit mode when `credential-id` or `existing-key-hint` is set; a hint without a hint's shape is kept out of sight. */
  #modeOnOpen(): FormMode {
    const raw = (this.existingKeyHint ?? '').trim();
    const hint = hintShape(raw);
    if (raw && !hint) {
      // Never the value: it may be a whole key.
      this.#warnOnce(`hint:${raw.length}`, 'existing-key-hint ignored: it does not have the shape of a hint (a prefix, "…" and at most 4 characters), so it is never shown.');
    }
    this.#id = this.#idOf();
    return this.#id || raw ? { mode: 'edit', savedHint: hint, hintGiven: Boolean(raw), initial: {} } : { mode: 'add' };
  }

  #requestShow(): void {
    if (!this.isConnected || this.phase !== 'closed') return;
    if (!this.hasUpdated || !this.dialog) {
      this.updateComplete.then(() => this.open && this.#requestShow());
      return;
    }
    // The built-in check is a chunk of its own: fetched as the overlay opens, not on Save.
    if (this.verify && !this.verifier) void import('./live-check.js');
    this.#how = this.#modeOnOpen();
    const preset = this.#preset;
    this.#initial = {
      name: this.credentialName ?? '',
      description: this.credentialDescription ?? '',
      ...(preset ? initialValues(preset, this.values, (m) => this.#warnOnce(`values:${m}`, m)) : {}),
    };
    this.#values = { ...this.#initial };
    if (this.#how.mode === 'edit') this.#how.initial = this.#initial;
    this.#clear();
    this.phase = next(this.phase, 'open');
    // Render the values now, so the dialog opens filled and the first field can take focus.
    this.performUpdate();
    this.#modal.open();
    this.#control('name')?.focus();
    const shown = this.#shown;
    this.#shown = undefined;
    shown?.resolve();
  }

  /** Empties and re-masks the key field and forgets every message. */
  #clear(): void {
    this.renderRoot.querySelector('form')?.reset();
    const key = this.keyInput;
    if (key) {
      key.value = '';
      key.type = 'password';
    }
    if (this.advanced) this.advanced.open = false;
    this.revealed = false;
    this.unconfirmed = false;
    this.errors = {};
    this.notes = {};
    this.announcement = '';
    this.#edited.clear();
  }

  /**
   * Closes and clears. `reason` is what `credential-close` reports, or `null` for removal
   * (silent). A cancel reports `source` in `credential-cancel`; `close()` does so only while
   * the user could type. Closing during a dispatch, a check or a busy save fires no
   * `credential-cancel`.
   */
  #finish(reason: CloseReason | null, source: CancelSource = 'api'): void {
    if (this.phase === 'closed') return;
    const wasEditing = this.phase === 'editing';
    const wasDispatching = this.phase === 'dispatching';
    const provider = this.#preset?.id ?? this.provider;
    const id = this.#id;
    this.#check?.abort();
    this.#check = undefined;
    this.#session++;
    this.phase = next(this.phase, 'close');
    this.#clear();
    this.#values = {};
    this.#initial = {};
    this.#modal.close();
    this.open = false;
    if (reason === null) return;
    if (reason === 'cancel' || (reason === 'api' && wasEditing)) {
      this.#fire('credential-cancel', { id, provider, source } satisfies CredentialCancelDetail);
    }
    const close = () => this.#fire('credential-close', { id, provider, reason } satisfies CredentialCloseDetail);
    // Closed by a listener of credential-saved: credential-close follows that dispatch.
    if (wasDispatching) this.#afterDispatch = close;
    else close();
  }

  /** Run when the dispatch of credential-saved is over (a close during it). */
  #afterDispatch?: () => void;

  #fire(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail: Object.freeze(detail), bubbles: true, composed: true }));
  }

  /** Cancel, Close or Escape: asks the host first (`credential-request-close`), unless a check runs (then it aborts). */
  #requestClose(source: Exclude<CancelSource, 'api'>): void {
    if (this.phase === 'verifying') {
      this.#finish('cancel', source);
      return;
    }
    if (this.phase !== 'editing') return;
    const detail: CredentialRequestCloseDetail = Object.freeze({ id: this.#id, provider: this.#preset?.id ?? this.provider, source, dirty: this.#dirty() });
    const request = new CustomEvent('credential-request-close', { detail, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(request) || this.phase !== 'editing') return;
    this.#finish('cancel', source);
  }

  /** Something differs from the values the overlay opened with. */
  #dirty(): boolean {
    if (this.keyInput?.value) return true;
    return Object.keys({ ...this.#values, ...this.#initial }).some((id) => (this.#values[id] ?? '') !== (this.#initial[id] ?? ''));
  }

  /** A field's control. */
  #control(id: string): HTMLInputElement | null {
    return this.renderRoot.querySelector(`#${domId(id)}`);
  }

  /** What the form holds now, the key included: only for validating and emitting. */
  #current(): FormValues {
    return { ...this.#values, apiKey: this.keyInput?.value ?? '' };
  }

  #onInput(id: string, event: Event): void {
    this.#edited.add(id);
    if (id !== 'apiKey') this.#values[id] = (event.target as HTMLInputElement).value;
    // A moved address needs the key again: the key field says so as soon as it moves.
    if (this.#how.mode === 'edit') this.requestUpdate();
    // A "could not confirm" offered for the previous key or fields is stale now.
    if (this.unconfirmed && this.#preset && (id === 'apiKey' || sentFields(this.#preset).includes(id))) {
      this.unconfirmed = false;
      this.errors = { ...this.errors, form: undefined };
    }
    // Once a field shows an error, it goes away as soon as the value is fixed.
    if (this.errors[id] && !this.#checkOne(id).error) this.errors = { ...this.errors, [id]: undefined };
  }

  #checkOne(id: string) {
    return this.#preset ? checkOne(id, this.#current(), this.#preset, this.#how, this.#strings) : {};
  }

  #onBlur(id: string, event: FocusEvent): void {
    if (this.phase !== 'editing' || !this.#edited.has(id)) return;
    // Not when focus moves to Save, Cancel or Close: an error appearing on mousedown would
    // shift the buttons and swallow the click. Save checks every field anyway.
    if ((event.relatedTarget as Element | null)?.closest?.('.header, .footer')) return;
    const { error, note } = this.#checkOne(id);
    this.errors = { ...this.errors, [id]: error };
    this.notes = { ...this.notes, [id]: note };
  }

  /**
   * Save's click (also Enter in a field: implicit submission clicks Save) and the form's
   * `submit` (`requestSubmit()`). Save's click saves without submitting the form: a
   * submission makes Chromium read every field, the key included, before `submit` (30–50 ms
   * for a 1 MB paste), and nothing here needs it.
   */
  #onSubmit(event: Event): void {
    event.preventDefault();
    void this.#save();
  }

  /** Validates every field, then (with `verify`) checks the key live, then emits. */
  async #save(skipCheck = false): Promise<void> {
    if (!can(this.phase, 'dispatch')) return;
    const s = this.#strings;
    const preset = this.#preset;
    if (!preset) {
      this.#announce(s.providerUnavailable({ provider: this.provider }));
      return;
    }
    this.unconfirmed = false;
    const values = this.#current();
    const result = validateForm(values, preset, this.#how, s);
    this.notes = result.notes;
    if (this.#showErrors(result.errors)) return;
    const fields = Object.fromEntries((preset.fields ?? []).map((f) => [f.id, (values[f.id] ?? '').trim()]));
    const key = keyDetail(result, preset, this.#how);
    let verified = false;
    // Edit mode with the key kept: the built-in check has no key to send, a host's verifier can check the saved one.
    if (this.verify && !skipCheck && (key.keyChanged || this.verifier)) {
      const session = this.#session;
      const check = (this.#check = new AbortController());
      this.#busy('check');
      this.#announce(s.checking({ provider: preset.label }));
      const outcome = await verifyKey(key.apiKey, {
        preset,
        verifier: this.verifier,
        context: { provider: preset.id, baseUrl: this.baseUrl, ...legacyFields(fields), fields, mode: this.#how.mode, keyChanged: key.keyChanged },
        strings: s,
        signal: check.signal,
      });
      if (!outcome || session !== this.#session) return; // aborted or closed meanwhile
      this.#check = undefined;
      this.phase = next(this.phase, 'settle');
      this.announcement = '';
      if (!outcome.ok) {
        if (outcome.unreachable) {
          this.unconfirmed = true;
          this.errors = { form: outcome.message };
          this.#idle();
        } else {
          this.#showErrors({ apiKey: outcome.message });
        }
        return;
      }
      verified = true;
    }
    this.#emit(preset, fields, key, verified);
  }

  /** Announces `message` through the polite live region, again even when it is the same text. */
  #announce(message: string): void {
    // A trailing no-break space toggles, so the same text is announced again.
    this.announcement = this.announcement === message ? `${message}\u00A0` : message;
  }

  /** Shows `errors` next to their fields; focuses the first and announces. False when there are none. */
  #showErrors(errors: Record<string, string | undefined>, announce?: string): boolean {
    this.errors = errors;
    const invalid = this.#preset ? formIds(this.#preset).filter((id) => errors[id]) : [];
    if (!invalid.length) return false;
    this.#announce(announce ?? this.#strings.errorSummary({ count: invalid.length }));
    const first = invalid[0];
    if (this.advanced && this.#preset?.fields?.some((f) => f.id === first && f.advanced)) this.advanced.open = true;
    this.#control(first)?.focus();
    return true;
  }

  #emit(
    preset: ProviderPreset,
    fields: Record<string, string>,
    key: ReturnType<typeof keyDetail>,
    verified: boolean,
  ): void {
    const values = this.#current();
    const pending: Promise<unknown>[] = [];
    let accepting = true;
    const detail: CredentialSavedDetail = Object.freeze({
      id: this.#id,
      provider: preset.id,
      name: (values.name ?? '').trim(),
      description: (values.description ?? '').trim(),
      apiKey: key.apiKey,
      keyType: key.keyType,
      keyHint: key.keyHint,
      verified,
      ...legacyFields(fields),
      fields: Object.freeze(fields),
      mode: this.#how.mode,
      keyChanged: key.keyChanged,
      changed: Object.freeze(changedIds(values, this.#initial, preset, this.#how)),
      waitUntil: (promise: Promise<unknown>) => {
        if (!accepting) {
          throw new DOMException('waitUntil() must be called while credential-saved is dispatched.', 'InvalidStateError');
        }
        pending.push(Promise.resolve(promise));
      },
    });
    const session = this.#session;
    this.phase = next(this.phase, 'dispatch');
    let prevented: boolean;
    {
      const event = new CustomEvent('credential-saved', { detail, bubbles: true, composed: true, cancelable: true });
      try {
        this.dispatchEvent(event);
      } finally {
        accepting = false;
        const after = this.#afterDispatch;
        this.#afterDispatch = undefined;
        after?.();
      }
      // Read now: nothing below keeps the event (and so the key) alive.
      prevented = event.defaultPrevented;
    }
    if (session !== this.#session) {
      // Closed during dispatch: the outcome is ignored, but a rejection must not go unhandled.
      void Promise.all(pending).catch(() => {});
      return;
    }
    if (!pending.length) {
      this.phase = next(this.phase, 'settle');
      if (!prevented) this.#finish('saved');
      return;
    }
    this.#busy('wait');
    Promise.all(pending).then(
      () => {
        if (session !== this.#session) return;
        if (prevented) this.#idle();
        else this.#finish('saved');
      },
      (reason: unknown) => {
        if (session !== this.#session) return;
        this.#rejected(reason);
      },
    );
  }

  /** A host's `waitUntil` rejected: its message on the field it names, else at form level. */
  #rejected(reason: unknown): void {
    let message: unknown;
    let field: unknown;
    try {
      message = (reason as { message?: unknown } | null)?.message;
      field = (reason as { field?: unknown } | null)?.field;
    } catch {
      message = undefined; // a hostile reason (throwing getter, Proxy): the generic message
    }
    const preset = this.#preset;
    const text =
      typeof message === 'string' && message.trim()
        ? maskSecrets(message, { key: normalizeKey(this.keyInput?.value ?? '', preset?.key), rules: preset?.key })
        : this.#strings.saveFailed;
    this.phase = next(this.phase, 'settle');
    if (typeof field === 'string' && preset && formIds(preset).includes(field)) {
      this.#showErrors({ [field]: text }, text);
    } else {
      this.errors = { form: text };
      this.#idle();
    }
  }

  /** Enters a busy phase: a check, or a host's save. */
  #busy(event: 'check' | 'wait'): void {
    // Save (and while saving, every button) is about to be disabled: keep focus inside the dialog.
    const active = this.shadowRoot!.activeElement;
    if (active === this.saveButton || (event === 'wait' && active?.localName === 'button')) this.dialog.focus();
    this.phase = next(this.phase, event);
  }

  /** Back to editing after a busy phase, focus on Save unless it is in a field. */
  #idle(): void {
    if (this.phase !== 'editing') this.phase = next(this.phase, 'settle');
    this.updateComplete.then(() => {
      if (this.phase === 'editing' && !this.shadowRoot!.activeElement?.matches('input, textarea, select')) this.saveButton.focus();
    });
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      // An IME uses Escape to cancel its composition: that is not a close request.
      if (event.isComposing || event.keyCode === 229 || this.#composing) return;
      // Handled here, not through the dialog's `cancel`: Chromium makes a second `cancel`
      // without user activation uncancelable, which would close a busy dialog.
      event.preventDefault();
      this.#requestClose('escape');
    } else if (event.key === 'Tab') {
      this.#modal.trapTab(event);
    }
  }

  /**
   * Keeps a control that takes focus wholly in view in the scrolling body (WCAG 2.4.11).
   * WebKit scrolls a focused control into view only when none of it shows (a field half
   * under the footer stayed half hidden): scroll now. Firefox does its own scrolling after
   * the focus events, which at 320×256 left a wrapped link under the footer: scroll again
   * after it. Chromium already shows it whole, so both are no-ops there.
   */
  #revealFocused(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    const reveal = () => {
      if (deepActiveElement() === target) target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    };
    reveal();
    requestAnimationFrame(reveal);
  }

  #onCancel(event: Event): void {
    // Escape (or a platform back gesture) not caught by the keydown handler.
    event.preventDefault();
    if (!this.#composing) this.#requestClose('escape');
  }

  #onDialogClose(): void {
    // A close event queued by an earlier close() that arrives after the overlay was opened again.
    if (this.dialog.open) return;
    // The platform closed the dialog on its own (e.g. an uncancelable close request).
    if (this.phase === 'editing' || this.phase === 'verifying') this.#finish('cancel', 'escape');
    else if (isBusy(this.phase) && this.isConnected) this.dialog.showModal();
  }

  #toggleReveal(): void {
    this.revealed = !this.revealed;
  }

  /** `aria-describedby` of a field: its error, note, and help, whichever show. */
  #describedBy(id: string, ...others: Array<string | false | undefined>): string | typeof nothing {
    const d = domId(id);
    const ids = [this.errors[id] && `${d}-error`, this.notes[id] && `${d}-note`, ...others].filter(Boolean).join(' ');
    return ids || nothing;
  }

  /** One field: label, control, error, note and whatever follows. */
  #field(id: string, label: string, control: TemplateResult, after: unknown = nothing, optional = false) {
    const d = domId(id);
    const error = this.errors[id];
    const note = this.notes[id];
    return html`<div class="field" part="field">
      <div class="label-row">
        <label for=${d} part="label">${label}</label>
        ${optional ? html`<span class="optional">${this.#strings.optional}</span>` : nothing}
      </div>
      ${control}
      <p id="${d}-error" class="error" part="error">${error ? errorContent(error) : nothing}</p>
      ${note ? html`<p id="${d}-note" class="note" part="note">${note}</p>` : nothing} ${after}
    </div>`;
  }

  /** A preset's own field. */
  #presetField(field: PresetField, busy: boolean) {
    const id = field.id;
    const t = fieldText(field, this.#strings);
    const d = domId(id);
    const value = this.#values[id] ?? '';
    const describedBy = this.#describedBy(id, t.help && `${d}-help`);
    const part = `input ${id}-input`;
    const onInput = (e: Event) => this.#onInput(id, e);
    const onBlur = (e: FocusEvent) => this.#onBlur(id, e);
    const control =
      field.kind === 'select'
        ? html`<select id=${d} part=${part} ?required=${field.required} ?disabled=${busy} aria-invalid=${ifDefined(this.errors[id] ? 'true' : undefined)}
            aria-describedby=${describedBy} @change=${onInput} @blur=${onBlur}>
            ${(field.options ?? []).map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${t.option(o.value)}</option>`)}
          </select>`
        : html`<input id=${d} part=${part} type=${field.kind === 'url' ? 'url' : 'text'} .value=${live(value)}
            ?required=${field.required} autocomplete="off" spellcheck="false" autocapitalize="off"
            placeholder=${ifDefined(t.placeholder)} ?readonly=${busy} aria-invalid=${ifDefined(this.errors[id] ? 'true' : undefined)}
            aria-describedby=${describedBy} @input=${onInput} @blur=${onBlur} />`;
    return this.#field(id, t.label, control, t.help ? html`<p id="${d}-help" class="help" part="help">${t.help}</p>` : nothing, !field.required);
  }

  override render() {
    const s = this.#strings;
    const preset = this.#preset;
    const phase = this.phase;
    const busy = isBusy(phase);
    const e = this.errors;
    const how = this.#how;
    const again = Boolean(preset) && keyNeededAgain(this.#current(), preset!, how);
    const keyOptional = !again && (how.mode === 'edit' || preset?.key?.required === false);
    // Edit mode: the saved hint, or that a key is saved, or that a moved address needs it again.
    const savedText =
      how.mode !== 'edit' ? undefined
      : again ? s.keyNewAddress
      : how.savedHint ? s.savedKey({ hint: how.savedHint })
      : how.hintGiven || preset?.key?.required !== false ? s.keySaved
      : undefined;
    const fields = preset?.fields ?? [];
    const advanced = fields.filter((f) => f.advanced);
    const label = preset?.label ?? this.provider;
    const value = (id: string) => this.#values[id] ?? '';
    return html`<dialog part="dialog" aria-labelledby="heading" aria-describedby=${ifDefined(preset ? undefined : 'unavailable')}
      tabindex="-1" @keydown=${this.#onKeydown} @cancel=${this.#onCancel} @close=${this.#onDialogClose}
      @compositionstart=${() => (this.#composing = true)} @compositionend=${() => (this.#composing = false)}>
      <form part="form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <div class="header" part="header">
          <div class="title">
            <h2 id="heading" part="heading">${this.heading}</h2>
            <p class="provider" part="provider">${label}</p>
          </div>
          <slot name="header"></slot>
          <button type="button" class="icon" part="close-button" aria-label=${s.close} title=${s.close}
            ?disabled=${phase === 'saving'} @click=${() => this.#requestClose('close-button')}>${icon('M6 6l12 12M18 6L6 18')}</button>
        </div>
        <!-- tabindex="-1": Firefox puts a scrollable box in the Tab order, here between Close and
             the first field; every control in it takes focus and scrolls into view itself. -->
        <div class="body" part="body" tabindex="-1" @focusin=${this.#revealFocused}>
          ${preset ? nothing : html`<p id="unavailable" class="form-error" part="form-error">${errorContent(s.providerUnavailable({ provider: this.provider }))}</p>`}
          ${this.#field('name', s.nameLabel, html`<input id="name" part="input name-input" type="text" required autocomplete="off"
            .value=${live(value('name'))} ?readonly=${busy} aria-invalid=${ifDefined(e.name ? 'true' : undefined)}
            aria-describedby=${this.#describedBy('name')} @input=${(ev: Event) => this.#onInput('name', ev)}
            @blur=${(ev: FocusEvent) => this.#onBlur('name', ev)} />`)}
          ${this.#field('description', s.descriptionLabel, html`<textarea id="description" part="input description-input" rows="2"
            .value=${live(value('description'))} ?readonly=${busy} aria-invalid=${ifDefined(e.description ? 'true' : undefined)}
            aria-describedby=${this.#describedBy('description')} @input=${(ev: Event) => this.#onInput('description', ev)}
            @blur=${(ev: FocusEvent) => this.#onBlur('description', ev)}></textarea>`,
            nothing, true)}
          ${this.#field('apiKey', s.apiKeyLabel, html`<div class="secret">
              <!-- autocomplete="off", never "new-password" (Chrome would offer to generate one);
                   the data-* attributes keep 1Password, LastPass, Bitwarden and Dashlane away. -->
              <input id="api-key" part="input key-input" type=${this.revealed ? 'text' : 'password'} ?required=${!keyOptional}
                autocomplete="off" spellcheck="false" autocapitalize="off" autocorrect="off"
                data-1p-ignore data-lpignore="true" data-bwignore data-form-type="other"
                ?readonly=${busy} aria-invalid=${ifDefined(e.apiKey ? 'true' : undefined)}
                aria-describedby=${this.#describedBy('apiKey', savedText !== undefined && 'saved-key', 'api-key-help')}
                @input=${(ev: Event) => this.#onInput('apiKey', ev)} @blur=${(ev: FocusEvent) => this.#onBlur('apiKey', ev)} />
              <button type="button" class="icon" part="reveal-button" aria-label=${s.showKey} title=${s.showKey}
                aria-pressed=${this.revealed ? 'true' : 'false'} aria-controls="api-key"
                @click=${this.#toggleReveal}>${icon(this.revealed ? `${EYE}M3 3l18 18` : EYE)}</button>
            </div>`,
            html`${savedText !== undefined ? html`<p id="saved-key" class="saved-key" part="saved-key">${savedText}</p>` : nothing}
              <div id="api-key-help" class="help" part="help"><slot name="help">${preset
                ? html`<p>${s.keyHelp({ provider: label })} <code dir="ltr">${preset.authHeader}</code></p>`
                : nothing}${this.docsUrl
                ? html`<p><a href=${this.docsUrl} target="_blank" rel="noopener noreferrer">${s.docsLink({ provider: label })}<span class="visually-hidden"> ${s.newTab}</span></a></p>`
                : nothing}</slot></div>`,
            keyOptional)}
          ${fields.filter((f) => !f.advanced).map((f) => this.#presetField(f, busy))}
          ${advanced.length
            ? html`<details class="advanced" part="advanced">
                <summary part="advanced-summary">${s.advanced}</summary>
                ${advanced.map((f) => this.#presetField(f, busy))}
              </details>`
            : nothing}
          <div class="form-error" part="form-error" role="alert">${e.form ? errorContent(e.form) : nothing}</div>
          ${this.unconfirmed && phase === 'editing'
            ? html`<p class="skip"><button type="button" part="skip-button"
                @click=${() => void this.#save(true)}>${s.saveWithoutChecking}</button></p>`
            : nothing}
        </div>
        <div class="footer" part="footer">
          <div class="footer-start"><slot name="footer-start"></slot></div>
          ${phase === 'verifying'
            ? html`<p class="progress" part="progress"><span class="spinner"></span>${s.checking({ provider: label })}</p>`
            : nothing}
          <button type="button" part="cancel-button" ?disabled=${phase === 'saving'}
            @click=${() => this.#requestClose('cancel-button')}>${s.cancel}</button>
          <button type="submit" class="primary" part="save-button" ?disabled=${busy} @click=${this.#onSubmit}>
            ${busy ? html`<span class="spinner" aria-hidden="true"></span>${phase === 'verifying' ? s.checkingButton : s.saving}` : s.save}</button>
        </div>
      </form>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </dialog>`;
  }
}
