import { seedOr } from '../support/fc-seed.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseByScore, failurePenaltyMs, scoreOf } from '../../src/endpoints/score.js';

describe('scoreOf', () => {
  it('is undefined for an empty window', () => {
    expect(scoreOf({ successes: 0, failures: 0, meanLatencyMs: undefined })).toBeUndefined();
  });

  it('is the mean latency plus the failure ratio times the penalty', () => {
    expect(scoreOf({ successes: 10, failures: 0, meanLatencyMs: 12 })).toBe(12);
    expect(scoreOf({ successes: 99, failures: 1, meanLatencyMs: 20 })).toBeCloseTo(20 + failurePenaltyMs / 100, 9);
    expect(scoreOf({ successes: 0, failures: 3, meanLatencyMs: undefined })).toBe(failurePenaltyMs);
  });

  it('ranks any endpoint that failed half its calls below one 50 ms slower that never failed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 200, noNaN: true }), (count, latency) => {
        const flaky = scoreOf({ successes: count, failures: count, meanLatencyMs: latency })!;
        const slow = scoreOf({ successes: count, failures: 0, meanLatencyMs: latency + 50 })!;
        return slow < flaky;
      }),
      { seed: seedOr(1302), numRuns: 200 },
    );
  });
});

describe('chooseByScore', () => {
  it('takes a much better endpoint over an earlier one', () => {
    expect(chooseByScore([51, 1.2])).toBe(1);
    expect(chooseByScore([1_000, 60])).toBe(1);
  });

  it('keeps list order among endpoints that score about the same', () => {
    expect(chooseByScore([1.4, 1.2])).toBe(0);
    expect(chooseByScore([24, 20])).toBe(0);
    expect(chooseByScore([28, 20])).toBe(1);
  });

  it('gives an endpoint without a score a try when the known ones are clearly worse', () => {
    expect(chooseByScore([50, undefined])).toBe(1);
    expect(chooseByScore([1, undefined])).toBe(0);
    expect(chooseByScore([undefined, undefined])).toBe(0);
  });

  it('always picks the first index whose score is within the tolerance of the best, for any scores', () => {
    const score = fc.option(fc.double({ min: 0, max: 10_000, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 8 }), (scores) => {
        const chosen = chooseByScore(scores);
        const values = scores.map((value) => value ?? 0);
        const best = Math.min(...values);
        const limit = best * 1.25 + 2;
        expect(chosen).toBeGreaterThanOrEqual(0);
        expect(values[chosen]).toBeLessThanOrEqual(limit);
        for (let earlier = 0; earlier < chosen; earlier += 1) expect(values[earlier]).toBeGreaterThan(limit);
      }),
      { seed: seedOr(1303), numRuns: 500 },
    );
  });
});
