/** Waits `ms`, or less when `stop` aborts; never rejects. */
export function pause(ms: number, stop: AbortSignal): Promise<void> {
  if (ms <= 0 || stop.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop.addEventListener('abort', done, { once: true });
  });
}

/** One caller waiting for a permit. */
interface Waiter {
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
  done: boolean;
}

/**
 * How one permit is obtained: resolves when a permit is ready (the wait for its slot included), or with the block
 * in force. `stop` aborts when nobody waits any more; the wait then ends early (resolving, not rejecting).
 */
export type Acquire = (stop: AbortSignal) => Promise<{ readonly blockedMs: number } | undefined>;

/** What the queue does with its waiters while the operation is blocked. */
export type OnBlocked = (blockedMs: number) => 'wait' | Error;

/**
 * The callers of one operation in this process, in arrival order. Only the head's permit is being obtained at any
 * time, so a process holds at most one reservation per operation in Redis: a 416 block reaches every process
 * within one slot, and a caller that gives up never leaves a string of unused reservations behind.
 */
export function createPermitQueue(acquire: Acquire, onBlocked: OnBlocked) {
  const waiters: Waiter[] = [];
  let running = false;
  let stop: AbortController | undefined;

  const live = () => {
    while (waiters.length && waiters[0]!.done) waiters.shift();
    return waiters.length > 0;
  };
  const settle = (waiter: Waiter) => {
    waiter.done = true;
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
  };

  const rejectAll = (reason: unknown) => {
    for (const waiter of waiters.splice(0)) {
      if (waiter.done) continue;
      settle(waiter);
      waiter.reject(reason);
    }
  };

  async function drain() {
    running = true;
    try {
      while (live()) {
        const current = (stop = new AbortController());
        let outcome: { readonly blockedMs: number } | undefined;
        try {
          outcome = await acquire(current.signal);
        } catch (error) {
          // A fault of the limiter itself: every waiter hears of it (the client logs it and goes on).
          rejectAll(error);
          continue;
        }
        // Ended early because nobody waited: a caller who came since must not use a permit that came too soon.
        if (current.signal.aborted) continue;
        if (!outcome) {
          // The permit goes to whoever is first now: if its caller left meanwhile, the next one uses it.
          if (live()) {
            const head = waiters.shift()!;
            settle(head);
            head.resolve();
          }
          continue;
        }
        const decision = onBlocked(outcome.blockedMs);
        if (decision instanceof Error) rejectAll(decision);
        else await pause(outcome.blockedMs, current.signal);
      }
    } finally {
      running = false;
      stop = undefined;
    }
  }

  return {
    /** Resolves when the caller may go; rejects with the signal's reason on abort, or with the `onBlocked` error. */
    take(signal: AbortSignal | undefined): Promise<void> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          done: false,
          onAbort: () => {
            settle(waiter);
            reject(signal!.reason);
            if (!live()) stop?.abort();
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        waiters.push(waiter);
        if (!running) void drain();
      });
    },
  };
}
