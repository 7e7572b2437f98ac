// What a sealed key is bound to (contract section 15, associated data): its id, its provider,
// every `url` field of its preset and the master key version. A row edited in the database to
// send its key elsewhere fails to open; migration 003 re-seals the rows that 0.2.0 wrote
// (bound to the id alone), tested on a database made the way 0.2.0 made it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DecryptError, Keyring } from '../crypto.js';
import { openDataFolder } from '../data-folder.js';
import { openKey, sealKey } from '../sealing.js';
import { masterKey, newFolder, ON, rowsOf, seedLegacy, writeKey, type StoredRow } from './folders.js';

const K0 = masterKey(1);
const K1 = masterKey(2);
const keys = new Keyring(K0, [K1]);
const KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx';

const azure = { id: '0b6f9a52-3c1e-4d7a-9f00-000000000001', provider: 'azure-openai', fields: { endpoint: 'https://mine.openai.azure.com', deployment: 'gpt-4o' } };
const compatible = { id: '0b6f9a52-3c1e-4d7a-9f00-000000000002', provider: 'openai-compatible', fields: { baseUrl: 'http://localhost:11434/v1' } };
const sealedOf = (r: StoredRow) => ({ ciphertext: r.ciphertext!, nonce: r.nonce!, keyVersion: r.key_version! });

describe('the binding of a sealed key', () => {
  test('another address, provider or id does not open; the same trimmed address and other fields do', () => {
    const sealed = sealKey(keys, azure, KEY);
    assert.equal(openKey(keys, azure, sealed), KEY);
    const fails = (context: typeof azure | typeof compatible, why: string) => assert.throws(() => openKey(keys, context, sealed), DecryptError, why);
    fails({ ...azure, fields: { ...azure.fields, endpoint: 'https://attacker.example' } }, 'another endpoint');
    fails({ ...azure, fields: { ...azure.fields, endpoint: '' } }, 'no endpoint');
    fails({ ...azure, provider: 'openai-compatible', fields: { baseUrl: azure.fields.endpoint } } as never, 'another provider, the same address');
    fails({ ...azure, id: compatible.id }, 'another id');
    // What movesKey does not count as a move keeps opening: the same trimmed address, a deployment.
    assert.equal(openKey(keys, { ...azure, fields: { endpoint: ` ${azure.fields.endpoint}\t`, deployment: 'other' } }, sealed), KEY);

    const base = sealKey(keys, compatible, KEY);
    assert.throws(() => openKey(keys, { ...compatible, fields: { baseUrl: 'http://10.0.0.1:11434/v1' } }, base), DecryptError);
    assert.equal(openKey(keys, compatible, base), KEY);
  });

  test('the encoding is unambiguous: no two rows share associated data by moving characters between members', () => {
    const a = { id: 'ab', provider: 'c', fields: {} };
    const b = { id: 'a', provider: 'bc', fields: {} };
    assert.throws(() => openKey(keys, b, sealKey(keys, a, KEY)), DecryptError);
    const c = { id: 'x', provider: 'openai-compatible', fields: { baseUrl: 'http://h/","y' } };
    const d = { id: 'x', provider: 'openai-compatible', fields: { baseUrl: 'http://h/' } };
    assert.throws(() => openKey(keys, d, sealKey(keys, c, KEY)), DecryptError);
  });

  test('a seal names its key version; under another version it does not open', () => {
    const sealed = sealKey(keys, azure, KEY);
    assert.equal(sealed.keyVersion, keys.version);
    assert.throws(() => openKey(keys, azure, { ...sealed, keyVersion: new Keyring(K1).version }), DecryptError);
  });
});

describe(`migration 003 on a database made by 0.2.0 (${ON})`, () => {
  test('every key re-sealed under the new binding and the same key version, none left bound to its id alone; then an edited row does not open', async () => {
    const folder = await newFolder();
    try {
      const seeds = await seedLegacy(folder, [
        { ...azure, name: 'Azure', apiKey: `${KEY}1`, sealedBy: K0 },
        { ...compatible, name: 'Local', apiKey: `${KEY}2`, sealedBy: K0 },
        { provider: 'openai', name: 'OpenAI', fields: { organization: 'org-1', project: '' }, apiKey: `${KEY}3`, sealedBy: K1 },
        { provider: 'openai', name: 'No key' },
        { provider: 'groq', name: 'Tampered', apiKey: 'gsk_AbCdEfGhIjKlMnOpQrStUvWx', sealedBy: K0 },
      ]);
      const file = join(folder.dataDir, 'master.key');
      writeKey(file, K0);
      writeKey(`${file}.previous`, K1);
      let before: StoredRow[];
      {
        const db = await folder.connect();
        // One row tampered with under 0.2.0 already: it stays unreadable, and does not stop the start.
        await db.query("UPDATE credentials SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1) WHERE name = 'Tampered'");
        before = await rowsOf(db);
        await db.close();
      }
      const opened = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      try {
        const migrations = (await opened.db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name);
        assert.ok(migrations.some((m) => /^003_/.test(m)), `003 recorded: ${migrations}`);
        const after = await rowsOf(opened.db);
        for (const seed of seeds) {
          const old = before.find((r) => r.id === seed.id)!;
          const row = after.find((r) => r.id === seed.id)!;
          if (!seed.apiKey) {
            assert.equal(row.ciphertext, null, 'a row without a key stays without one');
            continue;
          }
          assert.equal(row.key_version, old.key_version, 'the same master key version');
          if (seed.name === 'Tampered') {
            assert.deepEqual(Buffer.from(row.ciphertext!), Buffer.from(old.ciphertext!), 'left as it was');
            assert.throws(() => openKey(opened.keys, row, sealedOf(row)), DecryptError);
            continue;
          }
          assert.notDeepEqual(Buffer.from(row.ciphertext!), Buffer.from(old.ciphertext!), `${seed.name} re-sealed`);
          assert.equal(openKey(opened.keys, row, sealedOf(row)), seed.apiKey, `${seed.name} opens`);
          assert.throws(() => opened.keys.open(sealedOf(row), row.id), DecryptError, `${seed.name} is no longer bound to its id alone`);
        }

        // Edited in the database to send its key elsewhere, a row does not open.
        const edits: Array<[string, string, unknown[]]> = [
          ['another endpoint', `UPDATE credentials SET fields = jsonb_set(fields, '{endpoint}', '"https://attacker.example"') WHERE id = $1`, [azure.id]],
          ['another provider', `UPDATE credentials SET provider = 'openai-compatible', fields = '{"baseUrl":"http://localhost:11434/v1"}' WHERE id = $1`, [azure.id]],
          ['another base URL', `UPDATE credentials SET fields = '{"baseUrl":"http://10.0.0.1/v1"}' WHERE id = $1`, [compatible.id]],
          [
            "another row's key (another id)",
            `UPDATE credentials SET ciphertext = o.ciphertext, nonce = o.nonce, key_version = o.key_version FROM credentials o WHERE credentials.id = $1 AND o.name = 'OpenAI'`,
            [seeds.find((s) => s.name === 'No key')!.id],
          ],
        ];
        for (const [what, sql, params] of edits) {
          await opened.db.query(sql, params);
          const row = (await rowsOf(opened.db)).find((r) => r.id === params[0])!;
          assert.throws(() => openKey(opened.keys, row, sealedOf(row)), DecryptError, what);
        }
      } finally {
        await opened.close();
      }
      // Applied once: a restart leaves the rows alone.
      const again = await openDataFolder({ env: folder.env(), dataDir: folder.dataDir });
      const untouched = (await rowsOf(again.db)).find((r) => r.name === 'OpenAI')!;
      assert.equal(openKey(again.keys, untouched, sealedOf(untouched)), `${KEY}3`);
      await again.close();
    } finally {
      await folder.remove();
    }
  });
});
