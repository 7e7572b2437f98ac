/**
 * Languages (contract section 13): strings registered per language by the
 * `credential-overlay/locales/<lang>` entries, chosen for an element by the nearest `lang`
 * attribute, followed when that attribute changes or a language is registered later. Shared
 * by every copy of the package on a page. Nothing here touches the DOM until an element asks.
 */
import { DEV, warnOnce } from './dev.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a language entry registers: the strings of each element it translates. */
export interface LocaleStrings {
  overlay?: object;
  picker?: object;
}

interface Locales {
  byLang: Map<string, LocaleStrings>;
  listeners: Set<() => void>;
  observer?: MutationObserver;
}

const KEY = Symbol.for('credential-overlay.locales@1');
const locales: Locales = ((globalThis as Record<symbol, Locales | undefined>)[KEY] ??= { byLang: new Map(), listeners: new Set() });

const notify = () => locales.listeners.forEach((listener) => listener());

/**
 * Registers the strings of a language (a BCP 47 tag such as `de` or `pt-BR`) under each of
 * `tags`; elements of that language on the page take them at once.
 */
export function registerLocale(tags: string | readonly string[], strings: LocaleStrings): void {
  for (const tag of typeof tags === 'string' ? [tags] : tags) locales.byLang.set(tag.toLowerCase(), strings);
  notify();
}

/** A tag's likely subtags (`zh` → `zh`, `Hans`, `CN`), or `undefined` for a malformed tag. */
function likely(tag: string) {
  try {
    const { language, script = '', region = '' } = new Intl.Locale(tag).maximize();
    return { language, script, region };
  } catch {
    return undefined;
  }
}

/**
 * Of `tags` (registered, lower case), the best match for `lang` (contract section 13): the
 * same tag; else the same language, script and region by likely subtags (`zh`, `zh-Hans-CN`
 * → `zh-CN`); else the same language and script, the language's likely region first (`pt-PT`
 * → `pt-BR`, `de-AT` → `de`, `zh-SG` → `zh-CN`; never `zh-TW` → `zh-CN`); else `undefined`
 * (English). A malformed tag matches only itself, and nothing throws.
 */
function bestLocale(lang: string, tags: Iterable<string>): string | undefined {
  const tag = lang.trim().toLowerCase();
  const all = [...tags];
  if (!tag) return undefined;
  if (all.includes(tag)) return tag;
  const want = likely(tag);
  if (!want) return undefined;
  const usual = likely(`${want.language}-${want.script}`)?.region;
  let best: string | undefined;
  let score = 0;
  for (const candidate of all) {
    const have = likely(candidate);
    if (have?.language !== want.language || have.script !== want.script) continue;
    const s = have.region === want.region ? 3 : have.region === usual ? 2 : 1;
    if (s > score) [best, score] = [candidate, s];
  }
  return best;
}

// What each `lang` matched, while the registered tags stay the same (tags are only ever added,
// also by other copies of this package, so their count says when to match again).
const matched = new Map<string, string | undefined>();
let matchedFor = -1;

/** The registered strings that best match `lang` (`bestLocale`), or none (English). Remembered per tag. */
export function localeFor(lang: string): LocaleStrings | undefined {
  if (matchedFor !== locales.byLang.size || matched.size > 100) {
    matched.clear();
    matchedFor = locales.byLang.size;
  }
  if (!matched.has(lang)) matched.set(lang, bestLocale(lang, locales.byLang.keys()));
  const tag = matched.get(lang);
  return tag === undefined ? undefined : locales.byLang.get(tag);
}

/** The nearest `lang` of `el`: its own, else its ancestors' (across shadow roots) up to the document element. */
export function langOf(el: Element): string {
  // Duck-typed, not `instanceof Element`: a server renderer's DOM shim has no global Element.
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = (node as Partial<Element>).getAttribute?.('lang');
    if (lang !== null && lang !== undefined) return lang;
  }
  return '';
}

type Strings = Record<string, unknown>;
const isRecord = (v: unknown): v is Strings => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);

/**
 * Merges `layers` over `base` at every depth (contract section 3): a layer's entry replaces
 * the one beneath only when it is of the same kind (a string, a message function, a list or
 * an object, merged entry by entry); `undefined`, `null`, another kind and, at the top, a key
 * `base` does not have (an unknown key) fall back. Below the top, objects are maps by id (a
 * field's texts, a select's options) that a layer may add to. Lists and functions are leaves.
 * A message function that throws falls back to the one beneath it and warns once.
 */
export function mergeStrings<T extends object>(base: T, ...layers: Array<Partial<T> | null | undefined>): T {
  return layers.reduce<Strings>((under, layer) => mergeLayer(under, layer, '', true), base as Strings) as T;
}

function mergeLayer(under: Strings, layer: unknown, path: string, top: boolean): Strings {
  const merged: Strings = { ...under };
  for (const [key, value] of Object.entries(isRecord(layer) ? layer : {})) {
    // Own entries only: `constructor` or `toString` beneath are never the prototype's.
    const below = Object.hasOwn(under, key) ? under[key] : undefined;
    if (value === undefined || value === null || key === '__proto__') continue;
    if (below === undefined ? top || !['string', 'array', 'object'].includes(kindOf(value)) : kindOf(below) !== kindOf(value)) continue;
    const name = path + key;
    if (isRecord(value)) merged[key] = mergeLayer(isRecord(below) ? below : {}, value, `${name}.`, false);
    else if (typeof value === 'function' && typeof below === 'function') {
      merged[key] = (...args: unknown[]) => {
        try {
          return value(...args);
        } catch (error) {
          if (DEV) warnOnce(STRINGS, 'credential-overlay', name, `strings.${name} threw (${String(error)}); the text beneath it is shown.`);
          return below(...args);
        }
      };
    } else merged[key] = value;
  }
  return merged;
}

/** Warned about once per page, whichever element merged them. */
const STRINGS = {};

/**
 * Keeps an element's language current: calls `host.requestUpdate()` when a `lang` attribute
 * changes anywhere in the document or a language is registered. One observer for the page.
 */
export class LangController implements ReactiveController {
  #host: ReactiveControllerHost & Element;
  #listener = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    locales.listeners.add(this.#listener);
    if (!locales.observer && typeof MutationObserver !== 'undefined') {
      locales.observer = new MutationObserver(notify);
      locales.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    locales.listeners.delete(this.#listener);
  }

  /** The element's language now. */
  get lang(): string {
    return langOf(this.#host);
  }

  #merged?: { locale?: object; input?: object; strings: object };

  /**
   * `base` (English), under the registered language's `part`, under the host's own `input`:
   * each entry falls back. Merged again only when the language's strings or `input` change.
   */
  strings<T extends object>(part: keyof LocaleStrings, base: T, input: Partial<T> | undefined): T {
    const locale = localeFor(this.lang)?.[part] as Partial<T> | undefined;
    const m = this.#merged;
    if (!m || m.locale !== locale || m.input !== input) this.#merged = { locale, input, strings: mergeStrings(base, locale, input) };
    return this.#merged!.strings as T;
  }
}

/** Wraps text that must read left to right inside any sentence (a key prefix, a hint, a header name) in a first-strong isolate. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
