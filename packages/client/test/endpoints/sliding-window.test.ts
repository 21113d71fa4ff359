import { seedOr } from '../support/fc-seed.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSlidingWindow } from '../../src/endpoints/sliding-window.js';

const shape = { buckets: 12, bucketMs: 5_000 };

function windowAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, window: createSlidingWindow(shape, () => clock.now) };
}

describe('createSlidingWindow', () => {
  it('starts empty', () => {
    expect(windowAt().window.stats()).toEqual({ successes: 0, failures: 0, meanLatencyMs: undefined });
  });

  it('counts successes and failures and averages the latency of the successes only', () => {
    const { window } = windowAt();
    window.record(true, 10);
    window.record(true, 30);
    window.record(false, 5_000);
    expect(window.stats()).toEqual({ successes: 2, failures: 1, meanLatencyMs: 20 });
  });

  it('forgets a sample once its bucket is older than buckets × bucketMs', () => {
    const { clock, window } = windowAt(0);
    window.record(false, 1);
    clock.now += 11 * 5_000;
    window.record(true, 1);
    expect(window.stats()).toMatchObject({ successes: 1, failures: 1 });
    clock.now += 5_000;
    expect(window.stats()).toMatchObject({ successes: 1, failures: 0 });
    clock.now += 12 * 5_000;
    expect(window.stats()).toEqual({ successes: 0, failures: 0, meanLatencyMs: undefined });
  });

  it('ignores buckets from the future when the wall clock goes back', () => {
    const { clock, window } = windowAt(10 * 60_000);
    window.record(true, 1);
    clock.now -= 60_000;
    expect(window.stats().successes).toBe(0);
  });

  it('agrees with a brute-force count of the samples inside the window, for any sequence of events', () => {
    const event = fc.record({
      advanceMs: fc.integer({ min: 0, max: 20_000 }),
      ok: fc.boolean(),
      ms: fc.integer({ min: 0, max: 1_000 }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 200 }), (events) => {
        const { clock, window } = windowAt(0);
        const seen: Array<{ at: number; ok: boolean; ms: number }> = [];
        for (const { advanceMs, ok, ms } of events) {
          clock.now += advanceMs;
          window.record(ok, ms);
          seen.push({ at: clock.now, ok, ms });
        }
        const oldestBucket = Math.floor(clock.now / shape.bucketMs) - shape.buckets + 1;
        const inside = seen.filter((sample) => Math.floor(sample.at / shape.bucketMs) >= oldestBucket);
        const ok = inside.filter((sample) => sample.ok);
        const stats = window.stats();
        expect(stats.successes).toBe(ok.length);
        expect(stats.failures).toBe(inside.length - ok.length);
        if (ok.length === 0) expect(stats.meanLatencyMs).toBeUndefined();
        else expect(stats.meanLatencyMs).toBeCloseTo(ok.reduce((sum, sample) => sum + sample.ms, 0) / ok.length, 9);
      }),
      { seed: seedOr(1301), numRuns: 300 },
    );
  });
});
