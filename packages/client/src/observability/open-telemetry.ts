// OpenTelemetry, built in and optional, in the Node build (client.node.ts passes it in, as it passes undici; the
// fetch build for edge runtimes and browsers carries only the retry loop's hook points). The client never imports
// `@opentelemetry/api`: it resolves the module once, synchronously, when a client is made (open-telemetry-node.ts),
// or takes it as the `openTelemetry.api` option, and talks to it through the structural types below, so the
// client's own types do not depend on the package. Without the module nothing here runs: the retry loop gets no
// Telemetry.
import { NimHttpError, type NimError } from '../errors/errors.js';
import { durationBucketsSeconds } from './metrics.js';
import { redact } from './redaction.js';

/**
 * The parts of `@opentelemetry/api` the client calls: pass the module itself, as
 * `import * as api from '@opentelemetry/api'` gives it. Typed loosely on purpose, so the client's types do not
 * depend on the package's.
 * @example
 * ```ts
 * import * as api from '@opentelemetry/api';
 * const nim = createNimClient({ appKey, appSecret, openTelemetry: { api } });
 * ```
 */
export interface NimOpenTelemetryApi {
  /** `trace.getTracerProvider()` (the global provider) and `trace.setSpan()` (to make the call span active). */
  readonly trace: { getTracerProvider(): unknown; setSpan(context: never, span: never): unknown };
  /** `context.active()` and `context.with()`: the call runs inside its span's context. */
  readonly context: { active(): unknown; with(context: never, fn: never): unknown };
  /** `metrics.getMeterProvider()` (the global provider). */
  readonly metrics: { getMeterProvider(): unknown };
}

/**
 * An OpenTelemetry `TracerProvider` (e.g. the SDK's `BasicTracerProvider` or `NodeTracerProvider`).
 * @example
 * ```ts
 * const nim = createNimClient({ appKey, appSecret, openTelemetry: { tracerProvider: provider } });
 * ```
 */
export interface NimTracerProvider {
  /** Called once per client with the scope name `@nim-api/client`. */
  getTracer(name: string, version?: string): unknown;
}

/**
 * An OpenTelemetry `MeterProvider` (e.g. the SDK's `MeterProvider`).
 * @example
 * ```ts
 * const nim = createNimClient({ appKey, appSecret, openTelemetry: { meterProvider } });
 * ```
 */
export interface NimMeterProvider {
  /** Called with the scope name `@nim-api/client`, once per provider. */
  getMeter(name: string, version?: string): unknown;
}

/**
 * The `openTelemetry` option (Node build: what Node resolves `@nim-api/client` to). By default the client finds the
 * `@opentelemetry/api` the app installed and uses the global tracer and meter providers: one CLIENT span per call,
 * named by its operation, active while the call runs (so the HTTP instrumentation's spans nest under it), an event
 * per attempt, and the `http.client.request.duration` histogram with the `nim.client.attempts` and
 * `nim.client.retries` counters. Nothing is loaded when the package is not installed; with it but no SDK
 * registered, a call pays a fraction of a microsecond.
 * @example
 * ```ts
 * import * as api from '@opentelemetry/api';
 * const nim = createNimClient({
 *   appKey,
 *   appSecret,
 *   // X-custom-traceid = the active trace's id, so NetEase's logs and your traces share one id
 *   openTelemetry: { api, traceIdFromContext: true },
 * });
 * ```
 */
export interface NimOpenTelemetryOptions {
  /**
   * The `@opentelemetry/api` module. Needed only where the client cannot `require` it itself, e.g. a Node app
   * bundled into one file and shipped without node_modules.
   * @default the one `require('@opentelemetry/api')` finds from the client's folder
   */
  api?: NimOpenTelemetryApi;
  /**
   * The tracer provider spans come from; `false`: no spans.
   * @default the global one (`trace.getTracerProvider()`)
   */
  tracerProvider?: NimTracerProvider | false;
  /**
   * The meter provider metrics go to; `false`: no OpenTelemetry metrics (`nim.metrics()` keeps counting).
   * @default the global one (`metrics.getMeterProvider()`), looked up again when the app registers another
   */
  meterProvider?: NimMeterProvider | false;
  /**
   * Send the call span's trace id (the active trace's, or a new root trace's) as `X-custom-traceid`, so NetEase's
   * logs and your traces share one id. A call's own `traceId` option still wins. No effect while no SDK is registered
   * (the trace id is then all zeros and a random one is sent).
   * @default false
   */
  traceIdFromContext?: boolean;
}

// The shapes of the API's objects the client uses (checked when a client is made, see config/).
type Attributes = Record<string, string | number | boolean>;
interface SpanLike {
  spanContext(): { traceId: string };
  isRecording(): boolean;
  setAttributes(attributes: Attributes): unknown;
  addEvent(name: string, attributes?: Attributes): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}
interface TracerLike {
  startSpan(name: string, options: { kind: number; attributes: Attributes }, context?: unknown): SpanLike;
}
interface Instrument {
  record?(value: number, attributes: Attributes): void;
  add?(value: number, attributes: Attributes): void;
}
interface MeterLike {
  createHistogram(name: string, options: object): Instrument;
  createCounter(name: string, options: object): Instrument;
}
interface ApiLike {
  /** Since API 1.3; the meter of the no-op provider (no SDK registered). */
  createNoopMeter?(): unknown;
  trace: { getTracerProvider(): NimTracerProvider; setSpan(context: unknown, span: SpanLike): unknown };
  context: { active(): unknown; with<T>(context: unknown, fn: () => T): T };
  metrics: { getMeterProvider(): NimMeterProvider };
}

/** What {@link createTelemetry} is made with: the option, checked. */
export interface TelemetryConfig {
  readonly api: NimOpenTelemetryApi;
  readonly tracerProvider: NimTracerProvider | false | undefined;
  readonly meterProvider: NimMeterProvider | false | undefined;
  readonly traceIdFromContext: boolean;
  /** Strings that must never appear in an attribute. */
  readonly secrets: readonly string[];
}

/** One attempt as the retry loop reports it. */
export interface AttemptReport {
  readonly host: string;
  readonly attempt: number;
  readonly ms: number;
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly error: NimError | undefined;
}

/** The telemetry of one call, handed to the retry loop. */
export interface CallTelemetry {
  /** The call span's trace id when `traceIdFromContext` asks for it and the span has a real one. */
  readonly traceId: string | undefined;
  /** Middleware that notes the URL of each attempt (`url.full`); only while the span records. */
  readonly middleware: { onRequest(options: { request: { url: string } }): undefined } | undefined;
  /** Called once per attempt, after it ended. */
  attempt(report: AttemptReport): void;
}

/** The telemetry of one client. */
export interface Telemetry {
  /** Runs one call inside its span (active while `run` runs) and records it. */
  call<T extends { traceId: string }>(
    operationId: string,
    method: string,
    run: (call: CallTelemetry) => Promise<T>,
  ): Promise<T>;
}

/** The instrumentation scope of the client's spans and instruments. */
const scope = '@nim-api/client';
const spanKindClient = 2; // SpanKind.CLIENT
const statusError = 2; // SpanStatusCode.ERROR
const invalidTraceId = '00000000000000000000000000000000';

/** The telemetry of a call that records nothing. */
const idle: CallTelemetry = { traceId: undefined, middleware: undefined, attempt() {} };

/** `error.type` of the semantic conventions: the HTTP status of an HTTP error, otherwise the error's class name. */
const errorType = (error: NimError | undefined): string | undefined =>
  error && (error instanceof NimHttpError ? String(error.status) : error.name);

/** Sets `key` unless `value` is `undefined` (the SDK warns about those); no `delete`, which slows objects down. */
function put(attributes: Attributes, key: string, value: string | number | boolean | undefined): Attributes {
  if (value !== undefined) attributes[key] = value;
  return attributes;
}

/**
 * The OpenTelemetry side of one client: spans from the tracer provider, instruments from the meter provider. The
 * meter provider is looked up on each call when it is the global one, so an SDK registered after the client was made
 * is still used (the API hands out no proxy for meters, as it does for tracers). Telemetry never changes the outcome
 * of a call: whatever an SDK or exporter throws is ignored.
 */
export function createTelemetry(config: TelemetryConfig): Telemetry {
  const api = config.api as unknown as ApiLike;
  const { secrets, traceIdFromContext, tracerProvider, meterProvider } = config;
  const tracer =
    tracerProvider === false
      ? undefined
      : ((tracerProvider ?? api.trace.getTracerProvider()).getTracer(scope) as TracerLike);
  // [provider, http.client.request.duration, nim.client.attempts, nim.client.retries]; only the provider when its
  // meter is the no-op one (no SDK registered): then no attributes are even built.
  let instruments: [NimMeterProvider, Instrument?, Instrument?, Instrument?] | undefined;
  const noopMeter = api.createNoopMeter?.();
  const servers = new Map<string, [string, number]>();
  /** `server.address` and `server.port` of a base URL (parsed once per host). */
  const serverOf = (host: string) => {
    let server = servers.get(host);
    if (!server) {
      const url = new URL(host);
      servers.set(
        host,
        (server = [url.hostname.replace(/^\[|\]$/g, ''), Number(url.port) || (url.protocol === 'https:' ? 443 : 80)]),
      );
    }
    return server;
  };
  /** A URL for `url.full`: credentials replaced as the semantic conventions ask, secrets and CheckSum shapes masked. */
  const safeUrl = (url: string | undefined) =>
    url && redact(url.replace(/^([^/]*\/\/)[^/@]*@/, '$1REDACTED:REDACTED@'), secrets, 2048);

  return {
    call(operationId, method, run) {
      const span = tracer?.startSpan(
        operationId,
        { kind: spanKindClient, attributes: { 'nim.operation': operationId, 'http.request.method': method } },
        api.context.active(),
      );
      const recording = span?.isRecording() === true;
      const spanTraceId = span?.spanContext().traceId;
      const provider = meterProvider === false ? undefined : (meterProvider ?? api.metrics.getMeterProvider());
      if (provider && instruments?.[0] !== provider) {
        const meter = provider.getMeter(scope) as MeterLike;
        instruments =
          meter === noopMeter
            ? [provider]
            : [
                provider,
                meter.createHistogram('http.client.request.duration', {
                  unit: 's',
                  description: 'Duration of each HTTP attempt.',
                  advice: { explicitBucketBoundaries: durationBucketsSeconds },
                }),
                meter.createCounter('nim.client.attempts', { unit: '{attempt}', description: 'HTTP attempts.' }),
                meter.createCounter('nim.client.retries', {
                  unit: '{attempt}',
                  description: 'HTTP attempts that were retries.',
                }),
              ];
      }
      const meters =
        provider && instruments?.[1]
          ? (instruments as [NimMeterProvider, Instrument, Instrument, Instrument])
          : undefined;
      // No SDK registered (a no-op span without a trace, no-op meters): nothing to record, nothing to end.
      if (!recording && !meters && (spanTraceId === undefined || spanTraceId === invalidTraceId)) return run(idle);
      let url: string | undefined;
      let last: { attributes: Attributes; attempt: number } | undefined;
      const call: CallTelemetry = {
        traceId: traceIdFromContext && spanTraceId !== invalidTraceId ? spanTraceId : undefined,
        middleware: recording ? { onRequest: ({ request }) => void (url = request.url) } : undefined,
        attempt({ host, attempt, ms, status, code, error }) {
          try {
            if (!meters && !recording) return;
            const [address, port] = serverOf(host);
            const attributes: Attributes = {
              'http.request.method': method,
              'server.address': address,
              'server.port': port,
              'nim.operation': operationId,
            };
            put(
              put(put(attributes, 'http.response.status_code', status), 'nim.code', code),
              'error.type',
              errorType(error),
            );
            last = { attributes, attempt };
            if (meters) {
              meters[1].record?.(ms / 1000, attributes);
              meters[2].add?.(1, attributes);
              if (attempt > 1) meters[3].add?.(1, attributes);
            }
            if (recording) {
              const event = put(
                { ...attributes, 'http.request.resend_count': attempt - 1, 'nim.attempt.duration_ms': ms },
                'url.full',
                safeUrl(url),
              );
              span!.addEvent('nim.attempt', event);
            }
          } catch {}
        },
      };
      const end = (traceId: string | undefined, error?: NimError) => {
        try {
          if (recording) {
            const attributes: Attributes = { ...last?.attributes };
            put(
              put(put(attributes, 'error.type', errorType(error)), 'nim.trace_id', traceId),
              'url.full',
              safeUrl(url),
            );
            span!.setAttributes(
              put(attributes, 'http.request.resend_count', last && last.attempt > 1 ? last.attempt - 1 : undefined),
            );
            if (error) span!.setStatus({ code: statusError, message: redact(error.message, secrets) });
          }
          span?.end();
        } catch {}
      };
      const running = () =>
        run(call).then(
          (result) => (end(result.traceId), result),
          (error: NimError) => {
            end(error?.traceId, error);
            throw error;
          },
        );
      // Active only when it carries a trace: a span of the no-op tracer (no SDK registered) is not worth a context.
      return span && (recording || spanTraceId !== invalidTraceId)
        ? api.context.with(api.trace.setSpan(api.context.active(), span), running)
        : running();
    },
  };
}
