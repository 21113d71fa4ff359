import { createRequire } from 'node:module';
import type { NimOpenTelemetryApi } from './open-telemetry.js';

let api: NimOpenTelemetryApi | null | undefined;

/**
 * The `@opentelemetry/api` the app installed (an optional peer dependency), or `undefined` when it cannot be found.
 * Resolved once per process, synchronously, when the first client that may use it is made: a dynamic `import()`
 * would leave the calls made before it settles untraced, and bundlers would try to bundle it. Every copy of the
 * API shares one global registry (a `Symbol.for` key), so this copy sees the providers the app registered with its
 * own, ESM or CJS. Only the Node build has this; the fetch build takes the module as `openTelemetry.api`.
 */
export function loadOpenTelemetryApi(): NimOpenTelemetryApi | undefined {
  if (api === undefined) {
    try {
      api = createRequire(import.meta.url)('@opentelemetry/api') as NimOpenTelemetryApi;
    } catch {
      api = null;
    }
  }
  return api ?? undefined;
}
