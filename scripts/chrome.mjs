// Finds a Chromium for the tests: $CHROME_PATH, then the usual system paths.
// `node scripts/chrome.mjs --ensure` installs Debian's `chromium` when none is found and
// this is root on a machine with apt-get; otherwise it says exactly what to run.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return candidates.find((p) => existsSync(p));
}

function ensure() {
  const found = findChrome();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
    process.exit(1);
  }
  const root = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (root && apt) {
    console.log('No Chromium found: installing Debian\'s "chromium" (apt-get, a minute or two)...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    const installed = findChrome();
    if (installed) return installed;
  }
  console.error(
    'No Chromium or Chrome found for the tests. Install one and run again:\n' +
      (apt ? '  sudo apt-get install -y chromium\n' : '') +
      'or point CHROME_PATH at a Chrome/Chromium binary.',
  );
  process.exit(1);
}

if (process.argv.includes('--ensure')) console.log(`Chromium: ${ensure()}`);
