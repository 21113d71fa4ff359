import {
  NimConnectionError,
  type NimError,
  NimHttpError,
  NimRateLimitError,
  NimTimeoutError,
} from '../errors/errors.js';

/** What the policy needs to know about the call. */
export interface RetryContext {
  /** Retries allowed after the first attempt. */
  readonly maxRetries: number;
  /** The operation is not idempotent (create): a repeat could do it twice. */
  readonly unsafe: boolean;
  /** The caller accepts that risk. */
  readonly retryUnsafe: boolean;
}

const retryableStatus = new Set([502, 503, 504]);

/**
 * Whether to send attempt `attempt + 1` after `error`. Retryable: connection failures, timeouts, HTTP 502/503/504
 * and code 416. An unsafe operation is repeated only when the request certainly did not run (a connection that
 * never carried it, or a 416 refusal), unless `retryUnsafe` is set.
 */
export function shouldRetry(error: NimError, attempt: number, context: RetryContext): boolean {
  if (attempt > context.maxRetries) return false;
  if (error instanceof NimRateLimitError) return true;
  if (error instanceof NimConnectionError) return !error.requestSent || !context.unsafe || context.retryUnsafe;
  const transient =
    error instanceof NimTimeoutError || (error instanceof NimHttpError && retryableStatus.has(error.status));
  return transient && (!context.unsafe || context.retryUnsafe);
}

/** Whether `error` means the host itself is unwell, so the next attempt should try another one. */
export function isHostFailure(error: NimError): boolean {
  return (
    error instanceof NimConnectionError ||
    error instanceof NimTimeoutError ||
    (error instanceof NimHttpError && error.status >= 500)
  );
}

/** Whether a failure of an unsafe call may have run on the server (so the caller must check before repeating). */
export function mayHaveRun(error: NimError): boolean {
  return (
    error instanceof NimTimeoutError ||
    (error instanceof NimConnectionError && error.requestSent) ||
    (error instanceof NimHttpError && error.status >= 500)
  );
}

const baseDelayMs = 200;
const maxDelayMs = 5_000;
/** Longest server-asked wait the client honours, in ms. */
export const maxRetryAfterMs = 30_000;

/**
 * Back-off before retry `attempt` (1 = first retry): exponential from 200 ms, capped at 5 s, full jitter; a
 * server's `Retry-After` wins, capped at 30 s.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 0), maxRetryAfterMs);
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Milliseconds from a `Retry-After` header (seconds or an HTTP date), or `undefined`. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
