/**
 * Encryption at rest: AES-256-GCM (node:crypto), a fresh random 96-bit nonce per write, under
 * a master key named by its version (the first 16 hex characters of its SHA-256). What a seal
 * is bound to (its associated data) is decided by sealing.ts; a keyring holds the current key
 * and, during a rotation or with an older key handed in, others that only open. A wrong key,
 * wrong associated data or a tampered byte fails loudly and never returns garbage.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

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

/** How to make a master key, for messages. */
export const MAKE_KEY = `node -e "console.log(crypto.randomBytes(32).toString('base64'))"`;

/** A base64 master key of exactly 32 bytes, or an error naming `where` (an env var or a file). */
export function parseMasterKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  // 32 bytes are 43 base64 characters and one "=" of padding.
  const key = /^[A-Za-z0-9+/]{43}=?$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) {
    throw new Error(`${where} must be the base64 of exactly 32 random bytes (make one with: ${MAKE_KEY}).`);
  }
  return key;
}

const bytes = (aad: string | Uint8Array) => (typeof aad === 'string' ? Buffer.from(aad, 'utf8') : Buffer.from(aad));

export class Keyring {
  /** The key new seals are made under. */
  readonly current: Buffer;
  readonly #keys = new Map<string, Buffer>();

  /** `others` only open (older keys, or the next key of a rotation); `current` also seals. */
  constructor(current: Buffer, others: Buffer[] = []) {
    this.current = current;
    for (const key of [current, ...others]) this.#keys.set(versionOf(key), key);
  }

  get version(): string {
    return versionOf(this.current);
  }

  /** Seals under the key of `version` (the current one unless given), bound to `aad`. */
  seal(plaintext: string, aad: string | Uint8Array, version = this.version): Sealed {
    const key = this.#keys.get(version);
    if (!key) throw new Error(`no master key of version ${version} is configured`);
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(bytes(aad));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { ciphertext, nonce, keyVersion: version };
  }

  open(sealed: Sealed, aad: string | Uint8Array): string {
    const key = this.#keys.get(sealed.keyVersion);
    if (!key) throw new DecryptError(`no master key of version ${sealed.keyVersion} is configured`);
    const data = Buffer.from(sealed.ciphertext);
    if (data.length < 16 || sealed.nonce.length !== 12) throw new DecryptError('the stored ciphertext is malformed');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce));
      decipher.setAAD(bytes(aad));
      decipher.setAuthTag(data.subarray(data.length - 16));
      return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptError('the stored key failed authentication (tampered, moved to another row or address, or another master key)');
    }
  }
}
