import { constraints } from '@nim-api/types';
import { HostPool } from './hosts.js';
import { createRawClient, type NimRawClient } from './internal/raw-client.js';
import { createTransport } from './internal/transport.js';
import { MetricsRecorder, type NimMetricsSnapshot } from './metrics.js';
import { defaults, type NimClientOptions } from './options.js';
import { limiterFromOption } from './rate-limit/option.js';
import { createConversationGroups, type ConversationGroupsResource } from './resources/conversation-groups.js';
import { retryDelayMs } from './retry-policy.js';

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

function hostsFrom(options: NimClientOptions): string[] {
  const given = options.baseUrl ?? constraints.hosts[options.region ?? 'cn'];
  const list = (typeof given === 'string' ? [given] : [...given]).map((url) => url.replace(/\/+$/, ''));
  if (list.length === 0 || list.some((url) => !/^https?:\/\/[^/]/.test(url))) {
    throw new TypeError('baseUrl must be an http(s) URL or a non-empty list of them');
  }
  return list;
}

/**
 * Creates a client for the Yunxin IM server API v2. Every request is signed (AppKey, Nonce, CurTime, CheckSum),
 * the `{code,msg,data}` envelope is unwrapped, errors are typed, transient failures are retried.
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
  const { appKey, appSecret } = options ?? {};
  if (typeof appKey !== 'string' || appKey === '' || typeof appSecret !== 'string' || appSecret === '') {
    throw new TypeError('createNimClient needs a non-empty appKey and appSecret');
  }
  const hosts = new HostPool(hostsFrom(options), options.hostCooldownMs ?? defaults.hostCooldownMs);
  const raw = createRawClient({ baseUrl: hosts.hosts[0]!, appKey, appSecret, fetch: options.fetch });
  const metrics = new MetricsRecorder();
  const transport = createTransport({
    hosts,
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    maxRetries: options.maxRetries ?? defaults.maxRetries,
    retryUnsafe: options.retryUnsafe ?? defaults.retryUnsafe,
    retryDelayMs: options.retryDelayMs ?? retryDelayMs,
    rateLimiter: limiterFromOption(options.rateLimit, options.logger, [appSecret]),
    logger: options.logger,
    hooks: options.hooks,
    metrics,
    secrets: [appSecret],
  });
  return {
    conversationGroups: createConversationGroups(raw, transport),
    raw,
    metrics: () => metrics.snapshot(),
  };
}
