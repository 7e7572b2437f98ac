// The three engines the unit and element tests run in, and how to find (or install) each.
//
//   chromium  $CHROME_PATH, else a system Chrome or Chromium   (Debian: chromium)
//   firefox   $FIREFOX_PATH, else firefox-esr or firefox        (Debian: firefox-esr)
//   webkit    WebKitWebDriver + MiniBrowser of WebKitGTK       (Debian: webkit2gtk-driver)
//             and, without $DISPLAY, Xvfb (the config starts one) (Debian: xvfb)
//
// `WTR_ENGINES=chromium` (or `firefox`, `webkit`, or a comma-separated list) picks the
// engines; the default is all three.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The engines asked for in $WTR_ENGINES (all three by default). Throws on an unknown name. */
export function selectedEngines(value = process.env.WTR_ENGINES) {
  if (!value?.trim()) return [...ENGINES];
  const names = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((n) => n.toLowerCase());
  const unknown = names.filter((n) => !ENGINES.includes(n));
  if (unknown.length) throw new Error(`WTR_ENGINES: unknown engine ${unknown.join(', ')} (use ${ENGINES.join(', ')})`);
  return ENGINES.filter((e) => names.includes(e));
}

const first = (paths) => paths.find((p) => existsSync(p));

const chromePaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return first(chromePaths);
}

export function findFirefox() {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : undefined;
  return first(['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox']);
}

/** WebKitGTK's WebDriver and its MiniBrowser, or undefined when either is missing. */
export function findWebKit() {
  const driver = first(['/usr/bin/WebKitWebDriver', '/usr/local/bin/WebKitWebDriver']);
  const browser = first(
    ['x86_64-linux-gnu', 'aarch64-linux-gnu', 'arm-linux-gnueabihf'].flatMap((arch) => [
      `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`,
      `/usr/lib/${arch}/webkitgtk-6.0/MiniBrowser`,
      `/usr/lib/${arch}/webkit2gtk-4.0/MiniBrowser`,
    ]),
  );
  return driver && browser ? { driver, browser } : undefined;
}

/** Xvfb, for an X display when there is none (web-test-runner.config.mjs starts it). */
export const findXvfb = () => first(['/usr/bin/Xvfb', '/usr/local/bin/Xvfb']);
export const needsDisplay = () => !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

/** What each engine is missing: Debian packages to install, and a note when not on Debian. */
function missing(engines) {
  const packages = [];
  for (const engine of engines) {
    if (engine === 'chromium' && !findChrome()) {
      if (process.env.CHROME_PATH) throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
      packages.push('chromium');
    }
    if (engine === 'firefox' && !findFirefox()) {
      if (process.env.FIREFOX_PATH) throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`);
      packages.push('firefox-esr');
    }
    if (engine === 'webkit') {
      if (!findWebKit()) packages.push('webkit2gtk-driver');
      if (needsDisplay() && !findXvfb()) packages.push('xvfb');
    }
  }
  return packages;
}

/**
 * Makes sure every selected engine can run: installs the missing Debian packages when this
 * is root with apt-get, otherwise prints exactly what to run and exits 1.
 */
export function ensure(engines) {
  let packages;
  try {
    engines ??= selectedEngines();
    packages = missing(engines);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  if (packages.length) {
    const root = process.getuid?.() === 0;
    const apt = existsSync('/usr/bin/apt-get');
    if (root && apt) {
      console.log(`Installing ${packages.join(', ')} with apt-get (a minute or two)...`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
      packages = missing(engines);
    }
    if (packages.length) {
      console.error(
        `The tests need ${packages.join(', ')}. Install and run again:\n` +
          (apt ? `  sudo apt-get install -y --no-install-recommends ${packages.join(' ')}\n` : '') +
          'or set CHROME_PATH / FIREFOX_PATH, or pick engines that are installed, e.g. WTR_ENGINES=chromium.\n' +
          'WebKit needs WebKitGTK\'s WebKitWebDriver and MiniBrowser (Debian/Ubuntu: webkit2gtk-driver)\n' +
          'and an X display (the tests start Xvfb, from the xvfb package, when there is none).',
      );
      process.exit(1);
    }
  }
  const found = {
    chromium: () => findChrome(),
    firefox: () => findFirefox(),
    webkit: () => `${findWebKit().browser}${needsDisplay() ? ` (on its own Xvfb display: ${findXvfb()})` : ''}`,
  };
  for (const engine of engines) console.log(`${engine}: ${found[engine]()}`);
}
