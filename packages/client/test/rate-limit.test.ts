import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../src/rate-limit.js';

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

describe('RateLimiter', () => {
  let clock: number;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 5_000_000;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const perSecond of [1, 4, 10, 100]) {
    it(`at ${perSecond}/s, a burst of ${perSecond} starts at once and the next waits ${1000 / perSecond} ms`, async () => {
      const limiter = new RateLimiter(perSecond, () => clock);
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

  it('spaces queued calls 1000/N ms apart, in arrival order', async () => {
    const limiter = new RateLimiter(4, () => clock);
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
    const limiter = new RateLimiter(5, () => clock);
    for (let i = 0; i < 5; i += 1) await limiter.take('op');
    clock += 1000;
    const burst = Array.from({ length: 5 }, () => track(limiter.take('op')));
    await vi.advanceTimersByTimeAsync(0);
    expect(burst.every((state) => state.settled)).toBe(true);
  });

  it('keeps one bucket per operation', async () => {
    const limiter = new RateLimiter(2, () => clock);
    await limiter.take('a');
    await limiter.take('a');
    const otherKey = track(limiter.take('b'));
    const sameKey = track(limiter.take('a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(otherKey.settled).toBe(true);
    expect(sameKey.settled).toBe(false);
  });

  it('a queued call rejects with the signal reason when aborted, and leaves no timer', async () => {
    const limiter = new RateLimiter(1, () => clock);
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

  it('refuses a rate that is not positive', () => {
    for (const perSecond of [0, -1, Number.NaN]) expect(() => new RateLimiter(perSecond)).toThrow(RangeError);
  });
});
