/**
 * One overlay session, from opening to closing (contract section 5): the `open` wish, the
 * `show()` promises, the phase (every change goes through the table of phase.ts), an abort
 * signal that ends with the session, and which close events a close fires, in which order.
 * Pure (no DOM): the element is its host, and it is tested alone in Node.
 */
import { isBusy, next, type Phase, type PhaseEvent } from './phase.js';
import type { CancelSource, CloseReason, CloseSource } from './events.js';

export interface SessionHost {
  /** Whether the dialog can open now (connected, and rendered once). */
  canOpen(): boolean;
  /** Fills the form, shows the dialog and places focus; the phase is `editing`. */
  shown(): void;
  /** Hides the dialog, clears every field and returns focus; the phase is `closed`. */
  hidden(): void;
  /** Fires `credential-cancel` or `credential-close` with these members (the host adds `id` and `provider`). */
  fire(type: 'credential-cancel', detail: { source: CancelSource }): void;
  fire(type: 'credential-close', detail: { reason: CloseReason; source: CloseSource }): void;
  /** The phase or the `open` wish changed: render (`openChanged`: the `open` property reads otherwise now, reflect it). */
  changed(openChanged: boolean): void;
}

export class Session {
  readonly #host: SessionHost;
  #phase: Phase = 'closed';
  /** The `open` property: the overlay should be open (it opens as soon as the host is ready). */
  #wanted = false;
  /** `show()` promises not yet settled. */
  #pending: Array<(opened: boolean) => void> = [];
  #abort?: AbortController;
  /** A close during the dispatch of `credential-saved`: its `credential-close` follows the dispatch. */
  #afterDispatch?: () => void;
  /** `wanted` as last told to the host. */
  #told = false;

  constructor(host: SessionHost) {
    this.#host = host;
  }

  get phase(): Phase {
    return this.#phase;
  }

  /** What the `open` property reads: open, or asked to open. */
  get wanted(): boolean {
    return this.#wanted;
  }

  get isOpen(): boolean {
    return this.#phase !== 'closed';
  }

  /** The user can type and save. */
  get editing(): boolean {
    return this.#phase === 'editing';
  }

  /** A check or a host's save runs. */
  get busy(): boolean {
    return isBusy(this.#phase);
  }

  /** Aborted when this session ends (close or removal): a check, a connect flow, a pending save. */
  get signal(): AbortSignal {
    return (this.#abort ??= new AbortController()).signal;
  }

  /**
   * `open = true` or `show()`: opens at once when the host is ready, else as soon as it is.
   * Resolves `true` once open (at once when it already is), `false` when closed or removed
   * before it opened.
   */
  open(): Promise<boolean> {
    if (this.isOpen) return Promise.resolve(true);
    const opened = new Promise<boolean>((resolve) => this.#pending.push(resolve));
    this.#wanted = true;
    this.#changed();
    this.ready();
    return opened;
  }

  /** The host became ready (connected, rendered): opens when asked to. */
  ready(): void {
    if (!this.#wanted || this.isOpen || !this.#host.canOpen()) return;
    this.#abort = new AbortController();
    this.#to('open');
    this.#host.shown();
    this.#settle(true);
  }

  /** A Save's live check starts. */
  check(): void {
    this.#to('check');
  }

  /** Back to editing after a check or a host's save. */
  settle(): void {
    this.#to('settle');
  }

  /** A host's `waitUntil` runs. */
  wait(): void {
    this.#to('wait');
  }

  /** Runs `dispatch` in the `dispatching` phase; a close during it fires `credential-close` once it is over. */
  dispatch<T>(dispatch: () => T): T {
    this.#to('dispatch');
    try {
      return dispatch();
    } finally {
      const after = this.#afterDispatch;
      this.#afterDispatch = undefined;
      after?.();
    }
  }

  /**
   * Closes and clears. `reason` is what `credential-close` reports, `null` for removal from
   * the page (silent). `credential-cancel` comes first for a cancel the user asked for, and
   * for `close()` while the user could type; a close during a Save's check, dispatch or busy
   * save fires only `credential-close` (contract sections 5 and 6).
   */
  close(reason: CloseReason | null, source: CloseSource = 'api'): void {
    if (reason !== null || this.isOpen) this.#wanted = false;
    if (!this.isOpen) {
      this.#settle(false);
      this.#changed();
      return;
    }
    const was = this.#phase;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#to('close');
    this.#host.hidden();
    if (reason === null) return;
    if (reason === 'cancel' || (reason === 'api' && was === 'editing')) this.#host.fire('credential-cancel', { source: source as CancelSource });
    const close = () => this.#host.fire('credential-close', { reason, source });
    if (was === 'dispatching') this.#afterDispatch = close;
    else close();
  }

  /**
   * Cancel, Close or Escape (contract sections 5 and 6): aborts a Save's running check and
   * closes as a cancel; while the user can type, closes only when `ask()` (the host's
   * `credential-request-close`) does not refuse; while busy otherwise, nothing.
   */
  requestClose(source: Exclude<CancelSource, 'api'>, ask: () => boolean): void {
    if (this.#phase === 'verifying') this.close('cancel', source);
    else if (this.editing && ask() && this.editing) this.close('cancel', source);
  }

  /** The platform closed the dialog by itself (an uncancelable close request): a cancel while the user could type; `false` when it must show again (busy). */
  closedByPlatform(): boolean {
    if (this.editing || this.#phase === 'verifying') this.close('cancel', 'escape');
    return !this.busy;
  }

  /** Removal from the page: closes silently; a `show()` still waiting resolves `false`. */
  removed(): void {
    this.close(null);
    this.#settle(false);
  }

  #to(event: PhaseEvent): void {
    this.#phase = next(this.#phase, event);
    this.#changed();
  }

  #changed(): void {
    const openChanged = this.#wanted !== this.#told;
    this.#told = this.#wanted;
    this.#host.changed(openChanged);
  }

  #settle(opened: boolean): void {
    const pending = this.#pending;
    this.#pending = [];
    for (const resolve of pending) resolve(opened);
  }
}
