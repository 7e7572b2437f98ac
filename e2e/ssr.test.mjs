// Server rendering (issue 18): the overlay and the picker render in Node under @lit-labs/ssr
// to declarative shadow DOM, and hydrate in Chromium without a mismatch, without a console
// error, keeping the nodes the server rendered, and then work. `npm run test:e2e`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { findChrome } from '../scripts/chrome.mjs';

let server;
let browser;
let url;

before(async () => {
  server = await createServer({
    configFile: false,
    root: fileURLToPath(new URL('..', import.meta.url)),
    cacheDir: 'node_modules/.vite-ssr',
    optimizeDeps: { entries: ['e2e/ssr/client.ts'] }, // not the demo's pages
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    logLevel: 'error',
    plugins: [{
      name: 'ssr-page',
      configureServer(vite) {
        vite.middlewares.use(async (req, res, next) => {
          if (req.url !== '/ssr.html') return next();
          try {
            const { renderPage } = await vite.ssrLoadModule('/e2e/ssr/page.ts');
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.end(renderPage('/e2e/ssr/client.ts'));
          } catch (error) {
            vite.ssrFixStacktrace(error);
            res.statusCode = 500;
            res.end(String(error.stack ?? error));
          }
        });
      },
    }],
  });
  await server.listen();
  url = new URL('/ssr.html', server.resolvedUrls.local[0]).href;
  const executablePath = findChrome();
  assert.ok(executablePath, 'No Chromium found: run `node scripts/chrome.mjs --ensure` or set CHROME_PATH.');
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the server renders both elements as declarative shadow DOM, with their text', async () => {
  const res = await fetch(url);
  const page = await res.text();
  assert.equal(res.status, 200, page);
  assert.equal(page.match(/<template shadowroot="open" shadowrootmode="open">/g)?.length, 4, 'two pickers, the child overlay of one, the standalone overlay (a picker renders its own overlay only in the browser)');
  for (const text of ['Add Credential', 'aria-label="Edit Production"', 'aria-label="Delete Staging"', 'Verified', 'Credential Name', 'API Key Value', 'role="radiogroup"']) {
    assert.ok(page.includes(text), `the server's HTML has ${text}`);
  }
  assert.ok(!page.includes('sk-proj-e2e'), 'no key anywhere');
});

test('it hydrates in Chromium with no mismatch and no console error, and works', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    // Lit's development build says once that it is in dev mode: not a problem of ours.
    if ((m.type() === 'error' || m.type() === 'warning') && !/Lit is in dev mode/.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.hydrated);
  // Hydrated: the nodes the server rendered are the ones on the page now, not re-rendered.
  await page.waitForFunction(() => !document.querySelector('credential-picker').hasAttribute('defer-hydration'));
  const kept = await page.evaluate(() => ({
    tile: window.serverNodes.tile?.isConnected && window.serverNodes.tile === document.querySelector('#with-child').shadowRoot.querySelector('[part~="tile"]'),
    heading: window.serverNodes.heading?.isConnected,
  }));
  assert.deepEqual(kept, { tile: true, heading: true });

  const group = page.locator('#with-child').getByRole('radiogroup', { name: 'Credentials' });
  await group.getByRole('radio', { name: 'Production' }).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#with-child').getAttribute('value'), 'b', 'the arrow key selects Staging');

  await page.locator('#with-child').getByRole('button', { name: 'Edit Staging' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Credential' });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('Credential Name').inputValue(), 'Staging');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // The picker with no child overlay makes its own once hydrated.
  await page.locator('#alone').getByRole('button', { name: 'Add Credential' }).click();
  const added = page.getByRole('dialog', { name: 'Add New Credential' });
  await added.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.closest('#alone') !== null), true);
  await page.keyboard.press('Escape');

  await page.evaluate(() => document.querySelector('#standalone').show());
  await page.getByRole('dialog', { name: 'Add New Credential' }).getByLabel('Credential Name').and(page.locator(':focus')).waitFor();
  assert.deepEqual(problems, []);
});
