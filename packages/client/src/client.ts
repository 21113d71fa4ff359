// Imported first on purpose: this module order makes the bundle's min+gzip ~40 B smaller (scripts/bundle-size.mjs).
import { openTransport, type UndiciFactory } from './http/select.js';
import { createEndpointService } from './endpoints/endpoint-service.js';
import type { NimEndpointsSnapshot } from './endpoints/snapshot.js';
import { createRawClient, type NimRawClient } from './pipeline/raw-client.js';
import { createPipeline } from './pipeline/call.js';
import { createExecutor } from './pipeline/executor.js';
import { MetricsRecorder, type NimMetricsSnapshot } from './observability/metrics.js';
import { checkClientOptions } from './config/option-checks.js';
import type { NimClientOptions } from './config/options.js';
import { guardLimiter } from './rate-limit/guard.js';
import type { Telemetry, TelemetryConfig } from './observability/open-telemetry.js';
import type { OpenTelemetryCheck } from './config/open-telemetry-option.js';
import { createConversationGroups, type ConversationGroupsResource } from './resources/conversation-groups.js';
import { createConversations, type ConversationsResource } from './resources/conversations.js';

/** The OpenTelemetry of a build: only the Node build has one (it keeps ~1 kB min+gzip out of the fetch build). */
export interface OpenTelemetrySupport {
  readonly check: OpenTelemetryCheck;
  readonly create: (config: TelemetryConfig) => Telemetry;
}

/**
 * A client made by {@link createNimClient}.
 * @example
 * ```ts
 * const nim: NimClient = createNimClient({ appKey, appSecret });
 * const { data } = await nim.raw.GET('/im/v2/conversation_groups', { params: { query: { account_id: 'alice' } } });
 * ```
 */
export interface NimClient {
  /** The conversation-group methods. */
  readonly conversationGroups: ConversationGroupsResource;
  /** The conversation methods (generated from the spec's operation table). */
  readonly conversations: ConversationsResource;
  /**
   * The underlying openapi-fetch client: typed `GET`/`POST`/`PATCH`/`DELETE` on the spec's paths, signed, with
   * int64 ids as exact strings; returns `{ data, error, response }` untouched (no envelope unwrapping, no retries)
   * and always goes to the first host.
   */
  readonly raw: NimRawClient;
  /** Per-operation and per-host counts, retries and latency percentiles; `.toPrometheus()` renders them. */
  metrics(): NimMetricsSnapshot;
  /**
   * The endpoints calls go to: the set, where it came from (static, or discovered at …), and each endpoint's score.
   * @example
   * ```ts
   * console.table(nim.endpoints().endpoints);
   * ```
   */
  endpoints(): NimEndpointsSnapshot;
  /**
   * Stops the background work of endpoint discovery (its timers and requests under way). Calls keep working with
   * the endpoints as they are. Optional: every timer is `unref()`ed, so a process exits without it too.
   * @example
   * ```ts
   * process.once('SIGTERM', () => void nim.close());
   * ```
   */
  close(): Promise<void>;
}

/**
 * Creates a client for the Yunxin IM server API v2. Every request is signed (AppKey, Nonce, CurTime, CheckSum),
 * the `{code,msg,data}` envelope is unwrapped, errors are typed, transient failures are retried. Every option is
 * checked first: a bad one throws {@link NimValidationError} listing each problem (credentials are never quoted).
 *
 * @example
 * ```ts
 * import { createNimClient } from '@nim-api/client';
 *
 * const nim = createNimClient({
 *   appKey: process.env.NIM_APP_KEY!,
 *   appSecret: process.env.NIM_APP_SECRET!,
 * });
 * const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'alice' });
 * ```
 */
export function createNimClient(options: NimClientOptions): NimClient {
  return buildNimClient(options, undefined);
}

/**
 * {@link createNimClient} of a build: the Node build passes its undici transport and its OpenTelemetry, the fetch
 * build neither.
 */
export function buildNimClient(
  options: NimClientOptions,
  undici: UndiciFactory | undefined,
  openTelemetry?: OpenTelemetrySupport,
): NimClient {
  const checked = checkClientOptions(options, undici !== undefined, openTelemetry?.check);
  const { appKey, appSecret } = checked;
  // One send function for calls, discovery and probes: whichever transport answers the calls answers those too.
  const { send } = openTransport(checked.transport, { ...checked, transport: checked.transportOption }, undici);
  const endpoints = createEndpointService({
    staticUrls: checked.hosts,
    discovery: checked.discovery,
    cooldownMs: checked.hostCooldownMs,
    appKey,
    send,
    logger: checked.logger,
    timeoutMs: checked.timeoutMs,
  });
  const raw = createRawClient({ baseUrl: checked.hosts[0]!, appKey, appSecret, send });
  const metrics = new MetricsRecorder();
  const pipeline = createPipeline({
    hosts: endpoints,
    timeoutMs: checked.timeoutMs,
    maxRetries: checked.maxRetries,
    retryUnsafe: checked.retryUnsafe,
    retryDelayMs: checked.retryDelayMs,
    rateLimiter: checked.rateLimit && guardLimiter(checked.rateLimit, checked.logger, [appSecret]),
    logger: checked.logger,
    hooks: checked.hooks,
    metrics,
    secrets: [appSecret],
    newAbortable: send.newAbortable,
    telemetry: checked.telemetry && openTelemetry?.create(checked.telemetry),
  });
  const execute = createExecutor(raw, pipeline);
  return {
    conversationGroups: createConversationGroups(execute),
    conversations: createConversations(execute),
    raw,
    metrics: () => metrics.snapshot(),
    endpoints: () => endpoints.snapshot(),
    close: async () => endpoints.close(),
  };
}
