/**
 * Opening the server's data: the data folder (lock, permissions), the database (PGlite in the
 * folder, or DATABASE_URL) with its migrations, and the master keyring, checked against the
 * rows it must open. `openApp` and `rotate-master-key` both start here.
 */
import { mkdirSync } from 'node:fs';
import { loadKeyring, type Keyring } from './crypto.js';
import { openDatabase, type Database } from './db.js';

/** A refused start: `message` is one line that says what is wrong and how to fix it. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

export interface DataFolder {
  db: Database;
  keys: Keyring;
  /** Closes the database and releases the folder. */
  close(): Promise<void>;
}

export async function openDataFolder(options: { env: NodeJS.ProcessEnv; dataDir: string }): Promise<DataFolder> {
  const { env, dataDir } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keys = loadKeyring(env, dataDir);
  const db = await openDatabase({ dataDir, databaseUrl: env.DATABASE_URL || undefined });
  return { db, keys, close: () => db.close() };
}
