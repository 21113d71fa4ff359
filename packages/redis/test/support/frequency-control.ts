// The rules of Yunxin's frequency control as this stand-in models them: per AppKey and operation at most
// `perSecond` calls in ANY window of 1000 ms (a sliding window, the strictest reading of "100 calls/s": a fixed
// per-second counter or a token bucket of the same size accepts everything this accepts). A call beyond it is
// answered 416 and starts a block: for `blockMs` every call of that AppKey and operation is answered 416.

export interface FrequencyControlOptions {
  /** @default 100 */
  readonly perSecond?: number;
  /** @default 1000 */
  readonly blockMs?: number;
}

/** The verdict on one call: accepted, or refused with how long the block has left. */
export type Verdict = { readonly accepted: true } | { readonly accepted: false; readonly blockedMs: number };

/**
 * The state of the frequency control: per key, the times of the calls accepted in the last second and the end of
 * the block. Time is passed in (ms, monotonic), so the rules are tested without a clock.
 * @example
 * ```ts
 * const control = createFrequencyControl({ perSecond: 100 });
 * control.admit('app/getConversationGroup', performance.now());
 * ```
 */
export function createFrequencyControl(options: FrequencyControlOptions = {}) {
  const { perSecond = 100, blockMs = 1000 } = options;
  const windowMs = 1000;
  const keys = new Map<string, { accepted: number[]; head: number; blockedUntil: number }>();
  const stateOf = (key: string) => {
    let state = keys.get(key);
    if (!state) keys.set(key, (state = { accepted: [], head: 0, blockedUntil: -Infinity }));
    return state;
  };

  return {
    admit(key: string, now: number): Verdict {
      const state = stateOf(key);
      if (now < state.blockedUntil) return { accepted: false, blockedMs: state.blockedUntil - now };
      while (state.head < state.accepted.length && state.accepted[state.head]! <= now - windowMs) state.head += 1;
      if (state.accepted.length - state.head >= perSecond) {
        state.blockedUntil = now + blockMs;
        return { accepted: false, blockedMs: blockMs };
      }
      state.accepted.push(now);
      return { accepted: true };
    },
    /** Starts a block as if the quota had just been exceeded (fault injection). */
    block(key: string, now: number): void {
      stateOf(key).blockedUntil = now + blockMs;
    },
  };
}
