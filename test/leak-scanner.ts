/**
 * A whole-page search for a secret (issue 5). `watchForLeaks()` starts recording what the
 * page can observe (console calls, every dispatched event, native events in the capture
 * phase); `scan(secret)` then searches the DOM of every open shadow root, the URL, Web
 * Storage, cookies, the recorded console calls and events, and the element's own
 * properties, and returns one line per place the secret was found.
 *
 * `credential-saved` is the one event allowed to carry the key: it is not recorded.
 */

/** Native event types observed in the capture phase on `window` (they never go through a patched `dispatchEvent`). */
const NATIVE_TYPES = [
  'input', 'beforeinput', 'change', 'keydown', 'keyup', 'keypress', 'paste', 'copy', 'cut',
  'compositionstart', 'compositionupdate', 'compositionend', 'textInput',
  'focus', 'blur', 'focusin', 'focusout', 'click', 'submit', 'formdata', 'reset', 'invalid',
  'close', 'cancel', 'toggle', 'beforetoggle', 'select', 'selectionchange', 'error', 'unhandledrejection',
  'securitypolicyviolation', 'message', 'storage', 'hashchange', 'popstate',
];

const EXEMPT = new Set(['credential-saved']);

type Found = (where: string) => void;

/** Searches any value (strings, errors, arrays, maps, sets, plain and class objects) up to `depth`; DOM nodes are skipped (the DOM walk covers them). */
function searchValue(value: unknown, needles: string[], where: string, found: Found, depth = 6, seen = new Set<unknown>()): void {
  if (value == null) return;
  if (typeof value === 'string') {
    if (needles.some((n) => value.includes(n))) found(where);
    return;
  }
  if (typeof value !== 'object' && typeof value !== 'function') return;
  if (typeof value === 'function') return;
  if (seen.has(value) || depth < 0) return;
  seen.add(value);
  if (typeof Node !== 'undefined' && value instanceof Node) return;
  if (value instanceof Window) return;
  if (value instanceof Error) {
    searchValue(value.message, needles, `${where}.message`, found, depth - 1, seen);
    searchValue(value.stack, needles, `${where}.stack`, found, depth - 1, seen);
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      searchValue(k, needles, `${where}[key]`, found, depth - 1, seen);
      searchValue(v, needles, `${where}[${String(k)}]`, found, depth - 1, seen);
    }
    return;
  }
  if (value instanceof Set) {
    for (const v of value) searchValue(v, needles, `${where}[item]`, found, depth - 1, seen);
    return;
  }
  let keys: PropertyKey[];
  try {
    keys = Reflect.ownKeys(value);
  } catch {
    return;
  }
  for (const k of keys) {
    let v: unknown;
    try {
      v = (value as Record<PropertyKey, unknown>)[k];
    } catch {
      continue;
    }
    searchValue(v, needles, `${where}.${String(k)}`, found, depth - 1, seen);
  }
}

/** The own properties of a node (script-added ones: Lit's bookkeeping), which `searchValue` skips as DOM. */
function searchOwn(node: object, needles: string[], where: string, found: Found, depth: number): void {
  for (const k of Reflect.ownKeys(node)) {
    let v: unknown;
    try {
      v = (node as Record<PropertyKey, unknown>)[k];
    } catch {
      continue;
    }
    searchValue(v, needles, `${where}.${String(k)}`, found, depth);
  }
}

/** Own enumerable properties, the `for…in` ones (native events expose `data`, `key`, `message`… as getters) and `detail`. */
function searchEvent(event: Event, needles: string[], where: string, found: Found): void {
  searchValue(Object.fromEntries(Object.entries(event)), needles, where, found, 4);
  for (const k in event) {
    let v: unknown;
    try {
      v = (event as unknown as Record<string, unknown>)[k];
    } catch {
      continue;
    }
    if (typeof v === 'string' || (v && typeof v === 'object' && !(v instanceof Node) && !(v instanceof Window))) {
      searchValue(v, needles, `${where}.${k}`, found, 4);
    }
  }
}

/** Every node of `root`, also inside open shadow roots; attributes, text and comments are searched. */
function searchDom(root: Node, needles: string[], found: Found): void {
  const visit = (node: Node, path: string) => {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) {
      if (needles.some((n) => node.nodeValue?.includes(n))) found(`${node.nodeType === Node.TEXT_NODE ? 'text' : 'comment'} in ${path}`);
    }
    if (node instanceof Element) {
      const here = `${path} > ${node.localName}${node.id ? `#${node.id}` : ''}`;
      for (const a of node.attributes) {
        if (needles.some((n) => a.value.includes(n) || a.name.includes(n))) found(`attribute ${a.name} of ${here}`);
      }
      if (node instanceof HTMLDialogElement && needles.some((n) => node.returnValue.includes(n))) found(`returnValue of ${here}`);
      if (node.shadowRoot) {
        visit(node.shadowRoot, `${here}::shadow`);
        for (const sheet of node.shadowRoot.adoptedStyleSheets) searchSheet(sheet, needles, `${here}::shadow adopted sheet`, found);
      }
      if (node instanceof HTMLIFrameElement) {
        try {
          if (node.contentDocument) visit(node.contentDocument, `${here} (iframe)`);
        } catch {
          /* cross-origin: not ours */
        }
      }
      node.childNodes.forEach((c) => visit(c, here));
      return;
    }
    node.childNodes.forEach((c) => visit(c, path));
  };
  visit(root, 'document');
}

function searchSheet(sheet: CSSStyleSheet, needles: string[], where: string, found: Found): void {
  try {
    for (const rule of sheet.cssRules) if (needles.some((n) => rule.cssText.includes(n))) found(where);
  } catch {
    /* not readable */
  }
}

export interface LeakWatch {
  /** Where `secret` (or any `alsoLookFor` fragment) can be read; `[]` when nowhere. */
  scan(secret: string, options?: { element?: Element; alsoLookFor?: string[]; extra?: Record<string, unknown> }): string[];
  /** Every console call recorded so far. */
  consoleCalls: Array<{ method: string; args: unknown[] }>;
  /** Every event recorded so far (dispatched by script, or seen in the capture phase on window). */
  events: Array<{ type: string; event: Event; via: string }>;
  /** Restores console and `dispatchEvent`, removes the listeners. Idempotent. */
  stop(): void;
}

/**
 * Starts watching. Console methods are wrapped (the calls still reach the real console,
 * with the secret-like strings passed through untouched; use `redact` to hide a sentinel
 * from the runner's log), `EventTarget.prototype.dispatchEvent` records every event but
 * `credential-saved`, and the native event types above are recorded on `window` in the
 * capture phase.
 */
export function watchForLeaks({ redact = [] as string[] } = {}): LeakWatch {
  const consoleCalls: LeakWatch['consoleCalls'] = [];
  const events: LeakWatch['events'] = [];
  const c = console as unknown as Record<string, unknown>;
  const originals = new Map<string, (...a: unknown[]) => void>();
  for (const method of Object.keys(console)) {
    const original = c[method];
    if (typeof original !== 'function') continue;
    originals.set(method, original as (...a: unknown[]) => void);
    c[method] = function (this: unknown, ...args: unknown[]) {
      consoleCalls.push({ method, args });
      const shown = args.map((a) => (typeof a === 'string' ? redact.reduce((s, r) => s.replaceAll(r, '<redacted>'), a) : a));
      return (original as (...a: unknown[]) => unknown).apply(console, shown);
    };
  }

  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    if (!EXEMPT.has(event.type)) events.push({ type: event.type, event, via: 'dispatchEvent' });
    return dispatch.call(this, event);
  };

  const listener = (event: Event) => {
    if (!EXEMPT.has(event.type) && !events.some((e) => e.event === event)) events.push({ type: event.type, event, via: 'capture' });
  };
  for (const type of NATIVE_TYPES) {
    window.addEventListener(type, listener, { capture: true });
    document.addEventListener(type, listener, { capture: true });
  }
  // credential-cancel (and any custom event) on the document, in case it was dispatched elsewhere and bubbled.
  document.addEventListener('credential-cancel', listener, { capture: true });

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const [method, original] of originals) c[method] = original;
    EventTarget.prototype.dispatchEvent = dispatch;
    for (const type of NATIVE_TYPES) {
      window.removeEventListener(type, listener, { capture: true });
      document.removeEventListener(type, listener, { capture: true });
    }
    document.removeEventListener('credential-cancel', listener, { capture: true });
  };

  const scan: LeakWatch['scan'] = (secret, { element, alsoLookFor = [], extra = {} } = {}) => {
    const needles = [secret, ...alsoLookFor].filter(Boolean);
    const leaks: string[] = [];
    const found: Found = (where) => {
      if (!leaks.includes(where)) leaks.push(where);
    };
    searchDom(document, needles, found);
    for (const sheet of document.adoptedStyleSheets) searchSheet(sheet, needles, 'document adopted sheet', found);
    searchValue(location.href, needles, 'location', found);
    searchValue(document.title, needles, 'document.title', found);
    searchValue(window.name, needles, 'window.name', found);
    searchValue(history.state, needles, 'history.state', found);
    searchValue(document.cookie, needles, 'document.cookie', found);
    for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i)!;
        searchValue(`${k}=${storage.getItem(k)}`, needles, name, found);
      }
    }
    for (const entry of performance.getEntries()) searchValue(entry.name, needles, `performance entry (${entry.entryType})`, found);
    consoleCalls.forEach(({ method, args }, i) => searchValue(args, needles, `console.${method} call #${i}`, found));
    events.forEach(({ type, event, via }, i) => searchEvent(event, needles, `event "${type}" #${i} (${via})`, found));
    if (element) {
      // Own properties (Lit's bookkeeping included), public getters up the prototype chain,
      // and Lit's render state on the shadow root (the committed values of every binding).
      searchOwn(element, needles, 'element', found, 6);
      for (let proto = Object.getPrototypeOf(element); proto && proto !== HTMLElement.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
          if (!d.get) continue;
          let v: unknown;
          try {
            v = (element as unknown as Record<string, unknown>)[k];
          } catch {
            continue;
          }
          searchValue(v, needles, `element.${k}`, found, 4);
        }
      }
      if (element.shadowRoot) searchOwn(element.shadowRoot, needles, 'shadowRoot (Lit parts)', found, 12);
    }
    for (const [k, v] of Object.entries(extra)) searchValue(v, needles, k, found);
    return leaks;
  };

  return { scan, consoleCalls, events, stop };
}

/** Every input and textarea of `el`'s shadow root whose value still holds `secret` (after a close there must be none). */
export function controlsHolding(el: Element, secret: string): string[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
    .filter((c) => c.value.includes(secret) || c.defaultValue.includes(secret))
    .map((c) => `${c.localName}#${c.id}`);
}

/**
 * Every event type the engine knows by an `on…` handler (window, document, elements), and
 * those it has none for.
 */
function knownEventTypes(): string[] {
  const types = new Set(['focusin', 'focusout', 'compositionstart', 'compositionupdate', 'compositionend', 'textInput', 'DOMContentLoaded', 'DOMFocusIn', 'DOMFocusOut']);
  for (const proto of [HTMLElement.prototype, HTMLInputElement.prototype, HTMLDialogElement.prototype, HTMLFormElement.prototype, Document.prototype, window]) {
    for (const name in proto) if (name.startsWith('on')) types.add(name.slice(2));
  }
  return [...types];
}

/** Every string an event carries: its own and inherited members (`data`, `key`, `detail`…), deeply, and what `dataTransfer`, `clipboardData` and `formData` hold. */
function eventStrings(event: Event): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, depth: number): void => {
    if (typeof value === 'string') return void out.push(value);
    if (!value || typeof value !== 'object' || depth < 0 || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Node || value instanceof Window) return;
    if (typeof DataTransfer !== 'undefined' && value instanceof DataTransfer) {
      for (const type of value.types) walk(value.getData(type), depth - 1);
      return;
    }
    if (value instanceof FormData) {
      for (const [k, v] of value) walk([k, v], depth - 1);
      return;
    }
    if (value instanceof Error) walk([value.message, value.stack], depth - 1);
    let keys: PropertyKey[] = [];
    try {
      keys = [...Reflect.ownKeys(value)];
      if (value instanceof Event) for (const k in value) keys.push(k);
    } catch {
      return;
    }
    for (const k of new Set(keys)) {
      try {
        walk((value as Record<PropertyKey, unknown>)[k], depth - 1);
      } catch {
        /* a throwing getter holds nothing we can read */
      }
    }
  };
  walk(event, 6);
  return out;
}

export interface LoggedEvent {
  type: string;
  /** Its target, as `input#api-key` (inside open shadow roots too). */
  target: string;
  /** Where the log saw it first. */
  seen: string;
  /** Every string it carried when it was dispatched. */
  strings: string[];
  event: Event;
}

export interface EventLog {
  /** Every event seen, in order. */
  readonly entries: ReadonlyArray<LoggedEvent>;
  /** "type (seen)" of every event that carried `secret` in a member. */
  carrying(secret: string): string[];
  /** Removes the listeners and restores `dispatchEvent`. Idempotent. */
  stop(): void;
}

/**
 * Records every event that `el` (through its shadow root) and its ancestors up to `window`
 * receive: every type the engine knows (capture listeners on each of them, so non-composed
 * events inside the shadow root are seen too) and every event any script dispatches (a
 * patched `dispatchEvent`: custom events of any type). Each event's strings are read when it
 * is dispatched (a `dataTransfer` is empty afterwards); `credential-saved` too, so a test can
 * show that the log does see a key when an event carries one.
 */
export function recordEvents(el: Element): EventLog {
  const entries: LoggedEvent[] = [];
  const describe = (t: EventTarget | undefined) => (t instanceof Element ? `${t.localName}${t.id ? `#${t.id}` : ''}` : t instanceof ShadowRoot ? '#shadow-root' : String(t));
  const logged = new WeakSet<Event>();
  const log = (event: Event, seen: string) => {
    if (logged.has(event)) return;
    logged.add(event);
    entries.push({ type: event.type, target: describe(event.composedPath()[0] ?? event.target ?? undefined), seen, strings: eventStrings(event), event });
  };
  const targets: Array<[EventTarget, string]> = [];
  if (el.shadowRoot) targets.push([el.shadowRoot, `${el.localName}::shadow`]);
  for (let node: Node | null = el; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
    targets.push([node, node instanceof Element ? node.localName : node.nodeName]);
  }
  targets.push([window, 'window']);
  const removers: Array<() => void> = [];
  for (const type of knownEventTypes()) {
    for (const [target, name] of targets) {
      const listener = (event: Event) => log(event, `${name}, ${['', 'capture', 'target', 'bubble'][event.eventPhase]}`);
      target.addEventListener(type, listener, { capture: true });
      target.addEventListener(type, listener);
      removers.push(() => {
        target.removeEventListener(type, listener, { capture: true });
        target.removeEventListener(type, listener);
      });
    }
  }
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    log(event, 'dispatchEvent');
    return dispatch.call(this, event);
  };
  let stopped = false;
  return {
    entries,
    carrying: (secret) => entries.filter((e) => e.strings.some((s) => s.includes(secret))).map((e) => `${e.type} (${e.seen})`),
    stop() {
      if (stopped) return;
      stopped = true;
      removers.forEach((r) => r());
      EventTarget.prototype.dispatchEvent = dispatch;
    },
  };
}
