import type { OperationId } from '@nim-api/types';
import {
  connectionErrorCode,
  NimAbortError,
  NimApiError,
  NimConnectionError,
  NimError,
  NimHttpError,
  NimRateLimitError,
  NimTimeoutError,
  isNimError,
  type NimErrorContext,
} from '../errors.js';
import { unwrapEnvelope } from '../envelope.js';
import type { HostPool } from '../hosts.js';
import type { AttemptOutcome, MetricsRecorder } from '../metrics.js';
import type { NimHooks, NimLogger, NimRequestOptions } from '../options.js';
import { isThrownByFetch } from './raw-client.js';
import type { GuardedLimiter } from '../rate-limit/option.js';
import { redact } from '../redaction.js';
import { isHostFailure, maxRetryAfterMs, mayHaveRun, parseRetryAfter, shouldRetry } from '../retry-policy.js';
import { createTraceId, traceIdHeader } from '../signing.js';
import { sleep, startDeadline } from '../timeouts.js';
import { checkTraceId } from '../validation.js';

/** One operation of the spec as the retry loop sees it. */
export interface Operation {
  readonly id: OperationId;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Not idempotent: never repeated unless the request certainly did not run (or `retryUnsafe`). */
  readonly unsafe?: boolean;
}

/** What each attempt passes to the openapi-fetch call. */
export interface AttemptInit {
  readonly signal: AbortSignal;
  readonly baseUrl: string;
  readonly headers: Record<string, string>;
  readonly parseAs: 'text';
}

/** One openapi-fetch call: what `raw.GET(...)` and friends resolve to with `parseAs: 'text'`. */
export type SendAttempt = (init: AttemptInit) => Promise<{ data?: string; error?: unknown; response: Response }>;

export interface TransportConfig {
  readonly hosts: HostPool;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryUnsafe: boolean;
  readonly retryDelayMs: (attempt: number, retryAfterMs: number | undefined) => number;
  readonly rateLimiter: GuardedLimiter | undefined;
  readonly logger: NimLogger | undefined;
  readonly hooks: NimHooks | undefined;
  readonly metrics: MetricsRecorder;
  /** Strings that must never appear in an error or a log line. */
  readonly secrets: readonly string[];
}

/** A successful call: the envelope's `data` and the call's trace id. */
export interface CallResult {
  readonly data: unknown;
  readonly traceId: string;
}

// Network error codes that prove the request never reached the server, so even a create may be repeated.
// Anything else (ECONNRESET, a socket closed mid-body, an unknown error of a custom fetch) may have run.
const neverSentCodes = new Set([
  'ECONNREFUSED', // nothing listens: the connection was never made
  'ENOTFOUND', // DNS: no such host
  'EAI_AGAIN', // DNS: temporary failure
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT', // undici gave up while connecting
]);

const unsafeNote =
  ' — the group may have been created: list the account\'s groups before creating it again, or pass retryUnsafe: true';

function outcomeOf(error: NimError | undefined): AttemptOutcome {
  if (!error) return 'ok';
  return error instanceof NimApiError ? 'apiError' : 'transportError';
}

/** The retry loop: one plain `for` around the openapi-fetch call, signing happening inside it on every attempt. */
export function createTransport(config: TransportConfig) {
  const { hosts, logger, hooks, metrics, secrets } = config;

  const callHook = <K extends keyof NimHooks>(name: K, state: Parameters<NonNullable<NimHooks[K]>>[0]) => {
    try {
      (hooks?.[name] as ((s: typeof state) => void) | undefined)?.(state);
    } catch (error) {
      (logger ?? console).error(`nim hook ${name} threw: ${redact(String(error), secrets)}`);
    }
  };

  async function interpret(
    response: { data?: string; error?: unknown; response: Response },
    context: NimErrorContext,
  ): Promise<unknown> {
    const { status, headers } = response.response;
    if (status !== 200) {
      const body = typeof response.error === 'string' ? response.error : JSON.stringify(response.error ?? '');
      throw new NimHttpError(status, redact(body, secrets), {
        ...context,
        retryAfterMs: parseRetryAfter(headers.get('retry-after')),
      });
    }
    return unwrapEnvelope(response.data, context, secrets);
  }

  /** The NimError for what an attempt threw; `undefined` when it is not the network's doing (a bug, bad input). */
  function classify(thrown: unknown, timedOut: boolean, timeoutMs: number, signal: AbortSignal | undefined, context: NimErrorContext): NimError | undefined {
    if (thrown instanceof NimError) return thrown;
    if (timedOut) return new NimTimeoutError(timeoutMs, { ...context, cause: thrown });
    if (signal?.aborted) return new NimAbortError(`${context.operationId} was aborted by the caller`, { ...context, cause: signal.reason });
    // A network code without the fetch mark: the socket failed while the body was being read.
    const code = connectionErrorCode(thrown);
    if (!isThrownByFetch(thrown) && code === undefined) return undefined;
    return new NimConnectionError(!(code && neverSentCodes.has(code)), { ...context, cause: thrown });
  }

  async function execute(operation: Operation, send: SendAttempt, options: NimRequestOptions = {}): Promise<CallResult> {
    checkTraceId(options.traceId, operation.id);
    const traceId = options.traceId ?? createTraceId();
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const policy = {
      maxRetries: options.maxRetries ?? config.maxRetries,
      unsafe: operation.unsafe === true,
      retryUnsafe: options.retryUnsafe ?? config.retryUnsafe,
    };
    const { signal } = options;
    const aborted = (attempts: number) =>
      new NimAbortError(`${operation.id} was aborted by the caller`, { operationId: operation.id, method: operation.method, traceId, attempts, cause: signal?.reason });

    for (let attempt = 1; ; attempt += 1) {
      try {
        if (signal?.aborted) throw signal.reason;
        await config.rateLimiter?.take(operation.id, signal);
      } catch (refusal) {
        // A limiter may refuse on purpose with a NimError (e.g. fail fast while blocked); anything else is the abort.
        if (isNimError(refusal) && !signal?.aborted) throw refusal;
        throw aborted(attempt - 1);
      }
      const host = hosts.pick();
      const context = { operationId: operation.id, method: operation.method, host, traceId, attempts: attempt };
      if (hooks) callHook('onAttempt', { operationId: operation.id, method: operation.method, host, attempt, traceId });

      const started = performance.now();
      const deadline = startDeadline(timeoutMs, signal);
      let data: unknown;
      let error: NimError | undefined;
      let status: number | undefined;
      let retryAfter: string | null = null;
      try {
        const response = await send({ signal: deadline.signal, baseUrl: host, headers: { [traceIdHeader]: traceId }, parseAs: 'text' });
        status = response.response.status;
        retryAfter = response.response.headers.get('retry-after');
        data = await interpret(response, context);
      } catch (thrown) {
        error = classify(thrown, deadline.timedOut, timeoutMs, signal, context);
        // Thrown while building the request: no attempt reached the network, nothing to retry or blame on the host.
        if (!error) throw thrown;
      } finally {
        deadline.clear();
      }
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const code = error instanceof NimApiError ? error.code : error ? undefined : 200;
      const willRetry = error !== undefined && !(error instanceof NimAbortError) && shouldRetry(error, attempt, policy);

      metrics.record(operation.id, host, outcomeOf(error), attempt, ms);
      logger?.debug(
        `nim attempt op=${operation.id} method=${operation.method} host=${host} attempt=${attempt} ` +
          `status=${status ?? '-'} code=${code ?? '-'} ms=${ms} traceId=${traceId}${error ? ` error=${error.name}` : ''}`,
      );
      if (hooks) callHook('onResult', { operationId: operation.id, method: operation.method, host, attempt, traceId, ms, status, code, error, willRetry });

      if (!error) {
        hosts.markSuccess(host);
        return { data, traceId };
      }
      if (isHostFailure(error)) hosts.markFailure(host);
      // Told before the back-off and awaited with it, so the next take already sees the block.
      const asked = parseRetryAfter(retryAfter);
      const reported =
        error instanceof NimRateLimitError
          ? config.rateLimiter?.report(operation.id, { error, retryAfterMs: asked === undefined ? undefined : Math.min(asked, maxRetryAfterMs) })
          : undefined;
      if (!willRetry) {
        await reported;
        if (policy.unsafe && !policy.retryUnsafe && mayHaveRun(error)) error.message += unsafeNote;
        throw error;
      }
      const retryAfterMs = error instanceof NimHttpError ? error.retryAfterMs : undefined;
      const delay = config.retryDelayMs(attempt, retryAfterMs);
      logger?.warn(`nim retry op=${operation.id} attempt=${attempt + 1} in ${delay}ms after ${error.name} traceId=${traceId}`);
      try {
        await Promise.all([sleep(delay, signal), reported]);
      } catch {
        throw aborted(attempt);
      }
    }
  }

  return { execute };
}

/** The retry loop of one client. */
export type Transport = ReturnType<typeof createTransport>;
