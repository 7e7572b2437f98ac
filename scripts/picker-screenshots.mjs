// Screenshots of <credential-picker> in headless Chromium: `node scripts/picker-screenshots.mjs`.
// Writes docs/picker-*.png: light, dark, 320 px, the in-place delete confirmation, a pending delete.
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { findChrome } from './chrome.mjs';

const server = await createServer({
  server: { port: 0, host: '127.0.0.1' },
  logLevel: 'error',
  // Optimized up front, so the page is not reloaded when the picker is imported.
  optimizeDeps: { include: ['lit', 'lit/directives/repeat.js', 'lit/directives/if-defined.js', 'lit/directives/live.js'] },
});
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });

const credentials = [
  { id: 'a', name: 'Production', description: 'Nightly enrichment job for the EU warehouse', keyHint: 'sk-proj-…x9Qz', keyType: 'project', verified: true, createdAt: '2026-11-02T10:00:00Z' },
  { id: 'b', name: 'Staging', description: 'Shared by the QA team', keyHint: 'sk-svcacct-…Q7mc', keyType: 'service-account', createdAt: '2026-11-20T10:00:00Z' },
  { id: 'c', name: 'Research notebooks', keyHint: 'sk-…AbCd', keyType: 'legacy', verified: true, createdAt: '2026-12-01T10:00:00Z' },
];

async function shoot({ name, width = 900, height = 420, dark = false, act }) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }, { name: 'prefers-reduced-motion', value: 'reduce' }]);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${url}?picker-preview`, { waitUntil: 'networkidle0' });
  await page.evaluate(async (list) => {
    document.body.replaceChildren();
    const style = document.createElement('style');
    style.textContent = ':root{color-scheme:light dark;background:Canvas;font-family:system-ui}body{margin:24px}';
    document.head.append(style);
    await import('/src/picker.ts');
    const h = document.createElement('h2');
    h.textContent = 'Choose an OpenAI credential';
    const picker = document.createElement('credential-picker');
    picker.credentials = list;
    picker.value = 'a';
    document.body.append(h, picker);
    await picker.updateComplete;
  }, credentials);
  await act?.(page);
  await page.screenshot({ path: `docs/${name}.png`, fullPage: true });
  console.log(`docs/${name}.png`);
  await page.close();
}

try {
  await shoot({ name: 'picker-light' });
  await shoot({ name: 'picker-dark', dark: true });
  await shoot({ name: 'picker-320', width: 320, height: 640 });
  await shoot({
    name: 'picker-confirm-delete',
    act: async (page) => {
      await page.click('pierce/[aria-label="Delete Staging"]');
      await new Promise((r) => setTimeout(r, 100));
    },
  });
  await shoot({
    name: 'picker-deleting',
    act: async (page) => {
      // With the keyboard: the host's delete never settles, so the tile stays busy and focus on "Deleting…".
      await page.evaluate(() => document.querySelector('credential-picker').addEventListener('credential-delete', (e) => e.detail.waitUntil(new Promise(() => {}))));
      await page.focus('pierce/[aria-label="Delete Staging"]');
      await page.keyboard.press('Enter');
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      await page.keyboard.press('Enter');
      await new Promise((r) => setTimeout(r, 100));
    },
  });
} finally {
  await browser.close();
  await server.close();
}
