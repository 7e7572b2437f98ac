/** Classes defined under a second tag name, mapped to the class they extend. */
const aliases = new WeakMap<CustomElementConstructor, CustomElementConstructor>();
/** Registries a class (not an alias) is already defined in. */
const definedIn = new WeakMap<CustomElementConstructor, WeakSet<CustomElementRegistry>>();

/**
 * The elements' static `define()`: registers `element` under `tagName`. A no-op when that
 * class already holds the tag; the platform's `NotSupportedError` when another class does.
 */
export function defineElement(element: CustomElementConstructor, tagName: string, registry: CustomElementRegistry): void {
  const held = registry.get(tagName);
  if (held && (held === element || aliases.get(held) === element)) return;
  const seen = definedIn.get(element) ?? new WeakSet();
  // A constructor can hold only one name per registry: a second name gets a subclass.
  const ctor = seen.has(registry) ? class extends element {} : element;
  registry.define(tagName, ctor);
  if (ctor === element) definedIn.set(element, seen.add(registry));
  else aliases.set(ctor, element);
}
