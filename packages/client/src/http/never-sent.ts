// A fetch never throws synchronously, nor does undici's dispatch once it has taken a request: a synchronous throw of
// the caller's fetch or dispatcher (or undici refusing the arguments) proves that nothing left the process, so the
// retry loop may say `requestSent: false` and even repeat a create.
const neverSent = new WeakSet<object>();

/**
 * `error` (a `TypeError('fetch failed')` around it when it is no object), marked as never sent.
 * @example
 * ```ts
 * try { return callerFetch(request); } catch (error) { return Promise.reject(markNeverSent(error)); }
 * ```
 */
export function markNeverSent(error: unknown): object {
  const marked = typeof error === 'object' && error !== null ? error : new TypeError('fetch failed', { cause: error });
  neverSent.add(marked);
  return marked;
}

/** Whether a transport marked `error` as thrown before anything was sent. */
export const wasNeverSent = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && neverSent.has(error);

// Refusals made before any byte left, by the runtime or by a test's request mock: the request never ran.
const refusalCodes = new Set([
  'UND_MOCK_ERR_MOCK_NOT_MATCHED', // undici's MockAgent with net connect disabled: no interceptor matched
]);
const refusalNames = new Set([
  'NotCapable', // Deno 2 without the net permission for the host
  'PermissionDenied', // Deno 1, the same
  'NetConnectNotAllowedError', // nock's disableNetConnect()
]);

/**
 * Whether `error` (or a cause of it, 4 deep) is a refusal before anything was sent: Deno's permission errors,
 * undici's MockAgent finding no interceptor, MSW refusing an unhandled request (`onUnhandledRequest: 'error'`),
 * nock's `disableNetConnect()`. Never throws.
 * @example
 * ```ts
 * refusedBeforeSending(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { name: 'NotCapable' }) })); // true
 * ```
 */
export function refusedBeforeSending(error: unknown): boolean {
  try {
    for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth += 1) {
      const { name, code, message } = current as { name?: unknown; code?: unknown; message?: unknown };
      if (typeof code === 'string' && refusalCodes.has(code)) return true;
      if (typeof name === 'string' && refusalNames.has(name)) return true;
      if (
        name === 'InternalError' &&
        typeof message === 'string' &&
        message.startsWith('[MSW] Cannot bypass a request')
      )
        return true;
      current = (current as { cause?: unknown }).cause;
    }
  } catch {
    // A value whose getters or Proxy traps throw says nothing.
  }
  return false;
}
