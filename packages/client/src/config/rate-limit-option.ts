import type { NimValidationIssue } from '../errors/errors.js';
import { describe } from '../observability/describe.js';
import { fail, readFields } from '../protocol/validation.js';
import type { NimRateLimiter } from './rate-limiter.js';

// Below one permit per 1,000 s the bucket's spacing no longer means anything for an API quota; above a million a
// second it is no limit.
export const minPerSecond = 0.001;
export const maxPerSecond = 1_000_000;

/** What a valid `rateLimit` option is: the built-in bucket's rate, or a limiter object with its methods read once. */
export type RateLimitChoice =
  | { readonly perSecond: number }
  | {
      readonly limiter: object;
      readonly take: NimRateLimiter['take'];
      readonly reportRateLimited: NimRateLimiter['reportRateLimited'];
    };

/**
 * Checks the `rateLimit` option: `{ perSecond }` or an object with a `take` function (and, if given, a
 * `reportRateLimited` function). Problems are added to `issues`.
 */
export function checkRateLimit(issues: NimValidationIssue[], value: unknown): RateLimitChoice | undefined {
  if (value === undefined) return undefined;
  const before = issues.length;
  const { perSecond, take, reportRateLimited } = readFields(issues, value, 'rateLimit', [
    'perSecond',
    'take',
    'reportRateLimited',
  ] as const);
  if (issues.length > before) return undefined;
  if (take !== undefined) {
    if (typeof take !== 'function') fail(issues, 'rateLimit.take', `must be a function (got ${describe(take)})`);
    if (reportRateLimited !== undefined && typeof reportRateLimited !== 'function') {
      fail(issues, 'rateLimit.reportRateLimited', `must be a function when given (got ${describe(reportRateLimited)})`);
    }
    return issues.length > before
      ? undefined
      : {
          limiter: value as object,
          take: take as NimRateLimiter['take'],
          reportRateLimited: reportRateLimited as NimRateLimiter['reportRateLimited'],
        };
  }
  if (typeof perSecond !== 'number' || !(perSecond >= minPerSecond && perSecond <= maxPerSecond)) {
    fail(
      issues,
      'rateLimit.perSecond',
      `must be a number from ${minPerSecond} to ${maxPerSecond} (got ${describe(perSecond)}), or rateLimit a limiter with take()`,
    );
    return undefined;
  }
  return { perSecond };
}
