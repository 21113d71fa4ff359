import { HostPool } from './hosts.js';
import { createRawClient, type NimRawClient } from './internal/raw-client.js';
import { createTransport } from './internal/transport.js';
import { MetricsRecorder, type NimMetricsSnapshot } from './metrics.js';
import { checkClientOptions } from './option-checks.js';
import type { NimClientOptions } from './options.js';
import { guardLimiter } from './rate-limit/option.js';
import { createConversationGroups, type ConversationGroupsResource } from './resources/conversation-groups.js';

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
  /**
   * The underlying openapi-fetch client: typed `GET`/`POST`/`PATCH`/`DELETE` on the spec's paths, signed, with
   * int64 ids as exact strings; returns `{ data, error, response }` untouched (no envelope unwrapping, no retries)
   * and always goes to the first host.
   */
  readonly raw: NimRawClient;
  /** Per-operation and per-host counts, retries and latency percentiles; `.toPrometheus()` renders them. */
  metrics(): NimMetricsSnapshot;
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
  const checked = checkClientOptions(options);
  const { appKey, appSecret } = checked;
  const hosts = new HostPool(checked.hosts, checked.hostCooldownMs);
  const raw = createRawClient({ baseUrl: hosts.hosts[0]!, appKey, appSecret, fetch: checked.fetch });
  const metrics = new MetricsRecorder();
  const transport = createTransport({
    hosts,
    timeoutMs: checked.timeoutMs,
    maxRetries: checked.maxRetries,
    retryUnsafe: checked.retryUnsafe,
    retryDelayMs: checked.retryDelayMs,
    rateLimiter: checked.rateLimit && guardLimiter(checked.rateLimit, checked.logger, [appSecret]),
    logger: checked.logger,
    hooks: checked.hooks,
    metrics,
    secrets: [appSecret],
  });
  return {
    conversationGroups: createConversationGroups(raw, transport),
    raw,
    metrics: () => metrics.snapshot(),
  };
}
