/**
 * The phases of an overlay session (contract sections 5 and 6) as a transition table. Only
 * `Session` (session.ts) moves through it: `next()` throws on a step the table does not
 * allow (a Save while saving, a second dispatch), so such a step cannot happen quietly. Pure.
 *
 * - `closed`: not shown.
 * - `editing`: the user can type and save.
 * - `verifying`: a Save's live check runs (Cancel, Close and Escape abort it).
 * - `dispatching`: `credential-saved` is being dispatched.
 * - `saving`: a host's `waitUntil` runs.
 */
export type Phase = 'closed' | 'editing' | 'verifying' | 'dispatching' | 'saving';
export type PhaseEvent = 'open' | 'check' | 'dispatch' | 'wait' | 'settle' | 'close';

const TABLE: Readonly<Record<Phase, Partial<Record<PhaseEvent, Phase>>>> = {
  closed: { open: 'editing' },
  editing: { check: 'verifying', dispatch: 'dispatching', close: 'closed' },
  verifying: { settle: 'editing', dispatch: 'dispatching', close: 'closed' },
  dispatching: { settle: 'editing', wait: 'saving', close: 'closed' },
  saving: { settle: 'editing', close: 'closed' },
};

/** Whether `event` may happen in `phase`. */
export const can = (phase: Phase, event: PhaseEvent): boolean => TABLE[phase][event] !== undefined;

/** The phase after `event`; throws on a transition the table does not allow. */
export function next(phase: Phase, event: PhaseEvent): Phase {
  const to = TABLE[phase][event];
  if (!to) throw new Error(`credential-overlay: no "${event}" while ${phase}`);
  return to;
}

/** A check or a host's save runs: Save is disabled and the form is `aria-busy`. */
export const isBusy = (phase: Phase): boolean => phase === 'verifying' || phase === 'saving';
