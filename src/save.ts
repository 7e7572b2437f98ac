/**
 * What Save does (contract sections 5 and 6), held for the host: validate every field,
 * check the key live when asked to, dispatch `credential-saved`, then close, stay open or wait
 * for the host's promises; and what a failure shows. Every step goes through the session, so
 * a close at any moment (Cancel, Escape, `close()`, removal) ends it: nothing is emitted or
 * shown afterwards.
 */
import type { ReactiveControllerHost } from 'lit';
import type { CheckResult, VerifyResult } from './check.js';
import { checkSummary } from './check-text.js';
import { LiveChecks } from './checks.js';
import type { CredentialSavedDetail } from './events.js';
import { formIds, keyDetail, legacyFields, sentFields, type FormResult } from './form.js';
import { domId, type FormController } from './form-controller.js';
import { normalizeKey } from './key-rules.js';
import { holdsKey, maskMessage } from './mask.js';
import type { ProviderPreset } from './presets/types.js';
import type { OverlayContext } from './context.js';
import type { Session } from './session.js';
import { verifyKey, type Verifier } from './verify.js';
import { reasonOf, waiter } from './wait-until.js';

/** What Save reads of the element, when it saves, and where it places focus. */
export interface SaveHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly provider: string;
  readonly verify: boolean;
  readonly verifier?: Verifier;
}

/** What Save asks of the element besides its context: whether `key` is the one a connect flow received (`keySource: "connect"`). */
export interface SaveView extends OverlayContext {
  connected(key: string): boolean;
}

export class SaveController {
  readonly #host: SaveHost;
  readonly #session: Session;
  readonly #form: FormController;
  readonly #view: SaveView;
  #unconfirmed = false;
  readonly #checks = new LiveChecks();
  #checking = false;
  #outcome?: { text: string; ok: boolean; models?: readonly string[] };

  constructor(host: SaveHost, session: Session, form: FormController, view: SaveView) {
    this.#host = host;
    this.#session = session;
    this.#form = form;
    this.#view = view;
  }

  /** The last live check could not confirm the key: "Save without checking" is offered. */
  get unconfirmed(): boolean {
    return this.#unconfirmed;
  }
  set unconfirmed(value: boolean) {
    this.#unconfirmed = value;
    this.#host.requestUpdate();
  }

  /** "Check key" runs. */
  get checking(): boolean {
    return this.#checking;
  }

  /** What the last "Check key" found, shown beside the key field; `models` once a check listed them. */
  get outcome(): { readonly text: string; readonly ok: boolean; readonly models?: readonly string[] } | undefined {
    return this.#outcome;
  }

  #set(checking: boolean, outcome: SaveController['outcome']): void {
    this.#checking = checking;
    this.#outcome = outcome;
    this.#host.requestUpdate();
  }

  /** The user changed `id`: a check (and a "could not confirm") of the previous key or fields is stale. */
  changed(id: string): void {
    const preset = this.#view.preset();
    if (!preset || (id !== 'apiKey' && id !== 'provider' && !this.#sends(preset).includes(id))) return;
    this.#checks.drop();
    if (this.#checking || this.#outcome) this.#set(false, undefined);
    if (this.#unconfirmed) {
      this.unconfirmed = false;
      this.#form.errors = { ...this.#form.errors, form: undefined };
    }
  }

  /** The fields a check sends: those the preset's check uses, every field for a host's verifier (it gets them all). */
  #sends(preset: ProviderPreset): string[] {
    // Default model (`choose-model`) is what the key is used with, not what a check sends.
    return this.#host.verifier ? (preset.fields ?? []).map((f) => f.id).filter((id) => id !== 'model') : sentFields(preset);
  }

  /** The session ended: forget every check (and so the key it checked). */
  reset(): void {
    this.#checks.drop();
    this.#checking = false;
    this.#outcome = undefined;
    this.unconfirmed = false;
  }

  /** What a check of this form sends, and its print: the same print, the same check. */
  #check(preset: ProviderPreset, result: FormResult) {
    const values = this.#form.current();
    const fields = Object.fromEntries((preset.fields ?? []).map((f) => [f.id, (values[f.id] ?? '').trim()]));
    const key = keyDetail(result, preset, this.#form.how);
    const { verifier } = this.#host;
    const baseUrl = this.#view.baseUrl();
    const mode = this.#form.how.mode;
    const context = { provider: preset.id, baseUrl, ...legacyFields(fields), fields, mode, keyChanged: key.keyChanged };
    const print = JSON.stringify([preset.id, baseUrl, this.#sends(preset).map((id) => fields[id]), mode, key.keyChanged, key.apiKey]);
    const start = (signal: AbortSignal) => verifyKey(key.apiKey, { preset, verifier, context, strings: this.#view.strings(), signal });
    return { values, fields, key, print, run: () => this.#checks.run(print, start, this.#session.signal) };
  }

  /** "Check key": validates what the check sends, runs it without saving, and shows (and announces) what it found. */
  async checkKey(): Promise<void> {
    const preset = this.#view.preset();
    const s = this.#view.strings();
    if (!this.#session.editing || !preset || this.#checking) return;
    const result = this.#form.validate(preset);
    const errors = Object.fromEntries(['apiKey', ...this.#sends(preset)].filter((id) => result.errors[id]).map((id) => [id, result.errors[id]]));
    const check = this.#check(preset, result);
    // Nothing to send: the built-in check needs a key (a host's verifier can check a saved one).
    if (!check.key.apiKey && !this.#host.verifier && !errors.apiKey && preset.key?.required !== false) errors.apiKey = s.keyRequired({ provider: preset.label });
    if (this.#showErrors(errors)) return;
    this.#set(true, undefined);
    this.#form.announce(s.checking({ provider: preset.label }));
    const outcome = await check.run();
    // Closed, or the key or a field it sends changed meanwhile: nothing of it is shown.
    if (!outcome || !this.#checks.isLast(check.print)) return;
    this.#set(false, undefined);
    if (outcome.ok) this.#passed(outcome.check, preset);
    else if (!outcome.unreachable) this.#showErrors({ apiKey: outcome.message });
    else {
      this.#set(false, { text: outcome.message, ok: false });
      this.#form.announce(outcome.message);
    }
  }

  /**
   * Shows a passing check's outcome in words, with the models it listed for Default model:
   * the choices come 250 a frame, so a list of 1,000 never holds a frame up.
   */
  #passed(check: CheckResult | undefined, preset: ProviderPreset): void {
    if (!check) return;
    const text = checkSummary(check, this.#view.strings(), preset.check?.credit?.currency, this.#view.lang());
    // An id that holds the key, or looks like a key, is never offered (never put in an attribute).
    const key = this.#form.current().apiKey.trim();
    const all = (check.models ?? []).filter((id) => !holdsKey(id) && !(key.length >= 8 && id.includes(key)));
    const more = (count: number) => {
      if (this.#outcome?.text !== text) return; // a newer outcome, or none
      this.#set(false, { text, ok: true, models: all.slice(0, count) });
      if (count < all.length) requestAnimationFrame(() => more(count + 250));
    };
    this.#set(false, { text, ok: true, models: all.slice(0, 250) });
    if (all.length > 250) requestAnimationFrame(() => more(500));
    this.#form.announce(text);
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
    const { values, fields, key, print, run } = this.#check(preset, result);
    const { verify, verifier } = this.#host;
    let verified = false;
    let check: CheckResult | null = null;
    // A kept key: the built-in check has none to send, a host's verifier can check the saved one.
    if (verify && !skipCheck && (key.keyChanged || verifier)) {
      // A passing "Check key" of exactly this: the provider is not asked again.
      let outcome: VerifyResult | undefined = this.#checks.passed(print);
      if (!outcome) {
        const signal = session.signal;
        this.#keepFocus(false);
        session.check();
        this.#form.announce(s.checking({ provider: preset.label }));
        outcome = await run();
        if (signal.aborted) return; // closed meanwhile
        this.#form.announcement = '';
        // The run was dropped under it (nothing should do that while busy): back to editing, never stuck.
        if (!outcome) return void (session.settle(), this.#idle());
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
      }
      verified = true;
      check = (outcome as VerifyResult & { ok: true }).check ?? null;
    }
    this.#emit({
      id: this.#view.id(),
      provider: preset.id,
      name: (values.name ?? '').trim(),
      description: (values.description ?? '').trim(),
      ...key,
      verified,
      check,
      keySource: !key.keyChanged ? 'kept' : this.#view.connected(key.apiKey) ? 'connect' : 'typed',
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
    const text = message ? maskMessage(message, { key, rules: preset?.key }) : this.#view.strings().saveFailed;
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
