import {
  type EmptyObject,
  type OperationId,
  type OperationParam,
  operationTable,
  type operations,
} from '@nim-api/types';
import { checkRequestOptions } from '../config/option-checks.js';
import type { NimRequestOptions } from '../config/options.js';
import { NimResponseError, type NimValidationIssue } from '../errors/errors.js';
import { describe } from '../observability/describe.js';
import { rememberTraceId } from '../observability/trace-ids.js';
import type { Execute, RouteInit } from '../pipeline/executor.js';
import { conversationIdIssues } from '../protocol/conversation-id.js';
import { createTraceId } from '../protocol/signing.js';
import {
  checkAccountId,
  checkConversationIds,
  checkGroupId,
  checkGroupIds,
  checkString,
  fail,
  readFields,
  throwIfIssues,
} from '../protocol/validation.js';

// The generated layer: a resource's methods made from the operation table (x-nim-sdk), with no code per operation.
// A method takes its path parameters in order, then one object of its query and body fields, then the per-call
// options; it validates them from the spec's schemas, sends fresh copies through the one typed executor, and
// returns `data` with its absent lists as `[]`. An operation with `x-nim-pagination` also gets its iterator.

type Issues = NimValidationIssue[];

/**
 * The operationIds whose `x-nim-sdk.resource` is `R`.
 * @example
 * ```ts
 * const id: OperationsOf<'conversations'> = 'getConversation';
 * ```
 */
export type OperationsOf<R extends string> = {
  [Id in OperationId]: (typeof operationTable)[Id]['sdk']['resource'] extends R ? Id : never;
}[OperationId];

/**
 * The one object a generated method takes after its path parameters: its query and body fields.
 * @example
 * ```ts
 * const input: OperationInput<'listConversations'> = { account_id: 'alice', limit: 50 };
 * ```
 */
export type OperationInput<Id extends OperationId> = [NonNullable<operations[Id]['parameters']['query']>] extends [
  never,
]
  ? operations[Id] extends { requestBody: { content: { 'application/json': infer B } } }
    ? B
    : never
  : operations[Id] extends { requestBody: { content: { 'application/json': infer B } } }
    ? NonNullable<operations[Id]['parameters']['query']> & B
    : NonNullable<operations[Id]['parameters']['query']>;

/**
 * What a generated method resolves to: the `data` of a code-200 answer, its lists always present.
 * @example
 * ```ts
 * const conversation: OperationResult<'getConversation'> = await nim.conversations.get('alice|1|bob');
 * ```
 */
export type OperationResult<Id extends OperationId> =
  Exclude<
    NonNullable<operations[Id]['responses'][200]['content']['application/json']['data']>,
    EmptyObject
  > extends infer D
    ? [D] extends [never]
      ? EmptyObject
      : D & Required<Pick<D, (typeof operationTable)[Id]['lists'][number] & keyof D>>
    : never;

/**
 * The arguments of a generated method: its path parameters, then its query and body fields as one object (optional
 * when every field is), then the per-call options.
 * @example
 * ```ts
 * const args: OperationArgs<'updateConversation'> = ['alice|1|bob', { server_extension: '{}' }];
 * ```
 */
export type OperationArgs<Id extends OperationId> = [
  ...(operations[Id]['parameters']['path'] extends Record<string, infer V> ? [id: V] : []),
  ...([OperationInput<Id>] extends [never]
    ? []
    : Partial<OperationInput<Id>> extends OperationInput<Id>
      ? [input?: OperationInput<Id>]
      : [input: OperationInput<Id>]),
  options?: NimRequestOptions,
];

/**
 * The input of a generated page iterator: the list method's, without the page token.
 * @example
 * ```ts
 * const query: IteratorInput<'listConversations'> = { account_id: 'alice', limit: 100 };
 * ```
 */
export type IteratorInput<Id extends OperationId> = Omit<OperationInput<Id>, 'page_token'>;

/**
 * The methods of resource `R` made from the operation table: `nim.<resource>.<method>` for each of its operations.
 * @example
 * ```ts
 * type Methods = GeneratedMethods<'conversations'>;
 * ```
 */
export type GeneratedMethods<R extends string> = {
  [Id in OperationsOf<R> as (typeof operationTable)[Id]['sdk']['method']]: (
    ...args: OperationArgs<Id>
  ) => Promise<OperationResult<Id>>;
};

/**
 * The page iterator of `Id` (its `x-nim-pagination.iterator`): every item, page after page, under one trace id.
 * @example
 * ```ts
 * const iterate: PageIterator<'listConversations'> = nim.conversations.iterate;
 * ```
 */
export type PageIterator<Id extends OperationId> = (
  ...args: [
    ...(operations[Id]['parameters']['path'] extends Record<string, infer V> ? [id: V] : []),
    input: IteratorInput<Id>,
    options?: NimRequestOptions,
  ]
) => AsyncGenerator<OperationResult<Id> extends { items: readonly (infer I)[] } ? I : never, void, undefined>;

/** The check a parameter gets from its schema; appends to `issues`, returns the value to send. */
function checkParam(
  issues: Issues,
  param: OperationParam,
  value: unknown,
  path: string,
  fields: Record<string, unknown>,
): unknown {
  if (value === undefined && !param.required) return undefined;
  switch (param.kind) {
    case 'account':
      checkAccountId(issues, value, path);
      return value;
    case 'conversationId':
      for (const issue of conversationIdIssues(value, path)) issues.push(issue);
      return value;
    case 'groupId':
      return checkGroupId(issues, value, path);
    case 'groupIds':
      return checkGroupIds(issues, value, path);
    case 'conversationIds':
      // The owner check applies when the operation names the account (account_id) the ids must belong to.
      return checkConversationIds(
        issues,
        value,
        'account_id' in fields ? fields.account_id : undefined,
        param.required,
        param.max,
      );
    case 'string':
      checkString(issues, value, path, param.required, param.nonEmpty === true);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') fail(issues, path, `must be a boolean (got ${describe(value)})`);
      return value;
    case 'enum':
      if (!param.values.includes(value as number))
        fail(issues, path, `must be one of ${param.values.join(', ')} (got ${describe(value)})`);
      return value;
    case 'integer': {
      const { min = -Infinity, max = Infinity } = param;
      if (!(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)) {
        fail(issues, path, `must be an integer from ${min} to ${max} (got ${describe(value)})`);
      }
      return value;
    }
    default:
      fail(issues, path, 'cannot be sent by a generated method');
      return undefined;
  }
}

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Checks the arguments of operation `id` (path values, then the input object, then the options) and returns the
 * typed init of its route and the checked options; one NimValidationError lists every issue.
 */
function checkArgs<Id extends OperationId>(id: Id, args: readonly unknown[]) {
  const params = operationTable[id].params as readonly OperationParam[];
  const issues: Issues = [];
  const init = {
    params: { path: {}, query: {} } as Record<'path' | 'query', Record<string, unknown>>,
    body: undefined as Record<string, unknown> | undefined,
  };
  let options: unknown;
  try {
    let at = 0;
    const inputParams = params.filter((param) => param.in !== 'path');
    for (const param of params) {
      if (param.in === 'path')
        init.params.path[param.name] = checkParam(issues, param, args[at++], camelCase(param.name), {});
    }
    if (inputParams.length) {
      const input = args[at++];
      const fields =
        input === undefined && inputParams.every((param) => !param.required)
          ? {}
          : readFields(
              issues,
              input,
              'input',
              inputParams.map((param) => param.name),
            );
      for (const param of inputParams) {
        const value = checkParam(issues, param, fields[param.name], param.name, fields);
        if (value === undefined) continue;
        if (param.in === 'body') (init.body ??= {})[param.name] = value;
        else init.params.query[param.name] = value;
      }
      if (!init.body && operationTable[id].params.some((param) => param.in === 'body')) init.body = {};
    }
    options = checkRequestOptions(issues, args[at]);
  } catch {
    fail(issues, 'input', 'could not be read (a getter or Proxy threw)');
  }
  throwIfIssues(issues, id);
  return { init: init as unknown as RouteInit<Id>, options: options as ReturnType<typeof checkRequestOptions> };
}

/** The method of operation `id`: checks its arguments, sends them, returns the data (its trace id remembered). */
export function operationMethod<Id extends OperationId>(
  execute: Execute,
  id: Id,
): (...args: OperationArgs<Id>) => Promise<OperationResult<Id>> {
  return async (...args) => {
    const { init, options } = checkArgs(id, args);
    const { data, traceId } = await execute(id, init, options);
    return rememberTraceId(data as OperationResult<Id>, traceId);
  };
}

/** The page iterator of a paginated operation: one trace id for every page; stops on `has_more` false. */
export function pageIterator<Id extends OperationId>(execute: Execute, id: Id): PageIterator<Id> {
  const { tokenIn, tokenOut, hasMore, items } = (
    operationTable[id] as { pagination: Record<'tokenIn' | 'tokenOut' | 'hasMore' | 'items', string> }
  ).pagination;
  return async function* (...args: unknown[]) {
    // Checked once, before any page: a mistake is reported at the first `next()`.
    const { init, options } = checkArgs(id, args);
    const { query } = (init as { params: { query: Record<string, unknown> } }).params;
    delete query[tokenIn];
    // One iteration is one logical call: every page carries the same trace id.
    const pageOptions = { ...options, traceId: options.traceId ?? createTraceId() };
    const seen = new Set<unknown>();
    for (;;) {
      const { data } = await execute(id, init, pageOptions);
      const page = data as Record<string, unknown>;
      yield* page[items] as never[];
      if (!page[hasMore]) return;
      const next = page[tokenOut];
      if (!next || seen.has(next)) {
        throw new NimResponseError(`${hasMore} is true but ${tokenOut} ${describe(next)} is not new`, '', {
          operationId: id,
          traceId: pageOptions.traceId,
        });
      }
      seen.add(next);
      query[tokenIn] = next;
    }
  } as PageIterator<Id>;
}

/**
 * Every method of resource `R` from the operation table, and the page iterators its paginated operations name.
 * Hand-written helpers (chunking, folding) are added by the resource module around these.
 */
export function generatedMethods<R extends string>(execute: Execute, resource: R): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  for (const id of Object.keys(operationTable) as OperationId[]) {
    const row = operationTable[id] as { sdk: { resource: string; method: string }; pagination?: { iterator: string } };
    if (row.sdk.resource !== resource) continue;
    const method = operationMethod(execute, id);
    methods[row.sdk.method] = method;
    if (row.pagination) methods[row.pagination.iterator] = pageIterator(execute, id);
  }
  return methods;
}
