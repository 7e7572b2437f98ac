/**
 * Locks the page's scrolling while any overlay is open. Shared and reference-counted across
 * overlays (also across two copies of this package on one page), and restored exactly: it
 * adds one constructed style sheet to the document and removes it, touching no attribute or
 * inline style of the page.
 */
interface Lock {
  owners: Set<object>;
  sheet?: CSSStyleSheet;
}

const KEY = Symbol.for('credential-overlay.scroll-lock');
const lock: Lock = ((globalThis as Record<symbol, Lock | undefined>)[KEY] ??= { owners: new Set() });

export function lockScroll(owner: object): void {
  if (lock.owners.has(owner)) return;
  lock.owners.add(owner);
  if (lock.sheet) return;
  // Keep the scrollbar's room when the page has one, so nothing shifts sideways.
  const gutter = window.innerWidth > document.documentElement.clientWidth ? 'scrollbar-gutter:stable!important;' : '';
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:root{overflow:hidden!important;${gutter}}`);
  lock.sheet = sheet;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

export function unlockScroll(owner: object): void {
  if (!lock.owners.delete(owner) || lock.owners.size || !lock.sheet) return;
  const sheet = lock.sheet;
  lock.sheet = undefined;
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
}
