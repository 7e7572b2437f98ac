// Every preset's check against the mock (test/mock-api.mjs), in Node with no browser (contract
// section 6, "What the check tells"): the request each preset builds goes to the mock on a
// loopback port, and its answer is read as the browser's check and a host's server read it
// (checkRequest, readCheckAnswer, and for xAI modelsRequest and modelsOf). Then documented answers
// that no marker sends, the rules every preset's mapping keeps, and cleanCheck on what a host's
// verifier may hand back.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { MAX_MODELS, checkRequest, cleanCheck, modelsOf, modelsRequest, readCheckAnswer } from '../src/check.ts';
import { presets } from '../src/presets/all.ts';
import { en } from '../src/strings.ts';
import { handleMockApi } from '../test/mock-api.mjs';
import { DOWN_STATUS, LIMITED_PRESETS, MOCK_MODELS, NO_CREDIT_PRESETS, markersFor, mockBase, testKeys } from '../test/test-keys.mjs';

const NOW = new Date('2026-12-06T10:00:00.000Z');
const checkedAt = NOW.toISOString();
const byId = (id) => presets.find((p) => p.id === id);

let origin = '';
let server;
before(async () => {
  server = createServer((req, res) => {
    if (!handleMockApi(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

/** The check's context for `preset` on the mock: its base URL, or its Endpoint or Base URL field. */
function context(preset) {
  const base = mockBase(preset.id, origin);
  const fields =
    preset.id === 'azure-openai' ? { endpoint: base, deployment: 'gpt-4o', apiVersion: '2024-10-21' } : preset.id === 'openai-compatible' ? { baseUrl: base } : {};
  return { baseUrl: base, fields };
}

/** Sends a request the check built; its status and JSON body (`undefined` when not JSON). */
async function send(request) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

/** What the browser's check does (src/live-check.ts), on a fixed clock: the check, then the models apart where the preset says so. */
async function check(preset, key) {
  const request = checkRequest(preset, key, context(preset));
  assert.ok(request, 'the request is built');
  const { status, body } = await send(request);
  const result = readCheckAnswer(preset, status, body, en, key, NOW);
  const second = result.ok && result.check?.status === 'valid' ? modelsRequest(preset, key, context(preset)) : undefined;
  if (!second) return result;
  const models = modelsOf(preset, (await send(second)).body);
  return models ? { ok: true, check: Object.freeze({ ...result.check, models: Object.freeze(models) }) } : result;
}

const LIMITED = new Set(LIMITED_PRESETS);
const NO_CREDIT = new Set(NO_CREDIT_PRESETS);

const proven = (status, extra = {}) => ({ ok: true, check: { status, ...extra, checkedAt } });
const unconfirmed = (preset, reason) => ({ ok: false, unreachable: true, message: en.verifyUnconfirmed({ provider: preset.label, reason }) });

/** What the user gets for each marker's answer of `preset`. */
function expected(preset, marker) {
  const id = preset.id;
  const models = MOCK_MODELS[id];
  switch (marker) {
    case 'VALID':
      return proven('valid', {
        ...(models && { models }),
        ...(id === 'openrouter' && { credit: { limit: 10, remaining: 6.8, used: 3.2 }, expiresAt: '2027-12-31T23:59:59.000Z' }),
      });
    case 'ODD':
      // Entries that are not models are left out (xAI's list is not a list: no models at all);
      // OpenRouter's credit and expiry that are not numbers or dates are left out.
      return proven('valid', models && id !== 'xai' ? { models: models.slice(0, 1) } : {});
    case 'RATE':
      return LIMITED.has(id) ? proven('limited') : unconfirmed(preset, en.reasonRateLimited);
    case 'QUOTA':
      return NO_CREDIT.has(id) ? proven('no-credit') : unconfirmed(preset, en.reasonQuota);
    case 'SCOPES':
    case 'FORBID':
      return unconfirmed(preset, en.reasonForbidden);
    case 'DOWN':
      return unconfirmed(preset, en.reasonStatus({ status: DOWN_STATUS[id] ?? 503 }));
    case 'GARBLED':
      return unconfirmed(preset, en.reasonMalformed);
  }
}

for (const preset of presets) {
  describe(`${preset.label} (${preset.id}): every marker's answer`, () => {
    const keys = testKeys[preset.id];

    for (const marker of ['VALID', 'ODD', 'RATE', 'QUOTA', 'SCOPES', 'FORBID', 'DOWN', 'GARBLED']) {
      test(`${marker}: ${expected(preset, marker).check?.status ?? 'could not be confirmed'}`, async () => {
        const result = await check(preset, keys[marker]);
        assert.deepEqual(result, expected(preset, marker));
        if (result.check) assert.ok(Object.isFrozen(result.check), 'a result cannot be changed afterwards');
        if (!result.ok) assert.ok(!result.message.includes(keys[marker]));
      });
    }

    test('REVOKED: refused in plain words, never "could not be confirmed"', async () => {
      const result = await check(preset, keys.REVOKED);
      assert.equal(result.ok, false);
      assert.equal(result.unreachable, undefined);
      assert.match(result.message, new RegExp(`^${preset.label} did not accept this key`));
      assert.ok(!result.message.includes(keys.REVOKED));
    });

    test(`MANY: ${MOCK_MODELS[preset.id] ? '1,000 distinct models, in order' : 'valid (its check lists no models)'}`, async () => {
      const result = await check(preset, keys.MANY);
      assert.equal(result.ok, true);
      assert.equal(result.check.status, 'valid');
      if (!MOCK_MODELS[preset.id]) return assert.equal(result.check.models, undefined);
      const { models } = result.check;
      assert.equal(models.length, 1000);
      assert.equal(new Set(models).size, 1000);
      assert.ok(models.every((m) => typeof m === 'string' && m.length <= 200 && !m.startsWith('models/')));
      assert.match(models[0], /0001/);
      assert.match(models[999], /1000/);
    });

    test("the markers' meanings shown in the demo agree with what the check tells", () => {
      const meaning = markersFor(preset.id);
      assert.equal(meaning.RATE.includes('a real key'), LIMITED.has(preset.id));
      assert.equal(meaning.QUOTA.includes('a real key'), NO_CREDIT.has(preset.id));
      assert.equal('MANY' in meaning, Boolean(MOCK_MODELS[preset.id]));
      for (const marker of Object.keys(meaning)) assert.ok(keys[marker], `a key for ${marker}`);
    });
  });
}

describe('answers particular to one provider', () => {
  test('OpenRouter: a key without a credit limit has limit and remaining null, and no expiry', async () => {
    assert.deepEqual(await check(byId('openrouter'), testKeys.openrouter.UNLIMITED), proven('valid', { credit: { limit: null, remaining: null, used: 0.42 } }));
  });

  test('xAI: the models come from a second request with the same key; a blocked key is refused', async () => {
    const xai = byId('xai');
    const request = modelsRequest(xai, testKeys.xai.VALID, context(xai));
    assert.deepEqual(request, { method: 'GET', url: `${mockBase('xai', origin)}/models`, headers: { Authorization: `Bearer ${testKeys.xai.VALID}` } });
    const blocked = await check(xai, testKeys.xai.BLOCKED);
    assert.deepEqual(blocked, { ok: false, message: en.verifyRejected({ provider: 'xAI', said: '' }) });
  });

  test('Anthropic and Gemini ask for one page of up to 1,000 models', () => {
    assert.match(checkRequest(byId('anthropic'), 'k', { fields: {} }).url, /\/models\?limit=1000$/);
    assert.match(checkRequest(byId('gemini'), 'k', { fields: {} }).url, /\/models\?pageSize=1000$/);
  });

  test('no other preset asks for models apart', () => {
    const context = { baseUrl: 'https://example.com', fields: { endpoint: 'https://example.com', baseUrl: 'https://example.com' } };
    assert.deepEqual(
      presets.filter((p) => modelsRequest(p, 'k', context)).map((p) => p.id),
      ['xai'],
    );
  });
});

/** Answers documented by the providers that no marker sends: [preset, status, body, outcome]. */
const documented = [
  ['openai', 429, { error: { message: 'Please slow down.', type: 'rate_limit_error', code: 'slow_down' } }, 'limited'],
  ['openai', 429, { error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'credit_balance_exhausted' } }, 'no-credit'],
  ['openai', 429, { error: { message: 'Project spend limit reached.', type: 'insufficient_quota', code: 'project_spend_limit_exceeded' } }, 'no-credit'],
  ['openai', 429, { error: { message: 'Organization usage limit reached.', type: 'insufficient_quota', code: 'organization_usage_limit_exceeded' } }, 'no-credit'],
  ['openai', 429, { error: { message: 'Too Many Requests' } }, 'unconfirmed'],
  ['openai', 429, undefined, 'unconfirmed'],
  // An IP allowlist refuses a valid key: not about the key, never "invalid".
  ['openai', 401, { error: { message: 'IP not authorized', type: 'invalid_request_error', code: 'ip_not_authorized' } }, 'unconfirmed'],
  ['anthropic', 401, { type: 'error', error: { type: 'authentication_error', message: 'CORS requests are not allowed for this Organization because of your settings.' } }, 'unconfirmed'],
  ['anthropic', 402, { type: 'error', error: { type: 'billing_error', message: 'There is an issue with your billing.' } }, 'no-credit'],
  [
    'anthropic',
    400,
    { type: 'error', error: { type: 'invalid_request_error', message: 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.' } },
    'no-credit',
  ],
  [
    'anthropic',
    400,
    { type: 'error', error: { type: 'invalid_request_error', message: 'You have reached your specified workspace API usage limits. You will regain access on 2027-01-01 at 00:00 UTC.' } },
    'no-credit',
  ],
  ['anthropic', 400, { type: 'error', error: { type: 'invalid_request_error', message: 'limit: Input should be less than or equal to 1000' } }, 'unconfirmed'],
  ['anthropic', 429, { type: 'error', error: { type: 'rate_limit_error', message: 'Your account has hit a rate limit.' } }, 'limited'],
  ['anthropic', 429, undefined, 'unconfirmed'],
  ['gemini', 429, { error: { code: 429, message: 'Your prepayment credits are depleted.', status: 'RESOURCE_EXHAUSTED' } }, 'no-credit'],
  ['gemini', 429, { error: { code: 429, message: 'Resource has been exhausted (e.g. check quota).', status: 'RESOURCE_EXHAUSTED' } }, 'limited'],
  ['gemini', 429, undefined, 'unconfirmed'],
  ['mistral', 429, { message: 'Requests rate limit exceeded' }, 'limited'],
  ['mistral', 429, undefined, 'unconfirmed'],
  ['groq', 429, { error: { message: 'Too Many Requests' } }, 'unconfirmed'],
  ['groq', 400, { error: { message: 'The model has been decommissioned.', type: 'invalid_request_error', code: 'model_decommissioned' } }, 'unconfirmed'],
  ['openrouter', 429, { error: { message: 'Rate limit exceeded: free-models-per-min', code: 429 } }, 'unconfirmed'],
  ['deepseek', 429, undefined, 'unconfirmed'],
  ['xai', 403, { code: 'The caller does not have permission', error: 'Your team t has either used all available credits or reached its monthly spending limit.' }, 'no-credit'],
  ['xai', 429, { code: 'Some resource has been exhausted', error: 'Too many requests.' }, 'unconfirmed'],
  ['cohere', 429, { message: 'You are using a Trial key, which is limited to 40 API calls / minute.' }, 'limited'],
  ['cohere', 429, { message: 'trial token rate limit exceeded, limit is 100000 tokens per minute' }, 'limited'],
  ['cohere', 402, { message: 'Please add a payment method or raise the billing limit of this key.' }, 'no-credit'],
  ['azure-openai', 429, { error: { code: '429', message: 'Requests to the ChatCompletions_Create Operation have exceeded token rate limit.' } }, 'unconfirmed'],
  ['openai-compatible', 429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, 'unconfirmed'],
  ['openai-compatible', 429, { error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'insufficient_quota' } }, 'unconfirmed'],
];

/** A short name for a documented answer: its message, or that it was not JSON. */
const said = (body) => (body ? String(body.error?.message ?? body.error ?? body.message).slice(0, 40) : '(not JSON)');

describe('answers the providers document, beyond the markers', () => {
  for (const [id, status, body, outcome] of documented) {
    test(`${id} ${status} ${said(body)}: ${outcome}`, () => {
      const result = readCheckAnswer(byId(id), status, body, en, '', NOW);
      if (outcome === 'unconfirmed') assert.equal(result.unreachable, true, JSON.stringify(result));
      else assert.deepEqual(result, proven(outcome));
    });
  }
});

describe("what every preset's mapping keeps to", () => {
  for (const preset of presets) {
    test(`${preset.id}: a declared answer is never a pass or a refusal, and a 429 is declared only by its code or words`, () => {
      const check = preset.check;
      const refusals = check.rejectStatus ?? [401];
      for (const match of [...(check.limited ?? []), ...(check.noCredit ?? [])]) {
        assert.ok(match.status >= 400 && match.status < 500, `${match.status} is a client error`);
        assert.ok(!refusals.includes(match.status), `${match.status} is not one that refuses the key`);
        // A 429 may come from something in front of the provider, before the key is looked at.
        if (match.status === 429) assert.ok(match.code || match.says, 'a 429 needs the provider’s own code or words');
      }
      if (check.credit) assert.match(check.credit.currency, /^[A-Z]{3}$/);
    });
  }

  test('refusals stay refusals: a 401 that names no scope is never limited or out of credit', () => {
    for (const preset of presets) {
      const result = readCheckAnswer(preset, 401, { error: { message: 'Invalid API key', code: 'invalid_api_key' } }, en, '', NOW);
      assert.equal(result.ok, false, preset.id);
      assert.equal(result.unreachable, undefined, preset.id);
    }
  });

  test('a model id is text: markup is kept verbatim, never turned into anything else', () => {
    const ids = ['<b>bold</b>', '<img src=x onerror=alert(1)>', 'a&amp;b', 'ünïcode-模型'];
    const result = readCheckAnswer(byId('openai'), 200, { data: ids.map((id) => ({ id })) }, en, '', NOW);
    assert.deepEqual(result.check.models, ids);
  });

  test('models that are not a list: no pass where the list is the proof (OpenAI), left out where it is not (xAI)', () => {
    assert.equal(readCheckAnswer(byId('openai'), 200, { data: { 'gpt-4o': {} } }, en, '', NOW).unreachable, true);
    assert.equal(modelsOf(byId('xai'), { data: 'grok-4' }), undefined);
    assert.deepEqual(modelsOf(byId('gemini'), { models: [{ name: 'models/a' }, { name: 'tunedModels/b' }] }), ['a', 'tunedModels/b']);
  });

  test('a credit that is not a number is left out; null members stay null; the status follows the answer', () => {
    const read = (data) => readCheckAnswer(byId('openrouter'), 200, { data }, en, '', NOW);
    assert.deepEqual(read({ limit: '10', limit_remaining: 'x', usage: {} }), proven('valid'));
    assert.deepEqual(read({ limit: Infinity, limit_remaining: NaN, usage: 1 }), proven('valid', { credit: { limit: null, remaining: null, used: 1 } }));
    assert.deepEqual(read({ limit: 5, expires_at: 1798761599 }), proven('valid', { credit: { limit: 5, remaining: null, used: null }, expiresAt: '2026-12-31T23:59:59.000Z' }));
  });
});

describe("cleanCheck: what a host's verifier hands back, as the overlay trusts it", () => {
  const clean = (given) => cleanCheck(given, NOW);
  const boom = () => {
    throw new Error('boom');
  };

  test('anything that is not a check is a plain pass', () => {
    for (const given of [undefined, null, 0, 'limited', true, [], () => {}, Symbol('x')]) assert.deepEqual(clean(given), { status: 'valid', checkedAt });
  });

  test('an unknown status is "valid" (it passed); the known ones are kept', () => {
    assert.equal(clean({ status: 'great' }).status, 'valid');
    assert.equal(clean({ status: 'LIMITED' }).status, 'valid');
    assert.equal(clean({ status: 'limited' }).status, 'limited');
    assert.equal(clean({ status: 'no-credit' }).status, 'no-credit');
    assert.equal(clean(Object.create({ status: 'limited' })).status, 'valid', 'inherited members are not read');
    assert.equal(clean(JSON.parse('{"__proto__": {"status": "limited"}}')).status, 'valid');
  });

  test('models: a list of strings, at most 1,000, at most 200 characters, no control characters, no repeats', () => {
    assert.equal(clean({ models: 'all' }).models, undefined);
    assert.equal(clean({ models: { 0: 'a', length: 1 } }).models, undefined);
    const given = ['a', 'a', 7, null, { id: 'b' }, 'x'.repeat(200), 'y'.repeat(300), 'tab\there', 'nul\u0000', 'del\u007f', '', 'ok'];
    assert.deepEqual(clean({ models: given }).models, ['a', 'x'.repeat(200), 'ok']);
    const many = Array.from({ length: 5000 }, (_, i) => `m${i}`);
    const kept = clean({ models: many }).models;
    assert.equal(kept.length, MAX_MODELS);
    assert.deepEqual(kept, many.slice(0, 1000));
    assert.deepEqual(clean({ models: ['<b>bold</b>'] }).models, ['<b>bold</b>']);
    assert.ok(Object.isFrozen(clean({ models: ['a'] }).models));
  });

  test('credit: numbers or null; strings and anything else left out', () => {
    assert.equal(clean({ credit: { limit: '10', remaining: '6.8', used: '3.2' } }).credit, undefined);
    assert.equal(clean({ credit: 10 }).credit, undefined);
    assert.deepEqual(clean({ credit: { limit: null, remaining: 4, used: 'x' } }).credit, { limit: null, remaining: 4, used: null });
    assert.deepEqual(clean({ credit: { limit: 10, remaining: 6.8, used: 3.2, currency: 'EUR' } }).credit, { limit: 10, remaining: 6.8, used: 3.2 });
    assert.equal(clean({ credit: { limit: NaN, remaining: Infinity } }).credit, undefined);
  });

  test('dates: ISO when they are dates, else expiresAt left out and checkedAt now', () => {
    assert.equal(clean({ expiresAt: '2027-01-01' }).expiresAt, '2027-01-01T00:00:00.000Z');
    assert.equal(clean({ expiresAt: 'soon' }).expiresAt, undefined);
    assert.equal(clean({ expiresAt: 1798761599 }).expiresAt, undefined);
    assert.equal(clean({ checkedAt: 'yesterday' }).checkedAt, checkedAt);
    assert.equal(clean({ checkedAt: '2026-12-05T09:00:00Z' }).checkedAt, '2026-12-05T09:00:00.000Z');
  });

  test('getters and Proxies that throw leave their part out; the check still passes', () => {
    const trap = { get: boom, getOwnPropertyDescriptor: boom, has: boom, ownKeys: boom, getPrototypeOf: boom };
    assert.deepEqual(clean(new Proxy({}, trap)), { status: 'valid', checkedAt });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    assert.deepEqual(clean(revocable.proxy), { status: 'valid', checkedAt });
    const throwingModels = {
      status: 'limited',
      get models() {
        return boom();
      },
      credit: new Proxy({}, trap),
    };
    assert.deepEqual(clean(throwingModels), { status: 'limited', checkedAt });
    const throwingStatus = {
      get status() {
        return boom();
      },
      models: ['a'],
    };
    assert.deepEqual(clean(throwingStatus), { status: 'valid', models: ['a'], checkedAt });
    assert.equal(clean({ models: new Proxy(['a'], trap) }).models, undefined);
    assert.equal(clean({ models: Object.defineProperty(['a', 'b'], 0, { get: boom }) }).models, undefined);
    const throwingRemaining = {
      limit: 1,
      get remaining() {
        return boom();
      },
    };
    assert.deepEqual(clean({ credit: throwingRemaining }).credit, { limit: 1, remaining: null, used: null });
  });

  test('the result is frozen and new: nothing the verifier keeps can change it', () => {
    const given = { status: 'limited', models: ['a'], credit: { limit: 1, remaining: 1, used: 0 } };
    const result = clean(given);
    given.models.push('b');
    given.credit.limit = 99;
    assert.deepEqual(result, { status: 'limited', models: ['a'], credit: { limit: 1, remaining: 1, used: 0 }, checkedAt });
    assert.ok(Object.isFrozen(result));
  });
});
