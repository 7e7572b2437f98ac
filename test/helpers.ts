import { fixture, html } from '@open-wc/testing';
import type { CredentialOverlay } from '../src/index.js';
import '../src/index.js';

export type Control = HTMLInputElement | HTMLTextAreaElement;

/** A connected overlay, opened unless `open` is false. */
export async function openOverlay(template = html`<credential-overlay></credential-overlay>`, open = true) {
  const el = await fixture<CredentialOverlay>(template);
  if (open) el.show();
  await el.updateComplete;
  return el;
}

const root = (el: CredentialOverlay) => el.shadowRoot!;

/** The control labelled `name` (through its `<label for>`), as a user finds it. */
export function field(el: CredentialOverlay, name: string): Control {
  const label = [...root(el).querySelectorAll('label')].find((l) => l.textContent!.trim() === name);
  if (!label) throw new Error(`no field labelled "${name}"`);
  return root(el).getElementById(label.htmlFor) as Control;
}

/** The button whose accessible name (aria-label or text) is `name`. */
export function button(el: CredentialOverlay, name: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name,
  );
  if (!found) throw new Error(`no button named "${name}"`);
  return found;
}

export const dialog = (el: CredentialOverlay) => root(el).querySelector('dialog')!;
export const focused = (el: CredentialOverlay) => root(el).activeElement;

/** A short name for an element in failure messages (chai's element diff can crash the page). */
export const describeElement = (e: Element | null | undefined) =>
  e ? `<${e.localName}${e.id ? `#${e.id}` : ''}${e.getAttribute('part') ? ` part=${e.getAttribute('part')}` : ''}>` : 'nothing';

/** Asserts that `target` has focus (looking into shadow roots). */
export function expectFocus(target: Element, el?: CredentialOverlay): void {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (active !== target) {
    throw new Error(`expected focus on ${describeElement(target)}, found it on ${describeElement(el ? focused(el) ?? active : active)}`);
  }
}

/** The text that `control`'s aria-describedby points to. */
export function description(el: CredentialOverlay, control: Element): string {
  const ids = control.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => root(el).getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

/** Puts `value` into a control as a paste does, and fires `input`. */
export function paste(control: Control, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

/** Fills the three fields and returns the overlay. */
export function fill(el: CredentialOverlay, { name = 'Production', description = '', key = '' } = {}) {
  paste(field(el, 'Credential Name'), name);
  paste(field(el, 'Credential Description'), description);
  paste(field(el, 'API Key Value'), key);
  return el;
}

/** Every event of `type` dispatched on `target` from now on. */
export function record<T extends Event = CustomEvent>(target: EventTarget, type: string): T[] {
  const events: T[] = [];
  target.addEventListener(type, (e) => events.push(e as T));
  return events;
}

/** Every place in the page where `secret` could be read without the key field itself. */
export function findLeaks(secret: string, extra: unknown[] = []): string[] {
  const leaks: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) {
      if (node.nodeValue?.includes(secret)) leaks.push(`text in <${node.parentNode?.nodeName}>`);
    }
    if (node instanceof Element) {
      for (const a of node.attributes) if (a.value.includes(secret)) leaks.push(`attribute ${a.name} of <${node.localName}>`);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    node.childNodes.forEach(visit);
  };
  visit(document);
  if (location.href.includes(secret)) leaks.push('the URL');
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i)!;
      if (k.includes(secret) || storage.getItem(k)!.includes(secret)) leaks.push('Web Storage');
    }
  }
  extra.forEach((value, i) => {
    if (JSON.stringify(value ?? null).includes(secret)) leaks.push(`extra[${i}]`);
  });
  return leaks;
}
