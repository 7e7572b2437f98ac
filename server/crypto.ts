/**
 * Encryption at rest: AES-256-GCM (node:crypto), a fresh random 96-bit nonce per write, the
 * credential id as associated data, under a master key named by its version (the first 16 hex
 * characters of its SHA-256). A keyring holds the current key and, during a rotation, older
 * ones; a wrong key, id or tampered byte fails loudly and never returns garbage.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface Sealed {
  ciphertext: Uint8Array;
  nonce: Uint8Array;
  keyVersion: string;
}

export class DecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptError';
  }
}

/** The version of a master key: safe to store and log, says nothing about the key. */
export const versionOf = (key: Uint8Array) => createHash('sha256').update(key).digest('hex').slice(0, 16);

/** A base64 master key of exactly 32 bytes, or a clear error. */
export function parseMasterKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  // 32 bytes are 43 base64 characters and one "=" of padding.
  const key = /^[A-Za-z0-9+/]{43}=?$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) {
    throw new Error(`${where} must be the base64 of exactly 32 random bytes (make one with: node -e "console.log(crypto.randomBytes(32).toString('base64'))").`);
  }
  return key;
}

export class Keyring {
  readonly current: Buffer;
  readonly #keys = new Map<string, Buffer>();

  constructor(current: Buffer, older: Buffer[] = []) {
    this.current = current;
    for (const key of [current, ...older]) this.#keys.set(versionOf(key), key);
  }

  get version(): string {
    return versionOf(this.current);
  }

  seal(plaintext: string, id: string): Sealed {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current, nonce);
    cipher.setAAD(Buffer.from(id, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { ciphertext, nonce, keyVersion: this.version };
  }

  open(sealed: Sealed, id: string): string {
    const key = this.#keys.get(sealed.keyVersion);
    if (!key) throw new DecryptError(`no master key of version ${sealed.keyVersion} is configured`);
    const data = Buffer.from(sealed.ciphertext);
    if (data.length < 16 || sealed.nonce.length !== 12) throw new DecryptError('the stored ciphertext is malformed');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce));
      decipher.setAAD(Buffer.from(id, 'utf8'));
      decipher.setAuthTag(data.subarray(data.length - 16));
      return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptError('the stored key failed authentication (tampered, or another master key)');
    }
  }
}

/**
 * The keyring of a data folder: CREDENTIAL_MASTER_KEY when set (older keys, during a
 * rotation, in CREDENTIAL_MASTER_KEY_PREVIOUS, comma-separated); else `master.key` in the
 * data folder, created on first start with mode 0600 (and never overwritten: `wx`).
 */
export function loadKeyring(env: NodeJS.ProcessEnv, dataDir: string): Keyring {
  const previous = (env.CREDENTIAL_MASTER_KEY_PREVIOUS ?? '')
    .split(',')
    .filter((k) => k.trim())
    .map((k) => parseMasterKey(k, 'CREDENTIAL_MASTER_KEY_PREVIOUS'));
  if (env.CREDENTIAL_MASTER_KEY !== undefined) return new Keyring(parseMasterKey(env.CREDENTIAL_MASTER_KEY, 'CREDENTIAL_MASTER_KEY'), previous);
  const file = join(dataDir, 'master.key');
  if (!existsSync(file)) writeKeyFile(file, randomBytes(32));
  const older = existsSync(`${file}.previous`) ? [parseMasterKey(readFileSync(`${file}.previous`, 'utf8'), `${file}.previous`)] : [];
  return new Keyring(parseMasterKey(readFileSync(file, 'utf8'), file), [...older, ...previous]);
}

/** Writes a new key file readable by its owner only; fails if it exists. */
export function writeKeyFile(file: string, key: Buffer): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'wx', 0o600);
    writeSync(fd, `${key.toString('base64')}\n`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
