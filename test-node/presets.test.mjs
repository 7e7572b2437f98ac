// The presets, key rules, field rules and check templates import and run in Node, with no
// browser and no DOM (a host's server uses them): `npm run test:node`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRequest, readCheckAnswer } from '../src/check.ts';
import { checkField } from '../src/form.ts';
import { checkKey } from '../src/key-rules.ts';
import { presets } from '../src/presets/all.ts';
import { presetProblem } from '../src/presets/validate.ts';
import { en } from '../src/strings.ts';
import { testKeys } from '../test/test-keys.mjs';

test('no DOM here', () => {
  assert.equal(typeof globalThis.document, 'undefined');
  assert.equal(typeof globalThis.HTMLElement, 'undefined');
});

for (const preset of presets) {
  test(`${preset.id}: well formed, a key checked, the check request built`, () => {
    assert.equal(presetProblem(preset), undefined);
    const key = testKeys[preset.id].VALID;
    const checked = checkKey(key, preset, en);
    assert.equal(checked.ok, true, checked.message);
    const fields = Object.fromEntries((preset.fields ?? []).map((f) => [f.id, f.default ?? '']));
    if (preset.id === 'azure-openai') Object.assign(fields, { endpoint: 'https://r.openai.azure.com/', deployment: 'gpt-4o' });
    if (preset.id === 'openai-compatible') fields.baseUrl = 'http://localhost:11434/v1/';
    const request = checkRequest(preset, key, { baseUrl: preset.baseUrl, fields });
    assert.ok(request);
    assert.ok(!request.url.includes(key));
    assert.ok(Object.values(request.headers).some((v) => v.includes(key)));
    assert.ok(!request.url.includes('//models') && !request.url.includes('//openai'), request.url);
  });
}

test('azure-openai: the URL comes from the Endpoint and API version fields', () => {
  const azure = presets.find((p) => p.id === 'azure-openai');
  const request = checkRequest(azure, 'k', { fields: { endpoint: 'https://r.openai.azure.com/', deployment: 'x', apiVersion: '2024-10-21' } });
  assert.equal(request.url, 'https://r.openai.azure.com/openai/models?api-version=2024-10-21');
  assert.deepEqual(request.headers, { 'api-key': 'k' });
});

test('field rules run in Node', () => {
  const azure = presets.find((p) => p.id === 'azure-openai');
  const endpoint = azure.fields.find((f) => f.id === 'endpoint');
  assert.match(checkField(endpoint, 'http://example.com', en).error, /public address/);
  assert.match(checkField(endpoint, 'https://gw.example.com', en).note, /not an Azure resource address/);
});

test('answers are read the same way as in the browser', () => {
  const openai = presets.find((p) => p.id === 'openai');
  const now = new Date('2026-12-06T10:00:00Z');
  assert.deepEqual(readCheckAnswer(openai, 200, { data: [] }, en, '', now), { ok: true, check: { status: 'valid', models: [], checkedAt: now.toISOString() } });
  assert.equal(readCheckAnswer(openai, 401, { error: { message: 'Incorrect API key' } }, en).unreachable, undefined);
  assert.equal(readCheckAnswer(openai, 503, undefined, en).unreachable, true);
});
