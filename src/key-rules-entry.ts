/**
 * `credential-overlay/key-rules`: the key rules alone, pure and with no DOM, for a host's
 * server or tests: normalize and validate a pasted key against a preset, mask key-like text,
 * tell a hint's shape. The overlay loads them with Save's rules; this entry does not define
 * any element.
 */
export { checkKey, normalizeKey, keyHint, type KeyCheck, type KeyErrorCode } from './key-rules.js';
export { hintShape, holdsKey, maskSecrets } from './mask.js';
export { presets } from './presets/all.js';
