// "Check key" and "Default model" (contract section 6): the check runs without saving, its
// outcome is shown beside the key field and announced; a Save right after a passing check asks
// nothing again; an answer for an old key never shows for a new one; Cancel, Escape and
// close() abort it; rate-limited and out-of-credit keys are real keys; the models a check
// listed are offered as choices, never chosen silently.
import { expect, html, waitUntil } from '@open-wc/testing';
import type { CheckResult, CredentialOverlay, CredentialSavedEvent, VerifyResult } from '../src/index.js';
import { button, description, errorOf, field, openOverlay, paste, record, sendKeys, settle, spyFetch } from './helpers.js';
import { keys } from './keys.js';
import { testKeys } from './test-keys.mjs';
import '../src/providers/openrouter.js';

const outcome = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[part="check-outcome"]')?.textContent?.trim() ?? '';
const status = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const checkButton = (el: CredentialOverlay) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="check-button"]')!;

/** A verifier whose answers the test gives, one per call, in order. */
function controlled() {
  const calls: Array<{ key: string; signal: AbortSignal; answer: (r: VerifyResult) => void }> = [];
  let started: (() => void) | undefined;
  const verifier = (key: string, ctx: { signal: AbortSignal }) =>
    new Promise<VerifyResult>((resolve) => {
      calls.push({ key, signal: ctx.signal, answer: resolve });
      started?.();
    });
  return { calls, verifier, next: () => new Promise<void>((r) => (started = r)) };
}

const valid = (extra: Partial<CheckResult> = {}): VerifyResult => ({ ok: true, check: { status: 'valid', checkedAt: '2026-12-06T10:00:00.000Z', ...extra } });

async function overlay(template = html`<credential-overlay verify credential-name="Prod"></credential-overlay>`) {
  return openOverlay(template);
}

describe('Check key', () => {
  it('is a button beside the key field with verify, and absent without', async () => {
    const plain = await openOverlay(html`<credential-overlay></credential-overlay>`);
    expect(plain.shadowRoot!.querySelector('[part="check-button"]')).to.equal(null);
    const el = await overlay();
    expect(button(el, 'Check key')).to.equal(checkButton(el));
  });

  it('checks without saving: the outcome shows beside the key field, as its description, and is announced', async () => {
    const el = await overlay();
    const c = controlled();
    el.verifier = c.verifier;
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    paste(field(el, 'API Key Value'), keys.project);
    const started = c.next();
    button(el, 'Check key').click();
    await started;
    await el.updateComplete;
    expect(checkButton(el).textContent!.trim()).to.equal('Checking…');
    expect(status(el)).to.equal('Checking the key with OpenAI…');
    c.calls[0].answer(valid({ models: ['gpt-4o', 'gpt-4o-mini', 'o3'], credit: { limit: 10, remaining: 6.8, used: 3.2 } }));
    await settle();
    await el.updateComplete;
    expect(outcome(el)).to.equal('Valid key · 3 models · 6.8 of 10 left');
    expect(description(el, field(el, 'API Key Value'))).to.include('Valid key · 3 models');
    expect(status(el)).to.equal('Valid key · 3 models · 6.8 of 10 left');
    expect(saved).to.have.length(0);
    expect(el.open).to.equal(true);
  });

  it('formats credit in the preset\'s currency and the page\'s language', async () => {
    const el = await openOverlay(html`<credential-overlay verify provider="openrouter" lang="de"></credential-overlay>`);
    el.verifier = async () => valid({ credit: { limit: 10, remaining: 6.8, used: 3.2 } });
    paste(field(el, 'API Key Value'), testKeys.openrouter.VALID);
    checkButton(el).click();
    await settle();
    await el.updateComplete;
    const money = (n: number) => new Intl.NumberFormat('de', { style: 'currency', currency: 'USD' }).format(n);
    expect(outcome(el)).to.include(money(6.8)).and.to.include(money(10));
  });

  it('lets a Save right after a passing check emit without asking again, with verified and the check', async () => {
    const el = await overlay(html`<credential-overlay verify credential-name="Prod" base-url=${`${location.origin}/mock/openai/v1`}></credential-overlay>`);
    const spy = spyFetch();
    try {
      paste(field(el, 'API Key Value'), testKeys.openai.VALID);
      const first = spy.next();
      button(el, 'Check key').click();
      await first;
      await spy.ended();
      // The answer is read and shown some tasks after the request ends (a busy engine takes more).
      await waitUntil(() => /^Valid key/.test(outcome(el)), 'the outcome "Valid key"', { timeout: 4000 });
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      button(el, 'Save').click();
      await settle();
      expect(spy.requests, 'one request in all').to.have.length(1);
      expect(saved).to.have.length(1);
      expect(saved[0].detail.verified).to.equal(true);
      expect(saved[0].detail.check).to.include({ status: 'valid' });
      expect(saved[0].detail.check!.models).to.be.an('array');
    } finally {
      spy.restore();
    }
  });

  it('asks again when the key changed since the check', async () => {
    const el = await overlay();
    const seen: string[] = [];
    el.verifier = async (key) => (seen.push(key), valid());
    paste(field(el, 'API Key Value'), keys.project);
    button(el, 'Check key').click();
    await settle();
    paste(field(el, 'API Key Value'), keys.serviceAccount);
    await el.updateComplete;
    expect(outcome(el), 'the outcome of the old key is gone').to.equal('');
    button(el, 'Save').click();
    await settle();
    expect(seen).to.deep.equal([keys.project, keys.serviceAccount]);
  });

  it("asks again when a field the check sends changed (a host's verifier gets every field)", async () => {
    const el = await overlay();
    const seen: string[] = [];
    el.verifier = async (_key, ctx) => (seen.push(ctx.fields.project), valid());
    paste(field(el, 'API Key Value'), keys.project);
    button(el, 'Check key').click();
    await settle();
    el.shadowRoot!.querySelector('details')!.open = true;
    paste(field(el, 'Project ID'), 'proj_Abc123');
    await el.updateComplete;
    expect(outcome(el)).to.equal('');
    button(el, 'Save').click();
    await settle();
    expect(seen).to.deep.equal(['', 'proj_Abc123']);
  });

  it('never shows a slow answer for an old key once the key changed', async () => {
    const el = await overlay();
    const c = controlled();
    el.verifier = c.verifier;
    paste(field(el, 'API Key Value'), keys.project);
    let started = c.next();
    button(el, 'Check key').click();
    await started;
    paste(field(el, 'API Key Value'), keys.serviceAccount);
    expect(c.calls[0].signal.aborted, 'the old check is aborted').to.equal(true);
    await el.updateComplete;
    expect(checkButton(el).textContent!.trim()).to.equal('Check key');
    started = c.next();
    button(el, 'Check key').click();
    await started;
    c.calls[1].answer(valid({ models: ['new-model'] }));
    await settle();
    // The old key's answer comes last, and changes nothing.
    c.calls[0].answer({ ok: false, message: 'The key was refused by OpenAI.' });
    await settle();
    await el.updateComplete;
    expect(outcome(el)).to.equal('Valid key · 1 model');
    expect(errorOf(el, field(el, 'API Key Value'))).to.equal('');
  });

  for (const [how, act] of [
    ['Cancel', (el: CredentialOverlay) => button(el, 'Cancel').click()],
    ['Escape', () => sendKeys({ press: 'Escape' })],
    ['close()', (el: CredentialOverlay) => el.close()],
  ] as const) {
    it(`is aborted by ${how}`, async () => {
      const el = await overlay();
      const c = controlled();
      el.verifier = c.verifier;
      paste(field(el, 'API Key Value'), keys.project);
      const started = c.next();
      button(el, 'Check key').click();
      await started;
      if (how === 'Escape') field(el, 'API Key Value').focus();
      await act(el);
      expect(c.calls[0].signal.aborted).to.equal(true);
      expect(el.open).to.equal(false);
      c.calls[0].answer(valid());
      await settle();
      await el.show();
      expect(outcome(el)).to.equal('');
    });
  }

  it('shows a refused key on the key field, and "could not be confirmed" beside it', async () => {
    const el = await overlay();
    paste(field(el, 'API Key Value'), keys.project);
    el.verifier = async () => ({ ok: false, message: 'OpenAI refused this key.' });
    button(el, 'Check key').click();
    await settle();
    await el.updateComplete;
    expect(errorOf(el, field(el, 'API Key Value'))).to.equal('OpenAI refused this key.');
    el.verifier = async () => ({ ok: false, unreachable: true, message: 'The key could not be confirmed with OpenAI: too many requests right now.' });
    paste(field(el, 'API Key Value'), keys.serviceAccount);
    button(el, 'Check key').click();
    await settle();
    await el.updateComplete;
    expect(outcome(el)).to.equal('The key could not be confirmed with OpenAI: too many requests right now.');
  });

  it('validates the key first, as Save would, and asks nothing for a bad one', async () => {
    const el = await overlay();
    const c = controlled();
    el.verifier = c.verifier;
    button(el, 'Check key').click();
    await el.updateComplete;
    expect(errorOf(el, field(el, 'API Key Value'))).to.equal('Paste your OpenAI API key.');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'API Key Value'));
    paste(field(el, 'API Key Value'), 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv');
    button(el, 'Check key').click();
    await el.updateComplete;
    expect(errorOf(el, field(el, 'API Key Value'))).to.match(/^This looks like a key from Anthropic/);
    expect(c.calls).to.have.length(0);
  });

  it('runs from the keyboard: Tab to it, Enter', async () => {
    const el = await overlay();
    el.verifier = async () => valid();
    paste(field(el, 'API Key Value'), keys.project);
    field(el, 'API Key Value').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(checkButton(el));
    await sendKeys({ press: 'Enter' });
    await settle();
    await el.updateComplete;
    expect(outcome(el)).to.equal('Valid key');
    expect(el.open, 'Enter on Check key is not Save').to.equal(true);
  });

  it('is axe-clean with an outcome and with a failure', async () => {
    const el = await overlay();
    el.verifier = async () => valid({ models: ['a'] });
    paste(field(el, 'API Key Value'), keys.project);
    button(el, 'Check key').click();
    await settle();
    await expect(el).to.be.accessible();
    el.verifier = async () => ({ ok: false, unreachable: true, message: 'The key could not be confirmed.' });
    paste(field(el, 'API Key Value'), keys.admin);
    button(el, 'Check key').click();
    await settle();
    await expect(el).to.be.accessible();
  });
});

describe('rate-limited and out-of-credit keys are real keys', () => {
  for (const state of ['limited', 'no-credit'] as const) {
    it(`a Save whose check finds the key ${state} emits verified, with the status`, async () => {
      const el = await overlay();
      el.verifier = async () => ({ ok: true, check: { status: state, checkedAt: '2026-12-06T10:00:00.000Z' } });
      paste(field(el, 'API Key Value'), keys.project);
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      button(el, 'Save').click();
      await settle();
      expect(saved).to.have.length(1);
      expect(saved[0].detail.verified).to.equal(true);
      expect(saved[0].detail.check).to.deep.equal({ status: state, checkedAt: '2026-12-06T10:00:00.000Z' });
      expect(el.shadowRoot!.querySelector('[part="skip-button"]')).to.equal(null);
    });
  }

  it('says so in words after Check key', async () => {
    const el = await overlay();
    el.verifier = async () => ({ ok: true, check: { status: 'no-credit', checkedAt: '2026-12-06T10:00:00.000Z' } });
    paste(field(el, 'API Key Value'), keys.project);
    button(el, 'Check key').click();
    await settle();
    await el.updateComplete;
    expect(outcome(el)).to.equal('Valid key · no credit left');
  });

  it('treats a verifier that passes without a check as valid, and cleans what a verifier says', async () => {
    const el = await overlay();
    el.verifier = async () => ({ ok: true, check: { status: 'great', models: 'all', credit: { remaining: '5' } } as unknown as CheckResult });
    paste(field(el, 'API Key Value'), keys.project);
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    button(el, 'Save').click();
    await settle();
    const check = saved[0].detail.check!;
    expect(check.status).to.equal('valid');
    expect(check.models).to.equal(undefined);
    expect(check.credit).to.equal(undefined);
    expect(Number.isNaN(new Date(check.checkedAt).getTime())).to.equal(false);
  });
});

describe('Default model (choose-model)', () => {
  it('is an optional text field, in fields.model; any text is allowed', async () => {
    const el = await openOverlay(html`<credential-overlay choose-model credential-name="Prod"></credential-overlay>`);
    const model = field(el, 'Default model') as HTMLInputElement;
    expect(model.type).to.equal('text');
    expect(model.required).to.equal(false);
    paste(field(el, 'API Key Value'), keys.project);
    paste(model, 'my-fine-tune:v2');
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    button(el, 'Save').click();
    expect(saved[0].detail.fields).to.deep.equal({ organization: '', project: '', model: 'my-fine-tune:v2' });
    expect(saved[0].detail.changed).to.include('model');
  });

  it('offers the models a check listed, the first as a suggestion, never chosen silently', async () => {
    const el = await openOverlay(html`<credential-overlay verify choose-model credential-name="Prod"></credential-overlay>`);
    el.verifier = async () => valid({ models: ['gpt-4o', 'gpt-4o-mini', '<b>odd</b>'] });
    const model = field(el, 'Default model') as HTMLInputElement;
    expect(model.list).to.equal(null);
    paste(field(el, 'API Key Value'), keys.project);
    button(el, 'Check key').click();
    await settle();
    await el.updateComplete;
    expect(model.list, 'a list of choices').to.not.equal(null);
    expect([...model.list!.options].map((o) => o.value)).to.deep.equal(['gpt-4o', 'gpt-4o-mini', '<b>odd</b>']);
    expect(model.list!.querySelector('b')).to.equal(null);
    expect(model.placeholder).to.equal('gpt-4o');
    expect(model.value).to.equal('');
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    button(el, 'Save').click();
    await settle();
    expect(saved[0].detail.fields.model).to.equal('');
  });

  it('keeps a list of 1,000 models as choices', async () => {
    const el = await openOverlay(html`<credential-overlay verify choose-model credential-name="Prod"></credential-overlay>`);
    const ids = Array.from({ length: 1000 }, (_, i) => `model-${i}`);
    el.verifier = async () => valid({ models: ids });
    paste(field(el, 'API Key Value'), keys.project);
    button(el, 'Check key').click();
    const model = field(el, 'Default model') as HTMLInputElement;
    // They come a few hundred a frame.
    await waitUntil(() => model.list?.options.length === 1000, 'all 1,000 choices', { timeout: 3000 });
    expect([...model.list!.options].map((o) => o.value)).to.deep.equal(ids);
  });
});
