/**
 * Types of the NetEase Yunxin IM server API v2, conversation groups, generated from
 * `openapi/conversation-groups.yaml`.
 *
 * @example
 * ```ts
 * import type { ConversationGroup, paths } from '@nim-api/types';
 *
 * type GetQuery = paths['/im/v2/conversation_groups/{group_id}']['get']['parameters']['query'];
 * const show = (g: ConversationGroup) => `${g.group_id}: ${g.name}`;
 * ```
 *
 * @packageDocumentation
 */
import type { constraints } from './generated/constraints.js';
import type { components, operations } from './generated/openapi.js';

export type { components, operations, paths, webhooks, $defs } from './generated/openapi.js';

type Schemas = components['schemas'];

/** Every operationId of the spec. */
export type OperationId = keyof operations;

/** A conversation group (会话分组). */
export type ConversationGroup = Schemas['ConversationGroup'];
/** A 64-bit group id, carried as an exact decimal string (values above 2^53 stay exact). */
export type GroupId = Schemas['GroupId'];
/** An IM account id (accid). */
export type AccountId = Schemas['AccountId'];
/**
 * A conversation id, `owner|type|target` with type 1 (one-to-one), 2 (team) or 3 (super team): a template-literal
 * type, so a bare account id such as `'bob'` does not compile where a conversation id is expected.
 *
 * @example
 * ```ts
 * const id: ConversationId = 'alice|1|bob';
 * // @ts-expect-error -- not owner|type|target
 * const wrong: ConversationId = 'bob';
 * ```
 */
export type ConversationId = Schemas['ConversationId'];
/** A conversation that could not be added or removed, with its error. */
export type FailedConversation = Schemas['FailedConversation'];
/** A group id that could not be read, with its error. */
export type FailedGroup = Schemas['FailedGroup'];
/** One conversation of a group page. */
export type GroupConversation = Schemas['GroupConversation'];
/** Body of `createConversationGroup`. */
export type CreateConversationGroupRequest = Schemas['CreateConversationGroupRequest'];
/** Body of `updateConversationGroup`. */
export type UpdateConversationGroupRequest = Schemas['UpdateConversationGroupRequest'];
/** Result of create and update: the group and the per-conversation outcome. */
export type ConversationGroupMutation = Schemas['ConversationGroupMutation'];
/** Result of create (alias of {@link ConversationGroupMutation}). */
export type CreateConversationGroupResult = ConversationGroupMutation;
/** Result of update (alias of {@link ConversationGroupMutation}). */
export type UpdateConversationGroupResult = ConversationGroupMutation;
/** Result of `batchGetConversationGroups`. */
export type BatchGetConversationGroupsResult = Schemas['BatchGetConversationGroupsResult'];
/** Result of `listConversationGroups`. */
export type ConversationGroupList = Schemas['ConversationGroupList'];
/** One page of `listGroupConversations`. */
export type GroupConversationPage = Schemas['GroupConversationPage'];
/** A conversation (会话) with the groups that hold it (`group_ids`, exact decimal strings). */
export type Conversation = Schemas['Conversation'];
/** A conversation's type: 1 one-to-one, 2 advanced team, 3 super team. */
export type ConversationType = Schemas['ConversationType'];
/** Body of `createConversation`. */
export type CreateConversationRequest = Schemas['CreateConversationRequest'];
/** Body of `updateConversation`. */
export type UpdateConversationRequest = Schemas['UpdateConversationRequest'];
/** Body of `batchGetConversations`. */
export type BatchGetConversationsRequest = Schemas['BatchGetConversationsRequest'];
/** Body of `stickTopConversation`. */
export type StickTopConversationRequest = Schemas['StickTopConversationRequest'];
/** Result of `batchGetConversations`. */
export type BatchGetConversationsResult = Schemas['BatchGetConversationsResult'];
/** Result of `batchDeleteConversations`. */
export type BatchDeleteConversationsResult = Schemas['BatchDeleteConversationsResult'];
/** One page of `listConversations`. */
export type ConversationPage = Schemas['ConversationPage'];
/** The empty `data` of an error envelope. */
export type EmptyObject = Schemas['EmptyObject'];

export { constraints } from './generated/constraints.js';

/**
 * The business error codes the spec documents — in its error examples and its guide's error list
 * (`constraints.errorCodes`), e.g. 414, 416, 116404.
 * The server may send others: where a code is read, type it `KnownErrorCode | (number & {})`.
 *
 * @example
 * ```ts
 * const notFound: KnownErrorCode = 116404;
 * ```
 */
export type KnownErrorCode = (typeof constraints.errorCodes)[number];
export { responseShapes, type ResponseShape } from './generated/response-shapes.js';
export {
  errorClasses,
  int64Fields,
  operationIds,
  operationTable,
  type OperationParam,
  type OperationSpec,
  type ParamCheck,
} from './generated/operations.js';
