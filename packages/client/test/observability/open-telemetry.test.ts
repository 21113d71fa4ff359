// OpenTelemetry (the Node build's) with the SDK's in-memory exporters and @opentelemetry/instrumentation-undici,
// against the loopback wire server. Both vitest projects run it: `client` on the fetch transport (Node's built-in
// undici behind the global fetch), `client-undici` on the npm `undici` package's Pool; instrumentation-undici
// subscribes to undici's diagnostics_channel names, which both publish on, so its HTTP spans must nest under the
// call span on both.
import * as api from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { MeterProvider, MetricReader, type HistogramMetricData, type SumMetricData } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient as createFetchBuildClient } from '../../src/client.js';
import { createNimClient as createNodeBuildClient } from '../../src/client.node.js';
import type { NimClientOptions } from '../../src/config/options.js';
import { NimNotFoundError } from '../../src/errors/errors.js';
import { traceIdOf } from '../../src/observability/trace-ids.js';
import { fail, ok, sampleGroup, startWireServer, type WireServer } from '../support/wire-server.js';
import { defaultTransport } from '../support/transport.js';

const credentials = { appKey: 'otel-app-key', appSecret: 'otel-app-secret-f00dfeed' };
/** The Node build, on this project's transport. */
const createNimClient = (options: NimClientOptions) =>
  createNodeBuildClient({ transport: defaultTransport, ...options });

class TestReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

const contextManager = new AsyncLocalStorageContextManager();
const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let undici: UndiciInstrumentation;
let server: WireServer;

beforeAll(async () => {
  api.context.setGlobalContextManager(contextManager.enable());
  api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  // Constructed enabled: it subscribes to undici's diagnostics channels now (`enabled: false` would stay off).
  undici = new UndiciInstrumentation();
  undici.setTracerProvider(tracerProvider);
  server = await startWireServer(credentials);
});
afterAll(async () => {
  undici.disable();
  api.context.disable();
  api.propagation.disable();
  await server.close();
});
beforeEach(() => {
  exporter.reset();
  server.reset();
});

const byName = (spans: ReadableSpan[], name: string) => spans.filter((span) => span.name === name);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
/** Every string of every attribute and event attribute of `spans`, for the secret check. */
const allAttributeText = (spans: ReadableSpan[]) =>
  JSON.stringify(spans.map((span) => [span.attributes, span.events.map((event) => event.attributes), span.status]));

const client = (extra: Record<string, unknown> = {}) =>
  createNimClient({
    ...credentials,
    baseUrl: server.url,
    retryDelayMs: () => 0,
    openTelemetry: { api, tracerProvider, ...extra },
  });

describe('one span per call', () => {
  it('is a CLIENT span named by the operation, with the attempts as events and the undici spans as its children', async () => {
    const nim = client();
    server.reply({ status: 503, body: 'busy' }, ok(sampleGroup));
    const group = await nim.conversationGroups.get('1001', { account_id: 'alice' });

    const spans = exporter.getFinishedSpans();
    const [call] = byName(spans, 'getConversationGroup');
    expect(call).toBeDefined();
    expect(call!.kind).toBe(api.SpanKind.CLIENT);
    expect(call!.status.code).not.toBe(api.SpanStatusCode.ERROR);
    const port = Number(new URL(server.url).port);
    expect(call!.attributes).toMatchObject({
      'nim.operation': 'getConversationGroup',
      'nim.code': 200,
      'nim.trace_id': traceIdOf(group),
      'http.request.method': 'GET',
      'server.address': '127.0.0.1',
      'server.port': port,
      'http.response.status_code': 200,
      'http.request.resend_count': 1,
      'url.full': `${server.url}/im/v2/conversation_groups/1001?account_id=alice`,
    });
    expect(call!.attributes['error.type']).toBeUndefined();

    const attempts = call!.events.filter((event) => event.name === 'nim.attempt');
    expect(attempts.map((event) => event.attributes?.['http.request.resend_count'])).toEqual([0, 1]);
    expect(attempts.map((event) => event.attributes?.['http.response.status_code'])).toEqual([503, 200]);
    expect(attempts[0]!.attributes?.['error.type']).toBe('503');

    // instrumentation-undici: one HTTP span per attempt, each a child of the call span, in the call's trace.
    const http = spans.filter((span) => span.instrumentationScope.name === '@opentelemetry/instrumentation-undici');
    expect(http).toHaveLength(2);
    for (const span of http) {
      expect(parentOf(span)).toBe(call!.spanContext().spanId);
      expect(span.spanContext().traceId).toBe(call!.spanContext().traceId);
    }
    // ...and it propagated the trace to the server: each attempt's traceparent names its HTTP span.
    expect(server.requests.map((request) => request.headers.traceparent)).toEqual(
      http.map((span) => `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`),
    );
  });

  it('keeps concurrent calls apart: each HTTP span under its own call span', async () => {
    const nim = client();
    server.fallback(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 20)); // all three in flight at once
      return ok({ ...sampleGroup, group_id: Number(request.path.split('/').pop()) });
    });
    await Promise.all(['1001', '1002', '1003'].map((id) => nim.conversationGroups.get(id, { account_id: 'alice' })));
    const spans = exporter.getFinishedSpans();
    const calls = byName(spans, 'getConversationGroup');
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      const http = spans.filter((span) => parentOf(span) === call.spanContext().spanId);
      expect(http).toHaveLength(1);
      expect(http[0]!.attributes['url.full']).toBe(call.attributes['url.full']);
    }
  });

  it('nests under the active span of the caller', async () => {
    const nim = client();
    const tracer = tracerProvider.getTracer('test');
    await tracer.startActiveSpan('handler', async (parent) => {
      await nim.conversationGroups.list({ account_id: 'alice' });
      parent.end();
    });
    const spans = exporter.getFinishedSpans();
    const [handler] = byName(spans, 'handler');
    const [call] = byName(spans, 'listConversationGroups');
    expect(parentOf(call!)).toBe(handler!.spanContext().spanId);
    expect(call!.spanContext().traceId).toBe(handler!.spanContext().traceId);
  });

  it('marks a business error (HTTP 200, code ≠ 200) as an error, with nim.code and error.type', async () => {
    const nim = client();
    server.reply(fail(102404, 'group not found'));
    await expect(nim.conversationGroups.get('1001', { account_id: 'alice' })).rejects.toBeInstanceOf(NimNotFoundError);
    const [call] = byName(exporter.getFinishedSpans(), 'getConversationGroup');
    expect(call!.status.code).toBe(api.SpanStatusCode.ERROR);
    expect(call!.status.message).toContain('group not found');
    expect(call!.attributes).toMatchObject({
      'nim.code': 102404,
      'http.response.status_code': 200,
      'error.type': 'NimNotFoundError',
    });
  });

  it('puts no secret (AppSecret, CheckSum, Nonce) into any attribute, event or status of any span', async () => {
    const nim = client();
    server.reply(ok(sampleGroup), fail(414, `bad ${credentials.appSecret}`));
    await nim.conversationGroups.get('1001', { account_id: 'alice' });
    await expect(nim.conversationGroups.get('1001', { account_id: 'alice' })).rejects.toThrow();
    const spans = exporter.getFinishedSpans();
    expect(spans.length).toBeGreaterThanOrEqual(4);
    const text = allAttributeText(spans);
    expect(text).not.toContain(credentials.appSecret);
    for (const request of server.requests) {
      expect(text).not.toContain(String(request.headers.checksum));
      expect(text).not.toContain(String(request.headers.nonce));
    }
  });
});

describe('traceIdFromContext', () => {
  it("sends the call span's trace id as X-custom-traceid, so the server logs the trace id", async () => {
    const nim = client({ traceIdFromContext: true });
    const group = await nim.conversationGroups.get('1001', { account_id: 'alice' });
    const [call] = byName(exporter.getFinishedSpans(), 'getConversationGroup');
    const traceId = call!.spanContext().traceId;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(server.requests[0]!.headers['x-custom-traceid']).toBe(traceId);
    expect(traceIdOf(group)).toBe(traceId);
    expect(call!.attributes['nim.trace_id']).toBe(traceId);
  });

  it("is off by default, and a call's own traceId wins", async () => {
    await client().conversationGroups.get('1001', { account_id: 'alice' });
    await client({ traceIdFromContext: true }).conversationGroups.get(
      '1001',
      { account_id: 'alice' },
      { traceId: 'mine-42' },
    );
    const spans = byName(exporter.getFinishedSpans(), 'getConversationGroup');
    expect(server.requests[0]!.headers['x-custom-traceid']).not.toBe(spans[0]!.spanContext().traceId);
    expect(server.requests[1]!.headers['x-custom-traceid']).toBe('mine-42');
  });
});

describe('metrics through the OpenTelemetry metrics API', () => {
  it('records http.client.request.duration in seconds per attempt and the counters, with the same attributes', async () => {
    const reader = new TestReader();
    const meterProvider = new MeterProvider({ readers: [reader] });
    const nim = client({ meterProvider, tracerProvider: false });
    server.reply({ status: 503, body: 'busy' }, ok(sampleGroup), fail(102404));
    await nim.conversationGroups.get('1001', { account_id: 'alice' });
    await expect(nim.conversationGroups.get('1001', { account_id: 'alice' })).rejects.toThrow();
    expect(byName(exporter.getFinishedSpans(), 'getConversationGroup')).toEqual([]); // tracerProvider: false

    const { resourceMetrics } = await reader.collect();
    const scope = resourceMetrics.scopeMetrics.find((s) => s.scope.name === '@nim-api/client')!;
    const metric = (name: string) => scope.metrics.find((m) => m.descriptor.name === name)!;
    const duration = metric('http.client.request.duration') as HistogramMetricData;
    expect(duration.descriptor.unit).toBe('s');
    const port = Number(new URL(server.url).port);
    const base = {
      'http.request.method': 'GET',
      'server.address': '127.0.0.1',
      'server.port': port,
      'nim.operation': 'getConversationGroup',
    };
    const points = duration.dataPoints.map((p) => ({ attributes: p.attributes, count: p.value.count }));
    expect(points).toEqual(
      expect.arrayContaining([
        { attributes: { ...base, 'http.response.status_code': 503, 'error.type': '503' }, count: 1 },
        { attributes: { ...base, 'http.response.status_code': 200, 'nim.code': 200 }, count: 1 },
        {
          attributes: {
            ...base,
            'http.response.status_code': 200,
            'nim.code': 102404,
            'error.type': 'NimNotFoundError',
          },
          count: 1,
        },
      ]),
    );
    expect(points).toHaveLength(3);
    // Seconds, not milliseconds: a loopback attempt is far below a second, and the semantic conventions' buckets.
    for (const point of duration.dataPoints) expect(point.value.sum).toBeLessThan(2);
    expect(duration.dataPoints[0]!.value.buckets.boundaries).toEqual([
      0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
    ]);

    const attempts = metric('nim.client.attempts') as SumMetricData;
    expect(attempts.dataPoints.map((p) => p.value).reduce((a, b) => a + b, 0)).toBe(3);
    expect(attempts.dataPoints.map((p) => p.attributes)).toEqual(
      expect.arrayContaining(points.map((p) => p.attributes)),
    );
    const retries = metric('nim.client.retries') as SumMetricData;
    expect(retries.dataPoints.map((p) => [p.attributes, p.value])).toEqual([
      [{ ...base, 'http.response.status_code': 200, 'nim.code': 200 }, 1],
    ]);
    await meterProvider.shutdown();
  });

  it('follows the global meter provider registered after the client was made', async () => {
    const nim = client();
    await nim.conversationGroups.get('1001', { account_id: 'alice' });
    const reader = new TestReader();
    const meterProvider = new MeterProvider({ readers: [reader] });
    api.metrics.setGlobalMeterProvider(meterProvider);
    try {
      await nim.conversationGroups.get('1001', { account_id: 'alice' });
      const { resourceMetrics } = await reader.collect();
      const attempts = resourceMetrics.scopeMetrics
        .flatMap((s) => s.metrics)
        .find((m) => m.descriptor.name === 'nim.client.attempts') as SumMetricData;
      expect(attempts.dataPoints.map((p) => p.value)).toEqual([1]);
    } finally {
      api.metrics.disable();
      await meterProvider.shutdown();
    }
  });
});

describe('the API without an SDK, and without the API', () => {
  it('with no SDK registered, calls work, send a random trace id and make no span', async () => {
    const nim = createNimClient({
      ...credentials,
      baseUrl: server.url,
      openTelemetry: { api, traceIdFromContext: true },
    });
    const group = await nim.conversationGroups.get('1001', { account_id: 'alice' });
    expect(traceIdOf(group)).toMatch(/^[0-9a-f]{32}$/);
    expect(traceIdOf(group)).not.toBe('00000000000000000000000000000000');
    expect(byName(exporter.getFinishedSpans(), 'getConversationGroup')).toEqual([]);
  });

  it('openTelemetry: false makes no span even with a global SDK', async () => {
    api.trace.setGlobalTracerProvider(tracerProvider);
    try {
      await createNimClient({ ...credentials, baseUrl: server.url, openTelemetry: false }).conversationGroups.get(
        '1001',
        { account_id: 'alice' },
      );
      expect(byName(exporter.getFinishedSpans(), 'getConversationGroup')).toEqual([]);
      // The Node build finds @opentelemetry/api by itself (here the client's dev dependency).
      await createNimClient({ ...credentials, baseUrl: server.url }).conversationGroups.get('1001', {
        account_id: 'alice',
      });
      expect(byName(exporter.getFinishedSpans(), 'getConversationGroup')).toHaveLength(1);
    } finally {
      api.trace.disable();
    }
  });

  it('refuses a wrong option with a NimValidationError naming it', () => {
    expect(() =>
      createNimClient({
        ...credentials,
        openTelemetry: { api: {} as never, tracerProvider: 42 as never, nope: 1 } as never,
      }),
    ).toThrow(
      /openTelemetry\.api.*\n?.*openTelemetry\.tracerProvider|openTelemetry\.tracerProvider[\s\S]*openTelemetry\.api/,
    );
    expect(() => createNimClient({ ...credentials, openTelemetry: { nope: 1 } as never })).toThrow(
      /openTelemetry\."nope"/,
    );
  });

  // In client-undici, vitest.undici.config.ts swaps src/client.ts for the Node build: this test is the client project's.
  it.runIf(defaultTransport === 'fetch')(
    'the fetch build (edge runtimes, browsers) has none: it refuses the option, takes false, and makes no span',
    async () => {
      expect(() => createFetchBuildClient({ ...credentials, openTelemetry: { api } })).toThrow(
        /openTelemetry.*only in the Node build/,
      );
      const nim = createFetchBuildClient({
        ...credentials,
        baseUrl: server.url,
        fetch: (request) => fetch(request),
        openTelemetry: false,
      });
      api.trace.setGlobalTracerProvider(tracerProvider);
      try {
        await createFetchBuildClient({
          ...credentials,
          baseUrl: server.url,
          fetch: (request) => fetch(request),
        }).conversationGroups.get('1001', { account_id: 'alice' });
        await nim.conversationGroups.get('1001', { account_id: 'alice' });
        expect(byName(exporter.getFinishedSpans(), 'getConversationGroup')).toEqual([]);
      } finally {
        api.trace.disable();
      }
    },
  );
});
