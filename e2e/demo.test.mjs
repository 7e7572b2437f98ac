// End-to-end tests of the demo page (`npm start`), driven the way a person uses it: by role,
// label and keyboard, in headless Chromium (playwright-core with the system Chromium) against
// Vite's dev server with the mock /models API. `npm run test:e2e`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { KEY, assertKeyNowhere, focused, hintOf, seedTiles, startDemoServer, tabTo } from './shared.mjs';
import { chromium } from 'playwright-core';
import { findChrome } from '../scripts/chrome.mjs';

const has = (path) => existsSync(new URL(`../${path}`, import.meta.url));

let server;
let browser;
let url;

before(async () => {
  ({ server, url } = await startDemoServer('node_modules/.vite-e2e'));
  const executablePath = findChrome();
  assert.ok(executablePath, 'No Chromium found: run `node scripts/chrome.mjs --ensure` or set CHROME_PATH.');
  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser profile (empty localStorage) on the demo page. */
async function openDemo(t, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
  context.setDefaultTimeout(5000);
  context.setDefaultNavigationTimeout(20_000); // the first load on a fresh clone pre-bundles Lit
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The browser logs every 4xx/5xx of the mock as "Failed to load resource": expected here.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  t.after(() => assert.deepEqual(errors, [], 'no page errors'));
  await page.goto(url);
  await page.getByRole('button', { name: 'Add Credential' }).waitFor();
  return page;
}

const dialog = (page) => page.getByRole('dialog');
/** The credential tiles' radios (the settings panel has radios of its own). */
const tileRadios = (page) => page.getByRole('group', { name: 'Credential for this source' }).getByRole('radio');

/** Polls `fn` until it returns a truthy value (or fails after `ms`). */
async function eventually(fn, message, ms = 3000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) assert.fail(message);
    await new Promise((r) => setTimeout(r, 25));
  }
}
const tile = (page, name) => page.getByRole('listitem').filter({ has: page.getByRole('radio', { name, exact: true }) });

async function fillOverlay(page, { name, description = '', key }) {
  await page.getByRole('button', { name: 'Add Credential' }).click();
  await page.getByLabel('Credential Name').fill(name);
  if (description) await page.getByLabel('Credential Description').fill(description);
  await page.getByLabel('API Key Value').fill(key);
}

test('adds a credential with the keyboard only; the tile is selected and survives a reload', async (t) => {
  const page = await openDemo(t);
  assert.equal(await tileRadios(page).count(), 0, 'starts with no tiles');

  await tabTo(page, 'Add Credential');
  await page.keyboard.press('Enter');
  await dialog(page).waitFor();
  assert.equal(await focused(page), 'Credential Name', 'focus starts in Credential Name');
  await page.keyboard.type('Production');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Credential Description');
  await page.keyboard.type('Nightly enrichment job');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'API Key Value');
  await page.keyboard.type(KEY);
  await page.keyboard.press('Enter');

  // The host's simulated backend call: the overlay shows "Saving…" until it settles.
  await page.getByRole('button', { name: 'Saving…' }).waitFor();
  await dialog(page).waitFor({ state: 'hidden' });

  const production = tile(page, 'Production');
  await production.waitFor();
  assert.ok(await page.getByRole('radio', { name: 'Production' }).isChecked(), 'the new tile is selected');
  const text = await production.innerText();
  assert.match(text, /Nightly enrichment job/);
  assert.match(text, new RegExp(hintOf(KEY)));
  assert.match(text, /project/);
  assert.doesNotMatch(text, /Verified/, 'not checked live, so not verified');
  assert.equal(await focused(page), 'Add Credential', 'focus returns to Add Credential');
  await page.getByRole('status').filter({ hasText: 'Saved “Production”' }).waitFor();
  await assertKeyNowhere(page, KEY);

  await page.reload();
  await tile(page, 'Production').waitFor();
  assert.ok(await page.getByRole('radio', { name: 'Production' }).isChecked(), 'still selected after reload');
  await assertKeyNowhere(page, KEY);
});

test('a backend failure loses nothing: the error shows, every value stays, Save works again', async (t) => {
  const page = await openDemo(t);
  await page.getByLabel('Simulate a backend failure').check();
  await fillOverlay(page, { name: 'Staging', description: 'Team sandbox', key: KEY });
  await page.getByRole('button', { name: 'Save' }).click();

  const alert = dialog(page).getByRole('alert');
  await alert.filter({ hasText: 'simulated 503' }).waitFor();
  assert.ok(await dialog(page).isVisible(), 'the overlay stays open');
  assert.equal(await page.getByLabel('Credential Name').inputValue(), 'Staging');
  assert.equal(await page.getByLabel('Credential Description').inputValue(), 'Team sandbox');
  assert.equal(await page.getByLabel('API Key Value').inputValue(), KEY);
  assert.ok(await page.getByRole('button', { name: 'Save', exact: true }).isEnabled(), 'Save works again');
  assert.equal(await tileRadios(page).count(), 0, 'no tile was added');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await dialog(page).waitFor({ state: 'hidden' });
  assert.equal(await tileRadios(page).count(), 0);
  await assertKeyNowhere(page, KEY);
});

test('a key the rules reject shows its error on the key field and adds nothing', async (t) => {
  const page = await openDemo(t);
  await fillOverlay(page, { name: 'Wrong one', key: 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz012345' });
  await page.getByRole('button', { name: 'Save' }).click();

  const keyField = page.getByLabel('API Key Value');
  const error = await dialog(page).getByText(/looks like a key from Anthropic/).innerText();
  assert.match(error, /Anthropic/);
  assert.equal(await keyField.getAttribute('aria-invalid'), 'true');
  assert.equal(await focused(page), 'API Key Value', 'focus moves to the field in error');
  assert.equal(await keyField.inputValue(), 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz012345', 'nothing typed is cleared');

  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'hidden' });
  assert.equal(await tileRadios(page).count(), 0);
});

/** Three saved tiles (seedTiles), then a reload. */
async function seed(page) {
  await page.evaluate(seedTiles);
  await page.reload();
  await tile(page, 'Gamma').waitFor();
}

test('tiles are a radio group: select by click or arrow keys; the choice survives a reload', async (t) => {
  const page = await openDemo(t);
  await seed(page);
  assert.ok(await page.getByRole('radio', { name: 'Alpha' }).isChecked());
  assert.match(await tile(page, 'Alpha').innerText(), /Verified/);

  await tile(page, 'Beta').click(); // anywhere on the card
  assert.ok(await page.getByRole('radio', { name: 'Beta' }).isChecked());
  assert.ok(!(await page.getByRole('radio', { name: 'Alpha' }).isChecked()));

  await page.getByRole('radio', { name: 'Beta' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.getByRole('radio', { name: 'Gamma' }).isChecked(), 'arrow keys move the selection');

  await page.reload();
  await tile(page, 'Gamma').waitFor();
  assert.ok(await page.getByRole('radio', { name: 'Gamma' }).isChecked());

  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('would configure the source with “Gamma”').waitFor();
});

test('deletes a tile with the keyboard after a confirm step; Keep and Escape keep it', async (t) => {
  const page = await openDemo(t);
  await seed(page);

  await page.getByRole('button', { name: 'Delete Beta' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'Keep', 'focus goes to the safe choice');
  await page.keyboard.press('Escape');
  assert.equal(await focused(page), 'Delete Beta', 'Escape keeps it and returns focus');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // Keep
  assert.equal(await tileRadios(page).count(), 3);

  await page.keyboard.press('Enter'); // Delete Beta again
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Yes, delete');
  await page.keyboard.press('Enter');
  await tile(page, 'Beta').waitFor({ state: 'detached' });
  assert.equal(await tileRadios(page).count(), 2);
  assert.equal(await focused(page), 'Delete Gamma', 'focus moves to the tile that took its place');
  await page.getByRole('status').filter({ hasText: 'Deleted “Beta”' }).waitFor();

  await page.reload();
  await tile(page, 'Gamma').waitFor();
  assert.equal(await tile(page, 'Beta').count(), 0, 'still gone after reload');

  // Deleting the selected tile leaves nothing selected.
  await page.getByRole('button', { name: 'Delete Alpha' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  assert.equal(await page.getByRole('group', { name: 'Credential for this source' }).getByRole('radio', { checked: true }).count(), 0);
});

const verifySupported = (page) => page.evaluate(() => 'verify' in customElements.get('credential-overlay').prototype);

test('live check against the mock: VALID is Verified, REVOKED errors on the key field, RATE offers Save without checking', async (t) => {
  const page = await openDemo(t);
  if (!(await verifySupported(page))) return t.skip('the element has no `verify` yet');
  await page.getByLabel('Check the key live').check();

  // Rejected by the provider: the error is on the key field, no event, no tile.
  await fillOverlay(page, { name: 'Revoked', key: KEY.replace('VALID', 'REVOKED') });
  await page.getByRole('button', { name: 'Save' }).click();
  const keyField = page.getByLabel('API Key Value');
  await page.waitForFunction(
    () => document.querySelector('credential-overlay').shadowRoot.querySelector('#api-key')?.getAttribute('aria-invalid') === 'true',
  );
  assert.equal(await keyField.getAttribute('aria-invalid'), 'true');
  assert.match(await dialog(page).getByText(/did not accept this key/).innerText(), /OpenAI/);
  assert.ok(await dialog(page).isVisible());

  // Cannot be confirmed (429): "Save without checking" saves it unverified.
  await keyField.fill(KEY.replace('VALID', 'RATE'));
  await page.getByLabel('Credential Name').fill('Rate limited');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Save without checking' }).click();
  await dialog(page).waitFor({ state: 'hidden' });
  await tile(page, 'Rate limited').waitFor();
  assert.doesNotMatch(await tile(page, 'Rate limited').innerText(), /Verified/);

  // Accepted: saved with the Verified badge, and selected.
  await fillOverlay(page, { name: 'Checked', key: KEY });
  await page.getByRole('button', { name: 'Save' }).click();
  await dialog(page).waitFor({ state: 'hidden' });
  await tile(page, 'Checked').waitFor();
  assert.match(await tile(page, 'Checked').innerText(), /Verified/);
  assert.ok(await page.getByRole('radio', { name: 'Checked' }).isChecked());
  await assertKeyNowhere(page, KEY);
});

test('settings: Anthropic preset, German, dark mode and a custom theme reach the element', async (t) => {
  const page = await openDemo(t);
  const overlay = page.locator('credential-overlay');

  await page.getByLabel('Provider preset').selectOption('anthropic');
  await eventually(async () => (await overlay.getAttribute('provider')) === 'anthropic', 'provider="anthropic"');
  assert.match(await overlay.getAttribute('base-url'), /\/mock\/anthropic\/v1$/);
  await page.getByRole('heading', { name: 'Anthropic credentials' }).waitFor();
  await page.getByRole('button', { name: 'Add Credential' }).click();
  await dialog(page).getByText('Anthropic', { exact: true }).waitFor();
  await page.keyboard.press('Escape');

  await page.getByRole('radio', { name: 'Dark' }).check();
  const scheme = await overlay.evaluate((el) => getComputedStyle(el).colorScheme);
  assert.equal(scheme, 'dark');

  await page.getByLabel('Custom theme').check();
  const accent = await overlay.evaluate((el) => getComputedStyle(el).getPropertyValue('--credential-overlay-accent').trim());
  assert.notEqual(accent, '', 'the theme class sets the custom properties');

  await page.reload();
  assert.equal(await page.getByLabel('Provider preset').inputValue(), 'anthropic', 'settings are kept');
  assert.ok(await page.getByRole('radio', { name: 'Dark' }).isChecked());

  if (!has('src/locales/de.ts')) return t.skip('no German strings yet (src/locales/de.ts)');
  await page.getByLabel('Language').selectOption('de');
  await eventually(async () => (await overlay.getAttribute('lang')) === 'de', 'lang="de"');
  await page.getByRole('button', { name: 'Add Credential' }).click();
  await dialog(page).waitFor();
  assert.equal(await overlay.getAttribute('lang'), 'de');
  const heading = await dialog(page).getByRole('heading').first().innerText();
  assert.notEqual(heading, 'Add New Credential', `German heading, saw “${heading}”`);
});

test('a test key copies with one click', async (t) => {
  const page = await openDemo(t);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await page.getByRole('button', { name: 'Copy accepted key' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^sk-proj-demo-VALID-[A-Za-z0-9]{20,}$/);
  await page.getByRole('button', { name: 'Copy accepted key' }).filter({ hasText: 'Copied' }).waitFor();
});

// axe-core comes with the unit tests' tooling (@open-wc/testing); skipped when absent.
const require = createRequire(import.meta.url);
let axeSource = null;
try {
  axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch {
  /* not installed */
}

async function axe(page, label) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe, ${label}`);
}

test('accessible: axe finds nothing, light and dark, with tiles and a confirm; no sideways scroll at 320 px', async (t) => {
  if (!axeSource) return t.skip('axe-core is not installed');
  const page = await openDemo(t);
  await axe(page, 'empty');
  await seed(page);
  await axe(page, 'with tiles');
  await page.getByRole('button', { name: 'Delete Beta' }).click();
  await axe(page, 'confirming a delete');

  const dark = await openDemo(t, { colorScheme: 'dark' });
  await seed(dark);
  await axe(dark, 'dark');
  await dark.getByLabel('Custom theme').check();
  await dark.getByRole('button', { name: 'Add Credential' }).click();
  await dialog(dark).waitFor();
  await axe(dark, 'dark, overlay open, custom theme');

  const phone = await openDemo(t, { width: 320, height: 700 });
  await seed(phone);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 320 px (overflow ${overflow}px)`);
  await axe(phone, '320 px');
});
