/**
 * The picker's deletes (contract section 12), as a reactive controller: "Delete" asks in
 * place, confirming fires `credential-delete`, and each tile's delete is its own: while one
 * is pending, another tile can be asked and confirmed; a pending tile stays busy, its buttons
 * disabled (`aria-disabled`, so focus stays on them), until its own promise settles; a failure shows in its tile. Focus follows only the
 * tile it was in.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { maskMessage } from './mask.js';
import { deepActiveElement } from './modal.js';
import { reasonOf, waiter } from './wait-until.js';

export interface DeleteHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

const byId = (id: string) => CSS.escape(id);

export class DeleteController implements ReactiveController {
  readonly #host: DeleteHost;
  readonly #failed: () => string;
  readonly #announce: (text: string) => void;
  /** The tile whose delete is being asked ("Delete Production?"). */
  confirming = '';
  /** Tiles whose delete is pending. */
  readonly pending = new Set<string>();
  /** A failed delete's message, by tile. */
  readonly failures: Record<string, string> = {};
  /** Deleted tiles that had focus: it goes to the group once the host removed them. */
  readonly #refocus = new Set<string>();
  /** One of them is gone: focus goes to the group after this render. */
  #refocusNow = false;

  /** `failed()`: the message when the host's reason has none; `announce(text)`: the picker's live region. */
  constructor(host: DeleteHost, failed: () => string, announce: (text: string) => void) {
    this.#host = host;
    this.#failed = failed;
    this.#announce = announce;
    host.addController(this);
  }

  hostUpdated(): void {
    // A deleted tile that had focus is gone: focus goes to the group, or the Add tile.
    if (!this.#refocusNow || deepActiveElement()?.isConnected) return;
    this.#refocusNow = false;
    const root = this.#host.renderRoot;
    (root.querySelector<HTMLElement>('[role="radio"][tabindex="0"]') ?? root.querySelector<HTMLElement>('[part~="add-tile"]'))?.focus();
  }

  #focusLater(selector: string): void {
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  ask(id: string): void {
    this.confirming = id;
    this.failures[id] = '';
    this.#host.requestUpdate();
    this.#focusLater(`[data-keep][data-for="${byId(id)}"]`);
  }

  keep(id: string): void {
    if (this.confirming === id) this.confirming = '';
    this.#host.requestUpdate();
    this.#focusLater(`[data-delete="${byId(id)}"]`);
  }

  /** Fires `credential-delete` for `id`; busy until the host's promises settle. */
  confirm(id: string, name: string): void {
    const wait = waiter('credential-delete');
    const event = new CustomEvent('credential-delete', { detail: Object.freeze({ id, name, waitUntil: wait.waitUntil }), bubbles: true, composed: true, cancelable: true });
    this.#host.dispatchEvent(event);
    const settled = wait.end();
    if (event.defaultPrevented) {
      void settled?.catch(() => {});
      return this.keep(id);
    }
    const done = (failure?: string) => {
      // Focus was in this tile (or nowhere): it stays with the tile, then goes to the group once the tile is gone.
      const active = deepActiveElement();
      const here = !active?.isConnected || active.closest('[part~="tile"]')?.querySelector(`[data-id="${byId(id)}"]`) != null;
      this.pending.delete(id);
      if (this.confirming === id) this.confirming = '';
      this.failures[id] = failure ?? '';
      if (failure) this.#announce(failure);
      this.#host.requestUpdate();
      if (!here) return;
      if (!failure) this.#refocus.add(id);
      this.#focusLater(failure ? `[data-delete="${byId(id)}"]` : `[role="radio"][data-id="${byId(id)}"]`);
    };
    if (!settled) return done();
    this.pending.add(id);
    this.#host.requestUpdate();
    settled.then(
      () => done(),
      (reason: unknown) => {
        const { message } = reasonOf(reason);
        done(message ? maskMessage(message) : this.#failed());
      },
    );
  }

  /** The list changed: forget tiles that are gone; a deleted tile that had focus is gone: focus moves after this render. */
  listChanged(ids: ReadonlySet<string>): void {
    if (!ids.has(this.confirming)) this.confirming = '';
    for (const id of this.pending) if (!ids.has(id)) this.pending.delete(id);
    const gone = [...this.#refocus].filter((id) => !ids.has(id));
    gone.forEach((id) => this.#refocus.delete(id));
    this.#refocusNow = gone.length > 0;
  }
}
