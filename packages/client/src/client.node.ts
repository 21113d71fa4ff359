import { buildNimClient, type NimClient } from './client.js';
import type { NimClientOptions } from './config/options.js';
import { createUndiciSend } from './http/undici.js';
import { loadOpenTelemetryApi } from './observability/open-telemetry-node.js';
import { createTelemetry } from './observability/open-telemetry.js';
import { checkOpenTelemetry } from './config/open-telemetry-option.js';

// OpenTelemetry is part of the Node build only (what the `node` export condition resolves to), like undici.
const openTelemetry = {
  check: (issues: Parameters<typeof checkOpenTelemetry>[0], value: unknown, secrets: readonly string[]) =>
    checkOpenTelemetry(issues, value, loadOpenTelemetryApi, secrets),
  create: createTelemetry,
};

/**
 * Creates a client for the Yunxin IM server API v2 (the Node build: sends with undici unless `fetch` or
 * `transport: 'fetch'` is given). Every request is signed, the `{code,msg,data}` envelope is unwrapped, errors
 * are typed, transient failures are retried.
 *
 * @example
 * ```ts
 * import { createNimClient } from '@nim-api/client';
 *
 * const nim = createNimClient({ appKey: process.env.NIM_APP_KEY!, appSecret: process.env.NIM_APP_SECRET! });
 * const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'alice' });
 * ```
 */
export function createNimClient(options: NimClientOptions): NimClient {
  return buildNimClient(options, createUndiciSend, openTelemetry);
}
