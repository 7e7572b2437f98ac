/**
 * What Save does (contract sections 5 and 6), as a reactive controller: validate every field,
 * check the key live when asked to, dispatch `credential-saved`, then close, stay open or wait
 * for the host's promises; and what a failure shows. Every step goes through the session, so
 * a close at any moment (Cancel, Escape, `close()`, removal) ends it: nothing is emitted or
 * shown afterwards.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CredentialSavedDetail } from './events.js';
import { formIds, keyDetail, legacyFields, sentFields } from './form.js';
import { domId, type FormController } from './form-controller.js';
import { maskSecrets, normalizeKey } from './key-rules.js';
import type { ProviderPreset } from './presets/types.js';
import type { Session } from './session.js';
import type { CredentialOverlayStrings } from './strings.js';
import { verifyKey, type Verifier } from './verify.js';
import { reasonOf, waiter } from './wait-until.js';

/** What Save reads of the element, when it saves, and where it places focus. */
export interface SaveHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly provider: string;
  readonly verify: boolean;
  readonly verifier?: Verifier;
  readonly baseUrl: string;
}

/** What Save asks of the element. */
export interface SaveView {
  preset(): ProviderPreset | undefined;
  strings(): CredentialOverlayStrings;
  /** `credential-id` of this session. */
  id(): string;
}

export class SaveController implements ReactiveController {
  readonly #host: SaveHost;
  readonly #session: Session;
  readonly #form: FormController;
  readonly #view: SaveView;
  #unconfirmed = false;

  constructor(host: SaveHost, session: Session, form: FormController, view: SaveView) {
    this.#host = host;
    this.#session = session;
    this.#form = form;
    this.#view = view;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The last live check could not confirm the key: "Save without checking" is offered. */
  get unconfirmed(): boolean {
    return this.#unconfirmed;
  }
  set unconfirmed(value: boolean) {
    this.#unconfirmed = value;
    this.#host.requestUpdate();
  }

  /** The user changed `id`: a "could not confirm" offered for the previous key or fields is stale. */
  changed(id: string): void {
    const preset = this.#view.preset();
    if (this.#unconfirmed && preset && (id === 'apiKey' || sentFields(preset).includes(id))) {
      this.unconfirmed = false;
      this.#form.errors = { ...this.#form.errors, form: undefined };
    }
  }

  /** Validates every field, then (with `verify`, unless skipped) checks the key live, then emits. */
  async save(skipCheck = false): Promise<void> {
    const session = this.#session;
    const s = this.#view.strings();
    const preset = this.#view.preset();
    if (!session.editing) return;
    if (!preset) return this.#form.announce(s.providerUnavailable({ provider: this.#host.provider }));
    this.unconfirmed = false;
    const result = this.#form.validate(preset);
    if (this.#showErrors(result.errors)) return;
    const values = this.#form.current();
    const fields = Object.fromEntries((preset.fields ?? []).map((f) => [f.id, (values[f.id] ?? '').trim()]));
    const key = keyDetail(result, preset, this.#form.how);
    const { verify, verifier } = this.#host;
    let verified = false;
    // A kept key: the built-in check has none to send, a host's verifier can check the saved one.
    if (verify && !skipCheck && (key.keyChanged || verifier)) {
      const signal = session.signal;
      this.#keepFocus(false);
      session.check();
      this.#form.announce(s.checking({ provider: preset.label }));
      const context = { provider: preset.id, baseUrl: this.#host.baseUrl, ...legacyFields(fields), fields, mode: this.#form.how.mode, keyChanged: key.keyChanged };
      const outcome = await verifyKey(key.apiKey, { preset, verifier, context, strings: s, signal });
      if (!outcome || signal.aborted) return; // aborted, or closed meanwhile
      this.#form.announcement = '';
      if (!outcome.ok) {
        session.settle();
        if (!outcome.unreachable) this.#showErrors({ apiKey: outcome.message });
        else {
          this.unconfirmed = true;
          this.#form.show({ form: outcome.message });
          this.#idle();
        }
        return;
      }
      verified = true;
    }
    this.#emit({
      id: this.#view.id(),
      provider: preset.id,
      name: (values.name ?? '').trim(),
      description: (values.description ?? '').trim(),
      ...key,
      verified,
      check: null,
      keySource: key.keyChanged ? 'typed' : 'kept',
      ...legacyFields(fields),
      fields: Object.freeze(fields),
      mode: this.#form.how.mode,
      changed: Object.freeze(this.#form.changed(preset)),
      waitUntil: () => {},
    });
  }

  /** Dispatches `credential-saved`, then closes, stays open (`preventDefault`) or waits for the host's promises. */
  #emit(detail: CredentialSavedDetail): void {
    const session = this.#session;
    const signal = session.signal;
    const wait = waiter('credential-saved');
    const prevented = session.dispatch(() => {
      const event = new CustomEvent('credential-saved', { detail: Object.freeze({ ...detail, waitUntil: wait.waitUntil }), bubbles: true, composed: true, cancelable: true });
      this.#host.dispatchEvent(event);
      // Read now: nothing below keeps the event (and so the key) alive.
      return event.defaultPrevented;
    });
    const pending = wait.end();
    // Closed during the dispatch: the outcome is ignored, but a rejection must not go unhandled.
    if (signal.aborted) return void pending?.catch(() => {});
    const done = () => {
      session.settle();
      if (prevented) this.#idle();
      else session.close('saved', 'save');
    };
    if (!pending) return done();
    this.#keepFocus(true);
    session.wait();
    pending.then(
      () => signal.aborted || done(),
      (reason: unknown) => signal.aborted || this.#rejected(reason),
    );
  }

  /** A host's `waitUntil` rejected: its message on the field it names, else at form level. */
  #rejected(reason: unknown): void {
    const preset = this.#view.preset();
    const { message, field } = reasonOf(reason);
    const key = normalizeKey(this.#form.current().apiKey, preset?.key);
    const text = message ? maskSecrets(message, { key, rules: preset?.key }) : this.#view.strings().saveFailed;
    this.#session.settle();
    if (field && preset && formIds(preset).includes(field)) this.#showErrors({ [field]: text }, text);
    else {
      this.#form.show({ form: text });
      this.#idle();
    }
  }

  /** Shows `errors` next to their fields, focuses the first and announces; false when there are none. */
  #showErrors(errors: Record<string, string | undefined>, announce?: string): boolean {
    const first = this.#form.show(errors);
    if (!first) return false;
    const count = Object.keys(errors).filter((id) => errors[id] && id !== 'form').length;
    this.#form.announce(announce ?? this.#view.strings().errorSummary({ count }));
    this.#focus(first);
    return true;
  }

  #find<T extends HTMLElement>(selector: string): T | null {
    return this.#host.renderRoot.querySelector<T>(selector);
  }

  /** Focuses a field, opening Advanced when it is there. */
  #focus(id: string): void {
    if (this.#view.preset()?.fields?.some((f) => f.id === id && f.advanced)) this.#find<HTMLDetailsElement>('details')!.open = true;
    this.#find(`#${domId(id)}`)?.focus();
  }

  /** Save (and, while saving, every button) is about to be disabled: keep focus inside the dialog. */
  #keepFocus(saving: boolean): void {
    if (this.#host.shadowRoot?.activeElement?.matches(saving ? 'button' : '[type="submit"]')) this.#find('dialog')!.focus();
  }

  /** Editing again after a busy phase: focus on Save unless it is in a field. */
  #idle(): void {
    void this.#host.updateComplete.then(() => {
      if (this.#session.editing && !this.#host.shadowRoot?.activeElement?.matches('input, textarea, select')) this.#find('[type="submit"]')?.focus();
    });
  }
}
