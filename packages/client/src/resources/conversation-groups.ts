import {
  operationTable,
  type ConversationGroup,
  type ConversationGroupList,
  type ConversationGroupMutation,
  type ConversationId,
  type CreateConversationGroupRequest,
  type EmptyObject,
  type FailedConversation,
  type FailedGroup,
  type GroupConversation,
  type GroupConversationPage,
  type OperationId,
  type operations,
  type UpdateConversationGroupRequest,
} from '@nim-api/types';
import { attachPartialProgress, NimError, type NimValidationIssue } from '../errors/errors.js';
import type { GroupIdInput } from '../protocol/int64.js';
import { rememberTraceId, traceIdOf } from '../observability/trace-ids.js';
import type { Execute } from '../pipeline/executor.js';
import { generatedMethods } from './operations.js';
import { checkRequestOptions } from '../config/option-checks.js';
import type { NimRequestOptions } from '../config/options.js';
import { createTraceId } from '../protocol/signing.js';
import {
  checkAccountId,
  checkConversationIds,
  checkGroupId,
  checkString,
  fail,
  readFields,
  throwIfIssues,
} from '../protocol/validation.js';

/**
 * Result of `create`, `update`, `addConversations` and `removeConversations`; both lists are always present.
 * @example
 * ```ts
 * const { conversation_group, success_list, failed_list }: ConversationGroupChange = await nim.conversationGroups.create(body);
 * ```
 */
export type ConversationGroupChange = ConversationGroupMutation &
  Required<Pick<ConversationGroupMutation, 'success_list' | 'failed_list'>>;
/**
 * Input of `update`: the fields to change (add or remove conversations with the dedicated methods).
 * @example
 * ```ts
 * const change: UpdateConversationGroupInput = { account_id: 'alice', server_extension: '{"pinned":true}' };
 * ```
 */
export type UpdateConversationGroupInput = Omit<UpdateConversationGroupRequest, 'conversations'>;
/**
 * Input of `addConversations` and `removeConversations`; any number of ids (sent in chunks of 100).
 * @example
 * ```ts
 * const input: ConversationsInput = { account_id: 'alice', conversation_ids: ['alice|1|bob'] };
 * ```
 */
export type ConversationsInput = Pick<UpdateConversationGroupRequest, 'account_id'> & {
  conversation_ids: readonly ConversationId[];
};
/**
 * The account a read or delete is made for.
 * @example
 * ```ts
 * const query: AccountQuery = { account_id: 'alice' };
 * ```
 */
export type AccountQuery = NonNullable<operations['getConversationGroup']['parameters']['query']>;
/**
 * Input of `batchGet`; group ids as strings, bigints or safe-integer numbers.
 * @example
 * ```ts
 * const input: BatchGetInput = { account_id: 'alice', group_ids: ['1001', 9007199254740993n] };
 * ```
 */
export type BatchGetInput = Omit<
  NonNullable<operations['batchGetConversationGroups']['parameters']['query']>,
  'group_ids'
> & {
  group_ids: readonly GroupIdInput[];
};
/**
 * A group id that could not be read; the Java-style `code`/`msg` spelling is folded into `error_code`/`error_msg`.
 * @example
 * ```ts
 * for (const { group_id, error_code } of result.failed_list) console.warn(group_id, error_code);
 * ```
 */
export type BatchGetFailure = Pick<FailedGroup, 'group_id'> & Required<Pick<FailedGroup, 'error_code' | 'error_msg'>>;
/**
 * Result of `batchGet`.
 * @example
 * ```ts
 * const { success_list, failed_list }: BatchGetResult = await nim.conversationGroups.batchGet(input);
 * ```
 */
export interface BatchGetResult {
  success_list: ConversationGroup[];
  failed_list: BatchGetFailure[];
}
/**
 * Input of `listConversations` (one page).
 * @example
 * ```ts
 * const query: ListConversationsInput = { account_id: 'alice', limit: 50, page_token: previous.next_token };
 * ```
 */
export type ListConversationsInput = NonNullable<operations['listGroupConversations']['parameters']['query']>;
/**
 * Input of `iterateConversations` (all pages).
 * @example
 * ```ts
 * const query: IterateConversationsInput = { account_id: 'alice', limit: 100 };
 * ```
 */
export type IterateConversationsInput = Omit<ListConversationsInput, 'page_token'>;

/**
 * `nim.conversationGroups`: the methods of the conversation-groups resource. Field names are the wire's snake_case;
 * group ids come back as exact decimal strings. Every method validates its input first (NimValidationError, nothing
 * sent), sends only fresh copies of the fields it checked, checks what comes back against the spec, and takes a last
 * optional {@link NimRequestOptions}.
 * @example
 * ```ts
 * const groups: ConversationGroupsResource = nim.conversationGroups;
 * ```
 */
export interface ConversationGroupsResource {
  /**
   * Creates a group, optionally with up to 100 conversations. Conversations the server refused are in
   * `failed_list`. Not idempotent: after a timeout or a 5xx it is not retried (unless `retryUnsafe`).
   *
   * @example
   * ```ts
   * const { conversation_group, failed_list } = await nim.conversationGroups.create({
   *   account_id: 'alice',
   *   name: 'Work',
   *   conversation_ids: [conversationId.p2p('alice', 'bob'), conversationId.team('alice', 6001)],
   * });
   * ```
   */
  create(input: CreateConversationGroupRequest, options?: NimRequestOptions): Promise<ConversationGroupChange>;

  /**
   * Renames a group or changes its extension. At least one of `name` and `server_extension` is required.
   *
   * @example
   * ```ts
   * await nim.conversationGroups.update('1001', { account_id: 'alice', name: 'Work (2026)' });
   * ```
   */
  update(
    groupId: GroupIdInput,
    input: UpdateConversationGroupInput,
    options?: NimRequestOptions,
  ): Promise<ConversationGroupChange>;

  /**
   * Adds conversations to a group. More than 100 ids are sent in chunks of 100, in order, and the lists merged;
   * if a chunk fails outright the error's `partial` says which ids were applied and which were not.
   *
   * @example
   * ```ts
   * const { failed_list } = await nim.conversationGroups.addConversations('1001', {
   *   account_id: 'alice',
   *   conversation_ids: ['alice|1|bob', 'alice|2|6001'],
   * });
   * ```
   */
  addConversations(
    groupId: GroupIdInput,
    input: ConversationsInput,
    options?: NimRequestOptions,
  ): Promise<ConversationGroupChange>;

  /**
   * Removes conversations from a group; chunked like {@link ConversationGroupsResource.addConversations}.
   *
   * @example
   * ```ts
   * await nim.conversationGroups.removeConversations('1001', { account_id: 'alice', conversation_ids: ['alice|1|bob'] });
   * ```
   */
  removeConversations(
    groupId: GroupIdInput,
    input: ConversationsInput,
    options?: NimRequestOptions,
  ): Promise<ConversationGroupChange>;

  /**
   * Deletes a group (its conversations are kept).
   *
   * @example
   * ```ts
   * await nim.conversationGroups.delete('1001', { account_id: 'alice' });
   * ```
   */
  delete(groupId: GroupIdInput, query: AccountQuery, options?: NimRequestOptions): Promise<EmptyObject>;

  /**
   * Reads one group.
   *
   * @example
   * ```ts
   * const group = await nim.conversationGroups.get('9007199254740993', { account_id: 'alice' });
   * group.group_id; // '9007199254740993', exact
   * ```
   */
  get(groupId: GroupIdInput, query: AccountQuery, options?: NimRequestOptions): Promise<ConversationGroup>;

  /**
   * Reads several groups; ids that could not be read are listed in `failed_list`, one by one.
   *
   * @example
   * ```ts
   * const { success_list, failed_list } = await nim.conversationGroups.batchGet({ account_id: 'alice', group_ids: ['1001', 1002n] });
   * ```
   */
  batchGet(input: BatchGetInput, options?: NimRequestOptions): Promise<BatchGetResult>;

  /**
   * Lists every group of an account (not paginated).
   *
   * @example
   * ```ts
   * const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'alice' });
   * ```
   */
  list(query: AccountQuery, options?: NimRequestOptions): Promise<ConversationGroupList>;

  /**
   * Reads one page of a group's conversations. Pass `next_token` as `page_token` for the next page while
   * `has_more` is true — or let {@link ConversationGroupsResource.iterateConversations} do it.
   *
   * @example
   * ```ts
   * const page = await nim.conversationGroups.listConversations('1001', { account_id: 'alice', limit: 50 });
   * ```
   */
  listConversations(
    groupId: GroupIdInput,
    query: ListConversationsInput,
    options?: NimRequestOptions,
  ): Promise<GroupConversationPage>;

  /**
   * Every conversation of a group, page after page, all pages under one trace id. Stops when `has_more` is
   * false; a page that claims more but gives no new `next_token` raises NimResponseError instead of looping forever.
   *
   * @example
   * ```ts
   * for await (const conversation of nim.conversationGroups.iterateConversations('1001', { account_id: 'alice' })) {
   *   console.log(conversation.conversation_id);
   * }
   * ```
   */
  iterateConversations(
    groupId: GroupIdInput,
    query: IterateConversationsInput,
    options?: NimRequestOptions,
  ): AsyncGenerator<GroupConversation, void, undefined>;
}

type Issues = NimValidationIssue[];

// The chunk size of addConversations/removeConversations: the spec's x-nim-chunk on updateConversationGroup.
const maxIdsPerCall = operationTable.updateConversationGroup.chunk.size;

function asBatchGetResult(data: unknown): BatchGetResult {
  const { success_list, failed_list, fail_list } = data as {
    success_list: ConversationGroup[];
    failed_list: FailedGroup[];
    fail_list: FailedGroup[];
  };
  const failures: BatchGetFailure[] = [];
  // Both spellings are folded into one list; a loop, not a spread into arguments, whatever the list's size.
  for (const list of [failed_list, fail_list]) {
    for (const { group_id, error_code, code, error_msg, msg } of list) {
      failures.push({ group_id, error_code: error_code ?? code ?? 0, error_msg: error_msg ?? msg ?? '' });
    }
  }
  return { success_list, failed_list: failures };
}

/**
 * Runs `check` on a fresh list of issues and throws them as one NimValidationError; a hostile value that makes
 * a check itself throw (a revoked Proxy, say) becomes an issue too, never a TypeError.
 */
function validate<T>(operationId: OperationId, check: (issues: Issues) => T): T {
  const issues: Issues = [];
  let checked: T | undefined;
  try {
    checked = check(issues);
  } catch {
    fail(issues, 'input', 'could not be read (a getter or Proxy threw)');
  }
  throwIfIssues(issues, operationId);
  return checked!;
}

/** The group id a method is called with: required, normalised to its exact decimal string. */
const requiredGroupId = (issues: Issues, groupId: unknown) => checkGroupId(issues, groupId, 'groupId');

/**
 * The conversation-group methods (`nim.conversationGroups`). Field names are the wire's snake_case; group ids come
 * back as exact decimal strings. Every method validates its input first (NimValidationError, nothing sent), sends
 * only fresh copies of the fields it checked, checks what comes back against the spec, and takes a last optional
 * {@link NimRequestOptions}.
 */
export function createConversationGroups(call: Execute): ConversationGroupsResource {
  async function changeConversations(
    type: 1 | 2,
    groupId: unknown,
    input: unknown,
    options: unknown,
  ): Promise<ConversationGroupChange> {
    const checked = validate('updateConversationGroup', (issues) => {
      const group_id = requiredGroupId(issues, groupId);
      const fields = readFields(issues, input, 'input', ['account_id', 'conversation_ids'] as const);
      checkAccountId(issues, fields.account_id);
      const ids = checkConversationIds(issues, fields.conversation_ids, fields.account_id, true);
      return { group_id, account_id: fields.account_id as string, ids, options: checkRequestOptions(issues, options) };
    });
    const { group_id, account_id, ids } = checked;
    // One logical call, one trace id, however many chunks.
    const callOptions = { ...checked.options, traceId: checked.options.traceId ?? createTraceId() };
    const merged: ConversationGroupChange = { conversation_group: undefined!, success_list: [], failed_list: [] };
    for (let start = 0; start < ids.length; start += maxIdsPerCall) {
      const conversation_ids = ids.slice(start, start + maxIdsPerCall);
      try {
        const { data } = await call(
          'updateConversationGroup',
          { params: { path: { group_id } }, body: { account_id, conversations: { type, conversation_ids } } },
          callOptions,
        );
        const change = data as ConversationGroupChange;
        merged.conversation_group = change.conversation_group;
        for (const id of change.success_list) merged.success_list.push(id);
        for (const failure of change.failed_list) merged.failed_list.push(failure);
      } catch (error) {
        if (ids.length > maxIdsPerCall && error instanceof NimError) {
          attachPartialProgress(error, {
            applied: [...merged.success_list],
            failed: [...merged.failed_list],
            notApplied: ids.slice(start),
          });
        }
        throw error;
      }
    }
    return rememberTraceId(merged, callOptions.traceId);
  }

  // The plain operations come from the generated layer (the operation table); update and its chunked helpers
  // (x-nim-chunk) and the folding of batchGet's two failure spellings are written here.
  const generated = generatedMethods(call, 'conversationGroups') as unknown as Omit<
    ConversationGroupsResource,
    'batchGet'
  > & {
    batchGet(input: BatchGetInput, options?: NimRequestOptions): Promise<object>;
  };
  const resource: ConversationGroupsResource = {
    create: generated.create,
    delete: generated.delete,
    get: generated.get,
    list: generated.list,
    listConversations: generated.listConversations,
    iterateConversations: generated.iterateConversations,

    async batchGet(input: BatchGetInput, options?: NimRequestOptions): Promise<BatchGetResult> {
      const data = await generated.batchGet(input, options);
      return rememberTraceId(asBatchGetResult(data), traceIdOf(data)!);
    },

    async update(
      groupId: GroupIdInput,
      input: UpdateConversationGroupInput,
      options?: NimRequestOptions,
    ): Promise<ConversationGroupChange> {
      const { group_id, body, checkedOptions } = validate('updateConversationGroup', (issues) => {
        const group_id = requiredGroupId(issues, groupId);
        const fields = readFields(issues, input, 'input', ['account_id', 'name', 'server_extension'] as const);
        const { account_id, name, server_extension } = fields;
        checkAccountId(issues, account_id);
        checkString(issues, name, 'name', false, true);
        checkString(issues, server_extension, 'server_extension', false, false);
        if (name === undefined && server_extension === undefined && typeof input === 'object' && input !== null) {
          fail(issues, 'input', 'nothing to update: give name and/or server_extension');
        }
        return {
          group_id,
          body: { account_id, name, server_extension },
          checkedOptions: checkRequestOptions(issues, options),
        };
      });
      const { data, traceId } = await call(
        'updateConversationGroup',
        { params: { path: { group_id } }, body: body as UpdateConversationGroupRequest },
        checkedOptions,
      );
      return rememberTraceId(data as ConversationGroupChange, traceId);
    },

    addConversations(
      groupId: GroupIdInput,
      input: ConversationsInput,
      options?: NimRequestOptions,
    ): Promise<ConversationGroupChange> {
      return changeConversations(1, groupId, input, options);
    },

    removeConversations(
      groupId: GroupIdInput,
      input: ConversationsInput,
      options?: NimRequestOptions,
    ): Promise<ConversationGroupChange> {
      return changeConversations(2, groupId, input, options);
    },
  };
  return resource;
}

export type { FailedConversation };
