// The `strings` merge (contract section 3) as pure data, in Node: a host's strings merge into
// the language's at every depth; unknown keys, `undefined` and `null` never replace anything;
// a message that throws falls back to the text beneath it, with one warning.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeStrings } from '../src/locale.ts';
import { de } from '../src/locales/de.ts';
import { pickerEn } from '../src/picker-strings.ts';
import { en } from '../src/strings.ts';

/** Records console.warn while `fn` runs. */
function warnings(fn) {
  const warn = console.warn;
  const out = [];
  console.warn = (...a) => void out.push(a.join(' '));
  try {
    fn();
  } finally {
    console.warn = warn;
  }
  return out;
}

test("one field's label on a German page keeps every other German string", () => {
  const s = mergeStrings(en, de, { fields: { organization: { label: 'Org' } } });
  assert.equal(s.fields.organization.label, 'Org');
  assert.equal(s.fields.organization.message, de.fields.organization.message, 'the same field keeps its other texts');
  assert.deepEqual(s.fields.project, de.fields.project, 'the other fields keep theirs');
  assert.deepEqual(Object.keys(s.fields).sort(), Object.keys(de.fields).sort());
  assert.equal(s.save, 'Speichern');
  assert.equal(s.keyRequired({ provider: 'OpenAI' }), de.keyRequired({ provider: 'OpenAI' }));
});

test('nothing it merges is changed: English, the language, the host', () => {
  const host = { fields: { organization: { label: 'Org' }, region: { label: 'Region', options: { eu: 'Europe' } } } };
  const before = JSON.stringify([en.fields, de.fields, host]);
  const s = mergeStrings(en, de, host);
  assert.equal(JSON.stringify([en.fields, de.fields, host]), before);
  assert.notEqual(s.fields, de.fields);
  assert.deepEqual(en.fields, {});
});

test('a field the language does not translate (a custom preset): the host adds it, options as a map', () => {
  const s = mergeStrings(en, de, { fields: { region: { label: 'Region', options: { eu: 'Europa' } } } });
  assert.deepEqual(s.fields.region, { label: 'Region', options: { eu: 'Europa' } });
  const t = mergeStrings(en, { fields: { region: { options: { eu: 'EU', us: 'US' } } } }, { fields: { region: { options: { us: 'Vereinigte Staaten' } } } });
  assert.deepEqual(t.fields.region.options, { eu: 'EU', us: 'Vereinigte Staaten' });
});

test('undefined and null fall back, at any depth', () => {
  const s = mergeStrings(en, de, { save: undefined, cancel: null, fields: { project: { label: undefined, message: null }, endpoint: null } });
  assert.equal(s.save, 'Speichern');
  assert.equal(s.cancel, 'Abbrechen');
  assert.deepEqual(s.fields.project, de.fields.project);
  assert.deepEqual(s.fields.endpoint, de.fields.endpoint);
  const none = mergeStrings(en, de, null, undefined);
  assert.equal(JSON.stringify(none), JSON.stringify(mergeStrings(en, de)), 'no layer: the same texts');
  assert.equal(none.keyRequired({ provider: 'X' }), de.keyRequired({ provider: 'X' }));
});

test('unknown keys are ignored and never break the merge', () => {
  const s = mergeStrings(en, de, { unknown: 'x', Save: 'x', nested: { deep: 'x' }, save: 'Sichern' });
  assert.equal(s.save, 'Sichern');
  for (const k of ['unknown', 'Save', 'nested']) assert.equal(k in s, false, k);
  assert.deepEqual(Object.keys(s).sort(), Object.keys(en).sort());
});

test('a value of the wrong kind never replaces a string, a message or the fields', () => {
  const s = mergeStrings(en, de, {
    save: { label: 'x' },
    cancel: 42,
    heading: ['x'],
    keyRequired: 'Paste it.',
    nameLabel: () => 'x',
    fields: 'x',
  });
  assert.equal(s.save, 'Speichern');
  assert.equal(s.cancel, 'Abbrechen');
  assert.equal(s.heading, de.heading);
  assert.equal(s.keyRequired({ provider: 'X' }), de.keyRequired({ provider: 'X' }));
  assert.equal(s.nameLabel, de.nameLabel);
  assert.deepEqual(s.fields, de.fields);
  const t = mergeStrings(en, de, { fields: { organization: { label: { text: 'x' } }, project: 'x' } });
  assert.deepEqual(t.fields.organization, de.fields.organization);
  assert.deepEqual(t.fields.project, de.fields.project);
});

test('arrays and functions are leaves: replaced whole, never merged into', () => {
  const base = { list: ['a', 'b', 'c'], message: ({ n }) => `n=${n}`, group: { list: ['x'] } };
  const s = mergeStrings(base, { list: ['z'], group: { list: ['y', 'w'] } });
  assert.deepEqual(s.list, ['z']);
  assert.deepEqual(s.group.list, ['y', 'w']);
  const f = ({ n }) => `N=${n}`;
  const t = mergeStrings(base, { message: Object.assign(f, { extra: 'x' }) });
  assert.equal(t.message({ n: 1 }), 'N=1');
});

test("__proto__ in a host's strings changes no prototype", () => {
  const host = JSON.parse('{"__proto__": {"polluted": "yes"}, "fields": {"__proto__": {"polluted": "yes"}, "organization": {"__proto__": {"polluted": "yes"}}}}');
  const s = mergeStrings(en, de, host);
  assert.equal({}.polluted, undefined);
  assert.equal(s.polluted, undefined);
  assert.equal(s.fields.polluted, undefined);
  assert.equal(s.fields.organization.polluted, undefined);
  assert.equal(Object.getPrototypeOf(s), Object.prototype);
});

test("a host's message that throws falls back to the language's, with one warning", () => {
  const host = {
    keyRequired: () => {
      throw new Error('broken');
    },
  };
  let s;
  const said = warnings(() => {
    s = mergeStrings(en, de, host);
    for (let i = 0; i < 3; i++) assert.equal(s.keyRequired({ provider: 'OpenAI' }), de.keyRequired({ provider: 'OpenAI' }));
  });
  assert.equal(said.length, 1, said.join('\n'));
  assert.match(said[0], /strings\.keyRequired threw \(Error: broken\)/);
});

test("a language's message that throws falls back to English; a host's above it still wins", () => {
  const broken = {
    keyHelp: () => {
      throw new Error('bad translation');
    },
  };
  const said = warnings(() => {
    assert.equal(mergeStrings(en, broken).keyHelp({ provider: 'X' }), en.keyHelp({ provider: 'X' }));
    assert.equal(mergeStrings(en, broken, { keyHelp: () => 'host' }).keyHelp({ provider: 'X' }), 'host');
  });
  assert.equal(said.length, 1, said.join('\n'));
});

test('a message that throws and a text beneath that throws too: English at the bottom', () => {
  const throws = () => {
    throw new Error('x');
  };
  warnings(() => assert.equal(mergeStrings(en, { docsLink: throws }, { docsLink: throws }).docsLink({ provider: 'X' }), en.docsLink({ provider: 'X' })));
});

test("the picker's strings merge the same way", () => {
  const s = mergeStrings(pickerEn, { label: 'Zugangsdaten', edit: ({ name }) => `${name} bearbeiten` }, { label: undefined, unknown: 'x' });
  assert.equal(s.label, 'Zugangsdaten');
  assert.equal(s.edit({ name: 'Prod' }), 'Prod bearbeiten');
  assert.equal(s.keep, 'Keep');
  assert.equal('unknown' in s, false);
});
