import { isNimError, type NimValidationIssue } from '../errors.js';
import { describe } from '../internal/describe.js';
import type { NimLogger } from '../options.js';
import { redact } from '../redaction.js';
import { untilAborted } from '../timeouts.js';
import { fail, readFields } from '../validation.js';
import type { NimRateLimiter, NimRateLimitReport } from './limiter.js';
import { createTokenBucketLimiter, maxPerSecond, minPerSecond } from './token-bucket.js';

/** The limiter as the retry loop uses it: faults of a custom limiter are logged here, never thrown at the loop. */
export interface GuardedLimiter {
  /** Resolves when the attempt may start; rejects only with a `NimError` the limiter chose, or the abort reason. */
  take(operationId: string, signal: AbortSignal | undefined): Promise<void>;
  /**
   * Never rejects; resolves at the latest after `waitMs` (a report that has not settled by then is logged as a
   * fault) or when `signal` aborts.
   */
  report(operationId: string, report: NimRateLimitReport, signal: AbortSignal | undefined, waitMs: number): Promise<void>;
}

/** What a valid `rateLimit` option is: the built-in bucket's rate, or a limiter object with its methods read once. */
export type RateLimitChoice =
  | { readonly perSecond: number }
  | { readonly limiter: object; readonly take: NimRateLimiter['take']; readonly reportRateLimited: NimRateLimiter['reportRateLimited'] };

/**
 * Checks the `rateLimit` option: `{ perSecond }` or an object with a `take` function (and, if given, a
 * `reportRateLimited` function). Problems are added to `issues`.
 */
export function checkRateLimit(issues: NimValidationIssue[], value: unknown): RateLimitChoice | undefined {
  if (value === undefined) return undefined;
  const before = issues.length;
  const { perSecond, take, reportRateLimited } = readFields(issues, value, 'rateLimit', ['perSecond', 'take', 'reportRateLimited'] as const);
  if (issues.length > before) return undefined;
  if (take !== undefined) {
    if (typeof take !== 'function') fail(issues, 'rateLimit.take', `must be a function (got ${describe(take)})`);
    if (reportRateLimited !== undefined && typeof reportRateLimited !== 'function') {
      fail(issues, 'rateLimit.reportRateLimited', `must be a function when given (got ${describe(reportRateLimited)})`);
    }
    return issues.length > before ? undefined : { limiter: value as object, take: take as NimRateLimiter['take'], reportRateLimited: reportRateLimited as NimRateLimiter['reportRateLimited'] };
  }
  if (typeof perSecond !== 'number' || !(perSecond >= minPerSecond && perSecond <= maxPerSecond)) {
    fail(issues, 'rateLimit.perSecond', `must be a number from ${minPerSecond} to ${maxPerSecond} (got ${describe(perSecond)}), or rateLimit a limiter with take()`);
    return undefined;
  }
  return { perSecond };
}

/** Whether `work` settled (rejections pass through) before `ms` ran out or `signal` aborted. */
function settlesWithin(work: Promise<unknown>, ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const finish = (settled: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(settled);
    };
    const onAbort = () => finish(false);
    const timer = setTimeout(() => finish(false), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      () => finish(true),
      (error: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

// A limiter may reject with anything, even a value whose toString throws.
function printable(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'a value that cannot be printed';
  }
}

/** The limiter of a checked `rateLimit`: the built-in bucket, or the caller's limiter behind the fault guard. */
export function guardLimiter(choice: RateLimitChoice, logger: NimLogger | undefined, secrets: readonly string[]): GuardedLimiter {
  const given = 'take' in choice ? choice : undefined;
  const limiter = given?.limiter ?? createTokenBucketLimiter({ perSecond: (choice as { perSecond: number }).perSecond });
  const take = given?.take ?? (limiter as NimRateLimiter).take;
  const reportRateLimited = given?.reportRateLimited;
  const complain = (what: string, operationId: string, error: unknown) =>
    (logger ?? console).error(`nim rate limiter ${what} failed op=${operationId}, going on without it: ${redact(printable(error), secrets, 300)}`);

  return {
    async take(operationId, signal) {
      try {
        const pending = take.call(limiter, operationId, signal);
        // A custom limiter that ignores the signal must not keep an aborted call waiting (the bucket honours it).
        await (given && signal ? untilAborted(Promise.resolve(pending), signal) : pending);
      } catch (error) {
        if (signal?.aborted || isNimError(error)) throw error;
        complain('take', operationId, error);
      }
    },
    async report(operationId, report, signal, waitMs) {
      if (!reportRateLimited) return;
      try {
        const settled = await settlesWithin(Promise.resolve(reportRateLimited.call(limiter, operationId, report)), waitMs, signal);
        if (!settled && !signal?.aborted) complain('reportRateLimited', operationId, `it did not settle within ${waitMs} ms`);
      } catch (error) {
        complain('reportRateLimited', operationId, error);
      }
    },
  };
}
