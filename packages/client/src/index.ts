/**
 * `@nim-api/client` — a typed, signed, resilient client for the NetEase Yunxin IM server API v2.
 *
 * @example
 * ```ts
 * import { createNimClient, conversationId } from '@nim-api/client';
 *
 * const nim = createNimClient({ appKey: process.env.NIM_APP_KEY!, appSecret: process.env.NIM_APP_SECRET! });
 * await nim.conversationGroups.create({
 *   account_id: 'alice',
 *   name: 'Work',
 *   conversation_ids: [conversationId.p2p('alice', 'bob')],
 * });
 * ```
 *
 * @packageDocumentation
 */
export { createNimClient, type NimClient } from './client.js';
export {
  conversationId,
  parseConversationId,
  type ConversationType,
  type ParsedConversationId,
} from './protocol/conversation-id.js';
export {
  isNimError,
  NimAbortError,
  NimApiError,
  NimAuthError,
  NimConnectionError,
  NimError,
  NimHttpError,
  NimLimitExceededError,
  NimNotFoundError,
  NimParamError,
  NimRateLimitError,
  NimResponseError,
  NimTimeoutError,
  NimValidationError,
  type NimApiErrorCode,
  type NimApiErrorDetails,
  type NimErrorContext,
  type NimErrorsByName,
  type NimPartialProgress,
  type NimValidationIssue,
} from './errors/errors.js';
export type { NimDiscoveryOptions } from './config/discovery-options.js';
export type { NimEndpointsSnapshot, NimEndpointState, NimRejectedEndpoint } from './endpoints/snapshot.js';
export type { GroupIdInput } from './protocol/int64.js';
export { traceIdOf } from './observability/trace-ids.js';
export type { NimRawClient } from './pipeline/raw-client.js';
export type { NimRateLimiter, NimRateLimitReport } from './config/rate-limiter.js';
export { createTokenBucketLimiter, type NimTokenBucketOptions } from './rate-limit/token-bucket.js';
export type { NimMetricsEntry, NimMetricsSnapshot } from './observability/metrics.js';
export type {
  NimMeterProvider,
  NimOpenTelemetryApi,
  NimOpenTelemetryOptions,
  NimTracerProvider,
} from './observability/open-telemetry.js';
export type {
  NimAttemptState,
  NimClientOptions,
  NimDispatcher,
  NimHooks,
  NimLogger,
  NimRegion,
  NimRequestOptions,
  NimResultState,
  NimTransport,
} from './config/options.js';
export type {
  AccountQuery,
  BatchGetFailure,
  BatchGetInput,
  BatchGetResult,
  ConversationGroupChange,
  ConversationGroupsResource,
  ConversationsInput,
  IterateConversationsInput,
  ListConversationsInput,
  UpdateConversationGroupInput,
} from './resources/conversation-groups.js';
export type { ConversationsResource } from './resources/conversations.js';
export type {
  GeneratedMethods,
  IteratorInput,
  OperationArgs,
  OperationInput,
  OperationResult,
  OperationsOf,
  PageIterator,
} from './resources/operations.js';
export { checksum } from './protocol/signing.js';
export type {
  BatchDeleteConversationsResult,
  BatchGetConversationsResult,
  Conversation,
  ConversationPage,
  OperationId,
  ConversationGroup,
  ConversationGroupList,
  ConversationId,
  EmptyObject,
  FailedConversation,
  GroupConversation,
  GroupConversationPage,
  GroupId,
} from '@nim-api/types';
