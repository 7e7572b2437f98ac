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

/** A CSS media feature to emulate, e.g. `{ name: 'forced-colors', value: 'active' }`. */
export interface MediaFeature {
  name: 'prefers-color-scheme' | 'prefers-reduced-motion' | 'forced-colors' | 'prefers-contrast';
  value: string;
}

/**
 * Emulates media features for the page (replacing any earlier list; none resets), through
 * the `emulate-media-features` command of web-test-runner.config.mjs: the stock
 * `emulateMedia` cannot emulate `forced-colors`.
 */
export async function emulateMediaFeatures(...features: MediaFeature[]): Promise<void> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  await executeServerCommand('emulate-media-features', features);
}

/** Any CSS colour (`rgb()`, `color(srgb …)`, `color-mix()` results, system colours) as sRGB bytes and alpha. */
export function toRgba(color: string): [number, number, number, number] {
  const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', {
    willReadFrequently: true,
  })!;
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** `top` painted over the opaque `bottom`, as opaque sRGB bytes. */
export function over(top: string, bottom: string): [number, number, number] {
  const [r, g, b, a] = toRgba(top);
  const [R, G, B] = toRgba(bottom);
  return [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
}

/** WCAG 2.x contrast ratio of two colours (`fg` may be translucent; `bg` is taken as opaque). */
export function contrast(fg: string, bg: string): number {
  const lum = (rgb: number[]) => {
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const a = lum(over(fg, bg));
  const b = lum(toRgba(bg).slice(0, 3));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** The colour painted behind `node`: its own background or the nearest ancestor's (crossing shadow roots). */
export function backgroundBehind(node: Element): string {
  let layers: string[] = [];
  for (let e: Element | null = node; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
    const bg = getComputedStyle(e).backgroundColor;
    if (toRgba(bg)[3] > 0) layers.push(bg);
    if (toRgba(bg)[3] === 1) break;
  }
  if (!layers.length || toRgba(layers[layers.length - 1])[3] < 1) layers.push('white');
  layers = layers.reverse();
  return layers.reduce((acc, layer) => `rgb(${over(layer, acc).join(' ')})`);
}

/**
 * Elements in `el`'s shadow root that stick out of the viewport or of the dialog, or whose
 * content overflows their own box sideways (text fields excepted: they scroll their value).
 */
export function overflowing(el: CredentialOverlay): string[] {
  const box = dialog(el).getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const problems: string[] = [];
  for (const e of root(el).querySelectorAll<HTMLElement>('dialog *')) {
    if (e.closest('.visually-hidden, svg') || e.getClientRects().length === 0) continue;
    const r = e.getBoundingClientRect();
    const name = `${describeElement(e)}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''}`;
    if (r.left < -0.5 || r.right > width + 0.5) problems.push(`${name} outside the viewport (${r.left}…${r.right} of ${width})`);
    else if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`${name} outside the dialog (${r.left}…${r.right})`);
    if (!e.matches('input, textarea') && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) {
      problems.push(`${name} overflows sideways (${e.scrollWidth} > ${e.clientWidth})`);
    }
  }
  if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
  return problems;
}
