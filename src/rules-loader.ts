/**
 * Loads Save's rules (rules.ts) once per page: `loadRules()` starts it (again after a failed
 * load), `rules()` is the module once it is there.
 */
import type * as Rules from './rules.js';

export type RulesModule = typeof Rules;

let loaded: RulesModule | undefined;
let loading: Promise<RulesModule> | undefined;

export const rules = (): RulesModule | undefined => loaded;

export function loadRules(): Promise<RulesModule> {
  loading ??= import('./rules.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined; // a later opening tries again
      throw error;
    },
  );
  return loading;
}
