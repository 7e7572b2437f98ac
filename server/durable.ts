/** Durable file writes, for the lock and the key files: what is written survives a crash. */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** Creates `path` (EEXIST when it exists), readable by its owner only, with `text`, fsynced. */
export function writeNewFile(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a directory entry durable (a created, linked or renamed file). */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    // Windows cannot open a directory; nothing else to do there.
    if (process.platform !== 'win32') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
