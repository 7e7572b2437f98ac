/**
 * `detail.waitUntil()` (contract sections 5 and 12), for `credential-saved` and
 * `credential-delete` alike: promises collected during the dispatch only, and a rejection's
 * reason read safely. No DOM.
 */

export interface Waiter {
  /** The detail's `waitUntil`: takes a promise during the dispatch; afterwards throws `InvalidStateError`. */
  readonly waitUntil: (promise: Promise<unknown>) => void;
  /** Ends the dispatch: every promise given, all settled (the first given that rejects wins); `undefined` when none was. */
  end(): Promise<unknown> | undefined;
}

export function waiter(event: string): Waiter {
  const pending: Promise<unknown>[] = [];
  let open = true;
  return {
    waitUntil(promise) {
      if (!open) throw new DOMException(`waitUntil() must be called while ${event} is dispatched.`, 'InvalidStateError');
      pending.push(Promise.resolve(promise));
    },
    end() {
      open = false;
      if (!pending.length) return undefined;
      return Promise.allSettled(pending).then((all) => {
        const failed = all.find((r) => r.status === 'rejected');
        if (failed) throw failed.reason;
      });
    },
  };
}

/**
 * A rejection's `message` and `field`, when they are non-empty strings. A hostile reason (a
 * throwing getter, a Proxy) gives neither.
 */
export function reasonOf(reason: unknown): { message?: string; field?: string } {
  try {
    const r = reason as { message?: unknown; field?: unknown } | null | undefined;
    const message = typeof r?.message === 'string' && r.message.trim() ? r.message : undefined;
    const field = typeof r?.field === 'string' ? r.field : undefined;
    return { message, field };
  } catch {
    return {};
  }
}
