import { NimValidationError, type NimValidationIssue } from '../errors/errors.js';
import { sleep } from '../http/timeouts.js';
import { maxPerSecond, minPerSecond } from '../config/rate-limit-option.js';
import type { NimRateLimiter } from '../config/rate-limiter.js';

/**
 * Options of {@link createTokenBucketLimiter}.
 * @example
 * ```ts
 * const options: NimTokenBucketOptions = { perSecond: 50, burst: 5 };
 * ```
 */
export interface NimTokenBucketOptions {
  /** Permits per second and operation; from 0.001 to 1,000,000. */
  perSecond: number;
  /**
   * How many permits may start at once after a quiet spell; an integer ≥ 1.
   * @default perSecond rounded down (at least 1): a second's worth
   */
  burst?: number;
}

/** The problems of a bucket's options, with paths under `path` (e.g. `rateLimit`). */
export function tokenBucketIssues(options: unknown, path: string): NimValidationIssue[] {
  const { perSecond, burst } = (options ?? {}) as Record<string, unknown>;
  const issues: NimValidationIssue[] = [];
  if (!(typeof perSecond === 'number' && perSecond >= minPerSecond && perSecond <= maxPerSecond)) {
    issues.push({ path: `${path}.perSecond`, message: `must be a number from ${minPerSecond} to ${maxPerSecond}` });
  }
  if (burst !== undefined && !(Number.isSafeInteger(burst) && (burst as number) > 0))
    issues.push({ path: `${path}.burst`, message: 'must be an integer ≥ 1' });
  return issues;
}

/**
 * The in-process limiter: a token bucket per operation in GCRA form. Up to `burst` attempts start at once, later
 * ones queue in arrival order, spaced `1000 / perSecond` ms apart. It limits this process only; for a quota
 * shared by many processes use `@nim-api/redis`. `rateLimit: { perSecond }` makes one of these.
 *
 * A queued `take` rejects with the signal's reason when the signal aborts (its slot is not given back).
 *
 * @example
 * ```ts
 * import { createNimClient, createTokenBucketLimiter } from '@nim-api/client';
 *
 * const limiter = createTokenBucketLimiter({ perSecond: 80 });
 * const nim = createNimClient({ appKey, appSecret, rateLimit: limiter }); // same as rateLimit: { perSecond: 80 }
 * ```
 */
export function createTokenBucketLimiter(options: NimTokenBucketOptions): NimRateLimiter {
  const issues = tokenBucketIssues(options, 'options');
  if (issues.length) throw new NimValidationError(issues, { operationId: 'createTokenBucketLimiter' });
  const { perSecond } = options;
  const burst = options.burst ?? Math.max(1, Math.floor(perSecond));
  const intervalMs = 1000 / perSecond;
  const toleranceMs = (burst - 1) * intervalMs;
  const nextFreeAt = new Map<string, number>();

  return {
    take(operationId: string, signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      // Any key works (a Map key); only the client calls this with its operationIds. The clock is monotonic: a
      // step of the wall clock (NTP, a resumed VM) must not hold every permit back by the step.
      const now = performance.now();
      const theoretical = Math.max(nextFreeAt.get(operationId) ?? now, now);
      nextFreeAt.set(operationId, theoretical + intervalMs);
      return sleep(theoretical - toleranceMs - now, signal);
    },
  };
}
