import { LitElement, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CancelSource, CredentialCancelDetail, CredentialSavedDetail } from './events.js';
import { checkKey, checkText, isIdentifier, maskSecrets } from './key-rules.js';
import { openai } from './providers/openai.js';
import type { ProviderPreset } from './providers/types.js';
import { lockScroll, unlockScroll } from './scroll-lock.js';
import { en, type CredentialOverlayStrings } from './strings.js';
import { styles } from './credential-overlay.styles.js';
import { isAllowedUrl } from './url.js';
import { verifyKey, type Verifier } from './verify.js';

export type { CancelSource, CredentialCancelDetail, CredentialSavedDetail } from './events.js';
export type { CredentialCancelEvent, CredentialSavedEvent } from './events.js';
export type { CredentialOverlayStrings } from './strings.js';
export type { ProviderPreset, KeyRules, KeyTypeRule, ForeignKeyRule, LiveCheck, CheckContext, ExtraFieldRule } from './providers/types.js';
export type { Verifier, VerifyContext, VerifyResult } from './verify.js';

/**
 * `closed`: not shown; `editing`: the user can type and save; `verifying`: the live check
 * runs (Cancel, Close and Escape abort it); `dispatching`: `credential-saved` is being
 * dispatched; `saving`: a host's `waitUntil` runs.
 */
type Phase = 'closed' | 'editing' | 'verifying' | 'dispatching' | 'saving';
type Field = 'name' | 'description' | 'apiKey' | 'organization' | 'project';
type Errors = Partial<Record<Field | 'form', string>>;

const NAME_MAX = 100;
const DESCRIPTION_MAX = 1000;
const FIELDS: Field[] = ['name', 'description', 'apiKey', 'organization', 'project'];
const ID: Record<Field, string> = {
  name: 'name',
  description: 'description',
  apiKey: 'api-key',
  organization: 'organization',
  project: 'project',
};

/** Classes defined under a second tag name by `define()`, mapped to the class they extend. */
const aliases = new WeakMap<CustomElementConstructor, CustomElementConstructor>();
/** Registries this class (not an alias) is already defined in. */
const definedIn = new WeakMap<CustomElementConstructor, WeakSet<CustomElementRegistry>>();

/** `value` when it is an allowed URL; otherwise `undefined`, with one warning (a hostile base URL would receive the key). */
function allowedUrl(attribute: string, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (isAllowedUrl(value)) return value;
  console.warn(`<credential-overlay>: ${attribute} ignored; only https: (or http: to localhost) is allowed.`);
  return undefined;
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

/** A 24×24 line icon, sized by CSS; `d` is its path. */
const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${d} /></svg>`;
const EYE = 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zm7 0a3 3 0 0 0 6 0a3 3 0 0 0-6 0';
/** The alert icon that marks every error, so an error is never told by colour alone. */
const errorContent = (message: string) => html`${icon('M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7.5v5.5m0 3.5v.01')}<span>${message}</span>`;

/**
 * An "Add New Credential" modal that collects an API key (OpenAI by default), validates it,
 * and hands it to the host page in a `credential-saved` event. The key never reaches an
 * attribute, a text node, storage or any other event.
 *
 * @tag credential-overlay
 * @fires {CustomEvent<CredentialSavedDetail>} credential-saved - A valid Save; cancelable; `detail.waitUntil()` for async persistence.
 * @fires {CustomEvent<CredentialCancelDetail>} credential-cancel - Closed without saving.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart form - The form inside the dialog.
 * @csspart header - Title row: heading, provider and close button.
 * @csspart heading - The title.
 * @csspart provider - The provider's name under the title.
 * @csspart body - The scrolling area that holds the fields.
 * @csspart field - Each field's wrapper (label, control, messages).
 * @csspart label - Each field's label.
 * @csspart input - Each text input and the textarea.
 * @csspart error - Each field's error text.
 * @csspart help - Help text under the key field.
 * @csspart note - A non-blocking note about the key.
 * @csspart form-error - The form-level error (`role="alert"`).
 * @csspart footer - The row of buttons.
 * @csspart save-button - Save.
 * @csspart cancel-button - Cancel.
 * @csspart close-button - The × in the header.
 * @csspart reveal-button - Show API key.
 * @csspart advanced - The "Advanced" disclosure (`<details>`) with Organization ID and Project ID.
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
    strings: { attribute: false },
    phase: { state: true },
    errors: { state: true },
    keyNotes: { state: true },
    revealed: { state: true },
    announcement: { state: true },
    unconfirmed: { state: true },
  };

  /** Presets by id. The default entry carries only OpenAI. */
  static readonly providers = new Map<string, ProviderPreset>([[openai.id, openai]]);

  /** Adds or replaces a provider preset, selected by its `id` in the `provider` attribute. */
  static registerProvider(preset: ProviderPreset): void {
    if (!preset?.id || !preset.label || !preset.key?.prefix) {
      throw new TypeError('registerProvider() needs a preset with an id, a label and key rules.');
    }
    CredentialOverlay.providers.set(preset.id, preset);
  }

  /**
   * Registers the element under `tagName`. A no-op when this class already holds that tag;
   * the platform's `NotSupportedError` when another class does.
   */
  static define(tagName = 'credential-overlay', registry: CustomElementRegistry = customElements): void {
    const held = registry.get(tagName);
    if (held && (held === this || aliases.get(held) === this)) return;
    const seen = definedIn.get(this) ?? new WeakSet();
    // A constructor can hold only one name per registry: a second name gets a subclass.
    const ctor = seen.has(registry) ? class extends this {} : this;
    registry.define(tagName, ctor);
    if (ctor === this) definedIn.set(this, seen.add(registry));
    else aliases.set(ctor, this);
  }

  #open = false;
  #heading?: string;
  #docsUrl?: string;
  #baseUrl?: string;

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

  /** Preset id: label, docs link, help text and key rules. */
  provider = 'openai';

  /** The dialog title and accessible name; wins over `strings.heading`. */
  get heading(): string {
    return this.#heading ?? this.#strings.heading;
  }
  set heading(value: string | null | undefined) {
    this.#heading = value ?? undefined;
  }

  /** Initial Credential Name, read when the overlay opens. */
  credentialName = '';

  /** Initial Credential Description, read when the overlay opens. */
  credentialDescription = '';

  /** "Where to find your key" link: `https:` (or `http:` to loopback) only; the preset's by default. */
  get docsUrl(): string {
    return this.#docsUrl ?? this.#preset.docsUrl;
  }
  set docsUrl(value: string | null | undefined) {
    this.#docsUrl = allowedUrl('docs-url', value);
  }

  /** Check the key live before emitting (`GET {baseUrl}/models`, or `verifier`). */
  verify = false;

  /** API base of the live check: `https:` (or `http:` to loopback) only; the preset's by default. */
  get baseUrl(): string {
    return this.#baseUrl ?? this.#preset.baseUrl;
  }
  set baseUrl(value: string | null | undefined) {
    this.#baseUrl = allowedUrl('base-url', value);
  }

  /** A custom async check that replaces the built-in one (used only with `verify`). */
  verifier?: Verifier;

  /** Reserved for editing a saved credential (contract section 10); not used yet. */
  existingKeyHint = '';

  /** Any subset of the visible strings; English by default. */
  strings: Partial<CredentialOverlayStrings> = {};

  private phase: Phase = 'closed';
  private errors: Errors = {};
  private keyNotes: string[] = [];
  private revealed = false;
  /** Text of the polite live region (announces a failed Save, a running check). */
  private announcement = '';
  /** The last live check could not confirm the key: offer "Save without checking". */
  private unconfirmed = false;

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }
  private get form(): HTMLFormElement {
    return this.renderRoot.querySelector('form')!;
  }
  private get advanced(): HTMLDetailsElement | null {
    return this.renderRoot.querySelector('details');
  }
  private get saveButton(): HTMLButtonElement {
    return this.renderRoot.querySelector('[type="submit"]')!;
  }

  /** What had focus before opening; focus returns there on close. */
  #opener: HTMLElement | null = null;
  /** Bumped on every close, so a pending `waitUntil` of an earlier session is ignored. */
  #session = 0;
  /** Aborts the running live check. */
  #check?: AbortController;
  /** Fields the user has edited since opening: they are checked on blur. */
  #edited = new Set<Field>();

  get #strings(): CredentialOverlayStrings {
    return { ...en, ...this.strings };
  }

  get #preset(): ProviderPreset {
    return CredentialOverlay.providers.get(this.provider) ?? openai;
  }

  /** Opens the overlay (same as `open = true`). */
  show(): void {
    this.open = true;
  }

  /** Closes without saving and clears every field (same as `open = false`). */
  close(): void {
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.open) this.#requestShow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removal closes and clears at once, without an event.
    this.#finish(null);
  }

  #requestShow(): void {
    if (!this.isConnected || this.phase !== 'closed') return;
    if (!this.hasUpdated || !this.dialog) {
      this.updateComplete.then(() => this.open && this.#requestShow());
      return;
    }
    this.#opener = deepActiveElement();
    this.#clear();
    this.#control('name').value = this.credentialName ?? '';
    this.#control('description').value = this.credentialDescription ?? '';
    this.phase = 'editing';
    this.dialog.showModal();
    lockScroll(this);
    this.#control('name').focus();
  }

  /** Empties and re-masks every field and forgets every message. */
  #clear(): void {
    this.form.reset();
    this.#control('apiKey').type = 'password';
    if (this.advanced) this.advanced.open = false;
    this.revealed = false;
    this.unconfirmed = false;
    this.errors = {};
    this.keyNotes = [];
    this.announcement = '';
    this.#edited.clear();
  }

  /**
   * Closes and clears. `how` is the cancel source to report, `'saved'` after a Save, or
   * `null` for removal. Closing during a dispatch or a busy save fires no event.
   */
  #finish(how: CancelSource | 'saved' | null): void {
    if (this.phase === 'closed') return;
    // A user's cancel is reported while editing or checking; close() and open = false only
    // while editing (during a dispatch or a busy save they close silently).
    const user = how === 'cancel-button' || how === 'close-button' || how === 'escape';
    const report =
      how !== 'saved' && how !== null && (this.phase === 'editing' || (this.phase === 'verifying' && user));
    this.#check?.abort();
    this.#check = undefined;
    this.#session++;
    this.phase = 'closed';
    this.#clear();
    if (this.dialog.open) this.dialog.close();
    unlockScroll(this);
    this.open = false;
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    // Opener gone or no longer focusable: never leave focus on a control of the closed dialog.
    (this.shadowRoot!.activeElement as HTMLElement | null)?.blur();
    if (report) {
      const detail: CredentialCancelDetail = Object.freeze({ provider: this.#preset.id, source: how });
      this.dispatchEvent(new CustomEvent('credential-cancel', { detail, bubbles: true, composed: true }));
    }
  }

  #cancel(source: CancelSource): void {
    if (this.phase === 'editing' || this.phase === 'verifying') this.#finish(source);
  }

  /** A field's control; the Advanced ones exist only when the preset has them. */
  #control(field: Field): HTMLInputElement {
    return this.renderRoot.querySelector(`#${ID[field]}`) as HTMLInputElement;
  }

  #value(field: Field): string {
    return this.#control(field)?.value ?? '';
  }

  /** The message for one field, or `undefined`. */
  #validate(field: Field): string | undefined {
    const s = this.#strings;
    const value = this.#value(field);
    switch (field) {
      case 'name':
        return checkText(value, { field: s.nameLabel, max: NAME_MAX, required: true }, s);
      case 'description':
        return checkText(value, { field: s.descriptionLabel, max: DESCRIPTION_MAX, required: false }, s);
      case 'apiKey': {
        const result = checkKey(value, this.#preset, s);
        this.keyNotes = result.ok ? result.notes : [];
        return result.ok ? undefined : result.message;
      }
      case 'organization':
      case 'project': {
        const rule = this.#preset.fields?.[field];
        const label = field === 'organization' ? s.organizationLabel : s.projectLabel;
        return !rule || isIdentifier(value, rule.prefix) ? undefined : s.identifierInvalid({ field: label, prefix: rule.prefix });
      }
    }
  }

  #onInput(field: Field): void {
    this.#edited.add(field);
    // Once a field shows an error, it goes away as soon as the value is fixed.
    if (this.errors[field] && !this.#validate(field)) this.errors = { ...this.errors, [field]: undefined };
  }

  #onBlur(field: Field, event: FocusEvent): void {
    if (this.phase !== 'editing' || !this.#edited.has(field)) return;
    // Not when focus moves to Save, Cancel or Close: an error appearing on mousedown would
    // shift the buttons and swallow the click. Save checks every field anyway.
    if ((event.relatedTarget as Element | null)?.closest?.('.header, .footer')) return;
    this.errors = { ...this.errors, [field]: this.#validate(field) };
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
    if (this.phase !== 'editing') return;
    const s = this.#strings;
    this.unconfirmed = false;
    const key = checkKey(this.#value('apiKey'), this.#preset, s);
    this.keyNotes = key.ok ? key.notes : [];
    const errors: Errors = {};
    for (const field of FIELDS) errors[field] = field === 'apiKey' ? (key.ok ? undefined : key.message) : this.#validate(field);
    if (this.#showErrors(errors) || !key.ok) return;
    const extra = { organization: this.#value('organization').trim(), project: this.#value('project').trim() };
    let verified = false;
    if (this.verify && !skipCheck) {
      const session = this.#session;
      const check = (this.#check = new AbortController());
      this.#busy('verifying');
      this.announcement = s.checking({ provider: this.#preset.label });
      const result = await verifyKey(key.apiKey, {
        preset: this.#preset,
        verifier: this.verifier,
        context: { provider: this.#preset.id, baseUrl: this.baseUrl, ...extra },
        strings: s,
        signal: check.signal,
      });
      if (!result || session !== this.#session) return; // aborted or closed meanwhile
      this.#check = undefined;
      this.phase = 'editing';
      this.announcement = '';
      if (!result.ok) {
        if (result.unreachable) {
          this.unconfirmed = true;
          this.errors = { form: result.message };
          this.#idle();
        } else {
          this.#showErrors({ apiKey: result.message });
        }
        return;
      }
      verified = true;
    }
    this.#emit(key, verified, extra);
  }

  /** Shows `errors` next to their fields; focuses the first and announces. False when there are none. */
  #showErrors(errors: Errors): boolean {
    this.errors = errors;
    const invalid = FIELDS.filter((f) => errors[f]);
    if (!invalid.length) return false;
    // A trailing no-break space toggles, so the same summary is announced again.
    const summary = this.#strings.errorSummary({ count: invalid.length });
    this.announcement = this.announcement === summary ? `${summary}\u00A0` : summary;
    if (this.advanced && (invalid[0] === 'organization' || invalid[0] === 'project')) this.advanced.open = true;
    this.#control(invalid[0]).focus();
    return true;
  }

  #emit(key: { apiKey: string; keyType: string; keyHint: string }, verified: boolean, extra: { organization: string; project: string }): void {
    const pending: Promise<unknown>[] = [];
    let accepting = true;
    const detail: CredentialSavedDetail = Object.freeze({
      provider: this.#preset.id,
      name: this.#value('name').trim(),
      description: this.#value('description').trim(),
      apiKey: key.apiKey,
      keyType: key.keyType,
      keyHint: key.keyHint,
      verified,
      ...extra,
      waitUntil: (promise: Promise<unknown>) => {
        if (!accepting) {
          throw new DOMException('waitUntil() must be called while credential-saved is dispatched.', 'InvalidStateError');
        }
        pending.push(Promise.resolve(promise));
      },
    });
    const event = new CustomEvent('credential-saved', { detail, bubbles: true, composed: true, cancelable: true });
    const session = this.#session;
    this.phase = 'dispatching';
    try {
      this.dispatchEvent(event);
    } finally {
      accepting = false;
    }
    if (session !== this.#session) {
      // Closed during dispatch: the outcome is ignored, but a rejection must not go unhandled.
      void Promise.all(pending).catch(() => {});
      return;
    }
    this.phase = 'editing';

    if (!pending.length) {
      if (!event.defaultPrevented) this.#finish('saved');
      return;
    }
    this.#busy('saving');
    Promise.all(pending).then(
      () => {
        if (session !== this.#session) return;
        if (event.defaultPrevented) this.#idle();
        else this.#finish('saved');
      },
      (reason: unknown) => {
        if (session !== this.#session) return;
        let message: unknown;
        try {
          message = (reason as { message?: unknown } | null)?.message;
        } catch {
          message = undefined; // a hostile reason (throwing getter, Proxy): the generic message
        }
        this.errors = { form: typeof message === 'string' && message.trim() ? maskSecrets(message) : this.#strings.saveFailed };
        this.#idle();
      },
    );
  }

  #busy(phase: 'verifying' | 'saving'): void {
    // Save (and while saving, every button) is about to be disabled: keep focus inside the dialog.
    const active = this.shadowRoot!.activeElement;
    if (active === this.saveButton || (phase === 'saving' && active?.localName === 'button')) this.dialog.focus();
    this.phase = phase;
  }

  #idle(): void {
    this.phase = 'editing';
    this.updateComplete.then(() => {
      if (this.phase === 'editing' && !this.shadowRoot!.activeElement?.matches('input, textarea')) this.saveButton.focus();
    });
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      // Handled here, not through the dialog's `cancel`: Chromium makes a second `cancel`
      // without user activation uncancelable, which would close a busy dialog.
      event.preventDefault();
      this.#cancel('escape');
    } else if (event.key === 'Tab') {
      this.#trapTab(event);
    }
  }

  /** Tab and Shift+Tab wrap inside the dialog instead of reaching the browser's UI. */
  #trapTab(event: KeyboardEvent): void {
    const focusable = [
      ...this.dialog.querySelectorAll<HTMLElement>('input, textarea, button, a[href], summary'),
    ].filter(
      (el) =>
        !(el as HTMLButtonElement).disabled &&
        el.getClientRects().length > 0 &&
        // A closed <details> keeps boxes for its content, but that content cannot take focus.
        !el.closest('details:not([open]) > :not(summary)'),
    );
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.shadowRoot!.activeElement;
    if (event.shiftKey && (active === first || active === this.dialog)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || active === this.dialog)) {
      event.preventDefault();
      first.focus();
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
      if (this.shadowRoot!.activeElement === target) target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    };
    reveal();
    requestAnimationFrame(reveal);
  }

  #onCancel(event: Event): void {
    // Escape (or a platform back gesture) not caught by the keydown handler.
    event.preventDefault();
    this.#cancel('escape');
  }

  #onDialogClose(): void {
    // A close event queued by an earlier close() that arrives after the overlay was opened again.
    if (this.dialog.open) return;
    // The platform closed the dialog on its own (e.g. an uncancelable close request).
    if (this.phase === 'editing' || this.phase === 'verifying') this.#finish('escape');
    else if (this.phase === 'saving' && this.isConnected) this.dialog.showModal();
  }

  #toggleReveal(): void {
    this.revealed = !this.revealed;
  }

  #field(field: Field, label: string, control: unknown, extra: unknown = nothing, optional = false) {
    const error = this.errors[field];
    return html`<div class="field" part="field">
      <div class="label-row">
        <label for=${ID[field]} part="label">${label}</label>
        ${optional ? html`<span class="optional">${this.#strings.optional}</span>` : nothing}
      </div>
      ${control}
      <p id="${ID[field]}-error" class="error" part="error">${error ? errorContent(error) : nothing}</p>
      ${extra}
    </div>`;
  }

  #describedBy(field: Field, ...others: Array<string | false>): string | typeof nothing {
    if (this.errors[field]) return `${ID[field]}-error`;
    const ids = others.filter(Boolean).join(' ');
    return ids || nothing;
  }

  /** A single-line text field's input. */
  #textInput(field: 'name' | 'organization' | 'project', busy: boolean) {
    return html`<input id=${ID[field]} part="input" type="text" ?required=${field === 'name'} autocomplete="off"
      ?readonly=${busy} aria-invalid=${ifDefined(this.errors[field] ? 'true' : undefined)} aria-describedby=${this.#describedBy(field)}
      @input=${() => this.#onInput(field)} @blur=${(e: FocusEvent) => this.#onBlur(field, e)} />`;
  }

  override render() {
    const s = this.#strings;
    const preset = this.#preset;
    const phase = this.phase;
    const busy = phase === 'verifying' || phase === 'saving';
    const e = this.errors;
    const fields = preset.fields ?? {};
    return html`<dialog part="dialog" aria-labelledby="heading" tabindex="-1"
      @keydown=${this.#onKeydown} @cancel=${this.#onCancel} @close=${this.#onDialogClose}>
      <form part="form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <div class="header" part="header">
          <div class="title">
            <h2 id="heading" part="heading">${this.heading}</h2>
            <p class="provider" part="provider">${preset.label}</p>
          </div>
          <button type="button" class="icon" part="close-button" aria-label=${s.close} title=${s.close}
            ?disabled=${phase === 'saving'} @click=${() => this.#cancel('close-button')}>${icon('M6 6l12 12M18 6L6 18')}</button>
        </div>
        <!-- tabindex="-1": Firefox puts a scrollable box in the Tab order, here between Close and
             the first field; every control in it takes focus and scrolls into view itself. -->
        <div class="body" part="body" tabindex="-1" @focusin=${this.#revealFocused}>
          ${this.#field('name', s.nameLabel, this.#textInput('name', busy))}
          ${this.#field('description', s.descriptionLabel, html`<textarea id="description" part="input" rows="2"
            ?readonly=${busy} aria-invalid=${ifDefined(e.description ? 'true' : undefined)}
            aria-describedby=${this.#describedBy('description')}
            @input=${() => this.#onInput('description')} @blur=${(ev: FocusEvent) => this.#onBlur('description', ev)}></textarea>`,
            nothing, true)}
          ${this.#field('apiKey', s.apiKeyLabel, html`<div class="secret">
              <!-- autocomplete="off", never "new-password" (Chrome would offer to generate one);
                   the data-* attributes keep 1Password, LastPass, Bitwarden and Dashlane away. -->
              <input id="api-key" part="input" type=${this.revealed ? 'text' : 'password'} required
                autocomplete="off" spellcheck="false" autocapitalize="off" autocorrect="off"
                data-1p-ignore data-lpignore="true" data-bwignore data-form-type="other"
                ?readonly=${busy} aria-invalid=${ifDefined(e.apiKey ? 'true' : undefined)}
                aria-describedby=${this.#describedBy('apiKey', this.keyNotes.length > 0 && 'api-key-note', 'api-key-help')}
                @input=${() => this.#onInput('apiKey')} @blur=${(ev: FocusEvent) => this.#onBlur('apiKey', ev)} />
              <button type="button" class="icon" part="reveal-button" aria-label=${s.showKey} title=${s.showKey}
                aria-pressed=${this.revealed ? 'true' : 'false'} aria-controls="api-key"
                @click=${this.#toggleReveal}>${icon(this.revealed ? `${EYE}M3 3l18 18` : EYE)}</button>
            </div>`,
            html`${this.keyNotes.length ? html`<p id="api-key-note" class="note" part="note">${this.keyNotes.join(' ')}</p>` : nothing}
              <div id="api-key-help" class="help" part="help">
                <p>${s.keyHelp({ provider: preset.label })} <code>${preset.authHeader}</code></p>
                <p><a href=${this.docsUrl} target="_blank" rel="noopener noreferrer">${s.docsLink({ provider: preset.label })}<span class="visually-hidden"> ${s.newTab}</span></a></p>
              </div>`)}
          ${fields.organization || fields.project
            ? html`<details class="advanced" part="advanced">
                <summary part="advanced-summary">${s.advanced}</summary>
                ${fields.organization ? this.#field('organization', s.organizationLabel, this.#textInput('organization', busy), nothing, true) : nothing}
                ${fields.project ? this.#field('project', s.projectLabel, this.#textInput('project', busy), nothing, true) : nothing}
              </details>`
            : nothing}
          <div class="form-error" part="form-error" role="alert">${e.form ? errorContent(e.form) : nothing}</div>
          ${this.unconfirmed && phase === 'editing'
            ? html`<p class="skip"><button type="button" part="skip-button"
                @click=${() => void this.#save(true)}>${s.saveWithoutChecking}</button></p>`
            : nothing}
        </div>
        <div class="footer" part="footer">
          ${phase === 'verifying'
            ? html`<p class="progress" part="progress"><span class="spinner"></span>${s.checking({ provider: preset.label })}</p>`
            : nothing}
          <button type="button" part="cancel-button" ?disabled=${phase === 'saving'}
            @click=${() => this.#cancel('cancel-button')}>${s.cancel}</button>
          <button type="submit" class="primary" part="save-button" ?disabled=${busy} @click=${this.#onSubmit}>
            ${busy ? html`<span class="spinner" aria-hidden="true"></span>${s.saving}` : s.save}</button>
        </div>
      </form>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </dialog>`;
  }
}
