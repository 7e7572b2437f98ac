/**
 * "Connect {label}" in the overlay (contract section 16), as a reactive controller: the button
 * shows when `connect-callback` is set and the preset has a connect flow; a click opens the
 * popup at once (a popup opened after anything asynchronous is blocked) and runs the attempt
 * from its own chunk (connect.ts, loaded when the button first shows); the key arrives in the
 * key field, masked; every failure has its message and leaves pasting possible. Cancel,
 * Escape and `close()` abandon it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConnectEvent } from './connect.js';
import type { FormController } from './form-controller.js';
import { rules } from './rules-loader.js';
import type { Session } from './session.js';
import type { OverlayContext } from './context.js';

/** What the connect flow reads of the element: `connect-callback` and `connect-url` (else the preset's page), each already under the URL rule. */
export interface ConnectHost extends ReactiveControllerHost {
  readonly connectCallback: string;
  readonly connectUrl: string;
}

export class ConnectController implements ReactiveController {
  readonly #host: ConnectHost;
  readonly #ctx: OverlayContext;
  readonly #form: FormController;
  /** The session: a close abandons the attempt; a key arriving during a Save's check or busy save is refused. */
  readonly #session: Pick<Session, 'signal' | 'editing'>;
  #module?: Promise<typeof import('./connect.js')>;
  #attempt?: AbortController;
  /** An attempt runs (the popup is open, or the code is being exchanged). */
  waiting = false;
  /** What went wrong, or that the window closed; shown beside the button. */
  message = '';
  /** The key received and its hint: `keySource` is "connect" while the key field still holds it. */
  received?: { key: string; text: string };

  constructor(host: ConnectHost, ctx: OverlayContext, form: FormController, session: Pick<Session, 'signal' | 'editing'>) {
    this.#host = host;
    this.#ctx = ctx;
    this.#form = form;
    this.#session = session;
    host.addController(this);
  }

  /** Whether `key` is the one the last attempt received (`keySource: "connect"`). */
  holds(key: string): boolean {
    return Boolean(key) && this.received?.key === key;
  }

  /** The preset has a connect flow and the host a callback page. */
  get available(): boolean {
    return Boolean(this.#ctx.preset()?.connect && this.#host.connectCallback);
  }

  hostUpdated(): void {
    // The flow's code is fetched as soon as the button shows, so a click never waits for it.
    if (this.available) this.#module ??= import('./connect.js');
  }

  /** The click: opens the popup now, then runs a fresh attempt in it (abandoning any earlier one). */
  start(): void {
    const preset = this.#ctx.preset();
    const flow = preset?.connect;
    if (!preset || !flow) return;
    const s = this.#ctx.strings();
    const provider = preset.label;
    this.#attempt?.abort();
    this.received = undefined;
    // A new window each time (a named one could be one another page opened under that name).
    const popup = window.open('about:blank', '_blank', 'popup,width=520,height=720');
    if (!popup) return this.#show(false, s.connectBlocked({ provider }));
    // The provider's page may not navigate this page (reverse tabnabbing); our handle still works.
    popup.opener = null;
    const attempt = (this.#attempt = new AbortController());
    const session = this.#session.signal;
    session.addEventListener('abort', () => attempt.abort(), { once: true });
    this.#show(true, '');
    const onEvent = (event: ConnectEvent) => {
      if (attempt.signal.aborted) return;
      if (event.kind === 'closed') return this.#show(true, s.connectClosed({ provider }));
      // A key may arrive only while the user can type, into the preset it was asked for: never
      // under a Save that is checking or saving another key.
      if (event.kind === 'key' && (!this.#session.editing || this.#ctx.preset()?.id !== preset.id)) return this.#show(false, s.connectFailed({ provider, reason: '' }));
      if (event.kind === 'key') {
        // Checked as a typed key: a key that breaks the preset's rules shows that rule's message.
        const input = this.#form.putKey(event.key);
        const check = rules()!.checkKey(event.key, preset, s);
        this.#show(false, '');
        if (check.ok) {
          this.received = { key: event.key, text: s.keyReceived({ provider, hint: check.keyHint }) };
          this.#form.announce(this.received.text);
        } else {
          this.#form.errors = { ...this.#form.errors, apiKey: check.message };
          input?.focus();
        }
        return;
      }
      const problem = event.problem;
      const reason = event.detail ?? '';
      this.#show(false, problem === 'timeout' ? s.connectTimeout({ provider, minutes: 5 }) : problem === 'denied' ? s.connectDenied({ provider, reason }) : s.connectFailed({ provider, reason }));
    };
    void (this.#module ??= import('./connect.js')).then(
      ({ runConnect }) => runConnect(popup, { flow, authorize: this.#host.connectUrl, callback: this.#host.connectCallback, baseUrl: this.#ctx.baseUrl(), signal: attempt.signal, onEvent }),
      () => {
        // The flow's code did not load: the next click tries again.
        this.#module = undefined;
        popup.close();
        onEvent({ kind: 'failed', problem: 'exchange' });
      },
    );
  }

  #show(waiting: boolean, message: string): void {
    this.waiting = waiting;
    this.message = message;
    if (message) this.#form.announce(message);
    this.#host.requestUpdate();
  }

  /** The session ended or the preset changed: forget the attempt and what it received (a key typed over is told by `holds`). */
  reset(): void {
    this.#attempt?.abort();
    this.#attempt = undefined;
    this.waiting = false;
    this.message = '';
    this.received = undefined;
  }
}
