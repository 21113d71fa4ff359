// Results are plain wire objects; their trace ids live beside them, not on them, so JSON output stays unchanged.
const traceIds = new WeakMap<object, string>();

/** Records the trace id of the call that produced `result`, and returns `result`. */
export function rememberTraceId<T>(result: T, traceId: string): T {
  if (typeof result === 'object' && result !== null) traceIds.set(result, traceId);
  return result;
}

/**
 * The `X-custom-traceid` of the call that returned `result` (the same one the server logged), or `undefined` for
 * an object the client did not return.
 *
 * @example
 * ```ts
 * const group = await nim.conversationGroups.get('1001', { account_id: 'alice' });
 * console.log(traceIdOf(group)); // e.g. '3f0c9a7e5b2d4c1e9f8a7b6c5d4e3f21'
 * ```
 */
export function traceIdOf(result: object): string | undefined {
  return traceIds.get(result);
}
