// docs/glossary.md is followed: every locale uses its glossary's word for each recurring term
// in the labels and messages that name it. A translation that drifts ("Anmeldedaten" in one
// label, "Zugangsdaten" in the next) fails here, naming the term, the language and the text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const glossary = readFileSync(new URL('../docs/glossary.md', import.meta.url), 'utf8');

/** term -> language -> accepted forms, from every table of the glossary. */
function readGlossary(text) {
  const terms = new Map();
  let langs;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      langs = undefined;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.every((c) => /^-+$/.test(c))) continue;
    if (!langs) {
      langs = cells.slice(1);
      continue;
    }
    const [term, ...forms] = cells;
    const byLang = terms.get(term) ?? {};
    langs.forEach((lang, i) => (byLang[lang] = forms[i].split(' / ').map((f) => f.trim())));
    terms.set(term, byLang);
  }
  return terms;
}

const terms = readGlossary(glossary);
const LANGS = ['de', 'fr', 'es', 'pt-BR', 'it', 'nl', 'pl', 'ja', 'zh-CN', 'ko', 'ar'];
const exportName = (lang) => lang.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** Where each term must appear: the strings that name it. */
const uses = {
  credential: (s, p) => [s.heading, s.editHeading, s.nameLabel, p.label, p.addCredential],
  'API key': (s) => [s.apiKeyLabel, s.showKey, s.keyRequired({ provider: 'X' })],
  organization: (s) => [s.fields.organization.label],
  project: (s) => [s.fields.project.label],
  model: (s) => [s.modelLabel, s.modelHelp, ...[0, 1, 2, 5, 87, 100].map((count) => s.checkModels({ count }))],
  'credit (money left on the account)': (s, p) => [s.checkNoCredit, p.noCredit, s.reasonQuota],
  'rate-limited': (s, p) => [s.checkLimited, p.rateLimited],
  'verify (the key check)': (s) => [s.checking({ provider: 'X' }), s.saveWithoutChecking],
  'verified (tile badge)': (s, p) => [p.verified],
  save: (s) => [s.save],
  cancel: (s) => [s.cancel],
  edit: (s) => [s.editHeading],
  delete: (s, p) => [p.confirm],
  'connect (an account, to get a key)': (s) =>
    [s.connect({ provider: 'X' }), s.connectBlocked({ provider: 'X' }), s.connectClosed({ provider: 'X' }), s.connectDenied({ provider: 'X', reason: '' }), s.connectFailed({ provider: 'X', reason: '' }), s.connectTimeout({ provider: 'X', minutes: 5 })],
  "window (the provider's)": (s) => [s.connectBlocked({ provider: 'X' }), s.connectClosed({ provider: 'X' })],
  "pop-ups (the browser's setting)": (s) => [s.connectBlocked({ provider: 'X' })],
};

const fold = (text, lang) => text.replace(/[\u2068\u2069]/g, '').toLocaleLowerCase(lang);

test('the glossary has every term for every language', () => {
  assert.deepEqual([...terms.keys()].sort(), Object.keys(uses).sort());
  for (const [term, byLang] of terms) {
    assert.deepEqual(Object.keys(byLang).sort(), [...LANGS].sort(), `"${term}"`);
    for (const lang of LANGS) assert.ok(byLang[lang].every(Boolean), `"${term}" in ${lang} is empty`);
  }
});

for (const lang of LANGS) {
  test(`${lang} follows the glossary`, async () => {
    const mod = await import(`../src/locales/${lang}.ts`);
    const strings = mod[exportName(lang)];
    const picker = mod[`${exportName(lang)}Picker`];
    assert.ok(strings && picker, `src/locales/${lang}.ts exports ${exportName(lang)} and ${exportName(lang)}Picker`);
    const drift = [];
    for (const [term, where] of Object.entries(uses)) {
      const forms = terms.get(term)[lang].map((f) => fold(f, lang));
      for (const text of where(strings, picker)) {
        if (!forms.some((f) => fold(text, lang).includes(f))) drift.push(`"${term}" (${forms.join(' / ')}) is not in: ${text}`);
      }
    }
    assert.deepEqual(drift, []);
  });
}
