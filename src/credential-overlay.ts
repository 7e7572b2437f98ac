import { LitElement, type PropertyValues } from 'lit';
import { defineElement } from './define.js';
import { DEV, warnOnce } from './dev.js';
import type { CancelSource } from './events.js';
import { ConnectController } from './connect-controller.js';
import type { OverlayContext } from './context.js';
import { editTarget, FormController } from './form-controller.js';
import { LangController } from './locale.js';
import { ModalController } from './modal.js';
import { withModelField } from './form-model.js';
import { dialogTemplate } from './overlay-view.js';
import { openai } from './presets/openai.js';
import { getProvider, onProvider, registerProvider } from './presets/registry.js';
import type { ProviderPreset } from './presets/types.js';
import { loadRules, rules } from './rules-loader.js';
import type { SaveController } from './save.js';
import { Session } from './session.js';
import { en, type CredentialOverlayStrings } from './strings.js';
import { styles } from './credential-overlay.styles.js';
import { allowedUrl } from './url.js';
import type { Verifier } from './verify.js';

// The event types beside the class: framework typings import them from this module.
export type * from './events.js';

registerProvider(openai);

/**
 * An "Add New Credential" modal that collects an API key (OpenAI by default, any registered
 * preset with its own fields), validates it, and hands it to the host page in a
 * `credential-saved` event. With `credential-id` (or `existing-key-hint`) it edits a saved
 * credential without ever seeing its key. The key never reaches an attribute, a text node,
 * storage or any other event.
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
 * @csspart check-button - "Check key" (with `verify`): runs the live check without saving.
 * @csspart check-outcome - What "Check key" found: the status, models and credit, or why it failed.
 * @csspart connect - The row of "Connect {provider}" (with `connect-callback`).
 * @csspart connect-button - "Connect {provider}": gets a key from the provider instead of pasting.
 * @csspart connect-message - Why a connect attempt did not give a key.
 * @csspart key-received - "Key received from {provider}" with the key's hint.
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

  // Declared here rather than with decorators: smaller, and no decorator helper.
  static override properties = {
    open: { type: Boolean, reflect: true },
    provider: {},
    heading: {},
    credentialName: { attribute: 'credential-name' },
    credentialDescription: { attribute: 'credential-description' },
    docsUrl: { attribute: 'docs-url' },
    verify: { type: Boolean },
    chooseModel: { type: Boolean, attribute: 'choose-model' },
    baseUrl: { attribute: 'base-url' },
    connectCallback: { attribute: 'connect-callback' },
    connectUrl: { attribute: 'connect-url' },
    verifier: { attribute: false },
    credentialId: { attribute: 'credential-id' },
    existingKeyHint: { attribute: 'existing-key-hint' },
    values: { attribute: false },
    strings: { attribute: false },
  };

  /** Adds or replaces a provider preset (a `TypeError` names the first problem of a malformed one); overlays waiting for its id render it at once. */
  static registerProvider(preset: ProviderPreset): void {
    registerProvider(preset);
  }

  /** Registers the element under `tagName`: a no-op when this class holds it, `NotSupportedError` when another does. */
  static define(tagName = 'credential-overlay', registry: CustomElementRegistry = customElements): void {
    defineElement(this, tagName, registry);
  }

  /** Preset id: label, docs link, help, key rules, fields and live check. An unregistered id shows a message and saves nothing until it is registered. */
  provider = 'openai';
  /** Initial Credential Name, read when the overlay opens. */
  credentialName = '';
  /** Initial Credential Description, read when the overlay opens. */
  credentialDescription = '';
  /** Check the key live before emitting (the preset's check, or `verifier`); adds "Check key". */
  verify = false;
  /** Adds an optional "Default model" field (`fields.model`) that offers the models a check listed. */
  chooseModel = false;
  /** A custom async check that replaces the built-in one (used only with `verify`). */
  verifier?: Verifier;
  /** The id of a saved credential: opens the overlay as its editor; `id` of every event's detail. Read when it opens. */
  credentialId = '';
  /** The saved key's hint (e.g. `sk-proj-…x9Qz`), shown in edit mode when it has a hint's shape; alone it also opens the editor. */
  existingKeyHint = '';
  /** Initial values of the preset's own fields, by field id, read when it opens; never a secret. */
  values: Readonly<Record<string, string>> = {};
  /**
   * Any subset of the visible strings, merged at every depth over the page's language.
   * @type {Partial<CredentialOverlayStrings>}
   */
  strings: Partial<CredentialOverlayStrings> = {};

  #heading?: string;
  /** The URL attributes as set, when they follow the URL rule (`allowedUrl`). */
  #urls: Record<string, string | undefined> = {};
  /** `credential-id` as it was on opening: the `id` of this session's events. */
  #id = '';
  #unsubscribe?: () => void;
  #lang = new LangController(this);
  #session = new Session({
    canOpen: () => this.isConnected && this.hasUpdated && rules() !== undefined,
    shown: () => this.#shown(),
    hidden: () => (this.#reset(), this.#form.end(), this.#modal.close()),
    fire: (type: string, detail: object) => this.#fire(type, detail),
    // The `open` property changed without its setter (a close by the user): reflect it.
    changed: (openChanged) => this.requestUpdate(openChanged ? 'open' : undefined, !this.open),
  });
  /** What the controllers read of this element. */
  #ctx: OverlayContext = {
    preset: () => this.#preset,
    strings: () => this.#strings,
    id: () => this.#id,
    lang: () => this.#lang.lang,
    baseUrl: () => this.baseUrl,
    keyInput: () => this.renderRoot?.querySelector('#api-key') ?? null,
    changed: (id) => this.#save?.changed(id),
  };
  #form = new FormController(this, this.#ctx);
  /** Save's machine, from Save's rules (loaded before the first opening). */
  #save?: SaveController;
  #modal = new ModalController(this, () => this.renderRoot.querySelector('dialog')!, {
    requestClose: () => this.#requestClose('escape'),
    closedByPlatform: () => this.#session.closedByPlatform(),
  });

  #connect = new ConnectController(this, this.#ctx, this.#form, this.#session);

  get #strings(): CredentialOverlayStrings {
    return this.#lang.strings('overlay', en, this.strings);
  }
  /** The preset of `provider`, with the Default model field when `choose-model` is set. */
  get #preset(): ProviderPreset | undefined {
    const preset = getProvider(this.provider);
    return preset && this.chooseModel ? withModelField(preset, this.#strings) : preset;
  }

  /**
   * Shown as a modal when set; reflects. Setting it false is `close()`.
   * @default false
   */
  get open(): boolean {
    return this.#session.wanted;
  }
  set open(value: boolean) {
    if (value) void this.show();
    else this.#session.close('api');
  }

  /**
   * The dialog title and accessible name; wins over `strings.heading` and `strings.editHeading`.
   * @default "Add New Credential"
   */
  get heading(): string {
    // While open, the mode it opened in; while closed, the mode it would open in.
    const edit = this.#session.isOpen ? this.#form.how.mode === 'edit' : editTarget(this.credentialId, this.existingKeyHint).edit;
    return this.#heading ?? (edit ? this.#strings.editHeading : this.#strings.heading);
  }
  set heading(value: string | null | undefined) {
    this.#heading = value ?? undefined;
  }

  /**
   * "Where to find your key" link: `https:` (or `http:` to loopback) only; the preset's by default.
   * @default "https://platform.openai.com/api-keys"
   */
  get docsUrl(): string { return this.#urls.docs ?? this.#preset?.docsUrl ?? ''; }
  set docsUrl(value: string | null | undefined) { this.#urls.docs = allowedUrl('docs-url', value); }

  /**
   * API base of the live check: `https:` (or `http:` to loopback) only; the preset's by default.
   * @default "https://api.openai.com/v1"
   */
  get baseUrl(): string { return this.#urls.base ?? this.#preset?.baseUrl ?? ''; }
  set baseUrl(value: string | null | undefined) { this.#urls.base = allowedUrl('base-url', value); }

  /** URL of the host's page that finishes a connect flow (`https:`, or `http:` to loopback); without it, no Connect button. */
  get connectCallback(): string { return this.#urls.callback ?? ''; }
  set connectCallback(value: string | null | undefined) { this.#urls.callback = allowedUrl('connect-callback', value); }

  /**
   * The provider's authorization page of the connect flow (`https:`, or `http:` to loopback); the preset's by default.
   * @default "https://openrouter.ai/auth"
   */
  get connectUrl(): string { return this.#urls.connect ?? this.#preset?.connect?.url ?? ''; }
  set connectUrl(value: string | null | undefined) { this.#urls.connect = allowedUrl('connect-url', value); }

  /** Opens the overlay (as `open = true`); resolves `true` once it is open and focus is placed, `false` when it is closed or removed before. */
  show(): Promise<boolean> {
    const opened = this.#session.open();
    return this.#prepare(), opened;
  }

  /** Opens once rendered and Save's rules are loaded (fetched when first connected, again after a failed load). */
  #prepare(): void {
    if (this.isConnected) void Promise.all([this.updateComplete, loadRules()]).then(() => this.#session.ready(), () => {});
  }

  /** Closes without saving and clears every field (as `open = false`). */
  close(): void {
    this.#session.close('api');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = onProvider((id) => id === this.provider && this.requestUpdate());
    this.#prepare(); // opens when `open` was set before
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#session.removed(); // closes and clears at once, without an event
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('provider')) return;
    const preset = this.#preset;
    if (preset && this.#session.editing) {
      this.#form.presetChanged(preset);
      this.#connect.reset(); // an attempt to connect belongs to the preset it started with
    } else if (DEV && !preset) warnOnce(this, 'credential-overlay', `provider:${this.provider}`, `no provider preset "${this.provider}" is registered; nothing can be saved until it is.`);
  }

  /** The session opened: fills the form (edit mode with an id or a hint), shows the dialog, focuses the first field. */
  #shown(): void {
    // The built-in check is a chunk of its own: fetched as the overlay opens, not on Save.
    if (this.verify && !this.verifier) void import('./live-check.js');
    this.#save ??= new (rules()!.SaveController)(this, this.#session, this.#form, { ...this.#ctx, connected: (key) => this.#connect.holds(key) });
    this.#id = this.#form.start(this, (key, message) => warnOnce(this, 'credential-overlay', key, message));
    this.#reset();
    // Render the values now, so the dialog opens filled and the first field can take focus.
    this.performUpdate();
    this.#modal.open();
    this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
  }

  /** Empties and re-masks the key field, closes Advanced, forgets "could not confirm". */
  #reset(): void {
    // Every control back to its default: the key field empty, and masked at once (not at the next render).
    this.renderRoot.querySelector('form')?.reset();
    const key = this.#ctx.keyInput();
    if (key) key.type = 'password';
    const advanced = this.renderRoot.querySelector('details');
    if (advanced) advanced.open = false;
    this.#form.revealed = false;
    this.#save?.reset();
    this.#connect.reset();
  }

  #fire(type: string, detail: object, cancelable = false): boolean {
    const full = Object.freeze({ id: this.#id, provider: this.#preset?.id ?? this.provider, ...detail });
    return this.dispatchEvent(new CustomEvent(type, { detail: full, bubbles: true, composed: true, cancelable }));
  }

  /** Cancel, Close or Escape: the host may keep it open (`credential-request-close`). */
  #requestClose(source: Exclude<CancelSource, 'api'>): void {
    this.#session.requestClose(source, () => this.#fire('credential-request-close', { source, dirty: this.#form.dirty }, true));
  }

  override render() {
    const save = this.#save;
    const preset = this.#preset;
    return dialogTemplate({
      form: this.#form,
      strings: this.#strings,
      busy: this.#session.busy,
      phase: this.#session.phase,
      models: save?.outcome?.models,
      onInput: (id, value) => this.#form.input(id, value),
      onBlur: (id, event) => this.#session.editing && this.#form.blur(id, event),
      heading: this.heading,
      provider: this.provider,
      preset,
      key: {
        ...this.#form.keyState(preset, this.#strings),
        docsUrl: this.docsUrl,
        revealed: this.#form.revealed,
        onReveal: () => ((this.#form.revealed = !this.#form.revealed), this.requestUpdate()),
        received: this.#connect.holds(this.#ctx.keyInput()?.value ?? '') ? this.#connect.received!.text : undefined,
        check: this.verify && save ? { busy: save.checking, outcome: save.outcome, onCheck: () => void save.checkKey() } : undefined,
      },
      skip: save?.unconfirmed && this.#session.editing ? () => void save.save(true) : undefined,
      connect: this.#connect.available
        ? { waiting: this.#connect.waiting, message: this.#connect.message, onConnect: () => this.#connect.start() }
        : undefined,
      modal: this.#modal,
      // Save's click (also Enter in a field) and the form's `submit`: saves without submitting.
      onSubmit: (event) => (event.preventDefault(), void this.#save?.save()),
      onRequestClose: (source) => this.#requestClose(source),
    });
  }
}
