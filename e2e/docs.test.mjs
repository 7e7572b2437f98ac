// End-to-end tests of the documentation pages the demo site serves beside its API page
// (demo/docs-plugin.ts renders docs/*.md, the README and the CHANGELOG, to /docs/<name>.html): every
// page loads under the demo's own Content-Security-Policy with one h1, every link between
// pages (and to the API page) and every anchor and picture resolves, and axe finds nothing.
// In headless Chromium (playwright-core with the system Chromium) against Vite's dev server,
// as e2e/demo.test.mjs. `npm run test:e2e`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { axe, chromeLaunchOptions, startDemoServer } from './shared.mjs';

const root = new URL('..', import.meta.url);
// The policy `npm run serve` sends with every page of the built demo (server/demo-routes.ts).
const CSP = /const CSP = "([^"]+)"/.exec(readFileSync(new URL('server/demo-routes.ts', root), 'utf8'))[1];

/** Every page the site should have: one per docs/*.md (README.md is the index), and the repository's README and CHANGELOG. */
const PAGES = [
  ...readdirSync(new URL('docs/', root))
    .filter((f) => f.endsWith('.md'))
    .map((f) => (f === 'README.md' ? 'index' : f.slice(0, -3))),
  'readme',
  'changelog',
];

let server;
let browser;
let url;

before(async () => {
  ({ server, url } = await startDemoServer('node_modules/.vite-e2e-docs'));
  browser = await chromium.launch(chromeLaunchOptions());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page that receives the demo's CSP with every document of the site, and records every error. */
async function openPage(t, path, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(60_000); // the first load on a fresh clone may wait for the demo's server
  t.after(() => context.close());
  await context.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  t.after(() => assert.deepEqual(errors, [], `no errors on ${path} (a CSP violation, a missing picture, …)`));
  const response = await page.goto(new URL(path, url).href, { waitUntil: 'load' });
  assert.equal(response.status(), 200, `${path} answers 200`);
  return page;
}

/** The HTML of a same-origin page, fetched once. */
const fetched = new Map();
async function html(href) {
  if (!fetched.has(href)) fetched.set(href, fetch(href).then(async (r) => ({ status: r.status, text: await r.text() })));
  return fetched.get(href);
}

test('the demo links to the documentation next to the API reference', async (t) => {
  const context = await browser.newContext();
  context.setDefaultNavigationTimeout(60_000);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const links = await page.locator('header.topbar a').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
  const at = links.findIndex(([name]) => name === 'Documentation');
  assert.deepEqual(links[at], ['Documentation', '/docs/index.html']);
  assert.equal(links[at - 1]?.[0], 'API reference', 'beside "API reference"');
  const index = await openPage(t, '/docs/index.html');
  assert.match(await index.getByRole('heading', { level: 1 }).innerText(), /documentation/i);
});

test('a page that does not exist is a 404, not the demo page', async () => {
  const response = await fetch(new URL('/docs/no-such-page.html', url));
  assert.equal(response.status, 404);
});

for (const name of PAGES) {
  test(`docs page ${name}: loads under the demo's CSP with one h1, its links, anchors and pictures resolve, axe-clean`, async (t) => {
    const page = await openPage(t, `/docs/${name}.html`);
    const h1 = await page.getByRole('heading', { level: 1 }).allInnerTexts();
    assert.equal(h1.length, 1, 'one h1');
    assert.ok(h1[0].trim(), 'the h1 has text');
    assert.match(await page.title(), /· credential-overlay$/);

    // No script and no inline style: what the demo's CSP would refuse is not there to refuse.
    const inline = await page.evaluate(() => ({
      scripts: document.scripts.length,
      styled: document.querySelectorAll('[style]').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
      md: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => /\.md(#|$)/.test(h)),
    }));
    assert.deepEqual(inline, { scripts: 0, styled: 0, handlers: 0, md: [] }, 'no script, style attribute, inline handler or .md link');

    const pictures = await page.evaluate(() => [...document.images].map((i) => ({ src: i.currentSrc, ok: i.complete && i.naturalWidth > 0, alt: i.alt })));
    for (const p of pictures) {
      assert.ok(p.ok, `picture ${p.src} loads`);
      assert.ok(p.alt.trim(), `picture ${p.src} has a text alternative`);
    }

    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.href));
    const origin = new URL(url).origin;
    for (const href of new Set(links)) {
      const target = new URL(href);
      if (target.origin !== origin) {
        assert.match(target.protocol, /^https?:$/, `${href}: a web address`);
        continue; // not fetched: the tests reach no other host
      }
      const pageUrl = `${target.origin}${target.pathname}`;
      const { status, text } = await html(pageUrl);
      assert.equal(status, 200, `${href} resolves (from ${name})`);
      // Anchors: on a docs page the id must be there; the API page renders its own, and the demo has none linked.
      if (target.hash && target.pathname.startsWith('/docs/')) {
        const id = decodeURIComponent(target.hash.slice(1));
        assert.ok(text.includes(`id="${id}"`), `${href}: #${id} exists on ${target.pathname} (from ${name})`);
      }
    }
    await axe(page, name);
  });
}

test('the docs pages are axe-clean in dark and at 320 px, without sideways scrolling', async (t) => {
  for (const name of ['index', 'overlay', 'check']) {
    const dark = await openPage(t, `/docs/${name}.html`, { colorScheme: 'dark' });
    await axe(dark, `${name}, dark`);
    const phone = await openPage(t, `/docs/${name}.html`, { width: 320, height: 700 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: no horizontal scroll at 320 px (overflow ${overflow}px)`);
    await axe(phone, `${name}, 320 px`);
  }
});
