import { chai, fixture, html } from '@open-wc/testing';
import type { CredentialOverlay } from '../src/index.js';
import '../src/index.js';
import { loadRules } from '../src/rules-loader.js';

/**
 * A failed `equal` between DOM nodes (`expect(root.activeElement).to.equal(button)`) carried
 * the nodes in the AssertionError, and the test runner then never finished reporting the file
 * (no test named, a 120 s timeout). The error keeps a description of each node instead.
 */
chai.use((c, utils) => {
  for (const name of ['equal', 'equals', 'eq']) {
    c.Assertion.overwriteMethod(name, (original: (...args: unknown[]) => void) =>
      function (this: object, ...args: unknown[]) {
        try {
          original.apply(this, args);
        } catch (error) {
          const e = error as { actual?: unknown; expected?: unknown; message: string };
          if (!(e.actual instanceof Node || e.expected instanceof Node)) throw error;
          const what = (v: unknown) => (v instanceof Element ? describeElement(v) : v instanceof Node ? v.nodeName : String(v));
          const message = utils.flag(this, 'message') as string | undefined;
          throw new c.AssertionError(`${message ? `${message}: ` : ''}expected ${what(e.actual)} to equal ${what(e.expected)}`);
        }
      },
    );
  }
});

export type Control = HTMLInputElement | HTMLTextAreaElement;

/**
 * A connected overlay, opened unless `open` is false. Either way Save's rules (a chunk the
 * overlay loads when first connected) are there afterwards, so that it opens at once.
 */
export async function openOverlay(template = html`<credential-overlay></credential-overlay>`, open = true) {
  const el = await fixture<CredentialOverlay>(template);
  if (open) await el.show();
  await rulesLoaded();
  await el.updateComplete;
  return el;
}

/** Resolves once Save's rules are loaded: an overlay opens at once from then on. */
export const rulesLoaded = () => loadRules();

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

/**
 * Asserts the busy state of a pending save (or, with `label` "Checking…", a live check): Save
 * disabled and reading `label`, aria-busy set.
 */
export function expectSaving(el: CredentialOverlay, label = 'Saving…'): HTMLButtonElement {
  const save = root(el).querySelector<HTMLButtonElement>('[part="save-button"]')!;
  if (!save.disabled) throw new Error('expected Save to be disabled while busy');
  if (save.textContent!.trim() !== label) throw new Error(`expected Save to read "${label}", found "${save.textContent!.trim()}"`);
  if (!root(el).querySelector('[aria-busy="true"]')) throw new Error('expected aria-busy="true" while busy');
  return save;
}

/** The text that `control`'s aria-describedby points to. */
export function description(el: CredentialOverlay, control: Element): string {
  const ids = control.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => root(el).getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

/** The error text that `control`'s aria-describedby points to ("" when it shows none). */
export function errorOf(el: CredentialOverlay, control: Element): string {
  const ids = control.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.filter((id) => id.endsWith('-error')).map((id) => root(el).getElementById(id)?.textContent?.trim() ?? '').join(' ');
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

/** The engine this page runs in. */
export const engine: 'chromium' | 'firefox' | 'webkit' = /\bFirefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrom(e|ium)\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';
export const engineName = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' }[engine];

type SkipContext = Pick<Mocha.Context, 'skip'> & { test?: Mocha.Runnable; currentTest?: Mocha.Test };

/**
 * Skips the running test (call with mocha's `this`, in a test or a `beforeEach`) and puts
 * the reason in its title, so every skip is listed with its reason in the run's summary.
 */
export function skipBecause(ctx: SkipContext, reason: string): never {
  const test = ctx.currentTest ?? ctx.test;
  if (test) test.title += ` [skipped in ${engineName}: ${reason}]`;
  ctx.skip();
  throw new Error('unreachable');
}

async function command<T>(name: string, payload?: unknown): Promise<T> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  return executeServerCommand(name, payload) as Promise<T>;
}

/**
 * `sendKeys` of @web/test-runner-commands in every engine: over WebDriver (WebKit) that
 * command has no `down`/`up`, and WebKitGTK's driver drops the second of two equal keys
 * typed in a row; web-test-runner.config.mjs's `keys` command handles both.
 */
export const sendKeys = (payload: { type: string } | { press: string } | { down: string } | { up: string }) =>
  command<boolean>('keys', payload);

/** Shift+Tab, in every engine. */
export const shiftTab = () => command<boolean>('key-chord', ['Shift', 'Tab']);

/** `setViewport` in every engine (WebKit over WebDriver resizes the window to fit). */
export async function setViewport(viewport: { width: number; height: number; deviceScaleFactor?: number }): Promise<void> {
  await command<boolean>('engine-viewport', viewport);
  // WebKit applies the new size to media queries at its next rendering update.
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
}

/** A CSS media feature to emulate, e.g. `{ name: 'forced-colors', value: 'active' }`. */
export interface MediaFeature {
  name: 'prefers-color-scheme' | 'prefers-reduced-motion' | 'forced-colors' | 'prefers-contrast';
  value: string;
}

const matches = (features: MediaFeature[]) => features.every(({ name, value }) => matchMedia(`(${name}: ${value})`).matches);

/**
 * Emulates media features for the page (replacing any earlier list; none resets), through
 * the `emulate-media-features` command of web-test-runner.config.mjs: the stock
 * `emulateMedia` cannot emulate `forced-colors`, and works in Chromium only. Chromium uses
 * the DevTools protocol, Firefox its preferences. Resolves once the page sees the features.
 *
 * Where the engine cannot emulate them (WebKit) and the page does not already match them
 * (as launched), the test is skipped with the reason when `ctx` (mocha's `this`) is given;
 * without `ctx` (resets in `afterEach`) it does nothing.
 */
export async function emulateMediaFeatures(...features: MediaFeature[]): Promise<void>;
export async function emulateMediaFeatures(ctx: SkipContext, ...features: MediaFeature[]): Promise<void>;
export async function emulateMediaFeatures(...args: unknown[]): Promise<void> {
  const ctx = args[0] && !('name' in (args[0] as object)) ? (args.shift() as SkipContext) : undefined;
  const features = args as MediaFeature[];
  const result = await command<true | string>('emulate-media-features', features);
  if (result !== true) {
    if (!ctx || matches(features)) return;
    skipBecause(ctx, `${result} (${features.map((f) => `${f.name}: ${f.value}`).join(', ')})`);
  }
  // Firefox applies preference changes asynchronously.
  for (let i = 0; i < 100 && !matches(features); i++) await new Promise((r) => requestAnimationFrame(r));
  if (!matches(features)) throw new Error(`media features not applied: ${JSON.stringify(features)}`);
}

/** A node of the accessibility tree, as Chromium's `a11ySnapshot` reports it. */
export interface AXNode {
  role: string;
  name: string;
  pressed?: boolean | 'mixed';
  required?: boolean;
  invalid?: string;
  modal?: boolean;
  children?: AXNode[];
}

/**
 * The page's accessibility tree. Chromium: the browser's own (`a11ySnapshot`, through the
 * DevTools protocol). Firefox and WebKit have no such command in their automation
 * protocols, so there it is computed from the DOM: the roles and names (accname: 
 * `aria-labelledby`, `aria-label`, `<label for>`, content) of what the component renders,
 * with everything outside an open modal dialog left out as inert.
 */
export async function accessibilityTree(): Promise<AXNode> {
  if (engine === 'chromium') {
    const { a11ySnapshot } = await import('@web/test-runner-commands');
    return (await a11ySnapshot({})) as unknown as AXNode;
  }
  return domAccessibilityTree();
}

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true' || node.localName === 'style' || node.localName === 'script') return '';
  if (node.getClientRects().length === 0 && !node.closest('.visually-hidden')) return '';
  const own = node.getAttribute('aria-label');
  if (own) return own;
  const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
  return [...children].map(textOf).join('');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function roleOf(e: Element): string | undefined {
  const explicit = e.getAttribute('role')?.split(/\s+/)[0];
  if (explicit) return explicit === 'presentation' || explicit === 'none' ? undefined : explicit;
  switch (e.localName) {
    case 'dialog':
      return 'dialog';
    case 'button':
      return 'button';
    case 'summary':
      return 'DisclosureTriangle';
    case 'a':
      return e.hasAttribute('href') ? 'link' : undefined;
    case 'textarea':
      return 'textbox';
    case 'input': {
      const type = (e as HTMLInputElement).type;
      return ['text', 'password', 'email', 'search', 'url', 'tel'].includes(type) ? 'textbox' : type === 'checkbox' ? 'checkbox' : undefined;
    }
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
      return 'heading';
    case 'form':
      return e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby') ? 'form' : undefined;
    default:
      return undefined;
  }
}

function nameOf(e: Element, role: string): string {
  const root = e.getRootNode() as Document | ShadowRoot;
  const labelledBy = e.getAttribute('aria-labelledby');
  if (labelledBy) return squash(labelledBy.split(/\s+/).map((id) => textOf(root.getElementById(id) ?? document.createElement('i'))).join(' '));
  const label = e.getAttribute('aria-label');
  if (label) return squash(label);
  if (role === 'textbox' || e.localName === 'input' || e.localName === 'textarea') {
    const labels = (e as HTMLInputElement).labels;
    if (labels?.length) return squash([...labels].map(textOf).join(' '));
    return squash(e.getAttribute('title') ?? e.getAttribute('placeholder') ?? '');
  }
  if (['button', 'link', 'heading', 'DisclosureTriangle'].includes(role)) return squash(textOf(e));
  return squash(e.getAttribute('title') ?? '');
}

function domAccessibilityTree(): AXNode {
  const modal = (function findModal(root: Document | ShadowRoot): Element | undefined {
    for (const e of root.querySelectorAll('*')) {
      if (e.localName === 'dialog' && e.matches(':modal')) return e;
      if (e.shadowRoot) {
        const found = findModal(e.shadowRoot);
        if (found) return found;
      }
    }
    return undefined;
  })(document);
  const visit = (node: Node, inModal: boolean): AXNode[] => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = squash(node.nodeValue ?? '');
      return text && inModal ? [{ role: 'StaticText', name: text }] : [];
    }
    if (!(node instanceof Element)) return [];
    if (node.hasAttribute('inert') || node.getAttribute('aria-hidden') === 'true') return [];
    if (node.localName === 'style' || node.localName === 'script' || node.localName === 'template') return [];
    if (node.localName === 'dialog' && !(node as HTMLDialogElement).open) return [];
    const within = inModal || node === modal;
    const slotted = node.localName === 'slot' ? (node as HTMLSlotElement).assignedNodes({ flatten: true }) : [];
    const kids = [...(node.shadowRoot ? node.shadowRoot.childNodes : slotted.length ? slotted : node.childNodes)].flatMap((c) => visit(c, within));
    const role = roleOf(node);
    if (!role || !within) return kids;
    const ax: AXNode = { role, name: nameOf(node, role) };
    if (role === 'dialog' && node === modal) ax.modal = true;
    if ((node as HTMLInputElement).required || node.getAttribute('aria-required') === 'true') ax.required = true;
    const pressed = node.getAttribute('aria-pressed');
    if (pressed) ax.pressed = pressed === 'mixed' ? 'mixed' : pressed === 'true';
    const invalid = node.getAttribute('aria-invalid');
    if (invalid && invalid !== 'false') ax.invalid = invalid;
    if (kids.length) ax.children = kids;
    return [ax];
  };
  return { role: 'RootWebArea', name: document.title, children: visit(document.documentElement, !modal) };
}

/** The first node of `tree` (depth first) for which `test` is true. */
export function findAccessibilityNode(tree: AXNode | null | undefined, test: (n: AXNode) => boolean): AXNode | null {
  if (!tree) return null;
  if (test(tree)) return tree;
  for (const child of tree.children ?? []) {
    const found = findAccessibilityNode(child, test);
    if (found) return found;
  }
  return null;
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

/** Adds page CSS as a host would; returns a remover. */
export function hostCss(text: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet));
}

/**
 * Emulates a dark OS on a page that follows it (`:root { color-scheme: light dark }`): the
 * overlay takes the page's colour scheme, and a page that declares none stays light.
 */
export async function darkPage(ctx?: SkipContext): Promise<() => void> {
  const remove = hostCss(':root { color-scheme: light dark; background: Canvas; color: CanvasText; }');
  await (ctx ? emulateMediaFeatures(ctx, { name: 'prefers-color-scheme', value: 'dark' }) : emulateMediaFeatures({ name: 'prefers-color-scheme', value: 'dark' }));
  return remove;
}

/**
 * Waits until every continuation of a promise that has already settled has run, and a frame
 * has rendered: a macrotask runs only after the microtask queue (all `then` callbacks chained
 * on a settled promise) is empty. A test that settles a pending operation itself and then
 * awaits this has seen everything that operation could still cause.
 */
export async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r));
  await new Promise((r) => requestAnimationFrame(r));
}

/**
 * Records every `fetch` the page makes from now on: `requests` holds each call's promise, and
 * `next()` resolves when the next call starts. `ended()` waits until every recorded request
 * has settled (answered, failed or aborted): after it and `settle()`, whatever an aborted
 * request could still cause has happened. Call `restore()` at the end.
 */
export function spyFetch() {
  const real = window.fetch;
  const requests: Promise<unknown>[] = [];
  let started: (() => void) | undefined;
  window.fetch = ((...args: Parameters<typeof fetch>) => {
    const request = real(...args);
    requests.push(request.catch((e) => e));
    started?.();
    return request;
  }) as typeof fetch;
  return {
    requests,
    next: () => new Promise<void>((resolve) => (started = resolve)),
    ended: () => Promise.all(requests),
    restore: () => (window.fetch = real),
  };
}

/**
 * Lets a timeout of 10 s or more pass in 50 ms and records the delays asked for, so a test
 * can show that a 10 s limit exists without waiting for it. Call `restore()` at the end.
 */
export function fastLongTimeouts() {
  const real = window.setTimeout;
  const delays: number[] = [];
  window.setTimeout = ((fn: () => void, ms?: number, ...rest: unknown[]) => {
    if (ms && ms >= 10_000) delays.push(ms);
    return real(fn, ms && ms >= 10_000 ? 50 : ms, ...rest);
  }) as typeof setTimeout;
  return { delays, restore: () => (window.setTimeout = real) };
}

/** A task of its own: it runs only once the microtask queue is empty (no time passes for it). */
const microtasksDone = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

export interface FakeClock {
  /** Fake milliseconds since it was installed. */
  readonly now: number;
  /** Timers and frames that the page asked for and that have not run. */
  readonly pending: number;
  /**
   * Runs the page until nothing it scheduled is left: the microtask queue empty (promise
   * continuations, Lit updates), then the earliest timer or frame (the clock jumps to it), and
   * again, until no timer or frame is pending. After it, whatever the page's script would
   * still have done (a late event, a late error, a late render), at whatever delay, has been
   * done. Throws when timers keep re-arming (an interval, a polling loop).
   */
  runAll(): Promise<void>;
  /** As `runAll`, but only what is due within `ms` of now (a timer further away stays pending). */
  tick(ms: number): Promise<void>;
  /** Puts the real timers back. Idempotent. */
  restore(): void;
}

let installedClock: FakeClock | undefined;

/**
 * Installs fake `setTimeout`, `setInterval`, `requestAnimationFrame` and their `clear…`/
 * `cancel…` for the rest of the test: the page's timers then run only when the test drives
 * the clock (`runAll`, `tick`), so "nothing happened later" means nothing happened at any
 * delay, not "nothing within the few milliseconds a test waited". Install it after the
 * fixtures (open-wc's `fixture` may wait for a frame) and call `restoreClock()` in
 * `afterEach`. Mocha and the runner keep the real timers they took at load.
 */
export function fakeClock(): FakeClock {
  installedClock?.restore();
  const real = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
  };
  type Timer = { id: number; at: number; order: number; run: () => void; every?: number };
  const timers = new Map<number, Timer>();
  let now = 0;
  let nextId = 1;
  let order = 0;
  const add = (run: () => void, ms: number, every?: number) => {
    const id = nextId++;
    timers.set(id, { id, at: now + Math.max(0, ms), order: order++, run, every });
    return id;
  };
  const callback = (fn: unknown, args: unknown[]) => () => (typeof fn === 'function' ? fn(...args) : undefined);
  const w = window as unknown as Record<string, unknown>;
  w.setTimeout = (fn: unknown, ms = 0, ...args: unknown[]) => add(callback(fn, args), Number(ms) || 0);
  w.setInterval = (fn: unknown, ms = 0, ...args: unknown[]) => add(callback(fn, args), Number(ms) || 0, Math.max(1, Number(ms) || 0));
  w.requestAnimationFrame = (fn: FrameRequestCallback) => add(() => fn(now), 16);
  w.clearTimeout = w.clearInterval = w.cancelAnimationFrame = (id: number) => void timers.delete(id);

  const run = async (limit: number) => {
    for (let rounds = 0; ; rounds++) {
      await microtasksDone();
      const due = [...timers.values()].filter((t) => t.at <= limit).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      if (rounds > 1000) throw new Error('fakeClock: timers keep re-arming');
      now = Math.max(now, due.at);
      if (due.every) Object.assign(due, { at: now + due.every, order: order++ });
      else timers.delete(due.id);
      due.run();
    }
  };
  let restored = false;
  const clock: FakeClock = {
    get now() {
      return now;
    },
    get pending() {
      return timers.size;
    },
    runAll: () => run(Infinity),
    async tick(ms) {
      const limit = now + ms;
      await run(limit);
      now = Math.max(now, limit);
    },
    restore() {
      if (restored) return;
      restored = true;
      Object.assign(window, real);
      if (installedClock === clock) installedClock = undefined;
    },
  };
  installedClock = clock;
  return clock;
}

/** Puts back the real timers if a test installed a fake clock (for `afterEach`). */
export const restoreClock = () => installedClock?.restore();

/**
 * Every lifecycle event on `el` from now on (`credential-saved`, `credential-cancel`,
 * `credential-request-close`, `credential-close`), in order: the type, then the close's
 * `reason/source` or the other's `source` (`credential-saved` alone).
 */
export function recordLifecycle(el: EventTarget): string[] {
  const seen: string[] = [];
  for (const type of ['credential-saved', 'credential-cancel', 'credential-request-close', 'credential-close']) {
    el.addEventListener(type, (e) => {
      const d = (e as CustomEvent).detail;
      seen.push(type === 'credential-close' ? `${type} ${d.reason}/${d.source}` : type === 'credential-saved' ? type : `${type} ${d.source}`);
    });
  }
  return seen;
}

/** A key made at run time (random, of the OpenAI legacy shape): in no source file and no fixture. */
export function runtimeKey(): string {
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const part = () => Array.from(crypto.getRandomValues(new Uint8Array(20)), (b) => alnum[b % alnum.length]).join('');
  return `sk-${part()}T3BlbkFJ${part()}`;
}

/** A stand-in for a provider's window (Connect): records where it is sent and whether it was closed; its opener is this page until the overlay cuts it. */
export function standIn() {
  const w = { closed: false, url: '', opener: window as unknown, location: {} as { href: string }, close: () => void (w.closed = true) };
  Object.defineProperty(w.location, 'href', { set: (v: string) => void (w.url = v), get: () => w.url });
  return w;
}
export type StandIn = ReturnType<typeof standIn>;

/** `window.open` answering a new stand-in each time (listed in `opened`), until `restore()`. */
export function stubWindowOpen(): { opened: StandIn[]; restore(): void } {
  const real = window.open;
  const opened: StandIn[] = [];
  window.open = (() => {
    const w = standIn();
    opened.push(w);
    return w as unknown as Window;
  }) as typeof window.open;
  return { opened, restore: () => void (window.open = real) };
}
