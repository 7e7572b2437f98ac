// `npm run test:server`: the server's suite on PGlite (the default storage), with node's test
// runner, ending with the plain `N passed, N failed, N skipped` line.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = readdirSync('server/test').filter((f) => f.endsWith('.test.ts')).map((f) => join('server/test', f));
const { status } = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./e2e/summary-reporter.mjs', '--test-reporter-destination=stdout', ...files],
  { stdio: 'inherit', env: { ...process.env, DATABASE_URL: '' } },
);
process.exit(status ?? 1);
