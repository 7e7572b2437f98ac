// Connect instead of paste (contract section 16), against the local mock of OpenRouter's two
// endpoints (test/mock-connect.mjs) and the demo's callback page (connect-callback.html). The
// provider's window is a stand-in that records where it was sent; the test then loads that
// page in a frame of this origin, as the popup would, and answers as a user: Allow or Deny.
// One test (Chromium) runs the real popup from a real key press.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../src/providers/openrouter.js';
import type { CredentialOverlay, CredentialSavedEvent } from '../src/index.js';
import { button, engine, engineName, fastLongTimeouts, skipBecause, field, findLeaks, openOverlay, record, sendKeys, settle, stubWindowOpen, type StandIn } from './helpers.js';

const origin = location.origin;
const callback = `${origin}/connect-callback.html`;
const message = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[part="connect-message"]')?.textContent?.trim() ?? '';
const received = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[part="key-received"]')?.textContent?.trim() ?? '';
const keyField = (el: CredentialOverlay) => field(el, 'API Key Value') as HTMLInputElement;

// The provider's window: a stand-in that records where it is sent (`opened`).
let stub: ReturnType<typeof stubWindowOpen>;
let opened: StandIn[] = [];
let frames: HTMLIFrameElement[] = [];
beforeEach(() => {
  stub = stubWindowOpen();
  opened = stub.opened;
});
afterEach(() => {
  stub.restore();
  frames.forEach((f) => f.remove());
  frames = [];
});

async function overlay(extra = '') {
  return openOverlay(html`<credential-overlay provider="openrouter" credential-name="Router" connect-callback=${callback}
    connect-url=${`${origin}/mock/openrouter/auth${extra}`} base-url=${`${origin}/mock/openrouter/api/v1`}></credential-overlay>`);
}

/** Clicks Connect and waits until the stand-in window was sent to the provider's page; returns that URL. */
async function connect(el: CredentialOverlay): Promise<URL> {
  // "Connect OpenRouter", or "Waiting for OpenRouter…" during an attempt: a click starts a new one.
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="connect-button"]')!.click();
  await waitUntil(() => opened.at(-1)?.url, 'the provider page', { timeout: 4000 });
  return new URL(opened.at(-1)!.url);
}

/** Loads `url` in a frame of this origin, as the popup would show it. */
async function frameAt(url: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frames.push(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Answers on the provider's page: Allow or Deny; resolves once the callback page has loaded. */
async function answer(url: URL, decision: 'Allow' | 'Deny'): Promise<HTMLIFrameElement> {
  const frame = await frameAt(url.href);
  const next = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  [...frame.contentDocument!.querySelectorAll('button')].find((b) => b.textContent === decision)!.click();
  await next;
  return frame;
}

describe('Connect OpenRouter', () => {
  it('shows "Connect OpenRouter" before the key field only with connect-callback and a preset that can connect', async () => {
    const plain = await openOverlay(html`<credential-overlay provider="openrouter"></credential-overlay>`);
    expect(plain.shadowRoot!.querySelector('[part="connect-button"]')).to.equal(null);
    const openai = await openOverlay(html`<credential-overlay connect-callback=${callback}></credential-overlay>`);
    expect(openai.shadowRoot!.querySelector('[part="connect-button"]')).to.equal(null);
    const el = await overlay();
    const connectButton = button(el, 'Connect OpenRouter');
    expect(connectButton.compareDocumentPosition(keyField(el)) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(keyField(el).disabled).to.equal(false);
  });

  it('asks the provider with a fresh S256 challenge and a one-time state in the callback URL', async () => {
    const el = await overlay();
    const first = await connect(el);
    expect(first.origin + first.pathname).to.equal(`${origin}/mock/openrouter/auth`);
    expect(first.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(first.searchParams.get('code_challenge')).to.match(/^[A-Za-z0-9_-]{43}$/);
    const back = new URL(first.searchParams.get('callback_url')!);
    expect(back.origin + back.pathname).to.equal(callback);
    expect(back.searchParams.get('state')).to.match(/^[A-Za-z0-9_-]{22}$/);
    const second = await connect(el);
    expect(second.searchParams.get('code_challenge')).to.not.equal(first.searchParams.get('code_challenge'));
    expect(new URL(second.searchParams.get('callback_url')!).searchParams.get('state')).to.not.equal(back.searchParams.get('state'));
    expect(opened[0].closed, 'a new attempt abandons the earlier one').to.equal(true);
  });

  it('puts the key into the key field, masked, says so with its hint, and Save emits keySource "connect"', async () => {
    const el = await overlay();
    const exchanged: string[] = [];
    const realFetch = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/auth/keys')) exchanged.push(String(init?.body));
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      const url = await connect(el);
      await answer(url, 'Allow');
      await waitUntil(() => keyField(el).value.startsWith('sk-or-v1-'), 'the key in the field', { timeout: 4000 });
      await el.updateComplete;
      const key = keyField(el).value;
      expect(keyField(el).type).to.equal('password');
      expect(received(el)).to.equal(`Key received from OpenRouter: sk-or-v1-…${key.slice(-4)}.`);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include('Key received from OpenRouter');
      expect(exchanged).to.have.length(1);
      const { code_verifier: verifier } = JSON.parse(exchanged[0]);
      expect(verifier).to.match(/^[A-Za-z0-9_-]{43}$/);
      const saved = record<CredentialSavedEvent>(el, 'credential-saved');
      button(el, 'Save').click();
      expect(saved).to.have.length(1);
      expect(saved[0].detail).to.include({ apiKey: key, keySource: 'connect', keyType: 'api', provider: 'openrouter' });
      // The verifier never left: not in the page, storage, the URL or any event; the state only in the callback URL.
      expect(findLeaks(verifier, [saved[0].detail])).to.deep.equal([]);
      expect(location.href).to.not.include('code=');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('is "typed" again once the user types over the received key', async () => {
    const el = await overlay();
    await answer(await connect(el), 'Allow');
    await waitUntil(() => keyField(el).value.startsWith('sk-or-v1-'), 'the key', { timeout: 4000 });
    const other = `sk-or-v1-${'ab12'.repeat(16)}`;
    keyField(el).value = other;
    keyField(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(received(el)).to.equal('');
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    button(el, 'Save').click();
    expect(saved[0].detail).to.include({ apiKey: other, keySource: 'typed' });
  });

  it('says so when the user denies access, and pasting still works', async () => {
    const el = await overlay();
    const frame = await answer(await connect(el), 'Deny');
    await waitUntil(() => message(el), 'a message', { timeout: 4000 });
    expect(message(el)).to.equal('OpenRouter did not give access (access_denied). Connect again, or paste the key.');
    // The callback page says so once the overlay's answer reaches it (the channel is asynchronous).
    await waitUntil(() => frame.contentDocument!.body.textContent!.includes('Connected'), 'the callback page says Connected', { timeout: 4000 });
    expect(keyField(el).value).to.equal('');
    expect(button(el, 'Connect OpenRouter')).to.not.equal(undefined);
  });

  for (const [mode, expected] of [
    ['fail', 'OpenRouter did not give a key (Internal server error). Connect again, or paste the key.'],
    ['nokey', 'OpenRouter did not give a key (200). Connect again, or paste the key.'],
  ] as const) {
    it(`says so when the exchange ${mode === 'fail' ? 'fails' : 'answers no key'}`, async () => {
      const el = await overlay(`?mock=${mode}`);
      await answer(await connect(el), 'Allow');
      await waitUntil(() => message(el), 'a message', { timeout: 4000 });
      expect(message(el)).to.equal(expected);
      expect(keyField(el).value).to.equal('');
    });
  }

  it("shows the key rule's message on the key field when the exchanged key breaks it", async () => {
    const el = await overlay('?mock=badkey');
    await answer(await connect(el), 'Allow');
    await waitUntil(() => keyField(el).getAttribute('aria-invalid') === 'true', 'the key error', { timeout: 4000 });
    expect(received(el)).to.equal('');
  });

  it('says so when the browser blocks the window', async () => {
    window.open = (() => null) as typeof window.open;
    const el = await overlay();
    button(el, 'Connect OpenRouter').click();
    await el.updateComplete;
    expect(message(el)).to.equal('The browser blocked the OpenRouter window. Allow pop-ups for this page and connect again, or paste the key.');
  });

  it('says so when the window is closed, and still takes the answer if one comes', async () => {
    const el = await overlay();
    const url = await connect(el);
    // Later than a provider's page cutting the opener (3 s): the user closed it.
    const realNow = Date.now;
    Date.now = () => realNow() + 5000;
    try {
      opened[0].closed = true;
      await waitUntil(() => message(el), 'a message', { timeout: 3000 });
    } finally {
      Date.now = realNow;
    }
    expect(message(el)).to.equal('The OpenRouter window was closed before the key arrived. Connect again, or paste the key.');
    await answer(url, 'Allow');
    await waitUntil(() => keyField(el).value.startsWith('sk-or-v1-'), 'the key', { timeout: 4000 });
    await el.updateComplete;
    expect(message(el)).to.equal('');
  });

  it('gives up after 5 minutes with a message', async () => {
    const clock = fastLongTimeouts();
    try {
      const el = await overlay();
      await connect(el);
      await waitUntil(() => message(el), 'a message', { timeout: 3000 });
      expect(clock.delays).to.include(300_000);
      expect(message(el)).to.equal('No answer from OpenRouter within 5 minutes. Connect again, or paste the key.');
    } finally {
      clock.restore();
    }
  });

  it('ignores a message with a wrong state or shape (a forged one from another page), and a replay', async () => {
    const el = await overlay();
    const url = await connect(el);
    const state = new URL(url.searchParams.get('callback_url')!).searchParams.get('state')!;
    const channel = new BroadcastChannel('credential-overlay-connect');
    try {
      channel.postMessage({ type: 'credential-overlay/connect', state: 'forged-state-000000000', code: 'x' });
      channel.postMessage({ type: 'credential-overlay/connect', state, code: 12 });
      channel.postMessage({ type: 'other', state, code: 'x' });
      channel.postMessage('credential-overlay/connect');
      await settle();
      await el.updateComplete;
      expect(keyField(el).value).to.equal('');
      expect(message(el)).to.equal('');
      // The real answer still counts.
      await answer(url, 'Allow');
      await waitUntil(() => keyField(el).value.startsWith('sk-or-v1-'), 'the key', { timeout: 4000 });
    } finally {
      channel.close();
    }
  });

  it('accepts one answer: a replayed callback is ignored, and the mock refuses a replayed code', async () => {
    const el = await overlay();
    const url = await connect(el);
    const frame = await answer(url, 'Allow');
    await waitUntil(() => keyField(el).value.startsWith('sk-or-v1-'), 'the key', { timeout: 4000 });
    const key = keyField(el).value;
    // The same callback again (its address is in the frame's history): no second exchange.
    const again = await frameAt(frame.contentWindow!.location.href);
    await waitUntil(() => /no longer waited for|nothing to finish/.test(again.contentDocument!.body.textContent ?? ''), 'the callback page says so', { timeout: 5000 });
    expect(keyField(el).value).to.equal(key);
    expect(message(el)).to.equal('');
  });

  for (const how of ['Cancel', 'Escape', 'close()'] as const) {
    it(`is abandoned by ${how}: the window closes and a late answer is ignored`, async () => {
      const el = await overlay();
      const url = await connect(el);
      if (how === 'Cancel') button(el, 'Cancel').click();
      else if (how === 'close()') el.close();
      else {
        keyField(el).focus();
        await sendKeys({ press: 'Escape' });
      }
      expect(el.open).to.equal(false);
      expect(opened[0].closed).to.equal(true);
      const frame = await answer(url, 'Allow');
      await waitUntil(() => /no longer waited for/.test(frame.contentDocument!.body.textContent ?? ''), 'the callback page says so', { timeout: 5000 });
      await el.show();
      expect(keyField(el).value).to.equal('');
    });
  }

  it('works from the keyboard: Tab to Connect, Enter', async () => {
    const el = await overlay();
    field(el, 'Credential Description').focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Connect OpenRouter'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => opened.at(-1)?.url, 'the provider page', { timeout: 4000 });
  });

  it('is axe-clean while waiting and with a message', async () => {
    const el = await overlay();
    await connect(el);
    await el.updateComplete;
    await expect(el).to.be.accessible();
    window.open = (() => null) as typeof window.open;
    button(el, 'Waiting for OpenRouter…').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('the callback page', () => {
  it('opened on its own says there is nothing to finish, and closes nothing', async () => {
    const frame = await frameAt(callback);
    await waitUntil(() => /nothing to finish/.test(frame.contentDocument!.body.textContent ?? ''), 'the text', { timeout: 4000 });
  });

  it('reads a callback URL defensively (a second "?" from the provider)', async () => {
    const { callbackParams } = await import('../src/connect-callback.js');
    expect(callbackParams('?state=abc?code=xyz')).to.deep.equal({ state: 'abc', code: 'xyz' });
    expect(callbackParams('?state=abc&code=xyz&code=xyz')).to.deep.equal({ state: 'abc', code: 'xyz' });
    expect(callbackParams('?state=a&state=b&code=x')).to.equal(undefined);
    expect(callbackParams('?state=%E0%A4%A&code=x')).to.equal(undefined);
    expect(callbackParams('')).to.deep.equal({});
  });
});

describe('the real popup', () => {
  it('opens from a key press and finishes the flow (Chromium)', async function () {
    if (engine !== 'chromium') skipBecause(this, `a pop-up window from a key press is driven here through Chromium's DevTools protocol only; the whole flow runs above in ${engineName} too`);
    stub.restore();
    const realOpen = window.open;
    let popup: Window | null = null;
    window.open = ((...args: Parameters<typeof window.open>) => (popup = realOpen.apply(window, args))) as typeof window.open;
    const el = await overlay();
    button(el, 'Connect OpenRouter').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => popup && popup.location.href.includes('/mock/openrouter/auth') && popup.document.readyState === 'complete', 'the provider page in the popup', { timeout: 5000 });
    [...popup!.document.querySelectorAll('button')].find((b) => b.textContent === 'Allow')!.click();
    await waitUntil(() => keyField(el).value.startsWith('sk-or-v1-'), 'the key', { timeout: 5000 });
    await waitUntil(() => popup!.closed, 'the popup closes itself', { timeout: 5000 });
  });
});
