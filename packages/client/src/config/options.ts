import type { OperationId } from '@nim-api/types';
import type { NimDiscoveryOptions } from './discovery-options.js';
import type { NimRateLimiter } from './rate-limiter.js';
import type { NimOpenTelemetryOptions } from '../observability/open-telemetry.js';

/**
 * A region: its allocation service for endpoint discovery and its static hosts (both from the spec).
 * @example
 * ```ts
 * const nim = createNimClient({ appKey, appSecret, region: 'sg' });
 * ```
 */
export type NimRegion = 'cn' | 'sg';

/**
 * Which HTTP engine sends the requests: `'undici'` (Node: undici's dispatcher API on a keep-alive pool per host,
 * the fastest) or `'fetch'` (the runtime's `fetch`, or the `fetch` option).
 * @example
 * ```ts
 * const nim = createNimClient({ appKey, appSecret, transport: 'fetch' }); // e.g. to keep a global fetch mock working
 * ```
 */
export type NimTransport = 'undici' | 'fetch';

/**
 * An undici `Dispatcher` for the undici transport: a `ProxyAgent`, an `Agent` with your TLS or connection settings,
 * a `MockAgent`… Typed by the one method the client calls, so the client's types do not depend on undici's.
 * @example
 * ```ts
 * import { ProxyAgent } from 'undici';
 * const nim = createNimClient({ appKey, appSecret, dispatcher: new ProxyAgent('http://proxy.internal:3128') });
 * ```
 */
export interface NimDispatcher {
  dispatch(options: object, handler: object): boolean;
}

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
 * Observation points per attempt (OpenTelemetry is built in: see {@link NimClientOptions.openTelemetry}; hooks serve
 * the fetch build and custom metrics). Called in this order per attempt: `onAttempt`, then
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
 *   baseUrl: ['https://im-a.corp.example', 'https://im-b.corp.example'],
 *   timeoutMs: 5_000,
 *   rateLimit: { perSecond: 80 },
 * });
 * ```
 */
export interface NimClientOptions {
  /** The application's AppKey: 1–128 visible ASCII characters (it is sent as a header). */
  appKey: string;
  /** The application's AppSecret. Kept in a closure: never logged, printed, serialised or put into an error. */
  appSecret: string;
  /**
   * Base URL, or a list of them (primary first) for fail-over: `https:` (plain `http:` only to a loopback host, or
   * with `allowHttp`). Giving one turns endpoint discovery off, unless `discovery` is given too (then this list is
   * used until the allocation service answers). `null`, `''` or anything but a URL string or list is refused.
   * @default the region's hosts from the spec (`https://open.yunxinapi.com` for `'cn'`), while discovery finds the
   * app's endpoints
   */
  baseUrl?: string | readonly string[];
  /**
   * Allows plain `http:` base URLs (and discovery URLs, and discovered endpoints on allowed hosts) to hosts that are
   * not loopback — for a private deployment behind a TLS-terminating proxy. Without it such a URL is a
   * `NimValidationError`: every request carries a signature anyone on the way could replay for 5 minutes. With it,
   * one `warn` line (to `logger`, else the console) names the hosts when the client is made. Loopback hosts
   * (127.0.0.0/8, `::1`, `localhost`) take `http:` without it.
   * @default false
   * @example
   * ```ts
   * const nim = createNimClient({ appKey, appSecret, baseUrl: 'http://im-gateway.internal:8080', allowHttp: true });
   * ```
   */
  allowHttp?: boolean;
  /**
   * The region whose allocation service and static hosts are used when no `baseUrl` is given.
   * @default 'cn'
   */
  region?: NimRegion;
  /**
   * Endpoint discovery, as NetEase's official SDKs do it: in the background (never on a call's path, never failing
   * one) the client asks the region's allocation service for the app's endpoints, keeps only those whose health
   * path answers, reloads them after the answer's `ttl`, probes endpoints that carry no calls, and sends each call
   * to the endpoint with the best latency and success ratio over a sliding window. `false` turns it off (the
   * endpoints are then used in list order, skipping failed ones for `hostCooldownMs`).
   * @default on when neither `baseUrl` nor `fetch` is given, otherwise off
   */
  discovery?: false | NimDiscoveryOptions;
  /**
   * The `fetch` to send with (for tests, proxies, or runtimes without a global fetch); it receives a real
   * `Request`. Giving it selects the fetch transport. Discovery and health probes go through it too; giving one
   * turns discovery off unless `discovery` is given.
   * @default globalThis.fetch, on the fetch transport
   */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * The HTTP engine. `'undici'` exists in the Node build only (what Node resolves `@nim-api/client` to) and
   * cannot be combined with `fetch`; `'fetch'` cannot be combined with `dispatcher`.
   * @default `'undici'` on Node when no `fetch` is given; otherwise `'fetch'`
   */
  transport?: NimTransport;
  /**
   * The undici dispatcher every request goes through (a proxy, custom TLS, a mock), instead of the client's own
   * keep-alive pool per host. Undici transport only. Without it, requests go where a `fetch` of the process would:
   * through the dispatcher installed with `setGlobalDispatcher`, or the global `fetch` once MSW, nock or a stub has
   * replaced the runtime's own.
   * @default the global dispatcher if one is installed, else a keep-alive `Pool` per host created by the client
   */
  dispatcher?: NimDispatcher;
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
   * Client-side throttle, asked for a permit before every attempt. `{ perSecond }` (0.001 to 1,000,000): the
   * built-in bucket of this process, at most `perSecond` attempts per second and operation, a burst queues instead of earning 416 blocks
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
  /**
   * OpenTelemetry: one CLIENT span per call (named by its operation, active while it runs, an event per attempt),
   * and the `http.client.request.duration` histogram with `nim.client.*` counters, through `@opentelemetry/api`
   * (an optional peer dependency). `false`: none, and the package is not even looked for. See
   * {@link NimOpenTelemetryOptions}.
   * The fetch build (edge runtimes, browsers) has no OpenTelemetry: there only `false` is accepted; use `hooks`.
   * @default on in the Node build when `@opentelemetry/api` is installed (a fraction of a microsecond per call until an SDK
   * is registered)
   */
  openTelemetry?: false | NimOpenTelemetryOptions;
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
