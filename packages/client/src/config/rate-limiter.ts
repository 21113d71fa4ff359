import type { NimRateLimitError } from '../errors/errors.js';

/**
 * What {@link NimRateLimiter.reportRateLimited} is told about an attempt that the server answered with code 416.
 * @example
 * ```ts
 * const report: NimRateLimitReport = { error, retryAfterMs: undefined };
 * ```
 */
export interface NimRateLimitReport {
  /** The server's refusal, with the operation, trace id and attempt count. */
  readonly error: NimRateLimitError;
  /**
   * How long the server asked to wait, in milliseconds, when the 416 answer carried a `Retry-After` header (capped
   * at 30 s); `undefined` otherwise, which is the usual case: the envelope itself carries no block duration.
   */
  readonly retryAfterMs: number | undefined;
}

/**
 * A rate limiter the client asks for a permit before every attempt (the first one and each retry), given as
 * `createNimClient({ rateLimit: limiter })`. The built-in per-process bucket ({@link createTokenBucketLimiter})
 * is one; `@nim-api/redis` provides one shared by every process of an AppKey.
 *
 * The contract, as the client uses it:
 * - `take` resolves when an attempt of `operationId` may start. Its `signal` aborts when the caller's signal does
 *   (the call then fails with `NimAbortError`) or when the wait passes the call's `timeoutMs` (then
 *   `NimTimeoutError`, nothing sent, not retried); `take` should reject at once — a limiter that does not is left
 *   waiting, the call ends anyway.
 * - `take` may refuse deliberately by rejecting with a `NimError` (e.g. a `NimRateLimitError` to fail fast while
 *   the app is blocked): the call fails with that error, unchanged and not retried.
 * - Any other rejection or throw is a fault of the limiter, not of the call: it is logged (the client's `logger`,
 *   else `console.error`) and the attempt goes ahead without a permit — the server still enforces its quota, and
 *   a 416 is retried as usual.
 * - `reportRateLimited`, if present, is called once per attempt answered with code 416, before the back-off, and
 *   awaited together with the back-off, so every holder of the limiter can pause. A throw or rejection is logged
 *   and ignored. It should settle promptly: the call waits for it.
 *
 * @example
 * ```ts
 * const limiter: NimRateLimiter = {
 *   async take(operationId, signal) {
 *     await myQuota.acquire(operationId, { signal });
 *   },
 *   reportRateLimited(operationId, { retryAfterMs }) {
 *     myQuota.pause(operationId, retryAfterMs ?? 1_000);
 *   },
 * };
 * const nim = createNimClient({ appKey, appSecret, rateLimit: limiter });
 * ```
 */
export interface NimRateLimiter {
  /** Resolves when an attempt of `operationId` (the spec's operationId) may start. */
  take(operationId: string, signal?: AbortSignal): Promise<void>;
  /** Told when an attempt of `operationId` was answered with code 416 (rate limited). */
  reportRateLimited?(operationId: string, report: NimRateLimitReport): void | Promise<void>;
}
