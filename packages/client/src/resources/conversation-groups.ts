import {
  constraints,
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
import { attachPartialProgress, NimError, NimResponseError, type NimValidationIssue } from '../errors.js';
import type { GroupIdInput } from '../int64.js';
import type { NimRawClient } from '../internal/raw-client.js';
import { rememberTraceId } from '../internal/trace-ids.js';
import type { SendAttempt, Transport } from '../internal/transport.js';
import type { NimRequestOptions } from '../options.js';
import { createTraceId } from '../signing.js';
import {
  checkAccountId,
  checkConversationIds,
  checkGroupId,
  checkGroupIds,
  checkObject,
  checkPageLimit,
  checkString,
  throwIfIssues,
} from '../validation.js';

type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

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
export type AccountQuery = QueryOf<'getConversationGroup'>;
/**
 * Input of `batchGet`; group ids as strings, bigints or safe-integer numbers.
 * @example
 * ```ts
 * const input: BatchGetInput = { account_id: 'alice', group_ids: ['1001', 9007199254740993n] };
 * ```
 */
export type BatchGetInput = Omit<QueryOf<'batchGetConversationGroups'>, 'group_ids'> & {
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
export type ListConversationsInput = QueryOf<'listGroupConversations'>;
/**
 * Input of `iterateConversations` (all pages).
 * @example
 * ```ts
 * const query: IterateConversationsInput = { account_id: 'alice', limit: 100 };
 * ```
 */
export type IterateConversationsInput = Omit<ListConversationsInput, 'page_token'>;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Issues = NimValidationIssue[];
type UntypedRequest = (method: Method, path: string, init: object) => ReturnType<SendAttempt>;

const groupsPath = '/im/v2/conversation_groups';
const groupPath = `${groupsPath}/{group_id}`;
const maxIdsPerCall = constraints.maxConversationIdsPerCall;

function asChange(data: unknown): ConversationGroupChange {
  const { success_list = [], failed_list = [], ...rest } = data as ConversationGroupMutation;
  return { ...rest, success_list, failed_list };
}

function asBatchGetResult(data: unknown): BatchGetResult {
  const { success_list = [], failed_list = [], fail_list = [] } = data as {
    success_list?: ConversationGroup[];
    failed_list?: FailedGroup[];
    fail_list?: FailedGroup[];
  };
  return {
    success_list,
    failed_list: [...failed_list, ...fail_list].map(({ group_id, error_code, code, error_msg, msg }) => ({
      group_id,
      error_code: error_code ?? code ?? 0,
      error_msg: error_msg ?? msg ?? '',
    })),
  };
}

/** Checks the group id and the `account_id` every call carries; returns the normalised group id. */
function checkGroupAndAccount(issues: Issues, groupId: unknown, input: unknown, path: string): [string, Record<string, unknown>] {
  const group_id = groupId === undefined ? '' : checkGroupId(issues, groupId);
  const fields = checkObject(issues, input, path);
  checkAccountId(issues, fields.account_id);
  return [group_id, fields];
}

/**
 * The conversation-group methods (`nim.conversationGroups`). Field names are the wire's snake_case; group ids come
 * back as exact decimal strings. Every method validates its input first (NimValidationError, nothing sent) and takes
 * a last optional {@link NimRequestOptions}.
 */
export function createConversationGroups(raw: NimRawClient, transport: Transport) {
  const request = raw.request as unknown as UntypedRequest;

  /** Throws the issues found, or makes one call (the retry loop around openapi-fetch) and returns its data. */
  async function call(
    operationId: OperationId,
    method: Method,
    path: string,
    issues: Issues,
    params: object,
    body: unknown,
    options: NimRequestOptions | undefined,
  ) {
    throwIfIssues(issues, operationId);
    // POST creates: it is the one operation that must never run twice.
    const operation = { id: operationId, method, unsafe: method === 'POST' };
    return transport.execute(operation, (init) => request(method, path, { params, body, ...init }), options);
  }

  async function changeConversations(
    type: 1 | 2,
    groupId: GroupIdInput,
    input: ConversationsInput,
    options: NimRequestOptions = {},
  ): Promise<ConversationGroupChange> {
    const issues: Issues = [];
    const [group_id, fields] = checkGroupAndAccount(issues, groupId, input, 'input');
    const ids = checkConversationIds(issues, fields.conversation_ids, fields.account_id, true);
    throwIfIssues(issues, 'updateConversationGroup');

    // One logical call, one trace id, however many chunks.
    const callOptions = { ...options, traceId: options.traceId ?? createTraceId() };
    const merged: ConversationGroupChange = { conversation_group: undefined!, success_list: [], failed_list: [] };
    for (let start = 0; start < ids.length; start += maxIdsPerCall) {
      const conversation_ids = ids.slice(start, start + maxIdsPerCall);
      try {
        const { data } = await call('updateConversationGroup', 'PATCH', groupPath, issues, { path: { group_id } },
          { account_id: input.account_id, conversations: { type, conversation_ids } }, callOptions);
        const change = asChange(data);
        merged.conversation_group = change.conversation_group;
        merged.success_list.push(...change.success_list);
        merged.failed_list.push(...change.failed_list);
      } catch (error) {
        if (ids.length > maxIdsPerCall && error instanceof NimError) {
          attachPartialProgress(error, { applied: [...merged.success_list], failed: [...merged.failed_list], notApplied: ids.slice(start) });
        }
        throw error;
      }
    }
    return rememberTraceId(merged, callOptions.traceId);
  }

  /** get, delete and list: a group id (or none) and the account in the query. */
  async function accountCall(operationId: OperationId, method: Method, path: string, groupId: unknown, query: AccountQuery, options?: NimRequestOptions) {
    const issues: Issues = [];
    const [group_id] = checkGroupAndAccount(issues, groupId, query, 'query');
    const params = { ...(group_id && { path: { group_id } }), query: { account_id: query?.account_id } };
    const { data, traceId } = await call(operationId, method, path, issues, params, undefined, options);
    return rememberTraceId(data as object, traceId);
  }

  const resource = {
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
    async create(input: CreateConversationGroupRequest, options?: NimRequestOptions): Promise<ConversationGroupChange> {
      const issues: Issues = [];
      const [, fields] = checkGroupAndAccount(issues, undefined, input, 'input');
      checkString(issues, fields.name, 'name', true, true);
      checkString(issues, fields.server_extension, 'server_extension', false, false);
      checkConversationIds(issues, fields.conversation_ids, fields.account_id, false, maxIdsPerCall);
      const { data, traceId } = await call('createConversationGroup', 'POST', groupsPath, issues, {}, input, options);
      return rememberTraceId(asChange(data), traceId);
    },

    /**
     * Renames a group or changes its extension. At least one of `name` and `server_extension` is required.
     *
     * @example
     * ```ts
     * await nim.conversationGroups.update('1001', { account_id: 'alice', name: 'Work (2026)' });
     * ```
     */
    async update(groupId: GroupIdInput, input: UpdateConversationGroupInput, options?: NimRequestOptions): Promise<ConversationGroupChange> {
      const issues: Issues = [];
      const [group_id, fields] = checkGroupAndAccount(issues, groupId, input, 'input');
      const { account_id, name, server_extension } = fields;
      checkString(issues, name, 'name', false, true);
      checkString(issues, server_extension, 'server_extension', false, false);
      if (name === undefined && server_extension === undefined) {
        issues.push({ path: 'input', message: 'nothing to update: give name and/or server_extension' });
      }
      const body = { account_id, name, server_extension };
      const { data, traceId } = await call('updateConversationGroup', 'PATCH', groupPath, issues, { path: { group_id } }, body, options);
      return rememberTraceId(asChange(data), traceId);
    },

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
    addConversations(groupId: GroupIdInput, input: ConversationsInput, options?: NimRequestOptions): Promise<ConversationGroupChange> {
      return changeConversations(1, groupId, input, options);
    },

    /**
     * Removes conversations from a group; chunked like {@link addConversations}.
     *
     * @example
     * ```ts
     * await nim.conversationGroups.removeConversations('1001', { account_id: 'alice', conversation_ids: ['alice|1|bob'] });
     * ```
     */
    removeConversations(groupId: GroupIdInput, input: ConversationsInput, options?: NimRequestOptions): Promise<ConversationGroupChange> {
      return changeConversations(2, groupId, input, options);
    },

    /**
     * Deletes a group (its conversations are kept).
     *
     * @example
     * ```ts
     * await nim.conversationGroups.delete('1001', { account_id: 'alice' });
     * ```
     */
    delete(groupId: GroupIdInput, query: AccountQuery, options?: NimRequestOptions): Promise<EmptyObject> {
      return accountCall('deleteConversationGroup', 'DELETE', groupPath, groupId, query, options) as Promise<EmptyObject>;
    },

    /**
     * Reads one group.
     *
     * @example
     * ```ts
     * const group = await nim.conversationGroups.get('9007199254740993', { account_id: 'alice' });
     * group.group_id; // '9007199254740993', exact
     * ```
     */
    get(groupId: GroupIdInput, query: AccountQuery, options?: NimRequestOptions): Promise<ConversationGroup> {
      return accountCall('getConversationGroup', 'GET', groupPath, groupId, query, options) as Promise<ConversationGroup>;
    },

    /**
     * Reads several groups; ids that could not be read are listed in `failed_list`, one by one.
     *
     * @example
     * ```ts
     * const { success_list, failed_list } = await nim.conversationGroups.batchGet({ account_id: 'alice', group_ids: ['1001', 1002n] });
     * ```
     */
    async batchGet(input: BatchGetInput, options?: NimRequestOptions): Promise<BatchGetResult> {
      const issues: Issues = [];
      const [, fields] = checkGroupAndAccount(issues, undefined, input, 'input');
      const query = { account_id: fields.account_id, group_ids: checkGroupIds(issues, fields.group_ids) };
      const { data, traceId } = await call('batchGetConversationGroups', 'GET', `${groupsPath}/actions/group_ids`, issues, { query }, undefined, options);
      return rememberTraceId(asBatchGetResult(data), traceId);
    },

    /**
     * Lists every group of an account (not paginated).
     *
     * @example
     * ```ts
     * const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'alice' });
     * ```
     */
    async list(query: AccountQuery, options?: NimRequestOptions): Promise<ConversationGroupList> {
      const list = (await accountCall('listConversationGroups', 'GET', groupsPath, undefined, query, options)) as Partial<ConversationGroupList>;
      list.conversation_groups ??= [];
      return list as ConversationGroupList;
    },

    /**
     * Reads one page of a group's conversations. Pass `next_token` as `page_token` for the next page while
     * `has_more` is true — or let {@link iterateConversations} do it.
     *
     * @example
     * ```ts
     * const page = await nim.conversationGroups.listConversations('1001', { account_id: 'alice', limit: 50 });
     * ```
     */
    async listConversations(groupId: GroupIdInput, query: ListConversationsInput, options?: NimRequestOptions): Promise<GroupConversationPage> {
      const issues: Issues = [];
      const [group_id, fields] = checkGroupAndAccount(issues, groupId, query, 'query');
      const { account_id, limit, page_token } = fields;
      checkPageLimit(issues, limit);
      checkString(issues, page_token, 'page_token', false, false);
      const params = { path: { group_id }, query: { account_id, limit, page_token } };
      const { data, traceId } = await call('listGroupConversations', 'GET', `${groupPath}/conversations`, issues, params, undefined, options);
      const page = data as Partial<GroupConversationPage>;
      return rememberTraceId({ ...page, has_more: page.has_more === true, items: page.items ?? [] }, traceId);
    },

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
    async *iterateConversations(
      groupId: GroupIdInput,
      query: IterateConversationsInput,
      options?: NimRequestOptions,
    ): AsyncGenerator<GroupConversation, void, undefined> {
      let pageToken: string | undefined;
      const seen = new Set<string>();
      // One iteration is one logical call: every page carries the same trace id.
      const pageOptions = { ...options, traceId: options?.traceId ?? createTraceId() };
      for (;;) {
        const page = await resource.listConversations(groupId, { ...query, page_token: pageToken }, pageOptions);
        yield* page.items;
        if (!page.has_more) return;
        if (!page.next_token || seen.has(page.next_token)) {
          throw new NimResponseError(`has_more is true but next_token ${JSON.stringify(page.next_token ?? null)} is not new`, '', {
            operationId: 'listGroupConversations',
          });
        }
        seen.add(page.next_token);
        pageToken = page.next_token;
      }
    },
  };
  return resource;
}

/**
 * `nim.conversationGroups`: the methods of the conversation-groups resource.
 * @example
 * ```ts
 * const groups: ConversationGroupsResource = nim.conversationGroups;
 * ```
 */
export type ConversationGroupsResource = ReturnType<typeof createConversationGroups>;
export type { FailedConversation };
