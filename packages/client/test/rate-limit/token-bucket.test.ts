import { seedOr } from '../support/fc-seed.js';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTokenBucketLimiter, NimValidationError } from '../../src/index.js';

/** A promise plus whether it has settled yet. */
function track(promise: Promise<void>) {
  const state = { settled: false, error: undefined as unknown };
  promise.then(
    () => void (state.settled = true),
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
}

describe('createTokenBucketLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 5_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const perSecond of [1, 4, 10, 100]) {
    it(`at ${perSecond}/s, a burst of ${perSecond} starts at once and the next waits ${1000 / perSecond} ms`, async () => {
      const limiter = createTokenBucketLimiter({ perSecond });
      const burst = Array.from({ length: perSecond }, () => track(limiter.take('op')));
      await vi.advanceTimersByTimeAsync(0);
      expect(burst.every((state) => state.settled && state.error === undefined)).toBe(true);

      const next = track(limiter.take('op'));
      await vi.advanceTimersByTimeAsync(1000 / perSecond - 1);
      expect(next.settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(next.settled).toBe(true);
    });
  }

  it('lets `burst` start at once, then spaces the rest 1000/N ms apart', async () => {
    const limiter = createTokenBucketLimiter({ perSecond: 10, burst: 3 });
    const started: number[] = [];
    const all = Array.from({ length: 5 }, () => limiter.take('op').then(() => void started.push(Date.now())));
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(all);
    expect(started.map((at) => at - 5_000_000)).toEqual([0, 0, 0, 100, 200]);
  });

  it('gives a rate below one per second a burst of one, not a wait before the first permit', async () => {
    const limiter = createTokenBucketLimiter({ perSecond: 0.5 });
    const first = track(limiter.take('op'));
    await vi.advanceTimersByTimeAsync(0);
    expect(first.settled).toBe(true);
    const second = track(limiter.take('op'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(second.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(second.settled).toBe(true);
  });

  it('spaces queued calls 1000/N ms apart, in arrival order', async () => {
    const limiter = createTokenBucketLimiter({ perSecond: 4 });
    for (let i = 0; i < 4; i += 1) await limiter.take('op');
    const order: number[] = [];
    const queued = [0, 1, 2].map((index) => limiter.take('op').then(() => void order.push(index)));
    await vi.advanceTimersByTimeAsync(250);
    expect(order).toEqual([0]);
    await vi.advanceTimersByTimeAsync(250);
    expect(order).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(250);
    await Promise.all(queued);
    expect(order).toEqual([0, 1, 2]);
  });

  it('refills: after a quiet second a full burst passes again', async () => {
    const limiter = createTokenBucketLimiter({ perSecond: 5 });
    for (let i = 0; i < 5; i += 1) await limiter.take('op');
    await vi.advanceTimersByTimeAsync(1000);
    const burst = Array.from({ length: 5 }, () => track(limiter.take('op')));
    await vi.advanceTimersByTimeAsync(0);
    expect(burst.every((state) => state.settled)).toBe(true);
  });

  it('keeps one bucket per operation', async () => {
    const limiter = createTokenBucketLimiter({ perSecond: 2 });
    await limiter.take('a');
    await limiter.take('a');
    const otherKey = track(limiter.take('b'));
    const sameKey = track(limiter.take('a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(otherKey.settled).toBe(true);
    expect(sameKey.settled).toBe(false);
  });

  it('a queued call rejects with the signal reason when aborted, and leaves no timer', async () => {
    const limiter = createTokenBucketLimiter({ perSecond: 1 });
    await limiter.take('op');
    const controller = new AbortController();
    const queued = track(limiter.take('op', controller.signal));
    expect(vi.getTimerCount()).toBe(1);
    const reason = new Error('stop');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(queued).toEqual({ settled: true, error: reason });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an already aborted signal rejects at once and takes no slot', async () => {
    const limiter = createTokenBucketLimiter({ perSecond: 1 });
    const reason = new Error('gone');
    await expect(limiter.take('op', AbortSignal.abort(reason))).rejects.toBe(reason);
    const next = track(limiter.take('op'));
    await vi.advanceTimersByTimeAsync(0);
    expect(next.settled).toBe(true);
  });

  it('runs on the monotonic clock: a step back of the wall clock holds no permit back', async () => {
    const limiter = createTokenBucketLimiter({ perSecond: 10, burst: 1 });
    await limiter.take('op');
    vi.setSystemTime(Date.now() - 60_000); // NTP steps the wall clock back a minute
    const next = track(limiter.take('op'));
    await vi.advanceTimersByTimeAsync(100);
    expect(next.settled).toBe(true); // on Date.now it would have waited the minute as well
  });

  it('refuses options that are not a positive rate and an integer burst ≥ 1, with a NimValidationError', () => {
    const hostile = fc.oneof(
      fc.anything(),
      fc.record({
        perSecond: fc.oneof(
          fc.double(),
          fc.bigInt(),
          fc.string(),
          fc.constant(undefined),
          fc.constantFrom(1e-7, 0.000999, 0.001, 1e6, 1e6 + 1),
        ),
      }),
      fc.record({
        perSecond: fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        burst: fc.oneof(fc.double(), fc.anything()),
      }),
    );
    fc.assert(
      fc.property(hostile, (options) => {
        const { perSecond, burst } = (typeof options === 'object' && options !== null ? options : {}) as Record<
          string,
          unknown
        >;
        const valid =
          typeof options === 'object' &&
          options !== null &&
          typeof perSecond === 'number' &&
          perSecond >= 0.001 &&
          perSecond <= 1e6 &&
          (burst === undefined || (Number.isSafeInteger(burst) && (burst as number) >= 1));
        let thrown: unknown;
        try {
          createTokenBucketLimiter(options as never);
        } catch (error) {
          thrown = error;
        }
        expect(thrown === undefined).toBe(valid);
        if (thrown !== undefined) expect(thrown).toBeInstanceOf(NimValidationError);
      }),
      { seed: seedOr(15), numRuns: 500 },
    );
  });
});
