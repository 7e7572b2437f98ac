// The server's start on its data folder (contract section 15, master key lifecycle): a first
// key only in a fresh folder; a refused start, in one line that names what is wrong, where it
// looked and how to fix it, changing nothing; the folder and PGlite's files owner-only; one
// process at a time (the lock). On PGlite, or on PostgreSQL with DATABASE_URL (each test its own
// database), the data folder holding the key files and the lock either way.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDataFolder, StartError, type DataFolder } from '../data-folder.js';
import { openKey } from '../sealing.js';
import { b64, childEnv, masterKey, modesUnder, newFolder, ON, POSTGRES, rowsOf, seedLegacy, snapshot, versionOf, writeKey, type Folder, type Seed } from './folders.js';

const K0 = masterKey(1);
const K1 = masterKey(2);
const K9 = masterKey(9);
const v = versionOf;

/** Rejects with a StartError of one line matching every pattern. */
async function refused(opening: Promise<DataFolder>, ...patterns: Array<RegExp | string>): Promise<string> {
  let message = '';
  await assert.rejects(opening, (error: Error) => {
    assert.ok(error instanceof StartError, `a StartError, not ${error.name}: ${error.message}`);
    message = error.message;
    return true;
  });
  assert.ok(!message.includes('\n'), `one line: ${message}`);
  for (const p of patterns) assert.ok(typeof p === 'string' ? message.includes(p) : p.test(message), `${p} in: ${message}`);
  return message;
}

/** Every seeded key opens with the folder's keyring, bound to its row. */
async function opensAll(folder: DataFolder, seeds: Array<Seed & { id: string }>) {
  const rows = await rowsOf(folder.db);
  for (const seed of seeds.filter((s) => s.apiKey)) {
    const row = rows.find((r) => r.id === seed.id)!;
    const plain = openKey(folder.keys, row, { ciphertext: row.ciphertext!, nonce: row.nonce!, keyVersion: row.key_version! });
    assert.equal(plain, seed.apiKey, `${seed.name} opens`);
  }
}

const noOthers = (modes: Record<string, number>) => Object.keys(modes).filter((m) => parseInt(m, 8) & 0o077);

/** A folder with rows sealed (by 0.2.0) under `sealedBy`. */
async function sealedFolder(sealedBy: Buffer[] = [K0]): Promise<{ folder: Folder; seeds: Array<Seed & { id: string }> }> {
  const folder = await newFolder();
  const seeds = await seedLegacy(
    folder,
    sealedBy.map((key, i) => ({ provider: 'openai', name: `Key ${i}`, apiKey: `sk-proj-${'A'.repeat(20)}${i}`, sealedBy: key })),
  );
  return { folder, seeds };
}

describe(`first start and refused starts on ${ON}`, () => {
  test('a fresh folder: the first start makes master.key (0600), the folder 0700 and PGlite files owner-only; a restart keeps the key', async () => {
    const folder = await newFolder();
    try {
      chmodSync(folder.dataDir, 0o755);
      const first = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      const file = join(folder.dataDir, 'master.key');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(first.keys.version, versionOf(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')));
      assert.equal(statSync(folder.dataDir).mode & 0o777, 0o700, 'the folder is owner-only');
      if (!POSTGRES) assert.deepEqual(noOthers(modesUnder(join(folder.dataDir, 'pglite'))), [], 'PGlite files are owner-only');
      await first.close();
      if (!POSTGRES) assert.deepEqual(noOthers(modesUnder(join(folder.dataDir, 'pglite'))), [], 'and stay so after close');
      // An existing folder opened up again is made owner-only again.
      chmodSync(folder.dataDir, 0o755);
      const again = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      assert.equal(again.keys.version, first.keys.version, 'the same key');
      assert.equal(statSync(folder.dataDir).mode & 0o777, 0o700);
      await again.close();
    } finally {
      await folder.remove();
    }
  });

  test('a missing key file with sealed rows: refused, naming the version and where it looked; no key generated, nothing changed', async () => {
    const { folder, seeds } = await sealedFolder([K0, K0]);
    try {
      const before = await snapshot(folder);
      const file = join(folder.dataDir, 'master.key');
      const message = await refused(openDataFolder({ env: folder.env(), dataDir: folder.dataDir }));
      assert.equal(
        message,
        `Refusing to start: 2 saved keys are sealed under master key version ${v(K0)}, which is not in the keyring ` +
          `(looked in ${file} (missing), ${file}.previous (missing), ${file}.next (missing), CREDENTIAL_MASTER_KEY_PREVIOUS (unset), CREDENTIAL_MASTER_KEY_NEXT (unset)); ` +
          `restore the key of that version from your backup of this data folder, as ${file} if that file is missing (chmod 600), else in CREDENTIAL_MASTER_KEY_PREVIOUS, ` +
          'and start again. No key was generated and nothing was changed.',
      );
      assert.ok(!existsSync(file), 'no key was generated');
      assert.deepEqual(await snapshot(folder), before);
      // Put back, it opens every key.
      writeKey(file, K0);
      const opened = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      await opensAll(opened, seeds);
      await opened.close();
    } finally {
      await folder.remove();
    }
  });

  test('a wrong CREDENTIAL_MASTER_KEY: refused, naming both versions; a key file of the right version is pointed at', async () => {
    const { folder, seeds } = await sealedFolder([K0]);
    try {
      const before = await snapshot(folder);
      await refused(
        openDataFolder({ env: folder.env({ CREDENTIAL_MASTER_KEY: b64(K9) }), dataDir: folder.dataDir }),
        `1 saved key is sealed under master key version ${v(K0)}, which is not in the keyring`,
        `CREDENTIAL_MASTER_KEY (version ${v(K9)})`,
        'set CREDENTIAL_MASTER_KEY (or add to CREDENTIAL_MASTER_KEY_PREVIOUS) the key of that version',
      );
      assert.deepEqual(await snapshot(folder), before);
      writeKey(join(folder.dataDir, 'master.key'), K0);
      await refused(
        openDataFolder({ env: folder.env({ CREDENTIAL_MASTER_KEY: b64(K9) }), dataDir: folder.dataDir }),
        `${join(folder.dataDir, 'master.key')} holds version ${v(K0)}: unset CREDENTIAL_MASTER_KEY to use it`,
      );
      // The old key as CREDENTIAL_MASTER_KEY_PREVIOUS opens the rows; the new one seals.
      const opened = await openDataFolder({ env: folder.env({ CREDENTIAL_MASTER_KEY: b64(K9), CREDENTIAL_MASTER_KEY_PREVIOUS: b64(K0) }), dataDir: folder.dataDir });
      assert.equal(opened.keys.version, v(K9));
      await opensAll(opened, seeds);
      await opened.close();
    } finally {
      await folder.remove();
    }
  });

  test('master.key.previous or master.key.next still used by rows but gone: refused, naming the version; back in place, every key opens', async () => {
    // Rows under K0 and K1; master.key is K1 (K0 was .previous), or K0 (K1 was .next).
    const { folder, seeds } = await sealedFolder([K0, K1]);
    try {
      const file = join(folder.dataDir, 'master.key');
      writeKey(file, K1);
      await refused(openDataFolder({ env: folder.env(), dataDir: folder.dataDir }), `sealed under master key version ${v(K0)}, which`, `${file} (version ${v(K1)})`, `${file}.previous (missing)`);
      writeKey(`${file}.previous`, K0);
      let opened = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      await opensAll(opened, seeds);
      await opened.close();

      rmSync(file);
      rmSync(`${file}.previous`);
      writeKey(file, K0);
      await refused(openDataFolder({ env: folder.env(), dataDir: folder.dataDir }), `sealed under master key version ${v(K1)}, which`, `${file}.next (missing)`, 'CREDENTIAL_MASTER_KEY_NEXT (unset)');
      writeKey(`${file}.next`, K1);
      opened = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      await opensAll(opened, seeds);
      await opened.close();
    } finally {
      await folder.remove();
    }
  });

  test('a key file open to group or others: refused with "chmod 600 <path>", nothing changed', async () => {
    const folder = await newFolder();
    try {
      const file = join(folder.dataDir, 'master.key');
      writeKey(file, K0, 0o644);
      const before = await snapshot(folder);
      await refused(openDataFolder({ env: folder.env(), dataDir: folder.dataDir }), `Refusing to start: ${file} is open to group or others (mode 0644): run \`chmod 600 ${file}\`, then try again.`);
      assert.deepEqual(await snapshot(folder), before);
      assert.equal(statSync(file).mode & 0o777, 0o644, 'left as it was');
      chmodSync(file, 0o600);
      writeKey(`${file}.previous`, K1, 0o640);
      await refused(openDataFolder({ env: folder.env(), dataDir: folder.dataDir }), `chmod 600 ${file}.previous`);
      chmodSync(`${file}.previous`, 0o400);
      const opened = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      assert.equal(opened.keys.version, v(K0));
      await opened.close();
    } finally {
      await folder.remove();
    }
  });

  test('a malformed key is refused before anything on disk is touched; a key file that is not a key names its path', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'credential-keys-')), 'data');
    try {
      for (const bad of ['', 'short', Buffer.alloc(31).toString('base64'), `${b64(K0)}x`]) {
        await refused(openDataFolder({ env: { CREDENTIAL_MASTER_KEY: bad }, dataDir }), /^Refusing to start: CREDENTIAL_MASTER_KEY must be the base64 of exactly 32 random bytes/);
      }
      await refused(openDataFolder({ env: { CREDENTIAL_MASTER_KEY: b64(K0), CREDENTIAL_MASTER_KEY_PREVIOUS: 'nope' }, dataDir }), /^Refusing to start: CREDENTIAL_MASTER_KEY_PREVIOUS must be/);
      assert.ok(!existsSync(dataDir), 'the folder was not even made');
    } finally {
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    }
    const folder = await newFolder();
    try {
      writeFileSync(join(folder.dataDir, 'master.key'), 'not a key\n', { mode: 0o600 });
      await refused(openDataFolder({ env: folder.env(), dataDir: folder.dataDir }), `Refusing to start: ${join(folder.dataDir, 'master.key')} is not a master key`, 'restore it from your backup');
    } finally {
      await folder.remove();
    }
  });
});

/** Starts `child.ts` in another process on `folder`; resolves when it is ready (or has exited). */
function child(folder: Folder, ...args: string[]): Promise<{ proc: ChildProcess; ready: boolean; stderr: string; pid: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/test/child.ts', ...args], { env: childEnv(folder), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (c) => (stderr += c));
  return new Promise((resolve) => {
    proc.stdout!.on('data', (c: Buffer) => {
      if (String(c).startsWith('ready')) resolve({ proc, ready: true, stderr, pid: proc.pid! });
    });
    proc.on('exit', () => resolve({ proc, ready: false, stderr, pid: proc.pid! }));
  });
}

const exited = (proc: ChildProcess) => new Promise<number | null>((r) => (proc.exitCode !== null || proc.signalCode ? r(proc.exitCode) : proc.on('exit', (code) => r(code))));

describe(`one process at a time on a data folder (${ON})`, () => {
  test('a second server in this process is refused, naming the first; once it closes, the folder opens', async () => {
    const folder = await newFolder();
    try {
      const first = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      await refused(
        openDataFolder({ env: folder.env(), dataDir: folder.dataDir }),
        `Refusing to start: the data folder ${folder.dataDir} is in use by credential server (pid ${process.pid} on ${hostname()}, since `,
        'stop it first',
      );
      await first.close();
      const second = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      await second.close();
    } finally {
      await folder.remove();
    }
  });

  test('two server processes on one folder: the second is refused naming the first; a killed holder does not block', async () => {
    const folder = await newFolder();
    try {
      const holder = await child(folder, 'open', folder.dataDir);
      assert.ok(holder.ready, holder.stderr);
      await refused(openDataFolder({ env: folder.env(), dataDir: folder.dataDir }), `is in use by credential server (pid ${holder.pid} on ${hostname()}`);
      // Killed, it releases nothing: its lock is stale, and the next start takes it over.
      holder.proc.kill('SIGKILL');
      await exited(holder.proc);
      assert.ok(existsSync(join(folder.dataDir, 'lock')), 'the killed holder left its lock');
      const mine = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      // And now this process holds it: another process is refused, with one line on stderr.
      const second = await child(folder, 'open', folder.dataDir);
      assert.equal(second.ready, false);
      assert.equal(await exited(second.proc), 1);
      assert.match(second.stderr.trim(), new RegExp(`^Refusing to start: the data folder .* is in use by credential server \\(pid ${process.pid} `));
      assert.equal(second.stderr.trim().split('\n').length, 1);
      await mine.close();
    } finally {
      await folder.remove();
    }
  });

  test('a lock of another host holds (it cannot be checked) and says how to clear it; one of an earlier boot or a dead pid is taken over', async () => {
    const folder = await newFolder();
    const lock = join(folder.dataDir, 'lock');
    const holder = (more: object) => JSON.stringify({ what: 'credential server', pid: 4242, host: hostname(), since: '2026-01-01T00:00:00.000Z', token: 'aa', ...more });
    try {
      writeFileSync(lock, holder({ host: 'elsewhere' }));
      await refused(openDataFolder({ env: folder.env(), dataDir: folder.dataDir }), 'is locked by credential server (pid 4242 on elsewhere', `delete ${lock} and start again`);
      assert.ok(existsSync(lock));
      writeFileSync(lock, holder({ pid: process.pid, boot: 'an-earlier-boot' }));
      const a = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      await a.close();
      // A pid that no process has (pid_max is at most 2^22).
      writeFileSync(lock, holder({ pid: 2 ** 22 + 1 }));
      const b = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      assert.equal(JSON.parse(readFileSync(lock, 'utf8')).pid, process.pid, 'the lock names this process now');
      await b.close();
      assert.ok(!existsSync(lock), 'released on close');
    } finally {
      await folder.remove();
    }
  });
});
