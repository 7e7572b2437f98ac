import { expect, html, waitUntil } from '@open-wc/testing';
import { CredentialOverlay, type CredentialSavedEvent, type VerifyContext } from '../src/index.js';
import '../src/providers/anthropic.js';
import '../src/providers/openrouter.js';
import { button, description, dialog, errorOf, expectFocus, expectSaving, fastLongTimeouts, field, fill, openOverlay, paste, record, sendKeys, settle, spyFetch } from './helpers.js';
import { filler } from './keys.js';
import { MOCK_MODELS, testKeys } from './test-keys.mjs';

// A session of this page's own: engines run in parallel against the same mock.
const SESSION = `s${Math.random().toString(36).slice(2)}`;
const MOCK = `${location.origin}/mock/${SESSION}/openai/v1`;
const key = (marker: string) => `sk-proj-${marker}-${filler(40)}T3BlbkFJ${filler(20)}`;
const lastRequest = async () => (await fetch(`/mock/last-request?session=${SESSION}`)).json();

async function verifying(marker: string, attrs = html``) {
  void attrs;
  const el = await openOverlay(html`<credential-overlay verify base-url=${MOCK}></credential-overlay>`);
  fill(el, { name: 'Prod', key: key(marker) });
  return el;
}

/** Presses Save and waits until the check is over. */
async function saveAndSettle(el: CredentialOverlay) {
  button(el, 'Save').click();
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the check ends', { timeout: 4000 });
  await el.updateComplete;
}

const alertText = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();
const skipButton = (el: CredentialOverlay) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Save without checking');

describe('live verification (OpenAI, against a local mock of /models)', () => {
  it('emits verified: true on 200, with the Bearer header, and what the check learned', async () => {
    const el = await verifying('VALID');
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    await saveAndSettle(el);
    expect(saved).to.have.length(1);
    expect(saved[0].detail.verified).to.equal(true);
    const { status, models, checkedAt } = saved[0].detail.check!;
    expect({ status, models }).to.deep.equal({ status: 'valid', models: MOCK_MODELS.openai });
    expect(Date.parse(checkedAt)).to.be.closeTo(Date.now(), 60_000);
    expect(await lastRequest()).to.include({ provider: 'openai', method: 'GET', scheme: 'bearer', organization: null, project: null });
    expect(dialog(el).open).to.equal(false);
  });

  it('sends OpenAI-Organization and OpenAI-Project when those fields are filled', async () => {
    const el = await verifying('VALID');
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    el.shadowRoot!.querySelector('details')!.open = true;
    paste(field(el, 'Organization ID'), 'org-AbC123');
    paste(field(el, 'Project ID'), 'proj_XyZ789');
    await saveAndSettle(el);
    expect(await lastRequest()).to.include({ organization: 'org-AbC123', project: 'proj_XyZ789' });
    expect(saved[0].detail).to.include({ organization: 'org-AbC123', project: 'proj_XyZ789', verified: true });
  });

  it('shows a rejected key on the key field, in plain words, and emits nothing', async () => {
    const el = await verifying('REVOKED');
    const saved = record(el, 'credential-saved');
    await saveAndSettle(el);
    expect(saved).to.have.length(0);
    const keyField = field(el, 'API Key Value');
    expect(keyField.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, keyField)).to.match(/^OpenAI did not accept this key: Incorrect API key provided/);
    expect(description(el, keyField)).not.to.include(key('REVOKED').slice(8, 30));
    expectFocus(keyField);
    expect(skipButton(el)).to.equal(undefined);
    expect(keyField.value).to.equal(key('REVOKED'));
  });

  // OpenAI documents these two 429s: the key is real, rate-limited right now or out of credit.
  for (const [marker, status, code] of [
    ['RATE', 'limited', 'rate_limit_exceeded'],
    ['QUOTA', 'no-credit', 'insufficient_quota'],
  ] as const) {
    it(`a 429 ${code} is a real key: emits verified: true with check.status ${status}, never "could not be confirmed"`, async () => {
      const el = await verifying(marker);
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      await saveAndSettle(el);
      expect(saved).to.have.length(1);
      expect(saved[0].detail.verified).to.equal(true);
      expect(saved[0].detail.check).to.include({ status });
      expect(saved[0].detail.check).not.to.have.property('models');
      expect(skipButton(el)).to.equal(undefined);
      expect(field(el, 'API Key Value').hasAttribute('aria-invalid')).to.equal(false);
      expect(dialog(el).open).to.equal(false);
    });
  }

  const unconfirmed: Array<[string, string, RegExp]> = [
    ['a restricted key (401 missing scopes)', 'SCOPES', /may not list models/],
    ['403', 'FORBID', /may not list models/],
    ['5xx', 'DOWN', /answered with an error \(503\)/],
    ['a malformed reply', 'GARBLED', /its answer could not be read/],
  ];
  for (const [name, marker, reason] of unconfirmed) {
    it(`cannot confirm on ${name}: says why and offers "Save without checking"`, async () => {
      const el = await verifying(marker);
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      await saveAndSettle(el);
      expect(saved).to.have.length(0);
      expect(alertText(el)).to.match(/^The key could not be confirmed with OpenAI: /);
      expect(alertText(el)).to.match(reason);
      expect(field(el, 'API Key Value').hasAttribute('aria-invalid')).to.equal(false);
      skipButton(el)!.click();
      expect(saved).to.have.length(1);
      expect(saved[0].detail.verified).to.equal(false);
    });
  }

  it('cannot confirm on a 429 that the preset does not declare (OpenRouter: its rate limits may answer before the key is read)', async () => {
    const el = await openOverlay(html`<credential-overlay provider="openrouter" verify base-url=${`${location.origin}/mock/${SESSION}/openrouter/api/v1`}></credential-overlay>`);
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { name: 'Router', key: testKeys.openrouter.RATE });
    await saveAndSettle(el);
    expect(saved).to.have.length(0);
    expect(alertText(el)).to.equal('The key could not be confirmed with OpenRouter: too many requests right now. Try again, or save it without checking.');
    skipButton(el)!.click();
    expect(saved[0].detail).to.include({ verified: false, check: null });
  });

  it('cannot confirm on a network or CORS failure', async () => {
    const el = await openOverlay(html`<credential-overlay verify base-url="http://127.0.0.1:9/v1"></credential-overlay>`);
    fill(el, { key: key('VALID') });
    await saveAndSettle(el);
    expect(alertText(el)).to.match(/the request did not get through/);
    expect(skipButton(el)).to.not.equal(undefined);
  });

  it('gives up after 10 s without an answer', async () => {
    // Let 10 s pass in 50 ms, and record that 10 s was asked for.
    const { delays, restore } = fastLongTimeouts();
    try {
      const el = await verifying('HANG');
      await saveAndSettle(el);
      expect(delays).to.deep.equal([10_000]);
      expect(alertText(el)).to.match(/no answer within 10 seconds/);
      expect(skipButton(el)).to.not.equal(undefined);
    } finally {
      restore();
    }
  });

  it('is busy while checking; Cancel aborts and closes as a cancel, and nothing is emitted afterwards', async () => {
    const el = await verifying('HANG');
    const saved = record(el, 'credential-saved');
    const cancels = record(el, 'credential-cancel');
    const spy = spyFetch();
    const started = spy.next();
    button(el, 'Save').click();
    await started;
    spy.restore();
    await el.updateComplete;
    expectSaving(el, 'Checking…');
    expect(el.shadowRoot!.querySelector('[part="progress"]')!.textContent).to.include('Checking the key with OpenAI');
    expect(button(el, 'Cancel').disabled).to.equal(false);
    button(el, 'Cancel').click();
    expect(dialog(el).open).to.equal(false);
    // The aborted request has ended: anything it could still cause has run.
    await spy.ended();
    await settle();
    expect(saved).to.have.length(0);
    expect(cancels.map((e) => e.detail.source)).to.deep.equal(['cancel-button']);
  });

  it('Escape aborts the check and cancels', async () => {
    const el = await verifying('HANG');
    const cancels = record(el, 'credential-cancel');
    button(el, 'Save').click();
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    expect(dialog(el).open).to.equal(false);
    expect(cancels.map((e) => e.detail.source)).to.deep.equal(['escape']);
  });

  for (const [how, act] of [
    ['close()', (el: CredentialOverlay) => el.close()],
    ['removal', (el: CredentialOverlay) => el.remove()],
  ] as const) {
    it(`${how} aborts the check; nothing is emitted`, async () => {
      let signal: AbortSignal | undefined;
      let answer!: (r: { ok: true }) => void;
      const el = await verifying('VALID');
      el.verifier = (_key, ctx) => {
        signal = ctx.signal;
        return new Promise((r) => (answer = r));
      };
      const saved = record(el, 'credential-saved');
      const cancels = record(el, 'credential-cancel');
      button(el, 'Save').click();
      act(el);
      expect(signal?.aborted).to.equal(true);
      // The verifier answers after all (it ignored the signal): nothing may come of it.
      answer({ ok: true });
      await settle();
      expect(saved).to.have.length(0);
      expect(cancels).to.have.length(0);
    });
  }

  it('does not check without the verify attribute', async () => {
    const el = await openOverlay(html`<credential-overlay base-url=${MOCK}></credential-overlay>`);
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    let called = false;
    el.verifier = async () => ((called = true), { ok: true });
    fill(el, { key: key('REVOKED') });
    button(el, 'Save').click();
    expect(called).to.equal(false);
    expect(saved[0].detail.verified).to.equal(false);
  });

  it('ignores a base-url that is not https or loopback, with one warning', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      for (const url of ['http://evil.example/v1', 'javascript:alert(1)', 'ftp://127.0.0.1/']) {
        const el = await openOverlay(html`<credential-overlay base-url=${url}></credential-overlay>`, false);
        expect(el.baseUrl).to.equal('https://api.openai.com/v1');
      }
      expect(warnings).to.have.length(3);
      const el = await openOverlay(html`<credential-overlay base-url="http://[::1]:8080/v1"></credential-overlay>`, false);
      expect(el.baseUrl).to.equal('http://[::1]:8080/v1');
    } finally {
      console.warn = warn;
    }
  });
});

describe('verifier property', () => {
  async function withVerifier(verifier: CredentialOverlay['verifier']) {
    const el = await openOverlay(html`<credential-overlay verify base-url=${MOCK}></credential-overlay>`);
    el.verifier = verifier;
    fill(el, { key: key('ANY') });
    return el;
  }

  it('replaces the built-in check and gets the key and its context', async () => {
    let seen: [string, Omit<VerifyContext, 'signal'> & { signal: unknown }] | undefined;
    const el = await withVerifier(async (k, ctx) => {
      seen = [k, { ...ctx, signal: ctx.signal instanceof AbortSignal }];
      return { ok: true };
    });
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    await saveAndSettle(el);
    expect(seen).to.deep.equal([
      key('ANY'),
      {
        provider: 'openai',
        baseUrl: MOCK,
        organization: '',
        project: '',
        fields: { organization: '', project: '' },
        mode: 'add',
        keyChanged: true,
        signal: true,
      },
    ]);
    expect(saved[0].detail.verified).to.equal(true);
    // A verifier that tells nothing more: a plain pass, checked now.
    expect(saved[0].detail.check).to.include({ status: 'valid' }).and.not.to.have.property('models');
  });

  it('shows a rejection on the key field (masked)', async () => {
    const el = await withVerifier(async (k) => ({ ok: false, message: `Our server refused ${k}` }));
    await saveAndSettle(el);
    expect(errorOf(el, field(el, 'API Key Value'))).to.equal('Our server refused sk-…');
  });

  it('treats unreachable and a throw as "could not confirm"', async () => {
    let el = await withVerifier(async () => ({ ok: false, message: 'Our server is down', unreachable: true }));
    await saveAndSettle(el);
    expect(alertText(el)).to.equal('Our server is down');
    expect(skipButton(el)).to.not.equal(undefined);

    el = await withVerifier(async () => {
      throw new Error('boom');
    });
    await saveAndSettle(el);
    expect(alertText(el)).to.equal('The key could not be confirmed with OpenAI: the check failed. Try again, or save it without checking.');
  });
});

describe('Advanced fields (OpenAI)', () => {
  it('sits collapsed behind a disclosure named "Advanced"', async () => {
    const el = await openOverlay();
    const details = el.shadowRoot!.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent!.trim()).to.equal('Advanced');
    expect(field(el, 'Organization ID').closest('details')).to.equal(details);
    expect(field(el, 'Project ID').closest('details')).to.equal(details);
  });

  it('checks their shape on Save, opens the disclosure and focuses the field', async () => {
    const el = await openOverlay();
    fill(el, { key: key('X') });
    paste(field(el, 'Organization ID'), 'acme');
    paste(field(el, 'Project ID'), 'proj-123');
    button(el, 'Save').click();
    await el.updateComplete;
    const org = field(el, 'Organization ID');
    expect(el.shadowRoot!.querySelector('details')!.open).to.equal(true);
    expectFocus(org);
    expect(description(el, org)).to.equal(
      'Organization ID starts with org- followed by letters and digits, e.g. org-A1b2C3. Copy it from your settings, or leave it empty.',
    );
    expect(description(el, field(el, 'Project ID'))).to.match(/^Project ID starts with proj_/);
  });

  it('reports them trimmed in the detail, "" when empty, and collapses again on close', async () => {
    const el = await openOverlay();
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { key: key('X') });
    paste(field(el, 'Organization ID'), ' org-9z ');
    button(el, 'Save').click();
    expect(saved[0].detail).to.include({ organization: 'org-9z', project: '' });
    expect(el.shadowRoot!.querySelector('details')!.open).to.equal(false);
  });
});

describe('Anthropic preset (credential-overlay/providers/anthropic)', () => {
  const anthropicKey = (marker: string) => `sk-ant-api03-${marker}-${filler(80)}AA`;

  it('shows its label, header and docs, and no Advanced fields', async () => {
    const el = await openOverlay(html`<credential-overlay provider="anthropic"></credential-overlay>`);
    expect(el.shadowRoot!.querySelector('[part="provider"]')!.textContent!.trim()).to.equal('Anthropic');
    expect(description(el, field(el, 'API Key Value'))).to.include('x-api-key: {api_key}');
    expect(el.shadowRoot!.querySelector('a')!.href).to.equal('https://console.anthropic.com/settings/keys');
    expect(el.shadowRoot!.querySelector('details')).to.equal(null);
  });

  it('names an OpenAI key pasted into it, and accepts its own keys', async () => {
    const el = await openOverlay(html`<credential-overlay provider="anthropic"></credential-overlay>`);
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { key: key('X') });
    button(el, 'Save').click();
    await el.updateComplete;
    expect(errorOf(el, field(el, 'API Key Value'))).to.equal(
      'This looks like a key from OpenAI (sk-proj-). Paste your Anthropic key; it starts with sk-ant-.',
    );
    paste(field(el, 'API Key Value'), `ANTHROPIC_API_KEY=${anthropicKey('X')}`);
    button(el, 'Save').click();
    expect(saved[0].detail).to.include({
      provider: 'anthropic',
      apiKey: anthropicKey('X'),
      keyType: 'api',
      keyHint: `sk-ant-api03-…${anthropicKey('X').slice(-4)}`,
    });
  });

  it('checks live with x-api-key, anthropic-version and direct browser access', async () => {
    const el = await openOverlay(html`<credential-overlay provider="anthropic" verify
      base-url=${`${location.origin}/mock/${SESSION}/anthropic/v1`}></credential-overlay>`);
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { key: anthropicKey('VALID') });
    await saveAndSettle(el);
    expect(await lastRequest()).to.include({
      provider: 'anthropic',
      scheme: 'x-api-key',
      anthropicVersion: '2023-06-01',
      directBrowserAccess: 'true',
    });
    expect(saved[0].detail.verified).to.equal(true);

    const el2 = await openOverlay(html`<credential-overlay provider="anthropic" verify
      base-url=${`${location.origin}/mock/${SESSION}/anthropic/v1`}></credential-overlay>`);
    fill(el2, { key: anthropicKey('REVOKED') });
    await saveAndSettle(el2);
    expect(errorOf(el2, field(el2, 'API Key Value'))).to.equal('Anthropic did not accept this key: invalid x-api-key');
  });
});

describe('registerProvider', () => {
  it("adds a host's own preset as data", async () => {
    CredentialOverlay.registerProvider({
      id: 'acme',
      label: 'Acme AI',
      docsUrl: 'https://acme.example/keys',
      baseUrl: 'https://api.acme.example',
      authHeader: 'X-Acme-Key: {api_key}',
      key: { prefix: 'acme_', minBodyLength: 8, maxLength: 64, alphabet: 'a-z0-9_', envNames: ['ACME_KEY'], types: [], fallbackType: 'standard', foreign: [] },
    });
    const el = await openOverlay(html`<credential-overlay provider="acme"></credential-overlay>`);
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { key: 'ACME_KEY=acme_abcdefgh12' });
    button(el, 'Save').click();
    expect(saved[0].detail).to.include({ provider: 'acme', apiKey: 'acme_abcdefgh12', keyType: 'standard', keyHint: 'acme_…gh12' });
  });
});
