/**
 * The modal part of an overlay, as a reactive controller: `showModal()`, the shared scroll
 * lock, focus return to the opener (also inside another shadow root), a Tab cycle that walks
 * the composed tree (so slotted controls take part), and the dialog's own ways of closing:
 * Escape (never during IME composition), its `cancel` event, and a close by the platform.
 * The picker uses `deepActiveElement`.
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
function focusableIn(root: Element): HTMLElement[] {
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

/** What the modal tells its host. */
export interface ModalCallbacks {
  /** Escape (or the platform's close request) asked to close. */
  requestClose(): void;
  /** The platform closed the dialog by itself (an uncancelable close request); `true` when the host let it close, else it is shown again. */
  closedByPlatform(): boolean;
}

export class ModalController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #dialog: () => HTMLDialogElement;
  #callbacks: ModalCallbacks;
  /** What had focus before opening; focus returns there on close. */
  #opener: HTMLElement | null = null;
  /** An IME composition is under way: its Escape is not a close request. */
  #composing = false;

  constructor(host: ReactiveControllerHost & HTMLElement, dialog: () => HTMLDialogElement, callbacks: ModalCallbacks) {
    this.#host = host;
    this.#dialog = dialog;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** The dialog's listeners: bind them in the template (`@keydown=${modal.onKeydown}` …). */
  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // An IME uses Escape to cancel its composition: that is not a close request.
      if (event.isComposing || event.keyCode === 229 || this.#composing) return;
      // Handled here, not through the dialog's `cancel`: Chromium makes a second `cancel`
      // without user activation uncancelable, which would close a busy dialog.
      event.preventDefault();
      this.#callbacks.requestClose();
    } else if (event.key === 'Tab') {
      this.#trapTab(event);
    }
  };

  /** Escape (or a platform back gesture) that the keydown handler did not see. */
  readonly onCancel = (event: Event): void => {
    event.preventDefault();
    if (!this.#composing) this.#callbacks.requestClose();
  };

  readonly onClose = (): void => {
    const dialog = this.#dialog();
    // A close event queued by an earlier close() that arrives after the overlay was opened again.
    if (dialog.open) return;
    if (!this.#callbacks.closedByPlatform() && this.#host.isConnected) dialog.showModal();
  };

  /**
   * Keeps a control that takes focus wholly in view in the scrolling body (WCAG 2.4.11).
   * WebKit scrolls a focused control into view only when none of it shows; Firefox scrolls
   * after the focus events, which at 320×256 left a wrapped link under the footer: scroll now
   * and again after it. Chromium already shows it whole, so both are no-ops there.
   */
  readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    const reveal = () => deepActiveElement() === target && target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    reveal();
    requestAnimationFrame(reveal);
  };

  readonly onCompositionStart = (): void => void (this.#composing = true);
  readonly onCompositionEnd = (): void => void (this.#composing = false);

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
  #trapTab(event: KeyboardEvent): void {
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
