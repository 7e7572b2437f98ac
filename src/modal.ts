/**
 * The modal part of an overlay, as a reactive controller: `showModal()`, the shared scroll
 * lock, focus return to the opener (also inside another shadow root), and a Tab cycle that
 * walks the composed tree, so slotted controls take part. The picker reuses `deepActiveElement`
 * and `focusableIn`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lockScroll, unlockScroll } from './scroll-lock.js';

/** The focused element, looking inside open shadow roots; `null` for the body. */
export function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

const FOCUSABLE = 'input, textarea, select, button, a[href], summary, [tabindex]:not([tabindex="-1"])';

/**
 * The controls that Tab reaches inside `root`, in composed-tree order: through slots into
 * their assigned elements, and into the open shadow roots of custom elements.
 */
export function focusableIn(root: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (el: Element) => {
    if (el instanceof HTMLSlotElement) {
      const assigned = el.assignedElements({ flatten: true });
      (assigned.length ? assigned : [...el.children]).forEach(walk);
      return;
    }
    // A closed <details> keeps boxes for its content, but that content cannot take focus.
    if (el.localName === 'details' && !(el as HTMLDetailsElement).open) {
      const summary = el.querySelector(':scope > summary');
      if (summary) walk(summary);
      return;
    }
    if (
      el instanceof HTMLElement &&
      el.matches(FOCUSABLE) &&
      !(el as HTMLButtonElement).disabled &&
      !el.closest('[inert]') &&
      el.getClientRects().length > 0
    ) {
      found.push(el);
    }
    // A shadow host's light children show only through its slots, which the walk follows.
    [...(el.shadowRoot ?? el).children].forEach(walk);
  };
  [...root.children].forEach(walk);
  return found;
}

export class ModalController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #dialog: () => HTMLDialogElement;
  /** What had focus before opening; focus returns there on close. */
  #opener: HTMLElement | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, dialog: () => HTMLDialogElement) {
    this.#host = host;
    this.#dialog = dialog;
    host.addController(this);
  }

  hostDisconnected(): void {
    unlockScroll(this.#host);
  }

  /** Shows the dialog as a modal and locks the page's scrolling. */
  open(): void {
    this.#opener = deepActiveElement();
    this.#dialog().showModal();
    lockScroll(this.#host);
  }

  /** Closes the dialog, unlocks scrolling, and returns focus to the opener if it is still there. */
  close(): void {
    const dialog = this.#dialog();
    if (dialog.open) dialog.close();
    unlockScroll(this.#host);
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    // Opener gone or no longer focusable: never leave focus on a control of the closed dialog.
    const inside = deepActiveElement();
    if (inside && (dialog.contains(inside) || this.#host.contains(inside) || this.#host.shadowRoot?.contains(inside))) inside.blur();
  }

  /** Tab and Shift+Tab wrap inside the dialog (slotted controls included) instead of leaving it. */
  trapTab(event: KeyboardEvent): void {
    const dialog = this.#dialog();
    const focusable = focusableIn(dialog);
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = deepActiveElement();
    const outside = !active || active === dialog || !focusable.includes(active);
    if (event.shiftKey && (active === first || (outside && active === dialog))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || (outside && active === dialog))) {
      event.preventDefault();
      first.focus();
    }
  }
}
