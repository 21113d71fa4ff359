// The option's structural types accept the real @opentelemetry/api module and the SDK's providers, and refuse
// what is not one: the client's types never import the package, so this is where they are held to it.
import * as api from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { describe, expectTypeOf, it } from 'vitest';
import { createNimClient, type NimClientOptions, type NimOpenTelemetryOptions } from '../../src/index.js';

describe('openTelemetry option types', () => {
  it('take the API module, the global providers and the SDK providers', () => {
    const options: NimOpenTelemetryOptions = {
      api,
      tracerProvider: new BasicTracerProvider(),
      meterProvider: new MeterProvider(),
      traceIdFromContext: true,
    };
    expectTypeOf(options).toMatchTypeOf<NimClientOptions['openTelemetry']>();
    expectTypeOf({
      api,
      tracerProvider: api.trace.getTracerProvider(),
      meterProvider: api.metrics.getMeterProvider(),
    }).toMatchTypeOf<NimOpenTelemetryOptions>();
    createNimClient({ appKey: 'k', appSecret: 's', openTelemetry: false });
  });

  it('refuse what is not one', () => {
    // @ts-expect-error a tracer is not a tracer provider
    const tracer: NimOpenTelemetryOptions = { tracerProvider: api.trace.getTracer('x') };
    // @ts-expect-error the trace API alone is not the module
    const partial: NimOpenTelemetryOptions = { api: api.trace };
    // @ts-expect-error true is not an option value
    const on: NimClientOptions['openTelemetry'] = true;
    void [tracer, partial, on];
  });
});
