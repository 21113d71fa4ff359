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
} from '../errors/errors.js';
import { unwrapEnvelope } from './envelope.js';
import type { EndpointPicker } from '../endpoints/endpoint-set.js';
import { NimResponseError } from '../errors/errors.js';
import type { AttemptOutcome, MetricsRecorder } from '../observability/metrics.js';
import type { CallTelemetry, Telemetry } from '../observability/open-telemetry.js';
import type { Middleware } from 'openapi-fetch';
import type { CheckedRequestOptions } from '../config/option-checks.js';
import { maxTimerMs } from '../config/option-checks.js';
import type { NimHooks, NimLogger } from '../config/options.js';
import type { GuardedLimiter } from '../rate-limit/guard.js';
import { redact } from '../observability/redaction.js';
import {
  isHostFailure,
  maxRetryAfterMs,
  mayHaveRun,
  parseRetryAfter,
  retryDelayMs,
  shouldRetry,
} from './retry-policy.js';
import { createTraceId, traceIdHeader } from '../protocol/signing.js';
import { ResponseShapeError } from './response-check.js';
import { sleep, startDeadline, untilAborted } from '../http/timeouts.js';
import type { Abortable } from '../http/attempt-signal.js';
import { BodyTooLargeError, maxBodyBytes } from '../http/body-limit.js';
import { refusedBeforeSending, wasNeverSent } from '../http/never-sent.js';
import { lightResponseField } from '../http/light-response.js';

/** One operation of the spec as the retry loop sees it. */
export interface Operation {
  readonly id: OperationId;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Not idempotent: never repeated unless the request certainly did not run (or `retryUnsafe`). */
  readonly unsafe?: boolean;
  /**
   * Turns the `data` of a code-200 answer into the result (defaults for lists the server may leave out) and checks
   * it against the spec; throws ResponseShapeError naming the wrong field.
   */
  readonly accept?: (data: unknown) => unknown;
}

/** What each attempt passes to the openapi-fetch call. */
export interface AttemptInit {
  readonly signal: AbortSignal;
  readonly baseUrl: string;
  readonly headers: Record<string, string>;
  readonly parseAs: 'text';
  /** Watches the attempt: tells a failed `fetch` from a failed body read from a request that was never built. */
  readonly middleware: Middleware[];
  /** The body is read once as text here: the undici transport may answer with a light response (http/). */
  readonly [lightResponseField]: true;
}

/** One openapi-fetch call: what `raw.GET(...)` and friends resolve to with `parseAs: 'text'`. */
export type SendAttempt = (init: AttemptInit) => Promise<{ data?: string; error?: unknown; response: Response }>;

/** What one client's retry loop is made with. */
export interface PipelineConfig {
  readonly hosts: EndpointPicker;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryUnsafe: boolean;
  readonly retryDelayMs: ((attempt: number, retryAfterMs: number | undefined) => number) | undefined;
  readonly rateLimiter: GuardedLimiter | undefined;
  readonly logger: NimLogger | undefined;
  readonly hooks: NimHooks | undefined;
  readonly metrics: MetricsRecorder;
  /** Strings that must never appear in an error or a log line. */
  readonly secrets: readonly string[];
  /** From a transport that only listens for aborts (undici): what each attempt's deadline aborts. */
  readonly newAbortable?: (() => Abortable) | undefined;
  /** OpenTelemetry spans and instruments (observability/open-telemetry.ts); `undefined` without the API. */
  readonly telemetry?: Telemetry | undefined;
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
  " — the group may have been created: list the account's groups before creating it again, or pass retryUnsafe: true";

function outcomeOf(error: NimError | undefined): AttemptOutcome {
  if (!error) return 'ok';
  return error instanceof NimApiError ? 'apiError' : 'transportError';
}

// What an attempt throws can be anything a custom fetch throws, even a Proxy whose traps throw (on
// `instanceof`, on any property): these two never throw, so classifying it cannot.
function isInstance(value: unknown, type: abstract new (...args: never[]) => unknown): boolean {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}

function tooLargeCause(error: unknown): BodyTooLargeError | undefined {
  try {
    const cause = (error as { cause?: unknown } | null | undefined)?.cause;
    return cause instanceof BodyTooLargeError ? cause : undefined;
  } catch {
    return undefined;
  }
}

/** Where an attempt got to, so that what it threw can be blamed on the right party. */
interface AttemptPhase {
  /** `fetch` resolved with a response (a later failure is the body's). */
  responded: boolean;
  /** `fetch` itself rejected, with `fetchError` (which may be any value, even `undefined`). */
  fetchFailed: boolean;
  fetchError: unknown;
}

function watchAttempt(phase: AttemptPhase): Middleware {
  return {
    onError({ error }) {
      phase.fetchFailed = true;
      phase.fetchError = error;
      return undefined;
    },
    onResponse({ response }) {
      phase.responded = true;
      // A custom fetch may resolve with anything; only a Response-like value can be read.
      const like = response as Partial<Response> | null | undefined;
      if (
        typeof like?.status !== 'number' ||
        typeof like.headers?.get !== 'function' ||
        typeof like.text !== 'function'
      ) {
        throw new ResponseShapeError('fetch resolved with something that is not a Response');
      }
      // The fetch path reads the whole body as text: a declared size over the limit is refused before reading it.
      if (Number(like.headers.get('content-length')) > maxBodyBytes) {
        void Promise.resolve(like.body?.cancel()).catch(() => undefined);
        throw new BodyTooLargeError();
      }
      return undefined;
    },
  };
}

/** A body for an excerpt: the text, or the JSON openapi-fetch parsed it into; never throws. */
function bodyText(error: unknown): string {
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error ?? '') ?? '';
  } catch {
    return '[a body too deeply nested to print]';
  }
}

/** The retry loop of one client: {@link Pipeline.execute} runs one call. */
export interface Pipeline {
  /** Runs `operation` through `send`, attempt after attempt, until it succeeds or may not be retried. */
  execute(operation: Operation, send: SendAttempt, options: CheckedRequestOptions): Promise<CallResult>;
}

/** The retry loop: one plain `for` around the openapi-fetch call, signing happening inside it on every attempt. */
export function createPipeline(config: PipelineConfig): Pipeline {
  const { hosts, logger, hooks, metrics, secrets } = config;

  const reportHookFailure = (name: string, error: unknown) => {
    let text = 'an error';
    try {
      text = String(error);
    } catch {
      // A thrown value that cannot even be turned into text.
    }
    (logger ?? console).error(`nim hook ${name} threw: ${redact(text, secrets)}`);
  };

  const callHook = <K extends keyof NimHooks>(name: K, state: Parameters<NonNullable<NimHooks[K]>>[0]) => {
    try {
      const returned: unknown = (hooks?.[name] as ((s: typeof state) => unknown) | undefined)?.(state);
      // An async hook's rejection is reported too, never left as an unhandled rejection.
      if (typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function') {
        Promise.resolve(returned).catch((error: unknown) => reportHookFailure(name, error));
      }
    } catch (error) {
      reportHookFailure(name, error);
    }
  };

  /** The back-off before retry `attempt`: the caller's function if given, kept to a finite delay a timer can hold. */
  const backOff = (attempt: number, retryAfterMs: number | undefined): number => {
    let delay = Number.NaN;
    if (config.retryDelayMs) {
      try {
        delay = config.retryDelayMs(attempt, retryAfterMs);
      } catch {
        // A throwing back-off function falls back to the default policy below.
      }
    }
    if (typeof delay !== 'number' || !(delay >= 0)) delay = retryDelayMs(attempt, retryAfterMs);
    return Math.min(delay, maxTimerMs);
  };

  function interpret(
    response: { data?: string; error?: unknown; response: Response },
    operation: Operation,
    context: NimErrorContext,
  ): unknown {
    const { status, headers } = response.response;
    if (status !== 200) {
      throw new NimHttpError(status, redact(bodyText(response.error), secrets), {
        ...context,
        retryAfterMs: parseRetryAfter(headers.get('retry-after')),
      });
    }
    // A body without a declared size (chunked) on the fetch path: read, but not parsed (a UTF-16 unit per byte at most).
    if (response.data !== undefined && response.data.length > maxBodyBytes) throw new BodyTooLargeError();
    const data = unwrapEnvelope(response.data, context, secrets);
    if (!operation.accept) return data;
    try {
      return operation.accept(data);
    } catch (error) {
      if (!(error instanceof ResponseShapeError)) throw error;
      throw new NimResponseError(
        `the answer does not match the spec: ${error.message}`,
        redact(response.data ?? '', secrets),
        context,
      );
    }
  }

  /** The NimError for whatever an attempt threw or rejected with, by where the attempt had got to. */
  function classify(
    thrown: unknown,
    phase: AttemptPhase,
    timedOut: boolean,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    context: NimErrorContext,
  ): NimError {
    if (isInstance(thrown, NimError)) return thrown as NimError;
    if (timedOut) return new NimTimeoutError(timeoutMs, { ...context, cause: thrown });
    if (signal?.aborted)
      return new NimAbortError(`${context.operationId} was aborted by the caller`, {
        ...context,
        cause: signal.reason,
      });
    const tooLarge = isInstance(thrown, BodyTooLargeError)
      ? (thrown as BodyTooLargeError)
      : phase.fetchFailed
        ? tooLargeCause(phase.fetchError)
        : undefined;
    if (tooLarge) return new NimResponseError(tooLarge.message, '', context);
    // Checked before anything else: openapi-fetch goes on after a fetch rejected with a falsy value.
    if (phase.fetchFailed) {
      const code = connectionErrorCode(phase.fetchError);
      const sent = !(
        wasNeverSent(phase.fetchError) ||
        (code && neverSentCodes.has(code)) ||
        refusedBeforeSending(phase.fetchError)
      );
      return new NimConnectionError(sent, { ...context, cause: phase.fetchError });
    }
    if (isInstance(thrown, ResponseShapeError))
      return new NimResponseError((thrown as ResponseShapeError).message, '', context);
    // The response arrived but its body could not be read: the socket or the stream failed mid-body.
    if (phase.responded) return new NimConnectionError(true, { ...context, cause: thrown });
    return new NimError('the request could not be built (nothing was sent)', { ...context, cause: thrown });
  }

  // OpenTelemetry hook: the call runs inside its span (active while it runs).
  const execute = (operation: Operation, send: SendAttempt, options: CheckedRequestOptions): Promise<CallResult> =>
    config.telemetry
      ? config.telemetry.call(operation.id, operation.method, (call) => run(operation, send, options, call))
      : run(operation, send, options, undefined);

  async function run(
    operation: Operation,
    send: SendAttempt,
    options: CheckedRequestOptions,
    call: CallTelemetry | undefined,
  ): Promise<CallResult> {
    const traceId = options.traceId ?? call?.traceId ?? createTraceId();
    const headers = { [traceIdHeader]: traceId };
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const policy = {
      maxRetries: options.maxRetries ?? config.maxRetries,
      unsafe: operation.unsafe === true,
      retryUnsafe: options.retryUnsafe ?? config.retryUnsafe,
    };
    const { signal } = options;
    const aborted = (attempts: number) =>
      new NimAbortError(`${operation.id} was aborted by the caller`, {
        operationId: operation.id,
        method: operation.method,
        traceId,
        attempts,
        cause: signal?.reason,
      });

    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) throw aborted(attempt - 1);
      // No await without a rate limiter: each one is a microtask turn per attempt.
      if (config.rateLimiter) {
        // The wait for a permit is bounded by timeoutMs too: a limiter (a deep queue, a shared schedule handed out by a
        // Redis replica whose clock is behind) never holds a call past its deadline. Nothing was sent, so the
        // NimTimeoutError is final (a retry would only wait again).
        const wait = startDeadline(timeoutMs, signal);
        try {
          await config.rateLimiter.take(operation.id, wait.signal);
        } catch (refusal) {
          // A limiter may refuse on purpose with a NimError (e.g. fail fast while blocked); anything else is the abort.
          if (isNimError(refusal) && !signal?.aborted && !wait.timedOut) throw refusal;
          if (wait.timedOut && !signal?.aborted) {
            throw new NimTimeoutError(timeoutMs, {
              operationId: operation.id,
              method: operation.method,
              traceId,
              attempts: attempt - 1,
              cause: refusal,
            });
          }
          throw aborted(attempt - 1);
        } finally {
          wait.clear();
        }
      }
      const host = hosts.pick();
      const context = { operationId: operation.id, method: operation.method, host, traceId, attempts: attempt };
      if (hooks) callHook('onAttempt', { operationId: operation.id, method: operation.method, host, attempt, traceId });

      const started = performance.now();
      const deadline = startDeadline(timeoutMs, signal, config.newAbortable);
      const phase: AttemptPhase = { responded: false, fetchFailed: false, fetchError: undefined };
      let data: unknown;
      let error: NimError | undefined;
      let status: number | undefined;
      let retryAfter: string | null = null;
      try {
        // On the undici transport an AttemptSignal: NimRequest.signal still hands middleware a real AbortSignal.
        const init: AttemptInit = {
          signal: deadline.signal as AbortSignal,
          baseUrl: host,
          headers,
          parseAs: 'text',
          middleware: call?.middleware ? [watchAttempt(phase), call.middleware] : [watchAttempt(phase)],
          [lightResponseField]: true,
        };
        const response = await untilAborted(send(init), deadline.signal);
        status = response.response.status;
        retryAfter = response.response.headers.get('retry-after');
        data = interpret(response, operation, context);
      } catch (thrown) {
        error = classify(thrown, phase, deadline.timedOut, timeoutMs, signal, context);
      } finally {
        deadline.clear();
      }
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const code = error instanceof NimApiError ? error.code : error ? undefined : 200;
      const built = !(error && error.constructor === NimError);
      // A refusal before sending (a permission, a blocking mock) would only be refused again: not retried.
      const refused = phase.fetchFailed && refusedBeforeSending(phase.fetchError);
      const willRetry =
        error !== undefined &&
        built &&
        !refused &&
        !(error instanceof NimAbortError) &&
        shouldRetry(error, attempt, policy);

      metrics.record(operation.id, host, outcomeOf(error), attempt, ms);
      call?.attempt({ host, attempt, ms, status, code, error });
      logger?.debug(
        `nim attempt op=${operation.id} method=${operation.method} host=${host} attempt=${attempt} ` +
          `status=${status ?? '-'} code=${code ?? '-'} ms=${ms} traceId=${traceId}${error ? ` error=${error.name}` : ''}`,
      );
      if (hooks)
        callHook('onResult', {
          operationId: operation.id,
          method: operation.method,
          host,
          attempt,
          traceId,
          ms,
          status,
          code,
          error,
          willRetry,
        });

      if (!error) {
        hosts.markSuccess(host, ms);
        return { data, traceId };
      }
      // A business error is an answer: the endpoint works (its latency counts in its score).
      if (error instanceof NimApiError) hosts.markSuccess(host, ms);
      else if (isHostFailure(error)) hosts.markFailure(host, ms);
      // Told before the back-off and awaited with it, so the next take already sees the block.
      const asked = error instanceof NimRateLimitError && config.rateLimiter ? parseRetryAfter(retryAfter) : undefined;
      const reported =
        error instanceof NimRateLimitError
          ? config.rateLimiter?.report(
              operation.id,
              { error, retryAfterMs: asked === undefined ? undefined : Math.min(asked, maxRetryAfterMs) },
              signal,
              timeoutMs,
            )
          : undefined;
      if (!willRetry) {
        if (reported) await reported;
        if (policy.unsafe && !policy.retryUnsafe && mayHaveRun(error)) error.message += unsafeNote;
        throw error;
      }
      const retryAfterMs = error instanceof NimHttpError ? error.retryAfterMs : undefined;
      const delay = backOff(attempt, retryAfterMs);
      logger?.warn(
        `nim retry op=${operation.id} attempt=${attempt + 1} in ${delay}ms after ${error.name} traceId=${traceId}`,
      );
      try {
        await (reported ? Promise.all([sleep(delay, signal), reported]) : sleep(delay, signal));
      } catch {
        throw aborted(attempt);
      }
    }
  }

  return { execute };
}
