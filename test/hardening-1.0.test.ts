// The attacker's review of 1.0 (the new surfaces: edit mode's addresses, Check key, models,
// connect, tiles), each finding as a test that failed before its fix.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/picker.js';
import '../src/providers/groq.js';
import '../src/providers/openrouter.js';
import '../src/providers/openai-compatible.js';
import type { CredentialOverlay, CredentialSavedEvent, VerifyResult } from '../src/index.js';
import type { CredentialPicker, CredentialSummary } from '../src/picker.js';
import { button, errorOf, field, findLeaks, openOverlay, paste, record, settle, stubWindowOpen, type StandIn } from './helpers.js';
import { keys } from './keys.js';

const checked = (models: unknown, extra = {}): VerifyResult => ({ ok: true, check: { status: 'valid', models: models as string[], checkedAt: '2026-12-06T10:00:00.000Z', ...extra } });

describe('edit mode: another preset or API base while open needs the key again', () => {
  const editing = () =>
    openOverlay(html`<credential-overlay verify credential-id="c1" existing-key-hint="sk-proj-…x9Qz" credential-name="Prod"></credential-overlay>`);

  for (const [what, move] of [
    ['a provider switch', (el: CredentialOverlay) => void (el.provider = 'groq')],
    ['a base-url change', (el: CredentialOverlay) => void (el.baseUrl = 'https://evil.example/v1')],
  ] as const) {
    it(`${what}: Save with the key empty emits nothing and calls no verifier`, async () => {
      const el = await editing();
      const calls: unknown[] = [];
      el.verifier = async (key, ctx) => (calls.push({ key, provider: ctx.provider, baseUrl: ctx.baseUrl }), { ok: true });
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      move(el);
      await el.updateComplete;
      expect((field(el, 'API Key Value') as HTMLInputElement).required).to.equal(true);
      button(el, 'Save').click();
      await settle();
      expect(calls).to.deep.equal([]);
      expect(saved).to.have.length(0);
      expect(errorOf(el, field(el, 'API Key Value'))).to.equal('The key will be sent to a new address: enter it again.');
    });
  }
});

describe('connect: an answer only where and when it was asked for', () => {
  let stub: ReturnType<typeof stubWindowOpen>;
  let popups: StandIn[];
  beforeEach(() => {
    stub = stubWindowOpen();
    popups = stub.opened;
  });
  afterEach(() => stub.restore());

  const overlay = (attrs = html``) =>
    openOverlay(html`<credential-overlay provider="openrouter" credential-name="R" connect-callback=${`${location.origin}/connect-callback.html`}
      connect-url=${`${location.origin}/mock/openrouter/auth`} base-url=${`${location.origin}/mock/openrouter/api/v1`}>${attrs}</credential-overlay>`);
  const connect = async (el: CredentialOverlay) => {
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="connect-button"]')!.click();
    await waitUntil(() => popups.at(-1)?.url, 'the provider page', { timeout: 4000 });
    return new URL(new URL(popups.at(-1)!.url).searchParams.get('callback_url')!).searchParams.get('state')!;
  };
  const answer = (state: string, code = 'code-1') => {
    const channel = new BroadcastChannel('credential-overlay-connect');
    channel.postMessage({ type: 'credential-overlay/connect', state, code });
    channel.close();
  };

  it('cuts the opener of the provider window, and closes it when Cancel comes right after the click', async () => {
    const el = await overlay();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="connect-button"]')!.click();
    expect(popups[0].opener).to.equal(null);
    button(el, 'Cancel').click();
    await waitUntil(() => popups[0].closed, 'the window closed', { timeout: 2000 });
  });

  it('abandons the attempt when the provider changes: its key never lands in another preset', async () => {
    const el = await overlay();
    const state = await connect(el);
    el.provider = 'openai-compatible';
    await el.updateComplete;
    expect(popups[0].closed).to.equal(true);
    answer(state);
    await settle();
    expect((field(el, 'API Key Value') as HTMLInputElement).value).to.equal('');
  });

  it('refuses a key that arrives while a Save is checking another, and Save is usable again', async () => {
    const el = await overlay();
    el.verify = true;
    let finish!: (r: VerifyResult) => void;
    el.verifier = () => new Promise((r) => (finish = r));
    const state = await connect(el);
    paste(field(el, 'API Key Value'), `sk-or-v1-${'ab12'.repeat(16)}`);
    button(el, 'Save').click();
    await el.updateComplete;
    // The exchange of this mock code fails at the mock, but nothing may even try while Save checks.
    answer(state);
    await settle();
    expect((field(el, 'API Key Value') as HTMLInputElement).value).to.equal(`sk-or-v1-${'ab12'.repeat(16)}`);
    finish({ ok: false, unreachable: true, message: 'The key could not be confirmed.' });
    await settle();
    await el.updateComplete;
    expect(button(el, 'Save').disabled).to.equal(false);
  });
});

describe('check results from elsewhere', () => {
  it('never offers a model id that holds the key or looks like one', async () => {
    const el = await openOverlay(html`<credential-overlay verify choose-model credential-name="P"></credential-overlay>`);
    el.verifier = async (key) => checked([key, `x${key}`, `sk-proj-${'A'.repeat(40)}`, 'gpt-4o']);
    paste(field(el, 'API Key Value'), keys.project);
    button(el, 'Check key').click();
    await settle();
    await el.updateComplete;
    const model = field(el, 'Default model') as HTMLInputElement;
    expect([...model.list!.options].map((o) => o.value)).to.deep.equal(['gpt-4o']);
    expect(findLeaks(keys.project)).to.deep.equal([]);
  });

  it('reads at most 10,000 entries of a host list: a sparse list of 200 million never holds the page', async () => {
    const el = await openOverlay(html`<credential-overlay verify credential-name="P"></credential-overlay>`);
    const huge: string[] = [];
    huge.length = 200_000_000;
    el.verifier = async () => checked(huge);
    paste(field(el, 'API Key Value'), keys.project);
    const t0 = performance.now();
    button(el, 'Check key').click();
    await settle();
    expect(performance.now() - t0).to.be.below(500);
  });

  it('cuts a message from elsewhere to 300 characters, after masking it', async () => {
    const el = await openOverlay(html`<credential-overlay verify credential-name="P"></credential-overlay>`);
    el.verifier = async () => ({ ok: false, message: `${'no '.repeat(666_667)}` });
    paste(field(el, 'API Key Value'), keys.project);
    button(el, 'Save').click();
    await settle();
    await el.updateComplete;
    expect(errorOf(el, field(el, 'API Key Value')).length).to.be.at.most(300);
  });

  it('keeps the choices while the user types a Default model, with a verifier', async () => {
    const el = await openOverlay(html`<credential-overlay verify choose-model credential-name="P"></credential-overlay>`);
    el.verifier = async () => checked(['m1', 'm2']);
    paste(field(el, 'API Key Value'), keys.project);
    button(el, 'Check key').click();
    await settle();
    paste(field(el, 'Default model'), 'm');
    await el.updateComplete;
    expect((field(el, 'Default model') as HTMLInputElement).list!.options).to.have.length(2);
  });
});

describe('tiles from a host', () => {
  it('show the others when one summary has a wrong type, and never "∞" credit', async () => {
    const list = [
      { id: 'a', name: 'Odd', description: 42, keyHint: 'sk-…AbCd' },
      { id: 'b', name: 'Router', provider: 'openrouter', keyHint: 'sk-or-v1-…abcd', check: { status: 'valid', credit: { limit: null, remaining: Number.POSITIVE_INFINITY, used: 0 }, checkedAt: '2026-12-06T10:00:00Z' } },
    ] as unknown as CredentialSummary[];
    const p = await fixture<CredentialPicker>(html`<credential-picker .credentials=${list}></credential-picker>`);
    const names = [...p.shadowRoot!.querySelectorAll('[part="name"]')].map((n) => n.textContent);
    expect(names).to.deep.equal(['Odd', 'Router']);
    expect(p.shadowRoot!.textContent).to.not.include('∞');
  });
});
