// Runs the server's API suite against a real PostgreSQL server: a throw-away cluster in a
// temp folder, on a free loopback port, started and always stopped here. Installs nothing:
// `.ci/run` installs Debian's postgresql when it is missing. As root, the cluster runs as the
// `postgres` user (PostgreSQL refuses root). Exits with the suite's status.
//   node server/test/with-postgres.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function binDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))) : [];
  if (!versions.length) {
    console.error('with-postgres: no PostgreSQL found under /usr/lib/postgresql (Debian: apt-get install -y postgresql).');
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/** The suite's files (Node 20's runner does not pick up .ts files from a folder). */
export const suiteFiles = () => readdirSync('server/test').filter((f) => f.endsWith('.test.ts')).map((f) => join('server/test', f));

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const bin = binDir();
const root = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), 'credential-pg-'));
chmodSync(dir, 0o755);
const as = (cmd, args) => (root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
const run = (cmd, args) => execFileSync(...as(cmd, args), { stdio: ['ignore', 'ignore', 'inherit'] });
const port = await freePort();
const data = join(dir, 'data');
let status = 1;
if (root) execFileSync('chown', ['postgres', dir]);
try {
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  console.log(`with-postgres: PostgreSQL (${bin}) on 127.0.0.1:${port}`);
  const suite = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./e2e/summary-reporter.mjs', '--test-reporter-destination=stdout', ...suiteFiles()],
    { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
  );
  status = suite.status ?? 1;
} catch (error) {
  console.error(`with-postgres: ${error.message}`);
  console.log('0 passed, 1 failed, 0 skipped');
} finally {
  try {
    run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
  } catch {
    // not started
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
