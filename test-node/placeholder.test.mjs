// The placeholder rule (contract section 7) never refuses a real key: every test key of the
// suite and the demo, and thousands of random keys of every preset's real shapes, drawn from a
// seeded generator (uniform characters: no long runs, as in a real key), are accepted. And a
// placeholder word inside random key text, in a mix of cases, is not a placeholder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkKey, isPlaceholder } from '../src/key-rules.ts';
import { presets } from '../src/presets/all.ts';
import { en } from '../src/strings.ts';
import { keys, SENTINEL } from '../test/keys.ts';
import { testKeys } from '../test/test-keys.mjs';

const byId = (id) => presets.find((p) => p.id === id);

/** mulberry32: a small seeded generator of uniform 32-bit numbers. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
const random = generator(20261206);
const pick = (alphabet) => alphabet[random() % alphabet.length];
const draw = (n, alphabet) => Array.from({ length: n }, () => pick(alphabet)).join('');
const between = (min, max) => min + (random() % (max - min + 1));

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}_-`;
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';

/** Each preset's real key shapes (the presets' sources cite where they come from). */
const shapes = {
  openai: [
    () => `sk-${draw(48, ALNUM)}`,
    () => `sk-proj-${draw(74, URLSAFE)}T3BlbkFJ${draw(74, URLSAFE)}`,
    () => `sk-svcacct-${draw(74, URLSAFE)}T3BlbkFJ${draw(74, URLSAFE)}`,
    () => `sk-admin-${draw(58, URLSAFE)}T3BlbkFJ${draw(58, URLSAFE)}`,
    () => `sk-None-${draw(74, URLSAFE)}T3BlbkFJ${draw(74, URLSAFE)}`,
  ],
  anthropic: [() => `sk-ant-api03-${draw(93, URLSAFE)}AA`, () => `sk-ant-admin01-${draw(93, URLSAFE)}AA`],
  'azure-openai': [() => draw(32, HEX), () => draw(32, HEX.toUpperCase()), () => draw(84, ALNUM)],
  'openai-compatible': [() => `sk-${draw(between(20, 48), ALNUM)}`, () => draw(between(16, 64), URLSAFE)],
  gemini: [() => `AIza${draw(35, URLSAFE)}`, () => `AQ.${draw(between(20, 80), URLSAFE)}`],
  mistral: [() => draw(32, ALNUM)],
  groq: [() => `gsk_${draw(52, ALNUM)}`],
  openrouter: [() => `sk-or-v1-${draw(64, HEX)}`],
  deepseek: [() => `sk-${draw(32, HEX)}`],
  xai: [() => `xai-${draw(between(70, 120), ALNUM)}`],
  cohere: [() => draw(40, ALNUM)],
};
const PER_SHAPE = 2000;

test('every preset has real shapes here', () => {
  assert.deepEqual(Object.keys(shapes).sort(), presets.map((p) => p.id).sort());
});

test("every key of the suite's fixtures (test/keys.ts) is accepted", () => {
  for (const key of [...Object.values(keys), SENTINEL]) {
    assert.equal(isPlaceholder(key), false, key);
    const r = checkKey(key, byId('openai'));
    assert.ok(r.ok, `${key}: ${r.message}`);
  }
});

test("every key of the demo and the mock (test/test-keys.mjs) is accepted by its preset", () => {
  for (const [id, byMarker] of Object.entries(testKeys)) {
    for (const [marker, key] of Object.entries(byMarker)) {
      const r = checkKey(key, byId(id));
      assert.ok(r.ok, `${id} ${marker}: ${r.message}`);
    }
  }
});

for (const [id, makers] of Object.entries(shapes)) {
  test(`${id}: ${PER_SHAPE} random keys of each real shape are accepted`, () => {
    const preset = byId(id);
    for (const make of makers) {
      for (let i = 0; i < PER_SHAPE; i++) {
        const key = make();
        const r = checkKey(key, preset);
        assert.ok(r.ok, `${key}: ${r.ok || r.message}`);
        assert.equal(r.apiKey, key);
      }
    }
  });
}

/** `word` with each letter's case drawn at random, but never one of the three ways documentation writes it. */
function mixedCase(word) {
  const written = new Set([word.toUpperCase(), word.toLowerCase(), word[0].toUpperCase() + word.slice(1).toLowerCase()]);
  for (;;) {
    const mixed = [...word].map((c) => (random() & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
    if (!written.has(mixed)) return mixed;
  }
}

test('a placeholder word inside random key text is no placeholder: YOUR in any case, the others in a mix of cases', () => {
  const preset = byId('openai');
  for (let i = 0; i < 5000; i++) {
    const word = ['your', 'YOUR', 'Your', mixedCase('your'), mixedCase('insert'), mixedCase('example'), mixedCase('replace'), mixedCase('placeholder')][i % 8];
    // Between key characters (digits, so that nothing makes it a word or runs on into KEY or API).
    const key = `sk-proj-${draw(between(0, 70), URLSAFE)}${pick(DIGITS)}${word}${pick(DIGITS)}${draw(between(0, 70), URLSAFE)}T3BlbkFJ${draw(20, URLSAFE)}`;
    assert.equal(isPlaceholder(key), false, key);
    assert.ok(checkKey(key, preset).ok, key);
  }
});

test('the same words as documentation writes them are placeholders wherever they are', () => {
  for (let i = 0; i < 1000; i++) {
    const word = ['INSERT', 'insert', 'Insert', 'EXAMPLE', 'example', 'Example', 'REPLACE', 'replace', 'PLACEHOLDER', 'Placeholder'][i % 10];
    const key = `sk-proj-${draw(between(0, 70), URLSAFE)}${word}${draw(between(0, 70), URLSAFE)}`;
    assert.equal(isPlaceholder(key), true, key);
    assert.equal(checkKey(key, byId('openai')).code, 'placeholder', key);
  }
});

test('every language says it in its own words', async () => {
  for (const lang of ['de', 'fr', 'es', 'pt-BR', 'it', 'nl', 'pl', 'ja', 'zh-CN', 'ko', 'ar']) {
    const module = await import(`../src/locales/${lang}.ts`);
    const strings = module[lang.replace(/-(\w)/g, (_, c) => c.toUpperCase())];
    assert.equal(typeof strings.keyPlaceholder, 'string', lang);
    assert.ok(strings.keyPlaceholder.trim(), lang);
    assert.notEqual(strings.keyPlaceholder, en.keyPlaceholder, lang);
    assert.equal(checkKey('YOUR_API_KEY', byId('openai'), strings).message, strings.keyPlaceholder, lang);
  }
});
