import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { findChrome } from './scripts/chrome.mjs';
import { mockApiMiddleware } from './test/mock-api.mjs';

/** Prints the plain closing line CI reads: `N passed, N failed, N skipped`. */
function summaryReporter() {
  let line = '';
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        suite.suites.forEach(walk);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) failed++;
      }
      line = `${passed} passed, ${failed} failed, ${skipped} skipped`;
    },
    stop() {
      if (line) console.log(`\n${line}`);
    },
  };
}

/**
 * `executeServerCommand('emulate-media-features', [{ name, value }])` emulates any CSS media
 * feature through the DevTools protocol: `emulateMedia` and puppeteer's
 * `emulateMediaFeatures` refuse `forced-colors`. Each call replaces the previous list; `[]`
 * resets.
 */
function mediaFeaturesPlugin() {
  const clients = new WeakMap();
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      if (!clients.has(page)) clients.set(page, await page.createCDPSession());
      await clients.get(page).send('Emulation.setEmulatedMedia', { features: payload ?? [] });
      return true;
    },
  };
}

const executablePath = findChrome();
if (!executablePath) throw new Error('No Chromium found: run `node scripts/chrome.mjs --ensure` or set CHROME_PATH.');

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // A local mock of the providers' /models endpoints for the live-check tests.
  middleware: [
    mockApiMiddleware,
    // /csp/page.html under a strict CSP and Trusted Types, for test/hardening-csp.test.ts.
    async (ctx, next) => (await import('./test/fixtures/csp-middleware.mjs')).cspMiddleware(ctx, next),
  ],
  // One page at a time: keyboard tests need the focused page (only one tab can have it).
  concurrency: 1,
  testsFinishTimeout: 120_000,
  plugins: [a11ySnapshotPlugin(), mediaFeaturesPlugin(), esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-component-update',
          '--disable-background-networking',
        ],
      },
    }),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 5000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
