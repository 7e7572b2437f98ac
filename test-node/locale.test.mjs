// The best language match (contract section 13) as a table, in Node: which registered
// language a `lang` gets. The registry is this process's own (each test file runs alone).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localeFor, registerLocale } from '../src/locale.ts';

/** Registers a marker under each tag, as the language entries do, and returns what `lang` gets. */
const marker = (tag) => ({ overlay: { heading: tag } });
const got = (lang) => localeFor(lang)?.overlay?.heading ?? 'English';

// The tags the built-in entries would register, one marker each (the entries' own aliases,
// `zh-Hans` or `pt`, left out: the match must not need them).
for (const tag of ['de', 'fr', 'es', 'pt-BR', 'it', 'nl', 'pl', 'ja', 'zh-CN', 'ko', 'ar']) registerLocale(tag, marker(tag));

const table = [
  // The same tag, in any case.
  ['de', 'de'],
  ['zh-CN', 'zh-CN'],
  ['zh-cn', 'zh-CN'],
  ['PT-br', 'pt-BR'],
  [' de ', 'de'],
  // The same language and script, comparing likely subtags.
  ['zh', 'zh-CN'],
  ['zh-Hans', 'zh-CN'],
  ['zh-Hans-CN', 'zh-CN'],
  ['zh-SG', 'zh-CN'],
  ['zh-Hans-SG', 'zh-CN'],
  ['pt', 'pt-BR'],
  ['de-DE', 'de'],
  ['ja-JP', 'ja'],
  ['ar-EG', 'ar'],
  ['ko-KR', 'ko'],
  // The same language where the script is the same.
  ['pt-PT', 'pt-BR'],
  ['pt-AO', 'pt-BR'],
  ['de-AT', 'de'],
  ['de-CH', 'de'],
  ['de-CH-1996', 'de'],
  ['fr-CA', 'fr'],
  ['es-419', 'es'],
  ['es-MX', 'es'],
  ['nl-BE', 'nl'],
  ['it-CH', 'it'],
  // Another script: not the same language for a reader.
  ['zh-TW', 'English'],
  ['zh-Hant', 'English'],
  ['zh-HK', 'English'],
  ['zh-Hant-CN', 'English'],
  ['ja-Latn', 'English'],
  ['de-Cyrl', 'English'],
  // Nothing registered for it.
  ['en', 'English'],
  ['en-GB', 'English'],
  ['sv', 'English'],
  ['', 'English'],
  // Malformed: English, never an exception.
  ['pt_BR', 'English'],
  ['zh-', 'English'],
  ['-', 'English'],
  ['de--AT', 'English'],
  ['x', 'English'],
  ['123', 'English'],
  ['de AT', 'English'],
  ['de\u0000', 'English'],
  ['ü', 'English'],
  ['a'.repeat(300), 'English'],
];
for (const [lang, expected] of table) {
  test(`lang ${JSON.stringify(lang.length > 20 ? `${lang.slice(0, 12)}…` : lang)} gets ${expected}`, () => assert.equal(got(lang), expected));
}

test('a tag registered later wins where it fits better', () => {
  assert.equal(got('pt-PT'), 'pt-BR');
  registerLocale('pt-PT', marker('pt-PT'));
  assert.equal(got('pt-PT'), 'pt-PT');
  assert.equal(got('pt'), 'pt-BR', 'pt is still Brazilian Portuguese');
  assert.equal(got('pt-AO'), 'pt-BR', "among two of the same script, the language's likely region");
  registerLocale('zh-TW', marker('zh-TW'));
  assert.equal(got('zh-Hant'), 'zh-TW');
  assert.equal(got('zh-HK'), 'zh-TW');
  assert.equal(got('zh'), 'zh-CN');
});

test('a tag registered again gives its new strings at once', () => {
  registerLocale('nl', marker('nl, again'));
  assert.equal(got('nl-BE'), 'nl, again');
});

test('the match is remembered per tag: a render asks Intl nothing new', () => {
  const Locale = Intl.Locale;
  let made = 0;
  Intl.Locale = class extends Locale {
    constructor(...args) {
      super(...args);
      made++;
    }
  };
  try {
    for (const lang of ['de-AT', 'pt-AO', 'pt_BR']) got(lang);
    made = 0;
    for (let i = 0; i < 1000; i++) {
      got('de-AT');
      got('pt-AO');
      got('pt_BR');
    }
    assert.equal(made, 0, 'Intl.Locale objects made for tags already matched');
    registerLocale('de-AT', marker('de-AT'));
    assert.equal(got('de-AT'), 'de-AT', 'a new language is seen');
    assert.equal(got('de-AT-1996'), 'de-AT', 'and matched by likely subtags');
    assert.ok(made > 0, 'by asking Intl again');
  } finally {
    Intl.Locale = Locale;
  }
});

test('without Intl.Locale, exact tags still match and nothing throws', () => {
  const Locale = Intl.Locale;
  Intl.Locale = undefined;
  try {
    registerLocale('fi', marker('fi'));
    assert.equal(got('fi'), 'fi');
    assert.equal(got('fi-FI'), 'English');
  } finally {
    Intl.Locale = Locale;
  }
});
