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
export const wasNeverSent = (error: unknown): boolean => typeof error === 'object' && error !== null && neverSent.has(error);
