/** What a window holds about one endpoint right now. */
export interface WindowStats {
  /** Round trips that answered (any envelope, also a business error). */
  readonly successes: number;
  /** Round trips that failed on the way: connection, timeout, HTTP 5xx, a health path that did not answer 200. */
  readonly failures: number;
  /** Mean latency of the successes in milliseconds; `undefined` without any. */
  readonly meanLatencyMs: number | undefined;
}

/** Sizes of a window. */
export interface WindowShape {
  /** How many buckets the window keeps. */
  readonly buckets: number;
  /** How long one bucket lasts, in milliseconds. */
  readonly bucketMs: number;
}

/**
 * A time-bucketed sliding window of outcomes and latencies (the shape the official Go SDK uses: 12 buckets of 5 s).
 * Buckets are rotated lazily from the clock, so a window needs no timer.
 */
export interface SlidingWindow {
  record(ok: boolean, latencyMs: number): void;
  stats(): WindowStats;
}

/**
 * Creates an empty window.
 * @example
 * ```ts
 * const window = createSlidingWindow({ buckets: 12, bucketMs: 5_000 });
 * window.record(true, 42);
 * window.stats(); // { successes: 1, failures: 0, meanLatencyMs: 42 }
 * ```
 */
export function createSlidingWindow(shape: WindowShape, now: () => number = Date.now): SlidingWindow {
  const { buckets, bucketMs } = shape;
  // Parallel arrays, one slot per bucket; `epochs[i]` says which bucket period slot i currently holds.
  const epochs = new Array<number>(buckets).fill(-Infinity);
  const successes = new Array<number>(buckets).fill(0);
  const failures = new Array<number>(buckets).fill(0);
  const latencySums = new Array<number>(buckets).fill(0);

  const epochNow = () => Math.floor(now() / bucketMs);

  return {
    record(ok, latencyMs) {
      const epoch = epochNow();
      const slot = ((epoch % buckets) + buckets) % buckets;
      if (epochs[slot] !== epoch) {
        epochs[slot] = epoch;
        successes[slot] = 0;
        failures[slot] = 0;
        latencySums[slot] = 0;
      }
      if (ok) {
        successes[slot]! += 1;
        latencySums[slot]! += Math.max(0, latencyMs);
      } else {
        failures[slot]! += 1;
      }
    },
    stats() {
      const current = epochNow();
      const oldest = current - buckets + 1;
      let ok = 0;
      let failed = 0;
      let latency = 0;
      for (let slot = 0; slot < buckets; slot += 1) {
        // Outside the window; a slot from the future means the wall clock went back, so it is stale too.
        if (epochs[slot]! < oldest || epochs[slot]! > current) continue;
        ok += successes[slot]!;
        failed += failures[slot]!;
        latency += latencySums[slot]!;
      }
      return { successes: ok, failures: failed, meanLatencyMs: ok ? latency / ok : undefined };
    },
  };
}
