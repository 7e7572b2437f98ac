// Takes screenshots of the demo in headless Chromium: `npm run screenshots`.
// Writes docs/*.png: light and dark, error state, revealed key, 320 px, 200% zoom, forced
// colours and right to left.
import puppeteer from 'puppeteer-core';
import { findChrome } from './chrome.mjs';
import { startDemoServer } from '../e2e/shared.mjs';

const { server, url } = await startDemoServer('node_modules/.vite-screenshots');
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
});

/** Looks inside the overlay's shadow root. */
const inOverlay = (sel) => `pierce/${sel}`;

/**
 * `scale: 2` with a viewport of half the size is 200% zoom: the same CSS layout, twice the
 * pixels. `forced` emulates forced colours (puppeteer's emulateMediaFeatures refuses
 * `forced-colors`, so every feature goes through the DevTools protocol).
 */
async function shoot({ name, width = 1000, height = 760, scale = 1, scheme = 'light', forced = false, dir, act }) {
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
} finally {
  await browser.close();
  await server.close();
}
