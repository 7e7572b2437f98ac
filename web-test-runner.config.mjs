// The unit and element tests, in Chromium, Firefox and WebKit (one page at a time in each).
// `WTR_ENGINES=firefox npx wtr` (or `chromium`, `webkit`, a comma-separated list) runs
// fewer; the default is all three. See scripts/browsers.mjs for where each engine comes from.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { findChrome, findFirefox, findWebKit, needsDisplay, selectedEngines } from './scripts/browsers.mjs';
import { mockApiMiddleware } from './test/mock-api.mjs';

const engines = selectedEngines();

/** The engine a session runs in, from its launcher. */
const engineOf = (session) => session.browser.engine ?? 'chromium';

/**
 * Prints, per engine, every skipped test with the reason it gives (nothing is skipped
 * silently), a count per engine, and last the plain closing line CI reads:
 * `N passed, N failed, N skipped`.
 */
function summaryReporter() {
  let lines = [];
  return {
    onTestRunFinished({ sessions }) {
      const total = { passed: 0, failed: 0, skipped: 0 };
      const perEngine = new Map();
      const skips = [];
      for (const s of sessions) {
        const name = s.browser.name;
        const counts = perEngine.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
        perEngine.set(name, counts);
        const walk = (suite, path) => {
          for (const t of suite.tests) {
            const key = t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed';
            counts[key]++;
            total[key]++;
            if (t.skipped) skips.push(`  ${name}: ${[...path, t.name].join(' › ')}`);
          }
          for (const child of suite.suites) walk(child, [...path, child.name]);
        };
        if (s.testResults) walk(s.testResults, [s.testFile.replace(/^.*\/test\//, 'test/')]);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) {
          counts.failed++;
          total.failed++;
        }
      }
      lines = [];
      if (skips.length) lines.push(`Skipped (${skips.length}), each with its reason:`, ...skips);
      for (const [name, c] of perEngine) lines.push(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
      lines.push(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
    },
    stop() {
      if (lines.length) console.log(`\n${lines.join('\n')}`);
    },
  };
}

/**
 * `executeServerCommand('emulate-media-features', [{ name, value }])` emulates CSS media
 * features; each call replaces the previous list, `[]` resets. Resolves to `true`, or to a
 * string saying why this engine cannot (the test then skips with that reason).
 * - Chromium: the DevTools protocol (`emulateMedia` and puppeteer's `emulateMediaFeatures`
 *   refuse `forced-colors`).
 * - Firefox: its preferences, set at run time through WebDriver BiDi in the browser's
 *   privileged scope (Firefox is launched with `-remote-allow-system-access`).
 * - WebKit: WebDriver has no way; see `webkit` below for what the launch settles.
 */
function mediaFeaturesPlugin() {
  const clients = new WeakMap();
  const firefoxPrefs = {
    'prefers-color-scheme': (v) => ({ 'layout.css.prefers-color-scheme.content-override': v === 'dark' ? 0 : 1 }),
    'prefers-reduced-motion': (v) => ({ 'ui.prefersReducedMotion': v === 'reduce' ? 1 : 0 }),
    'forced-colors': (v) => ({ 'browser.display.document_color_use': v === 'active' ? 2 : 0 }),
  };
  const allFirefoxPrefs = ['layout.css.prefers-color-scheme.content-override', 'ui.prefersReducedMotion', 'browser.display.document_color_use'];
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const features = payload ?? [];
      const engine = engineOf(session);
      if (engine === 'chromium') {
        const page = session.browser.getPage(session.id);
        if (!clients.has(page)) clients.set(page, await page.createCDPSession());
        await clients.get(page).send('Emulation.setEmulatedMedia', { features });
        return true;
      }
      if (engine === 'firefox') {
        const prefs = {};
        for (const { name, value } of features) {
          if (!firefoxPrefs[name]) return `Firefox has no preference that emulates ${name}`;
          Object.assign(prefs, firefoxPrefs[name](value));
        }
        const connection = session.browser.getPage(session.id).browser().connection;
        const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
        const set = Object.entries(prefs).map(([k, v]) => `Services.prefs.setIntPref(${JSON.stringify(k)}, ${v});`);
        const clear = allFirefoxPrefs.filter((k) => !(k in prefs)).map((k) => `Services.prefs.clearUserPref(${JSON.stringify(k)});`);
        await connection.send('script.evaluate', {
          expression: `${clear.join('')}${set.join('')}true`,
          target: { context: result.contexts[0].context },
          awaitPromise: false,
        });
        return true;
      }
      return 'WebDriver cannot emulate media features in WebKit';
    },
  };
}

/**
 * `executeServerCommand('engine-viewport', { width, height })`: `setViewport` for every
 * engine. WebDriver (WebKit) resizes the window so that the page gets exactly that size;
 * it has no device pixel ratio, which CSS layout does not see anyway.
 */
function viewportPlugin() {
  return {
    name: 'engine-viewport',
    async executeCommand({ command, payload, session }) {
      if (command !== 'engine-viewport') return undefined;
      if (session.browser.type === 'puppeteer') {
        await session.browser.getPage(session.id).setViewport(payload);
        return true;
      }
      const driver = session.browser.driver;
      const size = () => driver.execute('return [innerWidth, innerHeight]');
      for (let i = 0; i < 4; i++) {
        const [w, h] = await size();
        if (w === payload.width && h === payload.height) return true;
        const outer = await driver.getWindowRect();
        await driver.setWindowRect(null, null, outer.width + payload.width - w, outer.height + payload.height - h);
        // The page learns its new size a little later.
        for (let j = 0; j < 40; j++) {
          const [w2, h2] = await size();
          if (w2 !== w || h2 !== h) break;
          await new Promise((r) => setTimeout(r, 25));
        }
      }
      const [w, h] = await size();
      if (w !== payload.width || h !== payload.height) throw new Error(`viewport is ${w}×${h}, not ${payload.width}×${payload.height}`);
      return true;
    },
  };
}

/** WebDriver's code points for the named keys the tests press. */
const webdriverKeys = {
  Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D', Tab: '\uE004', Enter: '\uE007',
  Escape: '\uE00C', Backspace: '\uE003', Space: ' ', ArrowLeft: '\uE012', ArrowUp: '\uE013',
  ArrowRight: '\uE014', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010', Delete: '\uE017',
};
const webdriverKey = (k) => webdriverKeys[k] ?? k;

/** Presses `keys` together over WebDriver (the first ones held), in one action sequence. */
async function webdriverChord(driver, keys) {
  await driver.performActions([
    {
      type: 'key',
      id: 'keyboard',
      actions: [
        ...keys.map((k) => ({ type: 'keyDown', value: webdriverKey(k) })),
        ...[...keys].reverse().map((k) => ({ type: 'keyUp', value: webdriverKey(k) })),
      ],
    },
  ]);
  await driver.releaseActions();
}

/**
 * `executeServerCommand('keys', payload)`: `sendKeys` (`type`, `press`, `down`, `up`) in
 * every engine. Puppeteer (Chromium, Firefox) as the stock command does. WebDriver
 * (WebKit): the stock command has no `down`/`up`, and WebKitGTK's driver drops the second
 * of two equal characters in one action sequence ("aa" types "a"), so text goes in runs
 * without a repeated character.
 */
function keysPlugin() {
  const held = new Set();
  return {
    name: 'keys',
    async executeCommand({ command, payload, session }) {
      if (command !== 'keys') return undefined;
      if (session.browser.type === 'puppeteer') {
        const { keyboard } = session.browser.getPage(session.id);
        if ('type' in payload) await keyboard.type(payload.type);
        else if ('press' in payload) await keyboard.press(payload.press);
        else if ('down' in payload) await keyboard.down(payload.down);
        else await keyboard.up(payload.up);
        return true;
      }
      const driver = session.browser.driver;
      if ('type' in payload) {
        let run = '';
        for (const ch of payload.type) {
          if (run && run[run.length - 1] === ch) {
            await driver.keys([...run]);
            run = '';
          }
          run += ch;
        }
        if (run) await driver.keys([...run]);
      } else if ('press' in payload) {
        await webdriverChord(driver, [...held, payload.press]);
      } else if ('down' in payload) {
        held.add(payload.down);
      } else {
        held.delete(payload.up);
      }
      return true;
    },
  };
}

/**
 * `executeServerCommand('key-chord', ['Shift', 'Tab'])`: presses keys together (the first
 * ones held) in every engine.
 */
function keyChordPlugin() {
  return {
    name: 'key-chord',
    async executeCommand({ command, payload, session }) {
      if (command !== 'key-chord') return undefined;
      if (session.browser.type === 'puppeteer') {
        const { keyboard } = session.browser.getPage(session.id);
        for (const k of payload.slice(0, -1)) await keyboard.down(k);
        await keyboard.press(payload[payload.length - 1]);
        for (const k of payload.slice(0, -1).reverse()) await keyboard.up(k);
        return true;
      }
      await webdriverChord(session.browser.driver, payload);
      return true;
    },
  };
}

/**
 * Keys the page never holds but through its own key field, and a search of the page's whole
 * JavaScript heap for them (contract section 8: "the element keeps no reference to the key",
 * also in `#private` fields, which no script can enumerate). Chromium only: the DevTools
 * protocol's heap snapshot holds every live string's text; Firefox's heap snapshots hold no
 * string contents and WebDriver has no heap inspection, so there it answers with a reason.
 *
 * - `executeServerCommand('secret-type', { name })`: enters the key called `name` into the
 *   focused control as a paste or an input method does (one `insertText` input); the first
 *   time, makes it (random, of the OpenAI legacy shape) and keeps it here. The page's script
 *   never receives it but from the control.
 * - `executeServerCommand('heap-holds-secret')`: collects garbage, takes one heap snapshot and
 *   answers, for every key typed in this page, how many times it occurs there
 *   (`{ name: count }`; 0: nothing live holds it), or a string saying why this engine cannot.
 */
function secretHeapPlugin() {
  const secrets = new Map();
  const clients = new WeakMap();
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const random = (n) => Array.from(randomBytes(n), (b) => alnum[b % alnum.length]).join('');
  const cannot = {
    firefox: "Firefox's heap snapshots record no string contents, and WebDriver BiDi has no heap inspection",
    webkit: 'WebDriver has no heap inspection in WebKit (its Web Inspector is not reachable from the driver)',
  };
  return {
    name: 'secret-heap',
    async executeCommand({ command, payload, session }) {
      if (command !== 'secret-type' && command !== 'heap-holds-secret') return undefined;
      const engine = engineOf(session);
      if (engine !== 'chromium') return cannot[engine];
      const page = session.browser.getPage(session.id);
      if (!secrets.has(session.id)) secrets.set(session.id, new Map());
      const mine = secrets.get(session.id);
      if (command === 'secret-type') {
        if (!mine.has(payload.name)) mine.set(payload.name, `sk-${random(20)}T3BlbkFJ${random(20)}`);
        // At once, as a paste or an input method's commit does (`Input.insertText`): one input
        // event; typing 51 keys one by one costs about a second a key.
        await page.keyboard.sendCharacter(mine.get(payload.name));
        return true;
      }
      if (!clients.has(page)) clients.set(page, await page.createCDPSession());
      const client = clients.get(page);
      const chunks = [];
      const onChunk = ({ chunk }) => chunks.push(chunk);
      client.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      try {
        await client.send('HeapProfiler.enable');
        await client.send('HeapProfiler.collectGarbage');
        await client.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      } finally {
        client.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      }
      const heap = chunks.join('');
      return Object.fromEntries([...mine].map(([name, secret]) => [name, heap.split(secret).length - 1]));
    },
  };
}

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-component-update', '--disable-background-networking'];

function chromium() {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/chrome.mjs --ensure` or set CHROME_PATH.');
  return named(chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromiumArgs } }), 'Chromium', 'chromium');
}

function firefox() {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: run `node scripts/chrome.mjs --ensure` or set FIREFOX_PATH.');
  return named(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath,
        headless: true,
        // Lets the media-features command set preferences in the browser's own scope.
        args: ['-remote-allow-system-access'],
      },
    }),
    'Firefox',
    'firefox',
  );
}

/** A free TCP port on localhost. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const children = [];
const stopChildren = () => children.splice(0).forEach((c) => c.kill());
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopChildren(), process.exit(1)));

/** Starts Xvfb on a free display and points $DISPLAY at it (WebKitGTK needs an X display). */
async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  children.push(xvfb);
  const display = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  process.env.DISPLAY = `:${display}`;
}

async function webkit() {
  const found = findWebKit();
  if (!found) throw new Error('No WebKitGTK found: run `node scripts/chrome.mjs --ensure` (Debian: webkit2gtk-driver).');
  if (needsDisplay()) await startXvfb();
  const port = await freePort();
  // WebDriver cannot emulate media features in WebKit, so MiniBrowser starts with the GTK
  // setting that WebKitGTK maps to prefers-reduced-motion: reduce; the layout tests then
  // measure settled boxes as in the other engines, and the tests that need animations on
  // (or dark, or forced colours) say that they are skipped and why.
  const config = mkdtempSync(join(tmpdir(), 'wtr-webkit-'));
  mkdirSync(join(config, 'gtk-3.0'));
  writeFileSync(join(config, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=false\n');
  // MiniBrowser's toolbar keeps its window at least ~450 px wide; shrunk to nothing, the
  // window (and so the page) can be as narrow as a phone's 320 CSS px.
  writeFileSync(
    join(config, 'gtk-3.0', 'gtk.css'),
    '* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; } entry { min-width: 1px; }\n',
  );
  process.on('exit', () => rmSync(config, { recursive: true, force: true }));
  const driver = spawn(found.driver, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, XDG_CONFIG_HOME: config } });
  children.push(driver);
  // Wait until the driver answers.
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
    } catch {
      if (i > 100) throw new Error('WebKitWebDriver did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const { webdriverLauncher } = await import('@web/test-runner-webdriver');
  return named(
    webdriverLauncher({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver refuses a session that asks for WebDriver BiDi.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: found.browser, args: ['--automation'] },
      },
    }),
    'WebKit',
    'webkit',
  );
}

const launchers = { chromium, firefox, webkit };

/** Names the launcher after its engine (the WebDriver launcher would call itself "MiniBrowser"). */
const named = (launcher, name, engine) =>
  Object.defineProperties(launcher, { name: { get: () => name, set() {} }, engine: { value: engine } });

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // A local mock of the providers' /models endpoints for the live-check tests.
  middleware: [
    mockApiMiddleware,
    // /csp/page.html under a strict CSP and Trusted Types, for test/hardening-csp.test.ts.
    async (ctx, next) => (await import('./test/fixtures/csp-middleware.mjs')).cspMiddleware(ctx, next),
  ],
  // One page at a time per engine: keyboard tests need the focused page (only one tab can have it).
  concurrency: 1,
  concurrentBrowsers: 3,
  testsFinishTimeout: 120_000,
  browserStartTimeout: 60_000,
  plugins: [
    a11ySnapshotPlugin(),
    mediaFeaturesPlugin(),
    viewportPlugin(),
    keysPlugin(),
    keyChordPlugin(),
    secretHeapPlugin(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  browsers: await Promise.all(engines.map((e) => launchers[e]())),
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  // Three engines share 2 cores: a test that runs axe over eight states in WebKit can need
  // more than mocha's 5 s when the machine is busy. A hang still fails (testsFinishTimeout).
  testFramework: { config: { timeout: 20_000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
