/**
 * Development-only code (contract sections 3 and 11; issue 23): the checks and warnings that
 * help a page's author and cost bytes that a production page need not load, as Lit ships a
 * development build. `DEV` is `true` here, under the `development` export condition, in the
 * tests and the demo; the production build (`dist/`) replaces this module with one where it
 * is `false`, so every `if (DEV)` branch, and what only it imports, is dropped.
 */
export const DEV: boolean = true;

/** A warning for the page's author. Never a value that may be a secret. */
export function warn(tag: string, message: string): void {
  console.warn(`<${tag}>: ${message}`);
}

const warned = new WeakMap<object, Set<string>>();

/** `warn`, once per `owner` and `key`. */
export function warnOnce(owner: object, tag: string, key: string, message: string): void {
  const keys = warned.get(owner) ?? new Set<string>();
  warned.set(owner, keys);
  if (!keys.has(key)) warn(tag, message);
  keys.add(key);
}
