// Every preset's live check (contract sections 6 and 11) against the local mock: the request
// it builds, and what each kind of answer means to the user: valid with the models it lists,
// rate-limited or out of credit where the provider documents that answer (still a real key),
// else "could not be confirmed". The full table of answers is test-node/check-answers.test.mjs.
import { expect } from '@open-wc/testing';
import { checkRequest } from '../src/check.js';
import { checkLive } from '../src/live-check.js';
import { presets } from '../src/presets/all.js';
import type { ProviderPreset } from '../src/presets/types.js';
import { en } from '../src/strings.js';
import { verifyKey, type VerifyContext } from '../src/verify.js';
import { fastLongTimeouts } from './helpers.js';
import { DOWN_STATUS, LIMITED_PRESETS, MOCK_MODELS, NO_CREDIT_PRESETS, mockBase, testKeys } from './test-keys.mjs';

// One session per page: the three engines share the mock, and each reads its own last request.
const SESSION = `checks-${Math.random().toString(36).slice(2)}`;
const lastRequest = async () => (await fetch(`/mock/last-request?session=${SESSION}`)).json();

/** The check's context for `preset`: its base (or Endpoint, or Base URL field) on the mock. */
function context(preset: ProviderPreset): VerifyContext {
  const base = mockBase(preset.id, location.origin, SESSION);
  const fields: Record<string, string> =
    preset.id === 'azure-openai'
      ? { endpoint: base, deployment: 'gpt-4o', apiVersion: '2024-10-21' }
      : preset.id === 'openai-compatible'
        ? { baseUrl: base }
        : preset.id === 'openai'
          ? { organization: '', project: '' }
          : {};
  return {
    provider: preset.id,
    baseUrl: base,
    organization: '',
    project: '',
    fields,
    mode: 'add',
    keyChanged: true,
    signal: new AbortController().signal,
  };
}

const unconfirmed = (reason: string) => (label: string) => en.verifyUnconfirmed({ provider: label, reason });
type Outcome = { ok: boolean; status?: string; unreachable?: boolean; message?: string | RegExp };
/** What each marker's answer means for `preset` (`status`: the check's status when it passes). */
const expected: Record<string, (preset: ProviderPreset, status: number) => Outcome> = {
  VALID: () => ({ ok: true, status: 'valid' }),
  REVOKED: ({ label }) => ({ ok: false, message: new RegExp(`^${label} did not accept this key`) }),
  SCOPES: ({ label }) => ({ ok: false, unreachable: true, message: unconfirmed(en.reasonForbidden)(label) }),
  FORBID: ({ label }) => ({ ok: false, unreachable: true, message: unconfirmed(en.reasonForbidden)(label) }),
  QUOTA: ({ id, label }) => (NO_CREDIT_PRESETS.includes(id) ? { ok: true, status: 'no-credit' } : { ok: false, unreachable: true, message: unconfirmed(en.reasonQuota)(label) }),
  RATE: ({ id, label }) => (LIMITED_PRESETS.includes(id) ? { ok: true, status: 'limited' } : { ok: false, unreachable: true, message: unconfirmed(en.reasonRateLimited)(label) }),
  DOWN: ({ label }, status) => ({ ok: false, unreachable: true, message: unconfirmed(en.reasonStatus({ status }))(label) }),
  GARBLED: ({ label }) => ({ ok: false, unreachable: true, message: unconfirmed(en.reasonMalformed)(label) }),
};

/** Where each preset's key goes, as the mock reports it. */
const scheme: Record<string, string> = {
  anthropic: 'x-api-key',
  'azure-openai': 'api-key',
  gemini: 'x-goog-api-key',
};

for (const preset of presets) {
  describe(`live check: ${preset.label} (${preset.id})`, () => {
    it('builds the request from the preset: method, URL, the key only in its header', () => {
      const ctx = context(preset);
      const key = testKeys[preset.id].VALID;
      const request = checkRequest(preset, key, ctx)!;
      expect(request.method).to.equal(preset.check!.method ?? 'GET');
      expect(request.url.startsWith(mockBase(preset.id, location.origin, SESSION))).to.equal(true);
      expect(request.url).not.to.include(key);
      const carrying = Object.entries(request.headers).filter(([, v]) => v.includes(key));
      expect(carrying, 'one header carries the key').to.have.length(1);
      // A header whose placeholders are all empty is left out (no Organization ID here).
      expect(Object.values(request.headers).every((v) => v.trim() !== '' && v.trim() !== 'Bearer')).to.equal(true);
    });

    for (const [marker, outcome] of Object.entries(expected)) {
      const want = outcome(preset, DOWN_STATUS[preset.id] ?? 503);
      it(`${marker}: ${want.status ?? 'answered as the user should read it'}`, async () => {
        const key = testKeys[preset.id][marker];
        const result = await checkLive(preset, key, context(preset), en);
        expect(result.ok, JSON.stringify(result)).to.equal(want.ok);
        if (result.ok) {
          expect(result.check?.status).to.equal(want.status);
          expect(Number.isNaN(Date.parse(result.check!.checkedAt))).to.equal(false);
          // Only a valid answer lists models; a rate-limited or out-of-credit one tells none.
          expect(result.check?.models).to.deep.equal(marker === 'VALID' ? MOCK_MODELS[preset.id] : undefined);
        } else {
          expect(Boolean(result.unreachable), result.message).to.equal(Boolean(want.unreachable));
          if (want.message instanceof RegExp) expect(result.message).to.match(want.message);
          else expect(result.message).to.equal(want.message);
          expect(result.message).not.to.include(key);
        }
        const seen = await lastRequest();
        expect(seen.provider).to.equal(preset.id);
        expect(seen.scheme).to.equal(scheme[preset.id] ?? 'bearer');
        expect(JSON.stringify(seen)).not.to.include(key);
      });
    }
  });
}

describe('live check: answers particular to one provider', () => {
  const byId = (id: string) => presets.find((p) => p.id === id)!;

  it('xAI: a blocked key is refused although the answer is 200', async () => {
    const result = await checkLive(byId('xai'), testKeys.xai.BLOCKED, context(byId('xai')), en);
    expect(result).to.deep.equal({ ok: false, message: en.verifyRejected({ provider: 'xAI', said: '' }) });
  });

  it("Cohere: {\"valid\": false} is a wrong key; Gemini's 400 API_KEY_INVALID is one too, with Google's words", async () => {
    const cohere = await checkLive(byId('cohere'), testKeys.cohere.REVOKED, context(byId('cohere')), en);
    expect(cohere).to.deep.equal({ ok: false, message: 'Cohere did not accept this key. Check that you copied all of it and that it has not been revoked.' });
    const gemini = await checkLive(byId('gemini'), testKeys.gemini.REVOKED, context(byId('gemini')), en);
    expect(gemini).to.deep.equal({ ok: false, message: 'Google Gemini did not accept this key: API key not valid. Please pass a valid API key.' });
  });

  it('Azure: the API version goes in the query, the deployment nowhere, the key in api-key', async () => {
    const azure = byId('azure-openai');
    await checkLive(azure, testKeys['azure-openai'].VALID, context(azure), en);
    const seen = await lastRequest();
    expect(seen).to.include({ method: 'GET', path: '/openai/models', scheme: 'api-key' });
    expect(seen.query).to.deep.equal({ 'api-version': '2024-10-21' });
  });

  it('OpenAI-compatible: no key sends no Authorization header, and a keyless server passes', async () => {
    const compatible = byId('openai-compatible');
    const request = checkRequest(compatible, '', context(compatible))!;
    expect(request.headers).to.deep.equal({});
    const keyless = await checkLive(compatible, '', context(compatible), en);
    expect(keyless.ok && keyless.check).to.include({ status: 'valid' });
    expect(keyless.ok && keyless.check?.models).to.deep.equal(MOCK_MODELS['openai-compatible']);
    expect((await lastRequest()).scheme).to.equal('none');
  });

  it('OpenAI: the Advanced fields travel as headers when given', async () => {
    const openai = byId('openai');
    const ctx = { ...context(openai), fields: { organization: 'org-Abc123', project: 'proj_Xyz789' } };
    await checkLive(openai, testKeys.openai.VALID, ctx, en);
    expect((await lastRequest()).headers).to.deep.equal({ 'openai-organization': 'org-Abc123', 'openai-project': 'proj_Xyz789' });
  });

  it('Anthropic: the version and the direct-browser-access header are sent', async () => {
    const anthropic = byId('anthropic');
    await checkLive(anthropic, testKeys.anthropic.VALID, context(anthropic), en);
    expect((await lastRequest()).headers).to.deep.equal({ 'anthropic-version': '2023-06-01', 'anthropic-dangerous-direct-browser-access': 'true' });
  });

  it("xAI: the models come from a second request, GET /v1/models with the same key, after the check passed", async () => {
    const xai = byId('xai');
    const result = await checkLive(xai, testKeys.xai.MANY, context(xai), en);
    expect(result.ok && result.check?.models).to.have.length(1000);
    expect(await lastRequest()).to.include({ provider: 'xai', method: 'GET', path: '/v1/models', scheme: 'bearer' });
    // A model list that is not a list is left out; the check still passes.
    const odd = await checkLive(xai, testKeys.xai.ODD, context(xai), en);
    expect(odd).to.deep.include({ ok: true });
    expect(odd.ok && odd.check).to.include({ status: 'valid' }).and.not.to.have.property('models');
    // A key that did not pass asks nothing more.
    await checkLive(xai, testKeys.xai.RATE, context(xai), en);
    expect((await lastRequest()).path).to.equal('/v1/api-key');
  });

  it("OpenRouter: the credit left and the key's expiry, in US dollars; a key without a limit has null limit and remaining", async () => {
    const openrouter = byId('openrouter');
    const result = await checkLive(openrouter, testKeys.openrouter.VALID, context(openrouter), en);
    expect(result.ok && result.check).to.deep.include({ status: 'valid', credit: { limit: 10, remaining: 6.8, used: 3.2 }, expiresAt: '2027-12-31T23:59:59.000Z' });
    const unlimited = await checkLive(openrouter, testKeys.openrouter.UNLIMITED, context(openrouter), en);
    expect(unlimited.ok && unlimited.check).to.deep.include({ status: 'valid', credit: { limit: null, remaining: null, used: 0.42 } });
    expect(openrouter.check?.credit?.currency).to.equal('USD');
  });

  it('Gemini: model names without models/, asked for in one page of up to 1000', async () => {
    const gemini = byId('gemini');
    const result = await checkLive(gemini, testKeys.gemini.VALID, context(gemini), en);
    expect(result.ok && result.check?.models).to.deep.equal(['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.0-flash', 'gemini-embedding-001']);
    expect((await lastRequest()).query).to.deep.equal({ pageSize: '1000' });
  });

  it('gives up after 10 s without an answer (Mistral), on a clock the test controls', async () => {
    // Let 10 s pass in 50 ms, and record that 10 s was asked for.
    const { delays, restore } = fastLongTimeouts();
    try {
      const mistral = byId('mistral');
      const { signal: _, ...ctx } = context(mistral);
      const result = await verifyKey(testKeys.mistral.HANG, { preset: mistral, context: ctx, strings: en, signal: new AbortController().signal });
      expect(delays).to.deep.equal([10_000]);
      expect(result).to.deep.equal({ ok: false, unreachable: true, message: unconfirmed(en.reasonTimeout({ seconds: 10 }))('Mistral AI') });
    } finally {
      restore();
    }
  });
});
