/**
 * The live checks of one session (contract section 6): "Check key" and Save share them, so a
 * check never runs twice for the same key and fields, a Save right after a passing "Check key"
 * asks the provider nothing, and an answer for an old key never counts for a new one. What a
 * run checked is kept as a print (which holds the key) in memory for the session only.
 */
import type { VerifyResult } from './check.js';

interface Run {
  print: string;
  controller: AbortController;
  outcome: Promise<VerifyResult | undefined>;
  settled?: VerifyResult;
}

export class LiveChecks {
  #run?: Run;

  /**
   * The check of `print`: the run for it when one is running or has passed, else a new one
   * (the previous one aborted). `start` runs it under a signal that aborts with `session`.
   */
  run(print: string, start: (signal: AbortSignal) => Promise<VerifyResult | undefined>, session: AbortSignal): Promise<VerifyResult | undefined> {
    const last = this.#run;
    if (last?.print === print && (!last.settled || last.settled.ok)) return last.outcome;
    last?.controller.abort();
    const controller = new AbortController();
    const stop = () => controller.abort();
    session.addEventListener('abort', stop, { once: true });
    const run: Run = {
      print,
      controller,
      outcome: start(controller.signal).then((result) => {
        session.removeEventListener('abort', stop);
        if (!controller.signal.aborted) run.settled = result;
        return controller.signal.aborted ? undefined : result;
      }),
    };
    this.#run = run;
    return run.outcome;
  }

  /** The passing result for exactly `print`, when the last run passed for it. */
  passed(print: string): (VerifyResult & { ok: true }) | undefined {
    const run = this.#run;
    return run?.print === print && run.settled?.ok ? (run.settled as VerifyResult & { ok: true }) : undefined;
  }

  /** Whether the last run checked `print` and was not dropped since. */
  isLast(print: string): boolean {
    return this.#run?.print === print;
  }

  /** Forgets the last run, aborting it when it still runs: the key or a field it sends changed, or the session ended. */
  drop(): void {
    this.#run?.controller.abort();
    this.#run = undefined;
  }
}
