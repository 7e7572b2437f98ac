/**
 * Save's rules, a chunk of their own (as the live check is): the validation of every field and
 * of the key (key-rules.ts, form.ts) and what Save does (save.ts). The element loads it when it
 * is first connected and opens once it is there, so a page that never opens an overlay never
 * loads it, and a Save is never kept waiting for it.
 */
export { changedIds, checkOne, validateForm } from './form.js';
export { checkKey } from './key-rules.js';
export { SaveController } from './save.js';
