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
 * The callers of one operation in this process, in arrival order. At most `depth` permits are being obtained at a
 * time (fewer when fewer callers wait), so a process holds at most `depth` reservations per operation in Redis:
 * a 416 block reaches every process within a few slots, and callers who give up leave no string of unused
 * reservations behind. A depth of 2 lets the next request to Redis overlap the wait for the current slot, so a
 * slow round trip does not leave slots unused.
 */
export function createPermitQueue(acquire: Acquire, onBlocked: OnBlocked, depth: number) {
  const waiters: Waiter[] = [];
  let pending = 0;
  let lanes = 0;
  let stop = new AbortController();

  const settle = (waiter: Waiter) => {
    waiter.done = true;
    pending -= 1;
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
  };
  const grantHead = () => {
    while (waiters.length) {
      const head = waiters.shift()!;
      if (head.done) continue;
      settle(head);
      head.resolve();
      return;
    }
  };
  const rejectAll = (reason: unknown) => {
    for (const waiter of waiters.splice(0)) {
      if (waiter.done) continue;
      settle(waiter);
      waiter.reject(reason);
    }
  };
  const stopSignal = () => (stop.signal.aborted ? (stop = new AbortController()) : stop).signal;
  const startLanes = () => {
    while (lanes < depth && lanes < pending) void lane();
  };

  async function lane() {
    lanes += 1;
    try {
      // A lane goes on while more callers wait than the other lanes serve.
      while (pending >= lanes) {
        const signal = stopSignal();
        let outcome: { readonly blockedMs: number } | undefined;
        try {
          outcome = await acquire(signal);
        } catch (error) {
          // A fault of the limiter itself: every waiter hears of it (the client logs it and goes on).
          rejectAll(error);
          break;
        }
        // Ended early because nobody waited: a caller who came since must not use a permit that came too soon.
        if (signal.aborted) continue;
        if (!outcome) {
          // The permit goes to whoever is first now: if its caller left meanwhile, the next one uses it.
          grantHead();
          continue;
        }
        const decision = onBlocked(outcome.blockedMs);
        if (decision instanceof Error) rejectAll(decision);
        // One ms more: Redis reports whole ms left, and asking again a moment too soon costs a round trip.
        else await pause(outcome.blockedMs + 1, signal);
      }
    } finally {
      lanes -= 1;
      startLanes();
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
            if (pending === 0) stop.abort();
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        waiters.push(waiter);
        pending += 1;
        startLanes();
      });
    },
  };
}
