import type { NimLogger } from '../config/options.js';
import type { RateLimitChoice } from '../config/rate-limit-option.js';
import type { NimRateLimiter, NimRateLimitReport } from '../config/rate-limiter.js';
import { isNimError } from '../errors/errors.js';
import { redact } from '../observability/redaction.js';
import { untilAborted } from '../http/timeouts.js';
import { createTokenBucketLimiter } from './token-bucket.js';

/** The limiter as the retry loop uses it: faults of a custom limiter are logged here, never thrown at the loop. */
export interface GuardedLimiter {
  /** Resolves when the attempt may start; rejects only with a `NimError` the limiter chose, or the abort reason. */
  take(operationId: string, signal: AbortSignal | undefined): Promise<void>;
  /**
   * Never rejects; resolves at the latest after `waitMs` (a report that has not settled by then is logged as a
   * fault) or when `signal` aborts.
   */
  report(
    operationId: string,
    report: NimRateLimitReport,
    signal: AbortSignal | undefined,
    waitMs: number,
  ): Promise<void>;
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
export function guardLimiter(
  choice: RateLimitChoice,
  logger: NimLogger | undefined,
  secrets: readonly string[],
): GuardedLimiter {
  const given = 'take' in choice ? choice : undefined;
  const limiter =
    given?.limiter ?? createTokenBucketLimiter({ perSecond: (choice as { perSecond: number }).perSecond });
  const take = given?.take ?? (limiter as NimRateLimiter).take;
  const reportRateLimited = given?.reportRateLimited;
  const complain = (what: string, operationId: string, error: unknown) =>
    (logger ?? console).error(
      `nim rate limiter ${what} failed op=${operationId}, going on without it: ${redact(printable(error), secrets, 300)}`,
    );

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
        const settled = await settlesWithin(
          Promise.resolve(reportRateLimited.call(limiter, operationId, report)),
          waitMs,
          signal,
        );
        if (!settled && !signal?.aborted)
          complain('reportRateLimited', operationId, `it did not settle within ${waitMs} ms`);
      } catch (error) {
        complain('reportRateLimited', operationId, error);
      }
    },
  };
}
