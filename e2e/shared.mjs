// What both end-to-end files (Chromium through Playwright, Firefox through puppeteer) share:
// the demo's dev server, the test key, the leak check and keyboard navigation. Both drivers' `page.evaluate(fn,
// arg)` have the same shape.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { findChrome } from '../scripts/chrome.mjs';

/** A well-formed project key that the mock accepts when the live check is on (not the demo's own test key, which the page shows, so a leak shows). */
export const KEY = 'sk-proj-e2e-VALID-Xy3kQ9aZ0vL2mN8pT3BlbkFJw7Hc5Ud1q9Zz';
export const hintOf = (key) => `sk-proj-…${key.slice(-4)}`;

/**
 * Starts Vite's dev server on the demo, with its server (the API on PGlite in `dataDir`, a
 * fresh temp folder by default), on a free loopback port. No file watching or hot reload (a
 * file saved while the tests run must not reload the page), and a pre-bundle cache of its own
 * (`cacheDir`), so a dev server running next to the tests cannot disturb them.
 */
export async function startDemoServer(cacheDir, dataDir = mkdtempSync(join(tmpdir(), 'credential-e2e-'))) {
  // Read by server/vite-plugin.ts when the config loads.
  process.env.CREDENTIAL_DATA_DIR = dataDir;
  process.env.CREDENTIAL_MASTER_KEY = Buffer.alloc(32, 5).toString('base64');
  const server = await createServer({
    root: fileURLToPath(new URL('..', import.meta.url)),
    cacheDir,
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    logLevel: 'error',
  });
  await server.listen();
  return { server, url: server.resolvedUrls.local[0], dataDir };
}

/** How the Chromium tests start the system's Chromium (or CHROME_PATH's), without background traffic. */
export function chromeLaunchOptions() {
  const executablePath = findChrome();
  assert.ok(executablePath, 'No Chromium found: run `node scripts/chrome.mjs --ensure` or set CHROME_PATH.');
  return {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page (playwright); asserts it finds nothing. */
export async function axe(page, label) {
  // Evaluated through the driver: a <script> tag would be refused by the page's Trusted Types.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe, ${label}`);
}

/** Deletes every saved credential through the demo's API. */
export async function resetCredentials(url) {
  const list = await (await fetch(new URL('/api/credentials', url))).json();
  for (const c of list) await fetch(new URL(`/api/credentials/${c.id}`, url), { method: 'DELETE' });
}

/**
 * Saves three credentials (Alpha, Beta, Gamma) through the demo's API; with `verifyAlpha`,
 * the server checks Alpha live. Only the test that shows a verified tile asks for it: the
 * server allows 10 checks a minute from one address, and a quick run of the whole file
 * must stay under that whatever the machine's speed.
 */
export async function seedCredentials(url, { verifyAlpha = false } = {}) {
  const saved = [];
  for (const [i, name] of ['Alpha', 'Beta', 'Gamma'].entries()) {
    const res = await fetch(new URL('/api/credentials', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'openai', name, description: `${name} team`, apiKey: KEY.replace('e2e', `e2e${i}`), verify: verifyAlpha && i === 0 }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    saved.push(await res.json());
  }
  return saved;
}

/** Everything the page could leak the key through: storage, URL and visible text. */
export async function assertKeyNowhere(page, key) {
  const where = await page.evaluate((key) => {
    const found = [];
    for (const [name, store] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
      for (let i = 0; i < store.length; i++) {
        const k = store.key(i);
        if (k.includes(key) || store.getItem(k).includes(key)) found.push(name);
      }
    }
    if (location.href.includes(key)) found.push('URL');
    if (document.documentElement.outerHTML.includes(key)) found.push('document');
    if (document.body.innerText.includes(key)) found.push('text');
    return found;
  }, key);
  assert.deepEqual(where, [], `the key leaked into: ${where.join(', ')}`);
}

/** The focused element, inside shadow roots: its label, or its accessible-name-ish text. */
export const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return '';
    return (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || '').replace(/\s+/g, ' ').trim();
  });

/** Presses Tab until the focused control's name starts with `name` (at most `max` times). */
export async function tabTo(page, name, max = 40) {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)).startsWith(name)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached “${name}”; last focused: “${await focused(page)}”`);
}

