import { expect, fixture, html } from '@open-wc/testing';
import type { CredentialOverlay } from '../src/index.js';
import { button, dialog, expectFocus, field, fill, openOverlay, paste, record, rulesLoaded, sendKeys, shiftTab } from './helpers.js';
import { keys } from './keys.js';

describe('keyboard and focus', () => {
  it('completes the whole flow with the keyboard only', async () => {
    const opener = await fixture<HTMLButtonElement>(html`<button>Add Credential</button>`);
    const el = document.createElement('credential-overlay');
    document.body.append(el);
    // Save's rules arrive with the first connection; from then on, the overlay opens at once.
    await rulesLoaded();
    // Removed whatever happens: an overlay left open would hold the scroll lock for later tests.
    try {
      opener.addEventListener('click', () => el.show());
      const saved = record(el, 'credential-saved');
      opener.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expectFocus(field(el, 'Credential Name'));
      await sendKeys({ type: 'Prod' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Nightly job' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: keys.legacy });
      await sendKeys({ press: 'Tab' });
      expectFocus(button(el, 'Show API key'));
      // ' ' rather than 'Space': puppeteer over WebDriver BiDi (Firefox) knows no key named Space.
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(button(el, 'Show API key').getAttribute('aria-pressed')).to.equal('true');
      await shiftTab();
      await sendKeys({ press: 'Enter' });
      expect(saved).to.have.length(1);
      expect(saved[0].detail).to.include({ name: 'Prod', description: 'Nightly job', apiKey: keys.legacy });
      expectFocus(opener);
    } finally {
      el.remove();
    }
  });

  it('wraps Tab from the last control to the first and Shift+Tab back', async () => {
    const el = await openOverlay();
    const close = button(el, 'Close');
    const save = button(el, 'Save');
    save.focus();
    await sendKeys({ press: 'Tab' });
    expectFocus(close, el);
    await shiftTab();
    expectFocus(save, el);
  });

  it('never lets Tab reach the page behind', async () => {
    const outside = await fixture<HTMLButtonElement>(html`<button>behind</button>`);
    const el = await openOverlay();
    for (let i = 0; i < 10; i++) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement === el, `after ${i + 1} Tabs focus is in the overlay`).to.equal(true);
    }
    expect(document.activeElement).to.not.equal(outside);
  });

  it('returns focus to an opener inside another shadow root', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const opener = document.createElement('button');
    opener.textContent = 'open';
    shadow.append(opener);
    opener.focus();
    const el = await openOverlay();
    button(el, 'Cancel').click();
    expectFocus(opener);
  });

  it('does not fail when the opener is gone', async () => {
    const opener = await fixture<HTMLButtonElement>(html`<button>open</button>`);
    opener.focus();
    const el = await openOverlay();
    opener.remove();
    const cancels = record(el, 'credential-cancel');
    await sendKeys({ press: 'Escape' });
    expect(cancels).to.have.length(1);
    expect(dialog(el).open).to.equal(false);
  });

  it('cancels on every Escape, also after a reopen', async () => {
    const el = await openOverlay();
    const cancels = record(el, 'credential-cancel');
    await sendKeys({ press: 'Escape' });
    el.show();
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    expect(cancels.map((e) => e.detail.source)).to.deep.equal(['escape', 'escape']);
  });
});

describe('reveal toggle', () => {
  it('shows the key as text under a fixed name, and re-masks on every close', async () => {
    const el = await openOverlay();
    const key = field(el, 'API Key Value') as HTMLInputElement;
    const toggle = button(el, 'Show API key');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    paste(key, keys.project);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(key.type).to.equal('text');
    expect(button(el, 'Show API key')).to.equal(toggle);
    el.close();
    expect(key.type).to.equal('password');
    expect(key.value).to.equal('');
    el.show();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(key.type).to.equal('password');
  });
});

describe('scroll lock', () => {
  const overflow = () => getComputedStyle(document.documentElement).overflow;

  it('locks the page while open and restores it exactly, counting overlays', async () => {
    const sheets = document.adoptedStyleSheets.length;
    const a = await openOverlay();
    expect(overflow()).to.equal('hidden');
    const b = await openOverlay(html`<credential-overlay></credential-overlay>`);
    a.close();
    expect(overflow(), 'still locked by the second overlay').to.equal('hidden');
    b.close();
    expect(overflow()).to.equal('visible');
    expect(document.adoptedStyleSheets.length).to.equal(sheets);
    expect(document.documentElement.hasAttribute('style')).to.equal(false);
  });

  it('unlocks when an open overlay is removed', async () => {
    const el = await openOverlay();
    el.remove();
    expect(overflow()).to.equal('visible');
  });
});

describe('axe-core', () => {
  it('finds nothing in the open state', async () => {
    const el = await openOverlay();
    await expect(el).to.be.accessible();
  });

  it('finds nothing in the error state', async () => {
    const el = await openOverlay();
    paste(field(el, 'API Key Value'), 'hf_abc');
    button(el, 'Save').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('finds nothing with the key revealed and while busy', async () => {
    const el = await openOverlay();
    fill(el, { key: keys.project });
    button(el, 'Show API key').click();
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(new Promise(() => {})));
    button(el, 'Save').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('finds nothing with a form-level error', async () => {
    const el: CredentialOverlay = await openOverlay();
    fill(el, { key: keys.project });
    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(Promise.reject(new Error('Backend down'))));
    button(el, 'Save').click();
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.include('Backend down');
    await expect(el).to.be.accessible();
  });
});
