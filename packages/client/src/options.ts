import type { OperationId } from '@nim-api/types';
import type { NimRateLimiter } from './rate-limit/limiter.js';

/**
 * A region with a built-in primary/backup host pair (from the spec's `servers`).
 * @example
 * ```ts
 * const nim = createNimClient({ appKey, appSecret, region: 'sg' });
 * ```
 */
export type NimRegion = 'cn' | 'sg';

/**
 * Console-compatible logger; pino, winston and `console` fit. Each method gets one preformatted line.
 * @example
 * ```ts
 * const nim = createNimClient({ appKey, appSecret, logger: console });
 * ```
 */
export interface NimLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The state handed to {@link NimHooks.onAttempt}, before an attempt is sent.
 * @example
 * ```ts
 * hooks: { onAttempt: ({ operationId, attempt, host }) => console.log(operationId, attempt, host) }
 * ```
 */
export interface NimAttemptState {
  readonly operationId: OperationId;
  readonly method: string;
  /** Base URL this attempt goes to. */
  readonly host: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly traceId: string;
}

/**
 * The state handed to {@link NimHooks.onResult}, after an attempt ended.
 * @example
 * ```ts
 * hooks: { onResult: ({ operationId, ms, code, willRetry }) => histogram.record(ms, { operationId, code, willRetry }) }
 * ```
 */
export interface NimResultState extends NimAttemptState {
  /** Wall time of the attempt in milliseconds. */
  readonly ms: number;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** Body `code`, when an envelope arrived. */
  readonly code: number | undefined;
  /** The error of the attempt, if it failed (it may still be retried). */
  readonly error: Error | undefined;
  /** Whether another attempt follows. */
  readonly willRetry: boolean;
}

/**
 * Observation points, e.g. for OpenTelemetry spans. Called in this order per attempt: `onAttempt`, then
 * `onResult`. Return values are ignored; a hook that throws is reported to the logger (or `console.error`) and the
 * call goes on.
 * @example
 * ```ts
 * const spans = new Map<string, Span>();
 * const nim = createNimClient({
 *   appKey,
 *   appSecret,
 *   hooks: {
 *     onAttempt: (s) => spans.set(`${s.traceId}/${s.attempt}`, tracer.startSpan(s.operationId)),
 *     onResult: (s) => spans.get(`${s.traceId}/${s.attempt}`)?.end(),
 *   },
 * });
 * ```
 */
export interface NimHooks {
  onAttempt?(state: NimAttemptState): void;
  onResult?(state: NimResultState): void;
}

/**
 * Options of {@link createNimClient}; each says its unit and default.
 * @example
 * ```ts
 * const nim = createNimClient({
 *   appKey: process.env.NIM_APP_KEY!,
 *   appSecret: process.env.NIM_APP_SECRET!,
 *   baseUrl: ['https://open.yunxinapi.com', 'https://open-bak.yunxinapi.com'],
 *   timeoutMs: 5_000,
 *   rateLimit: { perSecond: 80 },
 * });
 * ```
 */
export interface NimClientOptions {
  /** The application's AppKey. */
  appKey: string;
  /** The application's AppSecret. Kept in a closure: never logged, printed, serialised or put into an error. */
  appSecret: string;
  /**
   * Base URL, or a list of them (primary first) for fail-over.
   * @default the China-mainland primary host, `https://open.yunxinapi.com` (with `region`, that region's pair)
   */
  baseUrl?: string | readonly string[];
  /** Use the built-in primary/backup pair of a region instead of `baseUrl`. */
  region?: NimRegion;
  /**
   * The `fetch` to send with (for tests, proxies, or runtimes without a global fetch).
   * @default globalThis.fetch
   */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Deadline of each HTTP attempt in milliseconds; every retry gets a fresh one.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Retries after the first attempt, for connection failures, timeouts, HTTP 502/503/504 and body code 416.
   * @default 2
   */
  maxRetries?: number;
  /**
   * Also retry `create` after a timeout or a 5xx, which may create the group twice.
   * @default false
   */
  retryUnsafe?: boolean;
  /**
   * How long a host that failed (connection error, timeout, HTTP 5xx) is skipped, in milliseconds.
   * @default 30000
   */
  hostCooldownMs?: number;
  /**
   * Client-side throttle, asked for a permit before every attempt. `{ perSecond }`: the built-in bucket of this
   * process, at most `perSecond` attempts per second and operation, a burst queues instead of earning 416 blocks
   * (turn it on when one process sends bursts close to the app's quota, 100 calls/s per API by default). A
   * {@link NimRateLimiter} object: that limiter, e.g. `@nim-api/redis`'s, shared by all processes of the AppKey.
   * Anything else is a `NimValidationError` here.
   * @default off
   */
  rateLimit?: { perSecond: number } | NimRateLimiter;
  /**
   * Where to log: one `debug` line per attempt (operation, host, attempt, status, code, ms, trace id), a `warn`
   * per retry. Secrets and CheckSums never appear.
   * @default no logging
   */
  logger?: NimLogger;
  /** Observation hooks, see {@link NimHooks}. */
  hooks?: NimHooks;
  /**
   * Back-off before retry `attempt` (1 = the first retry). Replace it for custom policies or for tests.
   * @default exponential from 200 ms, ×2 per retry, capped at 5 s, full jitter; a `Retry-After` (capped at 30 s) wins
   */
  retryDelayMs?: (attempt: number, retryAfterMs: number | undefined) => number;
}

/**
 * The last, optional argument of every method.
 * @example
 * ```ts
 * await nim.conversationGroups.get('1001', { account_id: 'alice' }, { traceId: 'req-42', timeoutMs: 2_000 });
 * ```
 */
export interface NimRequestOptions {
  /** Aborts the call at once, including back-off sleeps; raises NimAbortError. */
  signal?: AbortSignal;
  /** The `X-custom-traceid` of this call; a dash-less UUID is generated when absent. Same on every attempt. */
  traceId?: string;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /** Overrides the client's `retryUnsafe` for this call. */
  retryUnsafe?: boolean;
}

/** Defaults of the options above. */
export const defaults = {
  timeoutMs: 10_000,
  maxRetries: 2,
  retryUnsafe: false,
  hostCooldownMs: 30_000,
} as const;
