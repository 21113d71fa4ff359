/**
 * OpenTelemetry with `@nim-api/client`: one CLIENT span per call, the HTTP spans of instrumentation-undici under it,
 * a business error marked as an error, the trace id sent as `X-custom-traceid`, the metrics, and `toPrometheus()`.
 *
 *   pnpm exec tsx examples/opentelemetry.ts
 *       runs against `@nim-api/sandbox` over HTTP on 127.0.0.1 (a stateful stand-in for the Yunxin API, no network)
 *       and prints the spans as a tree, the OpenTelemetry metrics, and the start of the Prometheus text.
 *
 * In an app, register the SDK first (e.g. `@opentelemetry/sdk-node`'s NodeSDK with your exporter, in a file loaded
 * with `node --import`); the client then finds `@opentelemetry/api` by itself. Here the SDK's parts are set up by hand
 * with in-memory exporters, so the example prints what a backend would receive.
 */
import * as api from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { createNimClient, NimNotFoundError, traceIdOf } from '@nim-api/client';
import { createSandbox } from '@nim-api/sandbox';

// 1. The SDK: context propagation across awaits, a tracer provider with an in-memory exporter, a meter provider.
const spans = new InMemorySpanExporter();
api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());
api.trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
class Reader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}
const reader = new Reader();
api.metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
// HTTP spans for every request undici sends (the client's undici transport and Node's fetch alike).
const undici = new UndiciInstrumentation();

// 2. The client: nothing to configure for OpenTelemetry; traceIdFromContext sends the trace id to NetEase.
const sandbox = createSandbox({ accounts: ['alice'] });
const server = await sandbox.listen();
const nim = createNimClient({
  appKey: sandbox.appKey,
  appSecret: sandbox.appSecret,
  baseUrl: server.url,
  openTelemetry: { traceIdFromContext: true },
});

// 3. A request handler of your app: its span is the parent of the client's call spans.
const tracer = api.trace.getTracer('example-app');
await tracer.startActiveSpan('GET /groups/work', async (handler) => {
  const created = await nim.conversationGroups.create({ account_id: 'alice', name: 'Work' });
  const groupId = created.conversation_group.group_id;
  console.log(
    `created group ${groupId}; X-custom-traceid ${traceIdOf(created)} = the trace id ${handler.spanContext().traceId}`,
  );
  await nim.conversationGroups.delete(groupId, { account_id: 'alice' });
  try {
    await nim.conversationGroups.get(groupId, { account_id: 'alice' });
  } catch (error) {
    if (!(error instanceof NimNotFoundError)) throw error;
    console.log(`get after delete: ${error.name} (code ${error.code}) — its span is marked as an error`);
  }
  handler.end();
});

// 4. What a tracing backend receives, as a tree.
const finished = spans.getFinishedSpans();
const children = (parent: ReadableSpan | undefined) =>
  finished.filter((span) => span.parentSpanContext?.spanId === parent?.spanContext().spanId);
const print = (span: ReadableSpan, depth: number): void => {
  const status = span.status.code === api.SpanStatusCode.ERROR ? ` ERROR ${span.status.message}` : '';
  const keys = [
    'nim.operation',
    'nim.code',
    'http.request.method',
    'server.address',
    'http.response.status_code',
    'error.type',
  ];
  const attributes = keys
    .filter((key) => span.attributes[key] !== undefined)
    .map((key) => `${key}=${span.attributes[key]}`);
  const events = span.events.filter((event) => event.name === 'nim.attempt').length;
  console.log(
    `${'  '.repeat(depth)}${span.name} [${api.SpanKind[span.kind]}]${status} ${attributes.join(' ')}${events ? ` (${events} attempt event)` : ''}`,
  );
  for (const child of children(span)) print(child, depth + 1);
};
for (const root of finished.filter((span) => !span.parentSpanContext)) print(root, 0);

// 5. The OpenTelemetry metrics, and the same figures as Prometheus text.
const { resourceMetrics } = await reader.collect();
for (const metric of resourceMetrics.scopeMetrics.find((scope) => scope.scope.name === '@nim-api/client')?.metrics ??
  []) {
  console.log(`${metric.descriptor.name} (${metric.descriptor.unit}): ${metric.dataPoints.length} series`);
}
console.log(nim.metrics().toPrometheus().split('\n').slice(0, 6).join('\n'));

undici.disable();
await server.close();
