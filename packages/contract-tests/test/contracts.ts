// The contract table: for every operationId of the spec, the public client methods that call it and one typed
// `nim.raw` call. `operations.test.ts` checks that its keys are exactly the spec's operationIds, so an operation
// added to the spec without an entry here fails the suite.
import type { NimAttemptState, NimClient, NimRequestOptions } from '@nim-api/client';
import { collect } from './harness.js';

/** The spec's operationIds, as the client's generated types know them. */
export type OperationId = NimAttemptState['operationId'];

export const account = 'alice';
/** The spec's example group id (2^53 − 1: the largest Prism's int64 check accepts). */
export const groupId = '9007199254740991';
export const conversations = ['alice|1|bob', 'alice|2|6001', 'alice|3|7001'] as const;

type ClientMethod = keyof NimClient['conversationGroups'] | `conversations.${keyof NimClient['conversations']}`;

export interface MethodCase {
  /** `nim.conversationGroups[method]`, or `conversations.<method>` for `nim.conversations`. */
  readonly method: ClientMethod;
  readonly run: (nim: NimClient, options: NimRequestOptions) => Promise<unknown>;
  /**
   * The typed result when the mock answers with the spec's examples; `examples` holds each named example's
   * `data`, group ids as decimal strings.
   */
  readonly expected: (examples: Record<string, any>) => unknown;
}

export interface OperationContract {
  readonly methods: readonly MethodCase[];
  /** The same operation through `nim.raw` (openapi-fetch: `{ data, error, response }`, envelope not unwrapped). */
  readonly raw: (nim: NimClient, headers: Record<string, string>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

const groupPath = '/im/v2/conversation_groups/{group_id}' as const;
const conversationPath = '/im/v2/conversations/{conversation_id}' as const;

export const contracts = {
  createConversationGroup: {
    methods: [
      {
        method: 'create',
        run: (nim, options) =>
          nim.conversationGroups.create(
            { account_id: account, name: 'Work', server_extension: '{"color":"blue"}', conversation_ids: [...conversations] },
            options,
          ),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) =>
      nim.raw.POST('/im/v2/conversation_groups', { body: { account_id: account, name: 'Work' }, headers }),
  },
  listConversationGroups: {
    methods: [
      {
        method: 'list',
        run: (nim, options) => nim.conversationGroups.list({ account_id: account }, options),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) => nim.raw.GET('/im/v2/conversation_groups', { params: { query: { account_id: account } }, headers }),
  },
  updateConversationGroup: {
    methods: [
      {
        method: 'update',
        run: (nim, options) =>
          nim.conversationGroups.update(groupId, { account_id: account, name: 'Work (2026)', server_extension: '{"color":"blue"}' }, options),
        expected: (examples) => examples.success,
      },
      {
        method: 'addConversations',
        run: (nim, options) =>
          nim.conversationGroups.addConversations(groupId, { account_id: account, conversation_ids: ['alice|1|dave', 'alice|2|6002'] }, options),
        expected: (examples) => examples.success,
      },
      {
        method: 'removeConversations',
        run: (nim, options) =>
          nim.conversationGroups.removeConversations(groupId, { account_id: account, conversation_ids: ['alice|1|dave'] }, options),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) =>
      nim.raw.PATCH(groupPath, {
        params: { path: { group_id: groupId } },
        body: { account_id: account, conversations: { type: 1, conversation_ids: ['alice|1|dave', 'alice|2|6002'] } },
        headers,
      }),
  },
  deleteConversationGroup: {
    methods: [
      {
        method: 'delete',
        run: (nim, options) => nim.conversationGroups.delete(groupId, { account_id: account }, options),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) =>
      nim.raw.DELETE(groupPath, { params: { path: { group_id: groupId }, query: { account_id: account } }, headers }),
  },
  getConversationGroup: {
    methods: [
      {
        method: 'get',
        run: (nim, options) => nim.conversationGroups.get(groupId, { account_id: account }, options),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) =>
      nim.raw.GET(groupPath, { params: { path: { group_id: groupId }, query: { account_id: account } }, headers }),
  },
  batchGetConversationGroups: {
    methods: [
      {
        method: 'batchGet',
        // All three id forms the client takes: a decimal string, a bigint and a safe-integer number.
        run: (nim, options) => nim.conversationGroups.batchGet({ account_id: account, group_ids: [groupId, 1002n, 1001] }, options),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) =>
      nim.raw.GET('/im/v2/conversation_groups/actions/group_ids', {
        params: { query: { account_id: account, group_ids: [groupId, '1002'] } },
        headers,
      }),
  },
  listGroupConversations: {
    methods: [
      {
        method: 'listConversations',
        run: (nim, options) => nim.conversationGroups.listConversations(groupId, { account_id: account, limit: 2 }, options),
        expected: (examples) => examples.success,
      },
      {
        method: 'iterateConversations',
        run: (nim, options) => collect(nim.conversationGroups.iterateConversations(groupId, { account_id: account, limit: 2 }, options)),
        expected: (examples) => [...examples.success.items, ...examples.lastPage.items],
      },
    ],
    raw: (nim, headers) =>
      nim.raw.GET('/im/v2/conversation_groups/{group_id}/conversations', {
        params: { path: { group_id: groupId }, query: { account_id: account, limit: 2 } },
        headers,
      }),
  },
  // The conversations: methods generated from the operation table (x-nim-sdk), checked like the groups'.
  createConversation: {
    methods: [
      {
        method: 'conversations.create',
        run: (nim, options) => nim.conversations.create({ conversation_id: conversations[0] }, options),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) => nim.raw.POST('/im/v2.1/conversations', { body: { conversation_id: conversations[0] }, headers }),
  },
  updateConversation: {
    methods: [
      {
        method: 'conversations.update',
        run: (nim, options) => nim.conversations.update(conversations[0], { server_extension: '{"note":"vip"}' }, options),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) =>
      nim.raw.PATCH(conversationPath, { params: { path: { conversation_id: conversations[0] } }, body: { server_extension: '{"note":"vip"}' }, headers }),
  },
  deleteConversation: {
    methods: [
      {
        method: 'conversations.delete',
        run: (nim, options) => nim.conversations.delete(conversations[0], { clear_message: true }, options),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) =>
      nim.raw.DELETE(conversationPath, { params: { path: { conversation_id: conversations[0] }, query: { clear_message: true } }, headers }),
  },
  batchDeleteConversations: {
    methods: [
      {
        method: 'conversations.batchDelete',
        run: (nim, options) => nim.conversations.batchDelete({ conversation_ids: [...conversations] }, options),
        expected: (examples) => ({ success_list: [], failed_list: [], ...examples.success }),
      },
    ],
    raw: (nim, headers) =>
      nim.raw.DELETE('/im/v2/conversations/actions/conversation_ids', { params: { query: { conversation_ids: [...conversations] } }, headers }),
  },
  getConversation: {
    methods: [
      {
        method: 'conversations.get',
        run: (nim, options) => nim.conversations.get(conversations[0], options),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) => nim.raw.GET('/im/v2.1/conversations/{conversation_id}', { params: { path: { conversation_id: conversations[0] } }, headers }),
  },
  batchGetConversations: {
    methods: [
      {
        method: 'conversations.batchGet',
        run: (nim, options) => nim.conversations.batchGet({ conversation_ids: [conversations[0], 'alice|1|carol'] }, options),
        expected: (examples) => ({ success_list: [], failed_list: [], ...examples.success }),
      },
    ],
    raw: (nim, headers) =>
      nim.raw.POST('/im/v2.1/conversations/actions/conversation_ids', { body: { conversation_ids: [conversations[0], 'alice|1|carol'] }, headers }),
  },
  listConversations: {
    methods: [
      {
        method: 'conversations.list',
        run: (nim, options) => nim.conversations.list({ account_id: account, limit: 2 }, options),
        expected: (examples) => examples.success,
      },
      {
        method: 'conversations.iterate',
        run: (nim, options) => collect(nim.conversations.iterate({ account_id: account, limit: 2 }, options)),
        expected: (examples) => [...examples.success.items, ...examples.lastPage.items],
      },
    ],
    raw: (nim, headers) => nim.raw.GET('/im/v2.1/conversations', { params: { query: { account_id: account, limit: 2 } }, headers }),
  },
  stickTopConversation: {
    methods: [
      {
        method: 'conversations.stickTop',
        run: (nim, options) => nim.conversations.stickTop(conversations[0], { top_type: 1 }, options),
        expected: (examples) => examples.success,
      },
    ],
    raw: (nim, headers) =>
      nim.raw.POST('/im/v2/conversations/{conversation_id}/actions/stick_top_conversation', {
        params: { path: { conversation_id: conversations[0] } },
        body: { top_type: 1 },
        headers,
      }),
  },
} satisfies Record<OperationId, OperationContract>;

/** The contract of an operationId, or `undefined` when the table has none. */
export function contractOf(operationId: string): OperationContract | undefined {
  return (contracts as Record<string, OperationContract>)[operationId];
}
