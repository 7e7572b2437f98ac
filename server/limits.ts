/**
 * The server's abuse limits (contract section 15), with the contract's numbers as defaults.
 * Every one is an option of `createApp`, so tests and the demo's end-to-end tests can set
 * their own.
 */
import { HttpError } from './input.js';

export interface Limits {
  /** The largest request body, in bytes (413 above it). */
  bodyBytes: number;
  /** Live checks (the check route, and POST or PATCH with `verify`) per client address per window. */
  checksPerClient: number;
  /** Live checks of one saved credential per window. */
  checksPerCredential: number;
  /** The window of both, in milliseconds. */
  checkWindowMs: number;
  /** Outbound checks running at once, from the whole server; more are refused (503), not queued. */
  concurrentChecks: number;
  /** One check's time from the start of its DNS resolution to the last byte of the answer. */
  checkTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  bodyBytes: 64 * 1024,
  checksPerClient: 10,
  checksPerCredential: 5,
  checkWindowMs: 60_000,
  concurrentChecks: 4,
  checkTimeoutMs: 10_000,
};

/** At most `size` holders at once; `enter` refuses rather than queues, so nobody waits on a flood. */
export class Gate {
  #busy = 0;
  constructor(readonly size: number) {}

  /** Runs `work` holding a place, or throws 503 when every place is taken. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#busy >= this.size) {
      throw new HttpError(503, 'apiKey', 'The server is checking other keys right now. Try again in a moment.', { 'retry-after': '1' });
    }
    this.#busy++;
    try {
      return await work();
    } finally {
      this.#busy--;
    }
  }
}
