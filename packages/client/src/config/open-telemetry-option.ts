import type { NimValidationIssue } from '../errors/errors.js';
import { describe } from '../observability/describe.js';
import type { NimOpenTelemetryApi, TelemetryConfig } from '../observability/open-telemetry.js';
import { fail, readFields, refuseUnknownKeys } from '../protocol/validation.js';

const keys = ['api', 'tracerProvider', 'meterProvider', 'traceIdFromContext'] as const;

/** Whether `value` has a function at each path of `paths` (`'trace.setSpan'`…); never throws. */
function hasFunctions(value: unknown, paths: readonly string[]): boolean {
  try {
    return paths.every(
      (path) =>
        typeof path
          .split('.')
          .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], value) === 'function',
    );
  } catch {
    return false;
  }
}

const expected: Record<(typeof keys)[number], readonly string[]> = {
  api: ['trace.getTracerProvider', 'trace.setSpan', 'context.active', 'context.with', 'metrics.getMeterProvider'],
  tracerProvider: ['getTracer'],
  meterProvider: ['getMeter'],
  traceIdFromContext: [],
};

/** The Node build's check of the `openTelemetry` option, with its way of finding the API bound. */
export type OpenTelemetryCheck = (
  issues: NimValidationIssue[],
  value: unknown,
  secrets: readonly string[],
) => TelemetryConfig | undefined;

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
  for (const key of keys) {
    const given = o[key];
    // A provider may be `false`; traceIdFromContext is a boolean; the API and providers have their functions.
    const fine =
      given === undefined ||
      (key === 'api'
        ? hasFunctions(given, expected.api)
        : key === 'traceIdFromContext'
          ? typeof given === 'boolean'
          : given === false || hasFunctions(given, expected[key]));
    if (!fine)
      fail(
        issues,
        `openTelemetry.${key}`,
        `is not ${key === 'api' ? "the @opentelemetry/api module (import * as api from '@opentelemetry/api')" : key === 'traceIdFromContext' ? 'true or false' : `a ${key} or false`} (got ${describe(given)})`,
      );
  }
  if (issues.length > before || (o.tracerProvider === false && o.meterProvider === false)) return undefined;
  // Only now, and only when not turned off, is the package looked for.
  const api = (o.api as NimOpenTelemetryApi | undefined) ?? load?.();
  if (!api) {
    // Options given in a build that cannot find the API: spans could not be made active, so say so.
    if (value !== undefined)
      fail(issues, 'openTelemetry.api', "is needed in this build or bundle: import * as api from '@opentelemetry/api'");
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
