// Screenshots of the demo page in headless Chromium: `node scripts/demo-screenshots.mjs`.
// Writes docs/demo-*.png: the empty Authenticate step, the overlay open, the step with saved
// tiles, a key the live check rejected, dark mode, the custom theme, and a 320 px phone.
import { chromium } from 'playwright-core';
import { chromeLaunchOptions, resetCredentials, startDemoServer } from '../e2e/shared.mjs';

// The demo with its server on a throw-away data folder.
const { server, url } = await startDemoServer('node_modules/.vite-screenshots');
const browser = await chromium.launch(chromeLaunchOptions());

const KEY = 'sk-proj-Xy3kQ9_aZ0vL2mN8pR4tT3BlbkFJw7Hc5Ud1Ke6Jf0Gb9x9Qz';

/** Saved credentials, saved through the demo's API as the page would. */
const seed = [
  { name: 'Production', description: 'Nightly enrichment job, project “analytics”.', apiKey: 'sk-proj-demo-VALID-Xy3kQ9aZ0vL2mN8pT3BlbkFJw7Hc5Ud1x9Qz', verify: true },
  { name: 'Staging', description: 'Shared by the data team for testing new pipelines.', apiKey: 'sk-svcacct-Xy3kQ9aZ0vL2mN8pT3BlbkFJw7Hc5Ud1q8Lm7HcA' },
];
async function save(tiles) {
  await resetCredentials(url);
  for (const c of tiles) {
    await fetch(new URL('/api/credentials', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider: 'openai', ...c }) });
  }
}

async function shoot({ name, width = 1280, height = 860, scheme = 'light', tiles = [], settings, act, fullPage = false }) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && console.error('console:', m.text()));
  await save(tiles);
  await page.addInitScript((settings) => {
    if (settings) localStorage.setItem('credential-overlay-demo:settings', JSON.stringify(settings));
  }, settings);
  await page.goto(url);
  await page.getByRole('button', { name: 'Add Credential' }).waitFor();
  if (tiles.length) await page.locator('credential-picker').getByRole('radio').first().waitFor();
  await act?.(page);
  await page.screenshot({ path: `docs/${name}.png`, fullPage });
  console.log(`docs/${name}.png`);
  await context.close();
}

async function openAndFill(page) {
  await page.getByRole('button', { name: 'Add Credential' }).click();
  await page.getByLabel('Credential Name').fill('Analytics (EU)');
  await page.getByLabel('Credential Description').fill('Used by the EU pipelines; rotate every 90 days.');
  await page.getByLabel('API Key Value').fill(KEY);
}

try {
  await shoot({ name: 'demo-empty' });
  await shoot({ name: 'demo-overlay', tiles: seed, act: openAndFill });
  await shoot({ name: 'demo-tiles', tiles: seed });
  await shoot({
    name: 'demo-live-check',
    tiles: seed,
    settings: { verify: 'browser' },
    act: async (page) => {
      await openAndFill(page);
      await page.getByLabel('API Key Value').fill('sk-proj-demo-REVOKED-Xy3kQ9aZ0vL2mN8pT3BlbkFJw7Hc5Ud1');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText(/did not accept this key/).waitFor();
    },
  });
  await shoot({ name: 'demo-dark', scheme: 'dark', tiles: seed, settings: { scheme: 'dark' } });
  await shoot({ name: 'demo-theme', tiles: seed, settings: { theme: true }, act: openAndFill });
  await shoot({ name: 'demo-320', width: 320, height: 720, tiles: seed });
  if (process.argv.includes('--full')) await shoot({ name: 'demo-full', tiles: seed, fullPage: true });
} finally {
  await browser.close();
  await server.close();
}
