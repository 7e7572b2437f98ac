/**
 * Developer warnings: what a page's author should fix (an ignored attribute, an unknown
 * preset, a value that is not a hint). Never a value that may be a secret.
 */
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
