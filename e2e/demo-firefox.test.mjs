// The demo's core user flows again, in Firefox: Debian's stock Firefox ESR driven by
// puppeteer-core over WebDriver BiDi (Playwright can only drive its own patched Firefox).
// Against Vite's dev server like e2e/demo.test.mjs, by label, role and keyboard.
// Every test skips, saying why, when no Firefox is installed (`apt-get install firefox-esr`
// or set FIREFOX_PATH). `npm run test:e2e` runs it next to the Chromium tests.
//
// Selectors: puppeteer's ARIA selector (`::-p-aria(...)`) works over BiDi in Firefox, but it
// matches the exact accessible name (Playwright matches a substring) and it does not look
// inside shadow roots by itself: `credential-overlay >>> ::-p-aria(...)` does. For form
// fields see `field()` below.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY, assertKeyNowhere, focused, hintOf, resetCredentials, seedCredentials, startDemoServer, tabTo } from './shared.mjs';
import puppeteer from 'puppeteer-core';
import { findFirefox } from '../scripts/browsers.mjs';

const executablePath = findFirefox();
const MISSING = process.env.FIREFOX_PATH
  ? `no Firefox: FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist`
  : 'no Firefox found (install it: apt-get install firefox-esr, or set FIREFOX_PATH)';

let server;
let browser;
let url;

before(async () => {
  if (!executablePath) return;
  ({ server, url } = await startDemoServer('node_modules/.vite-e2e-firefox'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // BiDi has no emulateMediaFeatures: reduced motion is a pref, as a user would set it.
    extraPrefsFirefox: { 'ui.prefersReducedMotion': 1 },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => url && resetCredentials(url));

/** A fresh browser context (its own, empty localStorage) on the demo page; null when skipped. */
async function openDemo(t) {
  if (!browser) {
    t.skip(MISSING);
    return null;
  }
  const context = await browser.createBrowserContext();
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000); // the first load on a fresh clone pre-bundles Lit
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  t.after(() => assert.deepEqual(errors, [], 'no page errors'));
  await page.goto(url);
  await page.waitForSelector(inPicker('button', 'Add Credential'));
  await page.waitForFunction(() => document.querySelector('#count').textContent !== 'Loading…');
  return page;
}

/** A control of the page by role and exact accessible name. */
const aria = (role, name) => `::-p-aria([name="${name}"][role="${role}"])`;
/** The same, inside the overlay's shadow root. */
const inOverlay = (role, name) => `credential-overlay >>> ${name === undefined ? `::-p-aria([role="${role}"])` : aria(role, name)}`;
const DIALOG = inOverlay('dialog');
/** A control inside the picker's shadow root. */
const inPicker = (role, name) => `credential-picker >>> ${aria(role, name)}`;

const dialogOpen = (page) => page.evaluate(() => document.querySelector('credential-overlay').shadowRoot.querySelector('dialog')?.open === true);
const waitForClosed = (page) =>
  page.waitForFunction(() => !document.querySelector('credential-overlay').shadowRoot.querySelector('dialog')?.open);

/** The tiles' radios (in the picker's shadow root). */
const tileCount = (page) => page.evaluate(() => document.querySelector('credential-picker').shadowRoot.querySelectorAll('[role="radio"]').length);
const isChecked = (page, name) => page.$eval(inPicker('radio', name), (radio) => radio.getAttribute('aria-checked') === 'true');
/** The visible text of the tile whose radio is named `name`. */
const tileText = (page, name) => page.$eval(inPicker('radio', name), (radio) => radio.closest('[part~="tile"]').innerText);
/**
 * The overlay's form field labelled `label`, found by that name the way getByLabel does.
 * Firefox gives the <label> the same name, and its password input is no `textbox` to the ARIA
 * selector, so the name alone is asked for and the control among the matches is kept.
 */
async function field(page, label) {
  const selector = `credential-overlay >>> ::-p-aria(${label})`;
  await page.waitForSelector(selector);
  for (const handle of await page.$$(selector)) {
    if (await handle.evaluate((el) => el.matches('input, textarea, select'))) return handle;
  }
  assert.fail(`no form field labelled “${label}” in the overlay`);
}
const valueOf = async (page, label) => (await field(page, label)).evaluate((el) => el.value);
async function typeInto(page, label, text) {
  await (await field(page, label)).click();
  await page.keyboard.type(text);
}

/** Waits until a live region (role=status) of the page says `text`. */
const announced = (page, text) =>
  page.waitForFunction((text) => [...document.querySelectorAll('[role="status"]')].some((el) => el.textContent.includes(text)), {}, text);

async function fillOverlay(page, { name, description = '', key }) {
  await page.locator(inPicker('button', 'Add Credential')).click();
  await page.waitForSelector(DIALOG);
  await typeInto(page, 'Credential Name', name);
  if (description) await typeInto(page, 'Credential Description', description);
  await typeInto(page, 'API Key Value', key);
}

test('Firefox: adds a credential with the keyboard only; the server keeps it across a reload', async (t) => {
  const page = await openDemo(t);
  if (!page) return;
  assert.equal(await tileCount(page), 0);
  await tabTo(page, 'Add Credential');
  await page.keyboard.press('Enter');
  await page.waitForSelector(DIALOG);
  await page.waitForFunction(() => document.querySelector('credential-overlay').shadowRoot.activeElement?.id === 'name');
  await page.keyboard.type('Production');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Nightly enrichment job');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'API Key Value');
  await page.keyboard.type(KEY);
  await page.keyboard.press('Enter');
  await waitForClosed(page);
  await page.waitForSelector(inPicker('radio', 'Production'));
  assert.ok(await isChecked(page, 'Production'), 'the new tile is selected');
  const text = await tileText(page, 'Production');
  assert.match(text, /Nightly enrichment job/);
  assert.match(text, new RegExp(hintOf(KEY)));
  await announced(page, 'Saved “Production”');
  assert.equal(await focused(page), 'Add Credential', 'focus returns to Add Credential');
  await assertKeyNowhere(page, KEY);

  await page.reload();
  await page.waitForSelector(inPicker('radio', 'Production'));
  assert.ok(await isChecked(page, 'Production'), 'still selected after a reload');
});

test('Firefox: a backend failure loses nothing: the error shows, every value stays, Save works again', async (t) => {
  const page = await openDemo(t);
  if (!page) return;
  await page.locator(aria('checkbox', 'Simulate a backend failure')).click();
  await fillOverlay(page, { name: 'Staging', description: 'Team sandbox', key: KEY });
  await page.locator(inOverlay('button', 'Save')).click();
  await page.waitForFunction(() => document.querySelector('credential-overlay').shadowRoot.querySelector('[role="alert"]').textContent.includes('did not answer'));
  assert.ok(await dialogOpen(page), 'the overlay stays open');
  assert.equal(await valueOf(page, 'Credential Name'), 'Staging');
  assert.equal(await valueOf(page, 'Credential Description'), 'Team sandbox');
  assert.equal(await valueOf(page, 'API Key Value'), KEY);
  assert.equal(await tileCount(page), 0, 'no tile was added');
  await assertKeyNowhere(page, KEY);
});

test('Firefox: a key the rules reject shows its error on the key field and adds nothing', async (t) => {
  const page = await openDemo(t);
  if (!page) return;
  await fillOverlay(page, { name: 'Wrong one', key: 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz012345' });
  await page.locator(inOverlay('button', 'Save')).click();
  await page.waitForFunction(() => document.querySelector('credential-overlay').shadowRoot.querySelector('#api-key')?.getAttribute('aria-invalid') === 'true');
  assert.equal(await focused(page), 'API Key Value', 'focus moves to the field in error');
  const error = await page.evaluate(() => document.querySelector('credential-overlay').shadowRoot.querySelector('#api-key-error').textContent);
  assert.match(error, /looks like a key from Anthropic/);
  assert.equal(await tileCount(page), 0);
});

test('Firefox: deletes a tile with the keyboard after a confirm step; Escape keeps it', async (t) => {
  if (url) await seedCredentials(url);
  const page = await openDemo(t);
  if (!page) return;
  await page.waitForSelector(inPicker('radio', 'Gamma'));
  await page.locator(inPicker('button', 'Delete Beta')).click();
  await page.waitForFunction(() => document.querySelector('credential-picker').shadowRoot.activeElement?.textContent.trim() === 'Keep');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('credential-picker').shadowRoot.activeElement?.getAttribute('aria-label') === 'Delete Beta');
  assert.equal(await tileCount(page), 3);
  await page.keyboard.press('Enter');
  await page.waitForSelector(inPicker('button', 'Delete'));
  await page.locator(inPicker('button', 'Delete')).click();
  await page.waitForFunction(() => document.querySelector('credential-picker').shadowRoot.querySelectorAll('[role="radio"]').length === 2);
  await announced(page, 'Deleted “Beta”');
  await page.reload();
  await page.waitForSelector(inPicker('radio', 'Gamma'));
  assert.equal(await tileCount(page), 2, 'still gone after a reload');
});
