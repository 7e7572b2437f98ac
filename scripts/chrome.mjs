// Finds a Chromium for the tests: $CHROME_PATH, then the usual system paths.
// `node scripts/chrome.mjs --ensure` makes sure every engine the tests run in is there
// (Chromium, Firefox ESR, WebKitGTK and, without a display, Xvfb; `WTR_ENGINES` narrows
// it): it installs the missing Debian packages when this is root on a machine with
// apt-get, otherwise it says exactly what to run. See scripts/browsers.mjs.
import { ensure, findChrome } from './browsers.mjs';

export { findChrome };

if (process.argv.includes('--ensure')) ensure();
