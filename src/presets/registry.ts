/**
 * The registered presets, shared by every copy of this package on a page (like the scroll
 * lock), and told to the elements that wait for one. No DOM.
 */
import { DEV } from '../dev.js';
import { assertPreset } from './validate.js';
import type { ProviderPreset } from './types.js';

interface Registry {
  presets: Map<string, ProviderPreset>;
  listeners: Set<(id: string) => void>;
}

const KEY = Symbol.for('credential-overlay.providers@2');
const registry: Registry = ((globalThis as Record<symbol, Registry | undefined>)[KEY] ??= {
  presets: new Map(),
  listeners: new Set(),
});

/**
 * Adds or replaces a provider preset, selected by its `id` in the `provider` attribute.
 * Throws a `TypeError` naming the first problem of a malformed preset, which is then not
 * registered at all.
 */
export function registerProvider(preset: ProviderPreset): void {
  // The schema check (a TypeError naming the first problem) is development-only.
  if (DEV) assertPreset(preset);
  registry.presets.set(preset.id, preset);
  for (const listener of registry.listeners) listener(preset.id);
}

/** The preset registered under `id`, if any. */
export const getProvider = (id: string): ProviderPreset | undefined => registry.presets.get(id);

/** Calls `listener` with the id of every preset registered from now on; returns the unsubscribe. */
export function onProvider(listener: (id: string) => void): () => void {
  registry.listeners.add(listener);
  return () => registry.listeners.delete(listener);
}
