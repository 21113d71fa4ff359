import type { NimValidationIssue } from '../errors/errors.js';
import { describe } from '../observability/describe.js';
import type { NimOpenTelemetryApi, TelemetryConfig } from '../observability/open-telemetry.js';
import { fail, readFields, refuseUnknownKeys } from '../protocol/validation.js';

const keys = ['api', 'tracerProvider', 'meterProvider', 'traceIdFromContext'] as const;

/** Whether `value` has a function at each path of `paths` (`'trace.setSpan'`…); never throws. */
function hasFunctions(value: unknown, paths: readonly string[]): boolean {
  try {
    return paths.every((path) => typeof path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], value) === 'function');
  } catch {
    return false;
  }
}

const apiFunctions = ['trace.getTracerProvider', 'trace.setSpan', 'context.active', 'context.with', 'metrics.getMeterProvider'];

/**
 * Checks the `openTelemetry` option and finds the API: the option's `api`, else what `load` (the Node build's
 * `require`) finds. `undefined`: no telemetry at all (`false`, the API nowhere, or both providers `false`).
 */
export function checkOpenTelemetry(
  issues: NimValidationIssue[],
  value: unknown,
  load: (() => NimOpenTelemetryApi | undefined) | undefined,
  secrets: readonly string[],
): TelemetryConfig | undefined {
  if (value === false) return undefined;
  const before = issues.length;
  const o = value === undefined ? {} : readFields(issues, value, 'openTelemetry', keys);
  refuseUnknownKeys(issues, value, 'openTelemetry', new Set(keys));
  if (o.api !== undefined && !hasFunctions(o.api, apiFunctions)) {
    fail(issues, 'openTelemetry.api', `must be the @opentelemetry/api module (import * as api from '@opentelemetry/api'; got ${describe(o.api)})`);
  }
  if (o.tracerProvider !== undefined && o.tracerProvider !== false && !hasFunctions(o.tracerProvider, ['getTracer'])) {
    fail(issues, 'openTelemetry.tracerProvider', `must be a TracerProvider (with getTracer) or false (got ${describe(o.tracerProvider)})`);
  }
  if (o.meterProvider !== undefined && o.meterProvider !== false && !hasFunctions(o.meterProvider, ['getMeter'])) {
    fail(issues, 'openTelemetry.meterProvider', `must be a MeterProvider (with getMeter) or false (got ${describe(o.meterProvider)})`);
  }
  if (o.traceIdFromContext !== undefined && typeof o.traceIdFromContext !== 'boolean') {
    fail(issues, 'openTelemetry.traceIdFromContext', `must be true or false (got ${describe(o.traceIdFromContext)})`);
  }
  if (issues.length > before || (o.tracerProvider === false && o.meterProvider === false)) return undefined;
  // Only now, and only when not turned off, is the package looked for.
  const api = (o.api as NimOpenTelemetryApi | undefined) ?? load?.();
  if (!api) {
    // Providers given in a build that cannot find the API: spans could not be made active, so say so.
    if (value !== undefined && (o.tracerProvider || o.meterProvider || o.traceIdFromContext)) {
      fail(issues, 'openTelemetry.api', "is needed in this build (or bundle): pass import * as api from '@opentelemetry/api'");
    }
    return undefined;
  }
  return {
    api,
    tracerProvider: o.tracerProvider as TelemetryConfig['tracerProvider'],
    meterProvider: o.meterProvider as TelemetryConfig['meterProvider'],
    traceIdFromContext: o.traceIdFromContext === true,
    secrets,
  };
}
