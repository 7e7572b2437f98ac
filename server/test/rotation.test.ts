// Master key rotation (contract section 15): killed at any step and run again, it finishes;
// every key opens after the kill (a server started there opens them all, and what it seals
// meanwhile is carried along) and after the re-run; the old key is removed only when no row
// uses it. In file form (key files in the data folder) and env form (CREDENTIAL_MASTER_KEY and
// _NEXT); interrupted in-process at every step (a fault hook), and killed for real (SIGKILL of a
// child process) at two. Also the states that 0.2.0's rotation left when killed, and the lock.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDataFolder, StartError, type DataFolder } from '../data-folder.js';
import { rotate } from '../rotate-master-key.js';
import { openKey, sealKey } from '../sealing.js';
import { b64, childEnv, masterKey, newFolder, ON, rowsOf, seedLegacy, versionOf, writeKey, type Folder, type Seed } from './folders.js';

/** Every step at which rotate() calls its fault hook, in order (rotate-master-key.ts's ROTATION_STEPS). */
const FILE_STEPS = ['next-key-written', 'row-resealed', 'batch-committed', 'rows-done', 'previous-removed', 'old-key-kept', 'new-key-promoted', 'old-key-removed'];
const ENV_STEPS = ['row-resealed', 'batch-committed', 'rows-done'];

const OLDER = masterKey(1);
const K0 = masterKey(2);
const K1 = masterKey(3);
const v = versionOf;

class Killed extends Error {}

type Seeded = Seed & { id: string };
const SEEDS = (older: Buffer, current: Buffer): Seed[] => [
  { provider: 'openai', name: 'A OpenAI', apiKey: 'sk-proj-AbCdEfGhIjKlMnOpQrStUvW1', sealedBy: older },
  { provider: 'azure-openai', name: 'B Azure', fields: { endpoint: 'https://mine.openai.azure.com', deployment: 'gpt-4o' }, apiKey: 'abcdef0123456789abcdef0123456789', sealedBy: current },
  { provider: 'openai-compatible', name: 'C Local', fields: { baseUrl: 'http://localhost:11434/v1' }, apiKey: 'sk-local-0123456789abcdefghij', sealedBy: current },
  { provider: 'openai', name: 'D No key' },
];

/** Every key that should be there opens with the folder's keyring, bound to its row. */
async function opensAll(folder: DataFolder, seeds: Seeded[], changed: Record<string, string> = {}) {
  const rows = await rowsOf(folder.db);
  for (const seed of seeds) {
    const row = rows.find((r) => r.id === seed.id)!;
    const expected = changed[seed.id] ?? seed.apiKey;
    if (!expected) {
      assert.equal(row.ciphertext, null);
      continue;
    }
    assert.equal(openKey(folder.keys, row, { ciphertext: row.ciphertext!, nonce: row.nonce!, keyVersion: row.key_version! }), expected, `${seed.name} opens`);
  }
}

/** A server's write in the middle of things: row A gets a new key, sealed under the server's current key. */
async function serverWrites(folder: DataFolder, seed: Seeded): Promise<string> {
  const apiKey = `sk-proj-Written${Math.random().toString(36).slice(2, 12)}xyz`;
  const sealed = sealKey(folder.keys, { ...seed, fields: seed.fields ?? {} }, apiKey);
  await folder.db.query('UPDATE credentials SET ciphertext = $2, nonce = $3, key_version = $4 WHERE id = $1', [seed.id, sealed.ciphertext, sealed.nonce, sealed.keyVersion]);
  return apiKey;
}

/** Interrupts a rotation right after `step`; then a server on the folder opens every key and seals one anew, which it returns. */
async function interruptThenServe(folder: Folder, env: NodeJS.ProcessEnv, seeds: Seeded[], step: string): Promise<Record<string, string>> {
  const fault = (reached: string) => {
    if (reached === step) throw new Killed(step);
  };
  await assert.rejects(rotate(env, folder.dataDir, { batchSize: 1, log: () => {}, fault }), Killed, `the rotation reached ${step}`);
  const server = await openDataFolder({ env, dataDir: folder.dataDir });
  try {
    await opensAll(server, seeds);
    return { [seeds[0].id]: await serverWrites(server, seeds[0]) };
  } finally {
    await server.close();
  }
}

const keyFilesIn = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('master.key') || f.startsWith('lock')).sort();
const readKey = (path: string) => Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');

/** After a finished rotation: one key file (or none in env form), every row under `version`, every key opens. */
async function finished(folder: Folder, env: NodeJS.ProcessEnv, seeds: Seeded[], changed: Record<string, string>, fileForm: boolean) {
  const opened = await openDataFolder({ env, dataDir: folder.dataDir });
  try {
    if (fileForm) {
      assert.deepEqual(keyFilesIn(folder.dataDir), ['lock', 'master.key'], 'only master.key is left (and this server\'s lock)');
      assert.notEqual(opened.keys.version, v(K0));
      assert.notEqual(opened.keys.version, v(OLDER));
    }
    const versions = new Set((await rowsOf(opened.db)).filter((r) => r.key_version).map((r) => r.key_version));
    assert.deepEqual([...versions], [opened.keys.version], 'every row under the current key');
    await opensAll(opened, seeds, changed);
  } finally {
    await opened.close();
  }
}

/** File form: a server started now opens every key, and a rotation run now finishes. */
async function opensThenFinishes(folder: Folder, seeds: Seeded[]) {
  const server = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
  try {
    await opensAll(server, seeds);
  } finally {
    await server.close();
  }
  await rotate(folder.env(), folder.dataDir, { log: () => {} });
  await finished(folder, folder.env(), seeds, {}, true);
}

let fileBase: Folder;
let fileSeeds: Seeded[];
let envBase: Folder;
let envSeeds: Seeded[];
const ENV0 = { CREDENTIAL_MASTER_KEY: b64(K0), CREDENTIAL_MASTER_KEY_PREVIOUS: b64(OLDER) };
const ENV_ROTATE = { ...ENV0, CREDENTIAL_MASTER_KEY_NEXT: b64(K1) };

before(async () => {
  // File form: master.key K0, master.key.previous OLDER; rows under both, and one without a key.
  fileBase = await newFolder();
  fileSeeds = await seedLegacy(fileBase, SEEDS(OLDER, K0));
  writeKey(join(fileBase.dataDir, 'master.key'), K0);
  writeKey(join(fileBase.dataDir, 'master.key.previous'), OLDER);
  await (await openDataFolder({ env: fileBase.env(), dataDir: fileBase.dataDir })).close();
  // Env form: the same, with the keys in the environment.
  envBase = await newFolder();
  envSeeds = await seedLegacy(envBase, SEEDS(OLDER, K0));
  await (await openDataFolder({ env: envBase.env(ENV0), dataDir: envBase.dataDir })).close();
});
after(async () => {
  await fileBase?.remove();
  await envBase?.remove();
});

describe(`rotation interrupted at every step, then run again (${ON})`, () => {
  for (const step of FILE_STEPS) {
    test(`file form, interrupted after ${step}: a server opens every key, the re-run finishes`, async () => {
      const folder = await fileBase.clone();
      try {
        const changed = await interruptThenServe(folder, folder.env(), fileSeeds, step);
        const lines: string[] = [];
        await rotate(folder.env(), folder.dataDir, { log: (l) => lines.push(l) });
        assert.match(lines.join('\n'), /(Rotated the master key|Finished an interrupted rotation): \d saved key\(s\) re-sealed under version [0-9a-f]{16}, now in .*master\.key/);
        await finished(folder, folder.env(), fileSeeds, changed, true);
      } finally {
        await folder.remove();
      }
    });
  }

  for (const step of ENV_STEPS) {
    test(`env form, interrupted after ${step}: a server with the same variables opens every key, the re-run finishes`, async () => {
      const folder = await envBase.clone();
      try {
        const changed = await interruptThenServe(folder, folder.env(ENV_ROTATE), envSeeds, step);
        const lines: string[] = [];
        assert.equal(await rotate(folder.env(ENV_ROTATE), folder.dataDir, { log: (l) => lines.push(l) }) >= 1, true);
        assert.match(lines.join('\n'), new RegExp(`under master key version ${v(K1)} .*no saved key uses version .*${v(K0)}.* Now set CREDENTIAL_MASTER_KEY to the value of CREDENTIAL_MASTER_KEY_NEXT, unset CREDENTIAL_MASTER_KEY_NEXT and CREDENTIAL_MASTER_KEY_PREVIOUS`));
        // Done as told: the new key alone opens everything.
        await finished(folder, folder.env({ CREDENTIAL_MASTER_KEY: b64(K1) }), envSeeds, changed, false);
        // Not done: the old key alone is refused, naming the version and the variable to set.
        await assert.rejects(
          openDataFolder({ env: folder.env({ CREDENTIAL_MASTER_KEY: b64(K0) }), dataDir: folder.dataDir }),
          (e: Error) => e instanceof StartError && e.message.includes(`sealed under master key version ${v(K1)}`) && e.message.includes('CREDENTIAL_MASTER_KEY_NEXT (unset)'),
        );
      } finally {
        await folder.remove();
      }
    });
  }
});

/** Runs a rotation in a child process, killed with SIGKILL right after `step`. */
function killedRotation(folder: Folder, step: string): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/test/child.ts', 'rotate', folder.dataDir, step], { env: childEnv(folder), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => proc.on('exit', (_code, signal) => resolve({ signal, stderr })));
}

describe(`rotation killed for real (SIGKILL) (${ON})`, () => {
  for (const step of ['row-resealed', 'old-key-kept']) {
    test(`killed after ${step}: its lock does not block, a server opens every key, the re-run finishes`, async () => {
      const folder = await fileBase.clone();
      try {
        const { signal, stderr } = await killedRotation(folder, step);
        assert.equal(signal, 'SIGKILL', stderr);
        assert.ok(existsSync(join(folder.dataDir, 'lock')), 'the killed rotation left its lock');
        await opensThenFinishes(folder, fileSeeds);
      } finally {
        await folder.remove();
      }
    });
  }
});

describe(`states a killed 0.2.0 rotation left (${ON})`, () => {
  /** Rows re-encrypted under K1 (committed, bound to the id as 0.2.0 did), key files as given. */
  async function leftBy020(files: Record<string, Buffer>): Promise<{ folder: Folder; seeds: Seeded[] }> {
    const folder = await newFolder();
    const seeds = await seedLegacy(folder, SEEDS(K1, K1));
    for (const [name, key] of Object.entries(files)) writeKey(join(folder.dataDir, name), key);
    return { folder, seeds };
  }

  test('killed after its commit, before its renames (master.key old, .next new): a server opens every key; the re-run finishes', async () => {
    const { folder, seeds } = await leftBy020({ 'master.key': K0, 'master.key.next': K1 });
    try {
      await opensThenFinishes(folder, seeds);
      assert.equal(v(readKey(join(folder.dataDir, 'master.key'))), v(K1), 'the rotation it had begun is the one finished');
    } finally {
      await folder.remove();
    }
  });

  test('killed between its renames (no master.key; .previous old, .next new): the server refuses in one line, generating nothing; the re-run finishes', async () => {
    const { folder, seeds } = await leftBy020({ 'master.key.previous': K0, 'master.key.next': K1 });
    try {
      const file = join(folder.dataDir, 'master.key');
      await assert.rejects(openDataFolder({ env: folder.env(), dataDir: folder.dataDir }), (e: Error) => {
        assert.ok(e instanceof StartError, e.message);
        assert.equal(
          e.message,
          `Refusing to start: ${file} is missing but ${file}.next and ${file}.previous are there (a key rotation was interrupted, or the key was removed); run \`npm run rotate-master-key\` to finish the rotation, or restore ${file} from your backup, and start again. Nothing was changed.`,
        );
        return true;
      });
      assert.ok(!existsSync(file), 'no key generated');
      await rotate(folder.env(), folder.dataDir, { log: () => {} });
      await finished(folder, folder.env(), seeds, {}, true);
    } finally {
      await folder.remove();
    }
  });
});

describe(`what rotation refuses (${ON})`, () => {
  test('while a server holds the folder, `npm run rotate-master-key` is refused in one line; once it closes, it rotates', async () => {
    const folder = await fileBase.clone();
    const cli = () => {
      const env = childEnv(folder, { CREDENTIAL_DATA_DIR: folder.dataDir });
      const proc = spawn(process.execPath, ['--import', 'tsx', 'server/rotate-master-key.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      proc.stdout.on('data', (c) => (out += c));
      proc.stderr.on('data', (c) => (err += c));
      return new Promise<{ code: number | null; out: string; err: string }>((r) => proc.on('exit', (code) => r({ code, out, err })));
    };
    try {
      const server = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      let refused;
      try {
        refused = await cli();
      } finally {
        await server.close();
      }
      assert.equal(refused.code, 1);
      assert.match(refused.err, new RegExp(`^Refusing to rotate: the data folder .* is in use by credential server \\(pid ${process.pid} .*; stop it first`));
      assert.equal(refused.err.trim().split('\n').length, 1);
      assert.deepEqual(keyFilesIn(folder.dataDir), ['master.key', 'master.key.previous'], 'nothing written');
      const done = await cli();
      assert.equal(done.code, 0, done.err);
      assert.match(done.out, /^Rotated the master key: 3 saved key\(s\) re-sealed under version [0-9a-f]{16}/);
      await finished(folder, folder.env(), fileSeeds, {}, true);
    } finally {
      await folder.remove();
    }
  });

  test('a saved key that does not open stops the rotation, naming its credential; no key is removed, and every other key still opens', async () => {
    const folder = await fileBase.clone();
    try {
      const bad = fileSeeds[1];
      {
        const db = await folder.connect();
        await db.query('UPDATE credentials SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1) WHERE id = $1', [bad.id]);
        await db.close();
      }
      await assert.rejects(rotate(folder.env(), folder.dataDir, { log: () => {} }), (e: Error) => {
        assert.ok(e instanceof StartError, e.message);
        assert.match(e.message, new RegExp(`^Refusing to finish the rotation: the saved key of credential ${bad.id} does not open .*; delete that credential .* and run again\\. No key was removed\\.$`));
        return true;
      });
      assert.deepEqual(keyFilesIn(folder.dataDir), ['master.key', 'master.key.next', 'master.key.previous']);
      const server = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      try {
        await opensAll(server, fileSeeds.filter((s) => s !== bad));
        await server.db.query('DELETE FROM credentials WHERE id = $1', [bad.id]);
      } finally {
        await server.close();
      }
      await rotate(folder.env(), folder.dataDir, { log: () => {} });
      await finished(folder, folder.env(), fileSeeds.filter((s) => s !== bad), {}, true);
    } finally {
      await folder.remove();
    }
  });

  test('env form without CREDENTIAL_MASTER_KEY_NEXT, or _NEXT without the env form: refused in one line, nothing opened', async () => {
    const folder = await envBase.clone();
    try {
      const refused = (pattern: RegExp) => (e: Error) => e instanceof StartError && pattern.test(e.message) && !e.message.includes('\n');
      await assert.rejects(rotate(folder.env(ENV0), folder.dataDir, { log: () => {} }), refused(/^Refusing to rotate: with CREDENTIAL_MASTER_KEY set, give the new key as CREDENTIAL_MASTER_KEY_NEXT/));
      await assert.rejects(
        rotate(folder.env({ CREDENTIAL_MASTER_KEY_NEXT: b64(K1) }), folder.dataDir, { log: () => {} }),
        refused(/^Refusing to rotate: CREDENTIAL_MASTER_KEY_NEXT is set but CREDENTIAL_MASTER_KEY is not/),
      );
      assert.deepEqual(keyFilesIn(folder.dataDir), []);
    } finally {
      await folder.remove();
    }
  });
});
