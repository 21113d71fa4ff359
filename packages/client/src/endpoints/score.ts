import type { WindowStats } from './sliding-window.js';

/**
 * What one failed round trip adds to an endpoint's score, in milliseconds: about what a failure costs the caller
 * (a retry after a back-off), so a 1 % failure ratio weighs as much as 10 ms of latency.
 */
export const failurePenaltyMs = 1_000;

// Scores this close to the best count as equally good, and the endpoint earlier in the list wins: list order is
// the service's (or the caller's) preference, and a few tenths of a millisecond of jitter must not flip traffic.
const relativeTolerance = 0.25;
const absoluteToleranceMs = 2;

/**
 * The score of an endpoint from its window: the mean latency of its answers plus the failure ratio times
 * {@link failurePenaltyMs} — an estimate of what a call costs there, in milliseconds. Lower is better;
 * `undefined` when the window is empty.
 * @example
 * ```ts
 * scoreOf({ successes: 99, failures: 1, meanLatencyMs: 20 }); // 30
 * ```
 */
export function scoreOf(stats: WindowStats): number | undefined {
  const total = stats.successes + stats.failures;
  if (total === 0) return undefined;
  return (stats.meanLatencyMs ?? 0) + (stats.failures / total) * failurePenaltyMs;
}

/**
 * The index of the endpoint to use: the first, in list order, whose score is within the tolerance of the best.
 * An endpoint without a score counts as perfect (0), so a new one gets a call and with it a score.
 * @example
 * ```ts
 * chooseByScore([51, 1.2]); // 1: the first is 50 ms slower
 * chooseByScore([1.4, 1.2]); // 0: equally good, the first wins
 * ```
 */
export function chooseByScore(scores: ReadonlyArray<number | undefined>): number {
  let best = Infinity;
  for (const score of scores) best = Math.min(best, score ?? 0);
  const limit = best * (1 + relativeTolerance) + absoluteToleranceMs;
  const index = scores.findIndex((score) => (score ?? 0) <= limit);
  return Math.max(index, 0);
}
