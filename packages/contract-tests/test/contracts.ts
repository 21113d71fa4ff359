// The contract table: for every operationId of the spec, the public client methods that call it and one typed
// `nim.raw` call. `operations.test.ts` checks that its keys are exactly the spec's operationIds, so an operation
// added to the spec without an entry here fails the suite.
import type { NimAttemptState, NimClient, NimRequestOptions } from '@nim-api/client';
import { type OperationSpec, operationTable } from '@nim-api/types';
import { collect } from './harness.js';
import { asClientValue, spec, specOperations } from './spec.js';

/** The spec's operationIds, as the client's generated types know them. */
export type OperationId = NimAttemptState['operationId'];
/** The operations of the resources whose methods are hand-written: each needs its entry below (tsc says which). */
type HandWrittenOperationId = {
  [Id in OperationId]: (typeof operationTable)[Id]['sdk']['resource'] extends 'conversationGroups' ? Id : never;
}[OperationId];

export const account = 'alice';
/** The spec's example group id (2^53 − 1: the largest Prism's int64 check accepts). */
export const groupId = '9007199254740991';
export const conversations = ['alice|1|bob', 'alice|2|6001', 'alice|3|7001'] as const;

type ClientMethod = keyof NimClient['conversationGroups'] | `${string}.${string}`;

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
  readonly raw: (
    nim: NimClient,
    headers: Record<string, string>,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

const groupPath = '/im/v2/conversation_groups/{group_id}' as const;

export const contracts = {
  createConversationGroup: {
    methods: [
      {
        method: 'create',
        run: (nim, options) =>
          nim.conversationGroups.create(
            {
              account_id: account,
              name: 'Work',
              server_extension: '{"color":"blue"}',
              conversation_ids: [...conversations],
            },
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
    raw: (nim, headers) =>
      nim.raw.GET('/im/v2/conversation_groups', { params: { query: { account_id: account } }, headers }),
  },
  updateConversationGroup: {
    methods: [
      {
        method: 'update',
        run: (nim, options) =>
          nim.conversationGroups.update(
            groupId,
            { account_id: account, name: 'Work (2026)', server_extension: '{"color":"blue"}' },
            options,
          ),
        expected: (examples) => examples.success,
      },
      {
        method: 'addConversations',
        run: (nim, options) =>
          nim.conversationGroups.addConversations(
            groupId,
            { account_id: account, conversation_ids: ['alice|1|dave', 'alice|2|6002'] },
            options,
          ),
        expected: (examples) => examples.success,
      },
      {
        method: 'removeConversations',
        run: (nim, options) =>
          nim.conversationGroups.removeConversations(
            groupId,
            { account_id: account, conversation_ids: ['alice|1|dave'] },
            options,
          ),
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
        run: (nim, options) =>
          nim.conversationGroups.batchGet({ account_id: account, group_ids: [groupId, 1002n, 1001] }, options),
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
        run: (nim, options) =>
          nim.conversationGroups.listConversations(groupId, { account_id: account, limit: 2 }, options),
        expected: (examples) => examples.success,
      },
      {
        method: 'iterateConversations',
        run: (nim, options) =>
          collect(nim.conversationGroups.iterateConversations(groupId, { account_id: account, limit: 2 }, options)),
        expected: (examples) => [...examples.success.items, ...examples.lastPage.items],
      },
    ],
    raw: (nim, headers) =>
      nim.raw.GET('/im/v2/conversation_groups/{group_id}/conversations', {
        params: { path: { group_id: groupId }, query: { account_id: account, limit: 2 } },
        headers,
      }),
  },
  // The conversations (and every later operation of the generated layer) need no entry: derivedContract below.
} satisfies Record<HandWrittenOperationId, OperationContract> & Partial<Record<OperationId, OperationContract>>;

type Json = Record<string, any>;
const resolveRef = (node: any): any =>
  typeof node?.$ref === 'string'
    ? resolveRef(
        node.$ref
          .slice(2)
          .split('/')
          .reduce((at: any, key: string) => at?.[key], spec),
      )
    : node;

/**
 * The contract of an operation of the generated layer that the table above leaves out (a plain operation needs no
 * hand-written entry): its method called with the spec's examples (path and query parameter examples, the first
 * request-body example), expected to return the `success` example with its lists present; its page iterator, if
 * any, expected to yield the `success` and `lastPage` items; the same route through `nim.raw`.
 */
export function derivedContract(operationId: OperationId): OperationContract {
  const row: OperationSpec = operationTable[operationId];
  const { path, method } = specOperations.find((op) => op.operationId === operationId)!;
  const item = spec.paths[path] as Json;
  const operation = item[method.toLowerCase()] as Json;
  const params = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolveRef) as Json[];
  const exampleOf = (param: Json) =>
    asClientValue(param.example ?? resolveRef(param.schema)?.examples?.[0], param.name);
  const pathValues = params.filter((p) => p.in === 'path').map(exampleOf);
  const query = Object.fromEntries(
    params.filter((p) => p.in === 'query' && p.name !== row.pagination?.tokenIn).map((p) => [p.name, exampleOf(p)]),
  );
  const bodyExamples = resolveRef(operation.requestBody)?.content?.['application/json']?.examples ?? {};
  const firstBody = Object.values(bodyExamples)[0];
  const body = firstBody === undefined ? undefined : (asClientValue(resolveRef(firstBody).value) as Json);
  const input = { ...query, ...body };
  const hasInput = row.params.some((p) => p.in !== 'path');
  const args = (options: NimRequestOptions) => [...pathValues, ...(hasInput ? [input] : []), options];
  const methodOf = (nim: NimClient, name: string) =>
    (nim as unknown as Record<string, Record<string, (...a: unknown[]) => any>>)[row.sdk.resource]![name]!;
  const methods: MethodCase[] = [
    {
      method: `${row.sdk.resource}.${row.sdk.method}`,
      run: (nim, options) => methodOf(nim, row.sdk.method)(...args(options)),
      expected: (examples) => ({ ...Object.fromEntries(row.lists.map((list) => [list, []])), ...examples.success }),
    },
  ];
  if (row.pagination) {
    const { iterator, items } = row.pagination;
    methods.push({
      method: `${row.sdk.resource}.${iterator}`,
      run: (nim, options) => collect(methodOf(nim, iterator)(...args(options))),
      expected: (examples) => [...examples.success[items], ...(examples.lastPage?.[items] ?? [])],
    });
  }
  const raw = (nim: NimClient, headers: Record<string, string>) => {
    const request = nim.raw.request as unknown as (
      m: string,
      p: string,
      init: object,
    ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    const pathParams = Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, exampleOf(p)]));
    return request(method.toLowerCase(), path, { params: { path: pathParams, query }, body, headers });
  };
  return { methods, raw };
}

/** The contract of an operationId: its entry above, or the one derived from the spec for a generated operation. */
export function contractOf(operationId: string): OperationContract | undefined {
  const written = (contracts as Record<string, OperationContract>)[operationId];
  if (written) return written;
  const row = (operationTable as Record<string, { sdk: { resource: string } }>)[operationId];
  return row && row.sdk.resource !== 'conversationGroups' ? derivedContract(operationId as OperationId) : undefined;
}

/** Every operation of the spec with its contract. */
export const allContracts: Record<string, OperationContract> = Object.fromEntries(
  specOperations.flatMap((op) => {
    const contract = contractOf(op.operationId);
    return contract ? [[op.operationId, contract]] : [];
  }),
);
