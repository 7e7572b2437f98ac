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
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY, assertKeyNowhere, focused, hintOf, seedTiles, startDemoServer, tabTo } from './shared.mjs';
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

/** A fresh browser context (its own, empty localStorage) on the demo page; null when skipped. */
async function openDemo(t) {
  if (!browser) {
    t.skip(MISSING);
    return null;
  }
  const context = await browser.createBrowserContext();
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  page.setDefaultNavigationTimeout(20_000); // the first load on a fresh clone pre-bundles Lit
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  t.after(() => assert.deepEqual(errors, [], 'no page errors'));
  await page.goto(url);
  await page.waitForSelector('::-p-text(Add Credential)');
  return page;
}

/** A control of the page by role and exact accessible name. */
const aria = (role, name) => `::-p-aria([name="${name}"][role="${role}"])`;
/** The same, inside the overlay's shadow root. */
const inOverlay = (role, name) => `credential-overlay >>> ${name === undefined ? `::-p-aria([role="${role}"])` : aria(role, name)}`;
const DIALOG = inOverlay('dialog');

const dialogOpen = (page) => page.evaluate(() => document.querySelector('credential-overlay').shadowRoot.querySelector('dialog')?.open === true);
const waitForClosed = (page) =>
  page.waitForFunction(() => !document.querySelector('credential-overlay').shadowRoot.querySelector('dialog')?.open);

/** The credential tiles' radios (the settings panel has radios of its own). */
const tileCount = (page) => page.$$eval('#tiles .tile-radio', (radios) => radios.length);
const isChecked = (page, name) => page.$eval(aria('radio', name), (radio) => radio.checked);
/** The visible text of the tile whose radio is named `name`. */
const tileText = (page, name) => page.$eval(aria('radio', name), (radio) => radio.closest('li').innerText);
/**
 * The overlay's form field labelled `label`, found by that name the way getByLabel does.
 * Firefox gives the <label> the same name, and its password input is no `textbox` to the ARIA
 * selector (no role it accepts matched it), so the name alone is asked for and the control
 * among the matches is kept.
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
/** Clicks into the field labelled `label` and types `text`, as a person would. */
async function typeInto(page, label, text) {
  await (await field(page, label)).click();
  await page.keyboard.type(text);
}

/** Waits until a live region (role=status) of the page says `text`. */
const announced = (page, text) =>
  page.waitForFunction((text) => [...document.querySelectorAll('[role="status"]')].some((el) => el.textContent.includes(text)), {}, text);

async function openOverlay(page) {
  await page.locator('::-p-text(Add Credential)').click();
  await page.waitForSelector(DIALOG);
}

async function fillOverlay(page, { name, description = '', key }) {
  await openOverlay(page);
  await typeInto(page, 'Credential Name', name);
  if (description) await typeInto(page, 'Credential Description', description);
  await typeInto(page, 'API Key Value', key);
}

test('Firefox: adds a credential with the keyboard only; the tile is selected and survives a reload', async (t) => {
  const page = await openDemo(t);
  if (!page) return;
  assert.equal(await tileCount(page), 0, 'starts with no tiles');

  await tabTo(page, 'Add Credential');
  await page.keyboard.press('Enter');
  await page.waitForSelector(DIALOG);
  assert.equal(await focused(page), 'Credential Name', 'focus starts in Credential Name');
  await page.keyboard.type('Production');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Credential Description');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'API Key Value');
  await page.keyboard.type(KEY);
  await page.keyboard.press('Enter');

  // The host's simulated backend call (700 ms): the overlay shows "Saving…" until it settles.
  await page.waitForSelector(inOverlay('button', 'Saving…'));
  await waitForClosed(page);

  await page.waitForSelector(aria('radio', 'Production'));
  assert.ok(await isChecked(page, 'Production'), 'the new tile is selected');
  const text = await tileText(page, 'Production');
  assert.match(text, new RegExp(hintOf(KEY)));
  assert.match(text, /project/);
  assert.doesNotMatch(text, /Verified/, 'not checked live, so not verified');
  assert.equal(await focused(page), 'Add Credential', 'focus returns to Add Credential');
  await announced(page, 'Saved “Production”');
  await assertKeyNowhere(page, KEY);

  await page.reload();
  await page.waitForSelector(aria('radio', 'Production'));
  assert.ok(await isChecked(page, 'Production'), 'still selected after reload');
  assert.equal(await tileCount(page), 1);
  await assertKeyNowhere(page, KEY);
});

test('Firefox: a backend failure loses nothing: the error shows, every value stays, Save works again', async (t) => {
  const page = await openDemo(t);
  if (!page) return;
  await page.locator(aria('checkbox', 'Simulate a backend failure')).click();
  assert.ok(await page.$eval(aria('checkbox', 'Simulate a backend failure'), (box) => box.checked));

  await fillOverlay(page, { name: 'Staging', description: 'Team sandbox', key: KEY });
  await page.locator(inOverlay('button', 'Save')).click();

  await page.waitForFunction(
    () => document.querySelector('credential-overlay').shadowRoot.querySelector('[role="alert"]')?.textContent.includes('simulated 503'),
  );
  assert.ok(await dialogOpen(page), 'the overlay stays open');
  assert.equal(await valueOf(page, 'Credential Name'), 'Staging');
  assert.equal(await valueOf(page, 'Credential Description'), 'Team sandbox');
  assert.equal(await valueOf(page, 'API Key Value'), KEY);
  const save = await page.waitForSelector(inOverlay('button', 'Save'));
  assert.equal(await save.evaluate((b) => b.disabled), false, 'Save works again');
  assert.equal(await tileCount(page), 0, 'no tile was added');

  await page.locator(inOverlay('button', 'Cancel')).click();
  await waitForClosed(page);
  assert.equal(await tileCount(page), 0);
  await assertKeyNowhere(page, KEY);
});

test('Firefox: a key the rules reject shows its error on the key field and adds nothing', async (t) => {
  const page = await openDemo(t);
  if (!page) return;
  const other = 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz012345';
  await fillOverlay(page, { name: 'Wrong one', key: other });
  await page.locator(inOverlay('button', 'Save')).click();

  const error = await page.waitForSelector('credential-overlay >>> ::-p-text(looks like a key from Anthropic)');
  // Next to the key field: the field's own error line, which the field points to.
  assert.equal(await error.evaluate((el) => el.closest('.error')?.id), 'api-key-error');
  const keyField = await field(page, 'API Key Value');
  assert.equal(await keyField.evaluate((el) => el.getAttribute('aria-invalid')), 'true');
  assert.equal(await keyField.evaluate((el) => el.getAttribute('aria-describedby')), 'api-key-error');
  assert.equal(await focused(page), 'API Key Value', 'focus moves to the field in error');
  assert.equal(await valueOf(page, 'API Key Value'), other, 'nothing typed is cleared');

  await page.keyboard.press('Escape');
  await waitForClosed(page);
  assert.equal(await tileCount(page), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('credential-overlay-demo:credentials')), null, 'nothing stored');
});

/** Three saved tiles (seedTiles), then a reload. */
async function seed(page) {
  await page.evaluate(seedTiles);
  await page.reload();
  await page.waitForSelector(aria('radio', 'Gamma'));
}

test('Firefox: deletes a tile with the keyboard after a confirm step; Keep and Escape keep it', async (t) => {
  const page = await openDemo(t);
  if (!page) return;
  await seed(page);

  await page.$eval(aria('button', 'Delete Beta'), (button) => button.focus());
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'Keep', 'focus goes to the safe choice');
  await page.waitForSelector('::-p-text(Delete “Beta”?)');
  await page.keyboard.press('Escape');
  assert.equal(await focused(page), 'Delete Beta', 'Escape keeps it and returns focus');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // Keep
  assert.equal(await focused(page), 'Delete Beta', 'Keep returns focus');
  assert.equal(await tileCount(page), 3);

  await page.keyboard.press('Enter'); // Delete Beta again
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Yes, delete');
  await page.keyboard.press('Enter');
  await page.waitForSelector(aria('radio', 'Beta'), { hidden: true });
  assert.equal(await tileCount(page), 2);
  assert.equal(await focused(page), 'Delete Gamma', 'focus moves to the tile that took its place');
  await announced(page, 'Deleted “Beta”');

  await page.reload();
  await page.waitForSelector(aria('radio', 'Gamma'));
  assert.equal(await page.$(aria('radio', 'Beta')), null, 'still gone after reload');
  assert.equal(await tileCount(page), 2);
  assert.ok(await isChecked(page, 'Alpha'), 'the selection is untouched');
});
