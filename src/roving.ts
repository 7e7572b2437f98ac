/**
 * A radio group's keyboard, as a helper of its host (the WAI-ARIA APG radio group pattern):
 * one Tab stop, on the selected item or else the first; the arrow keys move and select,
 * wrapping, with Left and Right following the reading direction; Home and End; Space (and
 * Enter) select the item that has focus. The host renders the items and does the selecting.
 */
import type { ReactiveControllerHost } from 'lit';

export class RovingRadioController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #ids: () => readonly string[];
  readonly #select: (id: string) => void;

  /** `ids`: the items in order; `select(id)`: select it and move focus to it. */
  constructor(host: ReactiveControllerHost & Element, ids: () => readonly string[], select: (id: string) => void) {
    this.#host = host;
    this.#ids = ids;
    this.#select = select;
  }

  /** The item that takes the group's one Tab stop. */
  tabStop(selected: string): string {
    const ids = this.#ids();
    return ids.includes(selected) ? selected : (ids[0] ?? '');
  }

  /** A key pressed on the item `id`: moves and selects when it is one of the group's keys. */
  keydown(event: KeyboardEvent, id: string): void {
    const ids = this.#ids();
    const at = ids.indexOf(id);
    // :dir() follows dir attributes; getComputedStyle would restyle every item first.
    const rtl = this.#host.matches(':dir(rtl)');
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 };
    let to: number | undefined;
    if (event.key in step) to = (at + step[event.key] + ids.length) % ids.length;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = ids.length - 1;
    else if (event.key === ' ' || event.key === 'Enter') to = at;
    if (to === undefined || at < 0) return;
    event.preventDefault();
    this.#select(ids[to]);
  }
}
