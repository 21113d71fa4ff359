import { operationTable, type OperationId, type operations, type paths } from '@nim-api/types';
import type { ClientPathsWithMethod, MaybeOptionalInit } from 'openapi-fetch';
import type { CheckedRequestOptions } from '../config/option-checks.js';
import { describe } from '../observability/describe.js';
import type { AttemptInit, CallResult, Operation, Pipeline, SendAttempt } from './call.js';
import type { NimRawClient } from './raw-client.js';
import { checkResponseData, ResponseShapeError } from './response-check.js';

type Table = typeof operationTable;
/** The openapi-fetch method of an operation (`'get'`, …). */
export type MethodOf<Id extends OperationId> = Lowercase<Table[Id]['method']>;
/** The path template of an operation, a key of the generated `paths`. */
export type PathOf<Id extends OperationId> = Table[Id]['path'];
/** What openapi-fetch takes for an operation's route (`params`, `body`), from the generated `paths`. */
export type RouteInit<Id extends OperationId> = NonNullable<MaybeOptionalInit<paths[PathOf<Id>], MethodOf<Id>>>;

// The proof that makes the call below typed: every row of the generated table is a route of `paths` (openapi-fetch's
// types) whose operation is `operations[Id]`. A row with a wrong path or method makes `routesAreTyped` `never`, and
// this line fails tsc.
type RouteIsTyped<Id extends OperationId> =
  PathOf<Id> extends ClientPathsWithMethod<NimRawClient, MethodOf<Id>>
    ? paths[PathOf<Id>][MethodOf<Id>] extends operations[Id]
      ? true
      : false
    : false;
type EveryRouteIsTyped = { [Id in OperationId]: RouteIsTyped<Id> }[OperationId] extends true ? true : never;
const routesAreTyped: EveryRouteIsTyped = true;
void routesAreTyped;

/** `raw.request` seen per operationId: the route and its init come from the same row (proved above). */
type RequestById = <Id extends OperationId>(
  method: MethodOf<Id>,
  path: PathOf<Id>,
  init: RouteInit<Id> & AttemptInit,
) => ReturnType<SendAttempt>;

/** Sends one operation through the retry loop: checked params and body in, the accepted `data` and trace id out. */
export type Execute = <Id extends OperationId>(
  id: Id,
  init: RouteInit<Id>,
  options: CheckedRequestOptions,
) => Promise<CallResult>;

/**
 * `data` as an object whose absent lists (the table's `lists` of the operation) become `[]`, a page's absent
 * `has_more` false, then checked against the spec.
 */
function acceptOf(id: OperationId): (data: unknown) => unknown {
  const { lists } = operationTable[id];
  const hasMore = (operationTable[id] as { pagination?: { hasMore: string } }).pagination?.hasMore;
  return (data) => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new ResponseShapeError(`data must be an object (got ${describe(data)})`);
    }
    const result: Record<string, unknown> = { ...data };
    for (const list of lists) result[list] ??= [];
    // A last page may leave out `has_more`; it then means false.
    if (hasMore) result[hasMore] ??= false;
    checkResponseData(id, result);
    return result;
  };
}

/**
 * The one typed executor: every operation, generated or hand-written, is sent through it. The route comes from the
 * generated table, the init is typed by openapi-fetch for that route, retries and the response check come from
 * the pipeline.
 */
export function createExecutor(raw: NimRawClient, pipeline: Pipeline): Execute {
  const request = raw.request as RequestById;
  const operations = new Map<OperationId, Operation>();
  return (id, init, options) => {
    let operation = operations.get(id);
    if (!operation) {
      const { method, unsafe } = operationTable[id];
      operation = { id, method: method as Operation['method'], unsafe, accept: acceptOf(id) };
      operations.set(id, operation);
    }
    const method = operation.method.toLowerCase() as MethodOf<typeof id>;
    return pipeline.execute(
      operation,
      (attempt) => request(method, operationTable[id].path, { ...init, ...attempt }),
      options,
    );
  };
}
