// `npm test`: finds (or installs) Chromium, runs the unit and element tests
// (web-test-runner) and the demo's end-to-end tests (Playwright), both whatever the
// other's outcome, and ends with one plain line: `N passed, N failed, N skipped`.
import { spawn } from 'node:child_process';

const SUMMARY = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/m;

/** Runs a command, echoing its output; resolves to its exit code and its last summary line. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => {
      const lines = output.split('\n').filter((l) => SUMMARY.test(l));
      const m = lines.length ? SUMMARY.exec(lines[lines.length - 1]) : null;
      resolve({ code: code ?? 1, counts: m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null });
    });
  });
}

const browser = await run('node', ['scripts/chrome.mjs', '--ensure']);
if (browser.code !== 0) process.exit(browser.code);

const suites = [
  ['unit and element tests', await run('npx', ['wtr'])],
  ['Node tests of the pure modules', await run('npm', ['run', '--silent', 'test:node'])],
  ["the demo's server (PGlite)", await run('npm', ['run', '--silent', 'test:server'])],
  ['end-to-end tests of the demo', await run('npm', ['run', '--silent', 'test:e2e'])],
];

const total = [0, 0, 0];
let ok = true;
console.log('');
for (const [name, { code, counts }] of suites) {
  if (!counts) {
    console.log(`${name}: no result (exit ${code})`);
    total[1] += 1;
    ok = false;
    continue;
  }
  counts.forEach((n, i) => (total[i] += n));
  if (code !== 0 || counts[1] > 0) ok = false;
  console.log(`${name}: ${counts[0]} passed, ${counts[1]} failed, ${counts[2]} skipped`);
}
console.log(`${total[0]} passed, ${total[1]} failed, ${total[2]} skipped`);
process.exit(ok ? 0 : 1);
