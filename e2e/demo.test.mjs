// End-to-end tests of the demo page (`npm start`), driven the way a person uses it: by role,
// label and keyboard, in headless Chromium (playwright-core with the system Chromium) against
// Vite's dev server with the demo's server (PGlite in a temp folder) and the providers' mock.
// `npm run test:e2e`.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KEY, assertKeyNowhere, axe, chromeLaunchOptions, focused, hintOf, resetCredentials, seedCredentials, startDemoServer, tabTo } from './shared.mjs';
import { chromium } from 'playwright-core';
import { testKeys } from '../test/test-keys.mjs';

let server;
let browser;
let url;
let dataDir;

before(async () => {
  ({ server, url, dataDir } = await startDemoServer('node_modules/.vite-e2e'));
  browser = await chromium.launch(chromeLaunchOptions());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => resetCredentials(url));

/** A fresh browser profile on the demo page. */
async function openDemo(t, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000); // the first load on a fresh clone pre-bundles Lit
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The browser logs every 4xx/5xx (of the mock, of a refused save) as "Failed to load resource": expected here.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  t.after(() => assert.deepEqual(errors, [], 'no page errors'));
  await page.goto(url);
  await page.getByRole('button', { name: 'Add Credential' }).waitFor();
  await page.locator('#count:not(:text("Loading…"))').waitFor();
  return page;
}

const dialog = (page) => page.getByRole('dialog', { name: /Credential/ });
const group = (page, provider = 'OpenAI') => page.getByRole('radiogroup', { name: `${provider} credentials` });
const tileRadios = (page) => page.locator('credential-picker').getByRole('radio');
const tile = (page, name) => page.locator('credential-picker [part~="tile"]').filter({ has: page.getByRole('radio', { name, exact: true }) });

async function fillOverlay(page, { name, description = '', key }) {
  await page.getByRole('button', { name: 'Add Credential' }).click();
  await dialog(page).waitFor();
  await page.getByLabel('Credential Name').fill(name);
  if (description) await page.getByLabel('Credential Description').fill(description);
  await page.getByLabel('API Key Value').fill(key);
}

test('adds a credential with the keyboard only; the server keeps it across a reload and a restart', async (t) => {
  let page = await openDemo(t);
  assert.equal(await tileRadios(page).count(), 0, 'starts with no tiles');
  await page.getByText('No credentials yet').waitFor();

  await tabTo(page, 'Add Credential');
  await page.keyboard.press('Enter');
  await dialog(page).waitFor();
  assert.equal(await focused(page), 'Credential Name', 'focus starts in Credential Name');
  await page.keyboard.type('Production');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Nightly enrichment job');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'API Key Value');
  await page.keyboard.type(KEY);
  await page.keyboard.press('Enter');
  await dialog(page).waitFor({ state: 'hidden' });

  const production = tile(page, 'Production');
  await production.waitFor();
  assert.ok(await group(page).getByRole('radio', { name: 'Production' }).isChecked(), 'the new tile is selected');
  const text = await production.innerText();
  assert.match(text, /Nightly enrichment job/);
  assert.match(text, new RegExp(hintOf(KEY)));
  assert.match(text, /project key/);
  assert.doesNotMatch(text, /Verified/, 'not checked live, so not verified');
  assert.equal(await focused(page), 'Add Credential', 'focus returns to Add Credential');
  await page.locator('#announcer').filter({ hasText: 'Saved “Production”' }).waitFor();
  await assertKeyNowhere(page, KEY);

  await page.reload();
  await tile(page, 'Production').waitFor();
  assert.ok(await group(page).getByRole('radio', { name: 'Production' }).isChecked(), 'still selected after a reload');

  // A server restart: the same data folder, a new process of the API.
  await server.close();
  ({ server, url } = await startDemoServer('node_modules/.vite-e2e', dataDir));
  page = await openDemo(t);
  await tile(page, 'Production').waitFor();
  assert.match(await tile(page, 'Production').innerText(), new RegExp(hintOf(KEY)));
});

test('the key is stored encrypted: no file of the data folder holds it', async (t) => {
  const page = await openDemo(t);
  await fillOverlay(page, { name: 'Sealed', key: KEY });
  await page.getByRole('button', { name: 'Save' }).click();
  await tile(page, 'Sealed').waitFor();
  const files = [];
  const walk = (dir) => readdirSync(dir).forEach((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : files.push(join(dir, n))));
  walk(dataDir);
  for (const file of files) assert.equal(readFileSync(file).indexOf(KEY), -1, `${file} holds the key`);
});

test('a backend failure loses nothing: the error shows, every value stays, Save works again', async (t) => {
  const page = await openDemo(t);
  await page.getByLabel('Simulate a backend failure').check();
  await fillOverlay(page, { name: 'Staging', description: 'Team sandbox', key: KEY });
  await page.getByRole('button', { name: 'Save' }).click();

  await dialog(page).getByRole('alert').filter({ hasText: 'did not answer' }).waitFor();
  assert.equal(await page.getByLabel('Credential Name').inputValue(), 'Staging');
  assert.equal(await page.getByLabel('Credential Description').inputValue(), 'Team sandbox');
  assert.equal(await page.getByLabel('API Key Value').inputValue(), KEY);
  assert.ok(await page.getByRole('button', { name: 'Save', exact: true }).isEnabled(), 'Save works again');

  // The page reaches its server again: the same Save now works.
  await page.getByLabel('Simulate a backend failure').evaluate((box) => {
    box.checked = false;
    box.dispatchEvent(new Event('change'));
  });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await tile(page, 'Staging').waitFor();
  await assertKeyNowhere(page, KEY);
});

test("the server's errors land on their fields: a duplicate name on Credential Name", async (t) => {
  await seedCredentials(url);
  const page = await openDemo(t);
  await fillOverlay(page, { name: 'beta', key: KEY });
  await page.getByRole('button', { name: 'Save' }).click();
  const name = page.getByLabel('Credential Name');
  await dialog(page).locator('[part="error"]').filter({ hasText: 'A credential with this name already exists for this provider.' }).waitFor();
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  assert.equal(await focused(page), 'Credential Name', 'focus moves to the field');
  assert.equal(await page.getByLabel('API Key Value').inputValue(), KEY, 'nothing typed is cleared');
});

test('a key the rules reject shows its error on the key field and adds nothing', async (t) => {
  const page = await openDemo(t);
  await fillOverlay(page, { name: 'Wrong one', key: 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz012345' });
  await page.getByRole('button', { name: 'Save' }).click();
  const keyField = page.getByLabel('API Key Value');
  await dialog(page).getByText(/looks like a key from Anthropic/).waitFor();
  assert.equal(await keyField.getAttribute('aria-invalid'), 'true');
  assert.equal(await focused(page), 'API Key Value');
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Something was typed: the page asks first.
  await page.getByRole('dialog', { name: 'Discard changes?' }).waitFor();
  assert.equal(await focused(page), 'Keep editing');
  await page.keyboard.press('Enter');
  assert.ok(await dialog(page).isVisible(), 'Keep editing keeps the overlay');
  assert.equal(await keyField.inputValue(), 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz012345');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Discard' }).click();
  await dialog(page).waitFor({ state: 'hidden' });
  assert.equal(await tileRadios(page).count(), 0);
});

test('tiles are a radio group: select by click or arrow keys; the choice survives a reload', async (t) => {
  await seedCredentials(url, { verifyAlpha: true });
  const page = await openDemo(t);
  await tile(page, 'Gamma').waitFor();
  assert.match(await tile(page, 'Alpha').innerText(), /Verified/);

  await group(page).getByRole('radio', { name: 'Beta' }).click();
  assert.ok(await group(page).getByRole('radio', { name: 'Beta' }).isChecked());
  await page.keyboard.press('ArrowDown');
  assert.ok(await group(page).getByRole('radio', { name: 'Gamma' }).isChecked(), 'arrow keys move the selection');

  await page.reload();
  await tile(page, 'Gamma').waitFor();
  assert.ok(await group(page).getByRole('radio', { name: 'Gamma' }).isChecked());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('would configure the source with “Gamma”').waitFor();
});

test('edits a tile: the saved key stays (its hint and type), a rename is saved', async (t) => {
  const [alpha] = await seedCredentials(url);
  const page = await openDemo(t);
  await page.getByRole('button', { name: 'Edit Alpha' }).click();
  await dialog(page).waitFor();
  await page.getByRole('heading', { name: 'Edit Credential' }).waitFor();
  assert.equal(await page.getByLabel('Credential Name').inputValue(), 'Alpha');
  assert.equal(await page.getByLabel('API Key Value').inputValue(), '');
  await dialog(page).getByText(`Saved key: ${alpha.keyHint}. Leave empty to keep it.`).waitFor();
  await page.getByLabel('Credential Name').fill('Alpha EU');
  await page.getByRole('button', { name: 'Save' }).click();
  await dialog(page).waitFor({ state: 'hidden' });
  await tile(page, 'Alpha EU').waitFor();
  const text = await tile(page, 'Alpha EU').innerText();
  assert.match(text, new RegExp(alpha.keyHint));
  assert.match(text, /project key/);
  assert.equal(await focused(page), 'Edit Alpha EU', 'focus returns to the tile');
  // The server still has the key: its own check of the saved key passes.
  const check = await (await fetch(new URL('/api/credentials/check', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: alpha.id }) })).json();
  assert.equal(check.ok, true);
  assert.equal(check.check.status, 'valid');
});

test('deletes a tile with the keyboard after a confirm step; Keep and Escape keep it', async (t) => {
  await seedCredentials(url);
  const page = await openDemo(t);
  await tile(page, 'Gamma').waitFor();

  await page.getByRole('button', { name: 'Delete Beta' }).click();
  assert.equal(await focused(page), 'Keep', 'focus goes to the safe choice');
  await page.keyboard.press('Escape');
  assert.equal(await focused(page), 'Delete Beta', 'Escape keeps it and returns focus');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), 'Delete');
  await page.keyboard.press('Enter');
  await tile(page, 'Beta').waitFor({ state: 'detached' });
  assert.equal(await tileRadios(page).count(), 2);
  await page.locator('#announcer').filter({ hasText: 'Deleted “Beta”' }).waitFor();
  await page.reload();
  await tile(page, 'Gamma').waitFor();
  assert.equal(await tile(page, 'Beta').count(), 0, 'still gone after a reload');
});

test('live check from the browser: VALID is Verified, REVOKED errors on the key field, RATE is a real key (Rate-limited), DOWN offers Save without checking', async (t) => {
  const page = await openDemo(t);
  await page.getByLabel('Check the key live').selectOption('browser');

  await fillOverlay(page, { name: 'Revoked', key: KEY.replace('VALID', 'REVOKED') });
  await page.getByRole('button', { name: 'Save' }).click();
  await dialog(page).getByText(/OpenAI did not accept this key/).waitFor();
  assert.equal(await page.getByLabel('API Key Value').getAttribute('aria-invalid'), 'true');

  await page.getByLabel('API Key Value').fill(KEY.replace('VALID', 'DOWN'));
  await page.getByLabel('Credential Name').fill('Provider down');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Save without checking' }).click();
  await tile(page, 'Provider down').waitFor();
  assert.doesNotMatch(await tile(page, 'Provider down').innerText(), /Verified/);

  // A rate-limited key is real: saved as Verified, and the tile says Rate-limited (the server's own check).
  await fillOverlay(page, { name: 'Rate limited', key: KEY.replace('VALID', 'RATE') });
  await page.getByRole('button', { name: 'Save' }).click();
  await tile(page, 'Rate limited').waitFor();
  assert.match(await tile(page, 'Rate limited').innerText(), /Verified[\s\S]*Rate-limited/);

  await fillOverlay(page, { name: 'Checked', key: KEY });
  await page.getByRole('button', { name: 'Save' }).click();
  await tile(page, 'Checked').waitFor();
  assert.match(await tile(page, 'Checked').innerText(), /Verified/);
  await assertKeyNowhere(page, KEY);
});

test('live check from the server, for a provider that refuses browsers (Cohere)', async (t) => {
  const page = await openDemo(t);
  await page.getByLabel('Provider preset').selectOption('cohere');
  await page.getByLabel('Check the key live').selectOption('server');
  await page.getByRole('heading', { name: 'Cohere credentials' }).waitFor();
  const key = testKeys.cohere.VALID;
  await page.locator('#test-keys code').filter({ hasText: key }).waitFor();
  await fillOverlay(page, { name: 'Cohere prod', key });
  await page.getByRole('button', { name: 'Save' }).click();
  await tile(page, 'Cohere prod').waitFor();
  assert.match(await tile(page, 'Cohere prod').innerText(), /Verified/);
});

test('Check key, then Default model offers the models; Connect OpenRouter gets a key from its (mock) approval page', async (t) => {
  const page = await openDemo(t);
  await page.getByLabel('Check the key live').selectOption('browser');
  await page.getByRole('button', { name: 'Add Credential' }).click();
  await page.getByLabel('API Key Value').fill(KEY);
  await page.getByRole('button', { name: 'Check key' }).click();
  await page.locator('credential-overlay [part="check-outcome"]').filter({ hasText: /^Valid key · 5 models$/ }).waitFor();
  assert.equal(await page.getByLabel('Default model').getAttribute('placeholder'), 'gpt-4.1');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Discard' }).click();
  await dialog(page).waitFor({ state: 'hidden' });

  await page.getByLabel('Provider preset').selectOption('openrouter');
  await page.getByRole('heading', { name: 'OpenRouter credentials' }).waitFor();
  await page.getByRole('button', { name: 'Add Credential' }).click();
  await page.getByLabel('Credential Name').fill('Connected');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Connect OpenRouter' }).click()]);
  // The callback page closes the window itself once the overlay has the answer.
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Allow' }).click();
  await page.locator('credential-overlay [part="key-received"]').filter({ hasText: /^Key received from OpenRouter: sk-or-v1-…/ }).waitFor();
  await closed;
  await page.getByRole('button', { name: 'Save' }).click();
  await tile(page, 'Connected').waitFor();
  assert.match(await tile(page, 'Connected').innerText(), /Verified/);
});

test('settings: another preset with its fields, dark mode and a custom theme reach the elements', async (t) => {
  const page = await openDemo(t);
  const overlay = page.locator('credential-overlay');
  await page.getByLabel('Provider preset').selectOption('azure-openai');
  await page.getByRole('heading', { name: 'Azure OpenAI credentials' }).waitFor();
  await page.getByRole('button', { name: 'Add Credential' }).click();
  await dialog(page).getByLabel('Endpoint').waitFor();
  await dialog(page).getByLabel('Deployment').waitFor();
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'hidden' });

  await page.getByRole('radio', { name: 'Dark' }).check();
  assert.equal(await overlay.evaluate((el) => getComputedStyle(el).colorScheme), 'dark');
  await page.getByLabel('Custom theme').check();
  assert.notEqual(await overlay.evaluate((el) => getComputedStyle(el).getPropertyValue('--credential-overlay-accent').trim()), '');
  await page.reload();
  assert.equal(await page.getByLabel('Provider preset').inputValue(), 'azure-openai', 'settings are kept');
});

test('accessible: axe finds nothing, light and dark, with tiles and a confirm; no sideways scroll at 320 px', async (t) => {
  const page = await openDemo(t);
  await axe(page, 'empty');
  await seedCredentials(url);
  await page.reload();
  await tile(page, 'Gamma').waitFor();
  await axe(page, 'with tiles');
  await page.getByRole('button', { name: 'Delete Beta' }).click();
  await axe(page, 'confirming a delete');

  const dark = await openDemo(t, { colorScheme: 'dark' });
  await tile(dark, 'Gamma').waitFor();
  await axe(dark, 'dark');
  await dark.getByLabel('Custom theme').check();
  await dark.getByRole('button', { name: 'Add Credential' }).click();
  await dialog(dark).waitFor();
  await axe(dark, 'dark, overlay open, custom theme');

  const phone = await openDemo(t, { width: 320, height: 700 });
  await tile(phone, 'Gamma').waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 320 px (overflow ${overflow}px)`);
  await axe(phone, '320 px');
});

test('the API reference page lists both elements from custom-elements.json, axe-clean', async (t) => {
  const page = await openDemo(t);
  await page.getByRole('link', { name: 'API reference' }).click();
  await page.locator('main:not([aria-busy])').waitFor({ timeout: 60_000 }); // the analyzer runs on first request
  assert.deepEqual(await page.getByRole('heading', { level: 2 }).allTextContents(), ['<credential-overlay>', '<credential-picker>']);
  const events = page.getByRole('region', { name: 'credential-overlay: events' });
  for (const name of ['credential-saved', 'credential-cancel', 'credential-request-close', 'credential-close']) {
    await events.getByRole('rowheader', { name }).waitFor();
  }
  await events.getByRole('cell', { name: 'CustomEvent<CredentialSavedDetail>' }).waitFor();
  const props = page.getByRole('region', { name: 'credential-overlay: attributes and properties' });
  await props.getByRole('row', { name: /existingKeyHint existing-key-hint/ }).waitFor();
  await page.getByRole('region', { name: 'credential-picker: CSS parts' }).getByRole('rowheader', { name: '::part(tile)' }).waitFor();
  await page.getByRole('region', { name: 'credential-overlay: methods' }).getByRole('rowheader', { name: 'show()' }).waitFor();
  await axe(page, 'API reference');
});
