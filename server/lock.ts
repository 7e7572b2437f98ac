/**
 * One process at a time in a data folder: a server (PGlite or DATABASE_URL: the folder still
 * holds the key files) or a rotation. The lock is a file, `lock`, that names its holder (what,
 * pid, host, since) and appears all at once (written aside, then hard-linked into place, which
 * fails if it exists).
 *
 * Stale detection by liveness, not by a heartbeat: a lock whose holder is gone (same host, and
 * its pid is no longer running, or runs a process started later, or the machine has restarted
 * since) is taken over at once. A heartbeat would call a live holder stale whenever its event
 * loop stalls (PGlite's first open blocks it for seconds), and would keep a killed holder's lock
 * for its whole timeout. A holder on another host cannot be checked from here: its lock holds
 * until it is released or deleted by hand, and the refusal says so.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeNewFile } from './durable.js';

export const LOCK_FILE = 'lock';

export interface Holder {
  what: string;
  pid: number;
  host: string;
  since: string;
  /** Linux: the boot the holder runs in, and its start time (clock ticks since boot), to tell a reused pid. */
  boot?: string;
  start?: string;
  token: string;
}

/** The folder is held by a live holder, or by one that cannot be checked from here. */
export class FolderLocked extends Error {
  constructor(
    readonly path: string,
    readonly holder: Holder | undefined,
    /** Whether the holder is known to be running (false: on another host, or its lock is unreadable). */
    readonly running: boolean,
  ) {
    super(`${path} is held by ${holder ? describeHolder(holder) : 'another process'}`);
    this.name = 'FolderLocked';
  }
}

export const describeHolder = (h: Holder) => `${h.what} (pid ${h.pid} on ${h.host}, since ${h.since})`;

function readOr(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const bootId = () => readOr('/proc/sys/kernel/random/boot_id')?.trim();

/** A process's start time in clock ticks since boot (Linux), field 22 of /proc/<pid>/stat. */
function startOf(pid: number): string | undefined {
  const stat = readOr(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function parse(text: string | undefined): Holder | undefined {
  try {
    const h = JSON.parse(text ?? '') as Holder;
    return Number.isInteger(h.pid) && h.pid > 0 && typeof h.host === 'string' && typeof h.token === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** true: running; false: gone; undefined: cannot tell (another host). */
export function holderRunning(h: Holder): boolean | undefined {
  if (h.host !== hostname()) return undefined;
  const boot = bootId();
  if (h.boot && boot && h.boot !== boot) return false;
  try {
    process.kill(h.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: it runs, as another user.
  }
  const start = startOf(h.pid);
  if (h.start && start && h.start !== start) return false;
  return true;
}

export interface FolderLock {
  readonly path: string;
  readonly holder: Holder;
  /** Removes the lock if it is still this one's. */
  release(): void;
}

/** Takes the folder's lock for `what`, taking over a stale one; throws FolderLocked when it is held. */
export function lockFolder(dir: string, what: string): FolderLock {
  const path = join(dir, LOCK_FILE);
  const me: Holder = { what, pid: process.pid, host: hostname(), since: new Date().toISOString(), boot: bootId(), start: startOf(process.pid), token: randomBytes(8).toString('hex') };
  const text = `${JSON.stringify(me)}\n`;
  const lock: FolderLock = {
    path,
    holder: me,
    release() {
      if (parse(readOr(path))?.token === me.token) rmSync(path, { force: true });
    },
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    const tmp = `${path}.${me.token}`;
    writeNewFile(tmp, text);
    try {
      linkSync(tmp, path);
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(tmp, { force: true });
    }
    const seen = readOr(path);
    if (seen === undefined) continue; // released meanwhile
    const holder = parse(seen);
    if (holder) {
      const running = holderRunning(holder);
      if (running !== false) throw new FolderLocked(path, holder, running === true);
    } else {
      // Unreadable (not written by this code): stale once it is a few seconds old.
      let age = 0;
      try {
        age = Date.now() - statSync(path).mtimeMs;
      } catch {
        continue;
      }
      if (age < 10_000) throw new FolderLocked(path, undefined, false);
    }
    // Stale: move it aside, and put it back if what was moved is not what was judged stale
    // (another process took the lock over in between).
    const aside = `${path}.stale.${me.token}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readOr(aside);
    if (moved !== seen) {
      try {
        linkSync(aside, path);
      } catch {
        // a third process holds it now
      }
      rmSync(aside, { force: true });
      const other = parse(moved);
      throw new FolderLocked(path, other, true);
    }
    rmSync(aside, { force: true });
  }
  throw new FolderLocked(path, parse(readOr(path)), true);
}
