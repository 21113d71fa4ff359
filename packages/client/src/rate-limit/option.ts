import { isNimError, NimValidationError, type NimValidationIssue } from '../errors.js';
import type { NimLogger } from '../options.js';
import { redact } from '../redaction.js';
import type { NimRateLimiter, NimRateLimitReport } from './limiter.js';
import { createTokenBucketLimiter, tokenBucketIssues } from './token-bucket.js';

/** The limiter as the retry loop uses it: faults of a custom limiter are logged here, never thrown at the loop. */
export interface GuardedLimiter {
  /** Resolves when the attempt may start; rejects only with a `NimError` the limiter chose, or the abort reason. */
  take(operationId: string, signal: AbortSignal | undefined): Promise<void>;
  /** Never rejects. */
  report(operationId: string, report: NimRateLimitReport): Promise<void>;
}

const path = 'rateLimit';

// A limiter may reject with anything, even a value whose toString throws.
function printable(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'a value that cannot be printed';
  }
}

/** Why `value` is neither `{ perSecond }` nor a limiter object. */
function optionIssues(value: unknown): NimValidationIssue[] {
  if (typeof value !== 'object' || !value || Array.isArray(value)) return [{ path, message: 'must be { perSecond } or a limiter with take()' }];
  const { take, reportRateLimited } = value as Record<string, unknown>;
  if (take === undefined) return tokenBucketIssues(value, path);
  const issues: NimValidationIssue[] = [];
  if (typeof take !== 'function') issues.push({ path: `${path}.take`, message: 'must be a function' });
  if (reportRateLimited !== undefined && typeof reportRateLimited !== 'function') issues.push({ path: `${path}.reportRateLimited`, message: 'must be a function' });
  return issues;
}

/**
 * The limiter of the `rateLimit` option (undefined when off), validated at `createNimClient`: `{ perSecond }` makes
 * the built-in bucket, an object with `take` is used as given (its methods read once, here).
 */
export function limiterFromOption(value: unknown, logger: NimLogger | undefined, secrets: readonly string[]): GuardedLimiter | undefined {
  if (value === undefined) return undefined;
  const issues = optionIssues(value);
  if (issues.length) throw new NimValidationError(issues, { operationId: 'createNimClient' });
  const given = value as NimRateLimiter & { perSecond?: number };
  const limiter = typeof given.take === 'function' ? given : createTokenBucketLimiter({ perSecond: given.perSecond! });
  const take = limiter.take;
  const reportRateLimited = limiter.reportRateLimited;
  const complain = (what: string, operationId: string, error: unknown) =>
    (logger ?? console).error(`nim rate limiter ${what} failed op=${operationId}, going on without it: ${redact(printable(error), secrets, 300)}`);

  return {
    async take(operationId, signal) {
      try {
        await take.call(limiter, operationId, signal);
      } catch (error) {
        if (signal?.aborted || isNimError(error)) throw error;
        complain('take', operationId, error);
      }
    },
    async report(operationId, report) {
      try {
        await reportRateLimited?.call(limiter, operationId, report);
      } catch (error) {
        complain('reportRateLimited', operationId, error);
      }
    },
  };
}
