// Takes screenshots of the demo in headless Chromium: `npm run screenshots`.
// Writes docs/*.png: light and dark, error state, revealed key, 320 px, 200% zoom, forced
// colours and right to left.
import puppeteer from 'puppeteer-core';
import { chromeLaunchOptions, startDemoServer } from '../e2e/shared.mjs';
import { testKeys } from '../test/test-keys.mjs';

const { server, url } = await startDemoServer('node_modules/.vite-screenshots');
const browser = await puppeteer.launch({ headless: true, ...chromeLaunchOptions() });

const only = process.argv.slice(2);

/** Looks inside the overlay's shadow root. */
const inOverlay = (sel) => `pierce/${sel}`;

/**
 * `scale: 2` with a viewport of half the size is 200% zoom: the same CSS layout, twice the
 * pixels. `forced` emulates forced colours (puppeteer's emulateMediaFeatures refuses
 * `forced-colors`, so every feature goes through the DevTools protocol).
 */
async function shoot({ name, width = 1000, height = 760, scale = 1, scheme = 'light', forced = false, dir, settings, act }) {
  // `npm run screenshots -- overlay-check` takes only the shots named.
  if (only.length && !only.includes(name)) return;
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: scale });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', {
    features: [
      { name: 'prefers-color-scheme', value: scheme },
      { name: 'prefers-reduced-motion', value: 'reduce' },
      { name: 'forced-colors', value: forced ? 'active' : 'none' },
    ],
  });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(url);
  if (settings) {
    // The demo's settings panel keeps its choices here.
    await page.evaluate((s) => localStorage.setItem('credential-overlay-demo:settings', JSON.stringify(s)), settings);
    await page.reload();
    // The demo applies them asynchronously (a preset's entry loads first).
    await page.waitForFunction((s) => {
      const o = document.querySelector('#overlay');
      return o?.provider === s.provider && o.verify === (s.verify !== 'off');
    }, {}, settings);
  }
  await page.waitForFunction(() => customElements.get('credential-overlay'));
  if (dir) await page.evaluate((d) => document.documentElement.setAttribute('dir', d), dir);
  await page.waitForSelector('pierce/[part~="add-tile"]');
  await page.click('pierce/[part~="add-tile"]');
  await page.waitForSelector(inOverlay('dialog[open]'));
  await act?.(page);
  await page.screenshot({ path: `docs/${name}.png` });
  console.log(`docs/${name}.png`);
  await page.close();
}

const fill = async (page) => {
  await page.type(inOverlay('#name'), 'Production OpenAI');
  await page.type(inOverlay('#description'), 'Used by the nightly enrichment job');
  await page.type(inOverlay('#api-key'), 'sk-proj-Xy3kQ9_aZ0vL2mN8pR4tT3BlbkFJw7Hc5Ud1Ke6Jf0Gb9x9Qz');
};

/** A wrong key and no name, saved with the keyboard: errors shown, focus ring on the first. */
const errors = async (page) => {
  await page.type(inOverlay('#api-key'), 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv');
  await page.focus(inOverlay('[part="save-button"]'));
  await page.keyboard.press('Enter');
};

try {
  await shoot({ name: 'overlay-light', act: fill });
  await shoot({ name: 'overlay-dark', scheme: 'dark', act: fill });
  await shoot({
    name: 'overlay-errors',
    act: async (page) => {
      await page.type(inOverlay('#api-key'), 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv');
      await page.click(inOverlay('[part="save-button"]'));
    },
  });
  await shoot({
    name: 'overlay-revealed',
    act: async (page) => {
      await fill(page);
      await page.click(inOverlay('[part="reveal-button"]'));
    },
  });
  await shoot({ name: 'overlay-320', width: 320, height: 640, act: fill });
  await shoot({ name: 'overlay-320-errors', width: 320, height: 640, act: errors });
  await shoot({ name: 'overlay-zoom-200', width: 640, height: 400, scale: 2, act: fill });
  await shoot({ name: 'overlay-forced-colors', forced: true, act: errors });
  await shoot({ name: 'overlay-forced-colors-dark', forced: true, scheme: 'dark', act: errors });
  await shoot({ name: 'overlay-rtl', dir: 'rtl', act: errors });
  // 1.0: "Check key" with the models it lists for Default model (the mock's VALID key).
  await shoot({
    name: 'overlay-check',
    height: 860,
    settings: { provider: 'openai', verify: 'browser' },
    act: async (page) => {
      await page.type(inOverlay('#name'), 'Production OpenAI');
      await page.type(inOverlay('#api-key'), testKeys.openai.VALID);
      await page.click(inOverlay('[part="check-button"]'));
      await page.waitForFunction(() => document.querySelector('#overlay')?.shadowRoot?.querySelector('.check-outcome.ok'), { timeout: 30_000 });
      await page.focus(inOverlay('#f-model'));
    },
  });
  // 1.0: Connect OpenRouter: the key arrived from the (mock) approval page, masked, with its hint.
  await shoot({
    name: 'overlay-connect',
    settings: { provider: 'openrouter', verify: 'off' },
    act: async (page) => {
      await page.type(inOverlay('#name'), 'OpenRouter for the team');
      const opened = new Promise((r) => browser.once('targetcreated', (t) => r(t.page())));
      await page.focus(inOverlay('[part="connect-button"]'));
      await page.keyboard.press('Enter');
      const popup = await opened;
      await popup.waitForSelector('button.allow');
      await popup.click('button.allow');
      await page.waitForFunction(() => document.querySelector('#overlay')?.shadowRoot?.querySelector('#key-received'), { timeout: 30_000 });
    },
  });
} finally {
  await browser.close();
  await server.close();
}
