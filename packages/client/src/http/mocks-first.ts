// The undici transport sends where a `fetch` of the same process would: the request mocks of a test suite (MSW 2,
// nock 14: both replace `globalThis.fetch` through @mswjs/interceptors; undici's MockAgent: installed with
// `setGlobalDispatcher`, which Node's own fetch reads too) must see every request, never the real host's DNS.
// Two reads per request keep the fast path: the global dispatcher's symbol, and whether `globalThis.fetch` is still
// the runtime's own.
import { type AbortSignalLike, realSignal } from './attempt-signal.js';
import { initOfLightRequest, isLightRequest, type NimRequest } from './light-request.js';
import { markNeverSent } from './never-sent.js';

/** Where undici (npm and Node's own) keeps the dispatcher `setGlobalDispatcher` installs. */
const globalDispatcherKey = Symbol.for('undici.globalDispatcher.1');
/** Set on `globalThis` by @mswjs/interceptors (MSW 2, nock 14) while their fetch interceptor is applied. */
const fetchInterceptorKey = Symbol.for('fetch-interceptor');

/**
 * The dispatcher installed with undici's `setGlobalDispatcher` (or Node's default agent once `fetch` made one),
 * `undefined` when there is none.
 * @example
 * ```ts
 * setGlobalDispatcher(new MockAgent());
 * globalDispatcher(); // that MockAgent
 * ```
 */
export function globalDispatcher(): { dispatch(options: object, handler: object): boolean } | undefined {
  const value = (globalThis as Record<symbol, unknown>)[globalDispatcherKey];
  return typeof (value as { dispatch?: unknown } | undefined)?.dispatch === 'function'
    ? (value as { dispatch(o: object, h: object): boolean })
    : undefined;
}

/** A fetch that may be the runtime's own: none at all, or one named `fetch` while no interceptor is applied. */
const mayBeOwn = (value: unknown): boolean =>
  value === undefined ||
  (typeof value === 'function' &&
    value.name === 'fetch' &&
    (globalThis as Record<symbol, unknown>)[fetchInterceptorKey] === undefined);

// The runtime's own fetch: the one there when the client was loaded; if an interceptor had replaced it before, the
// first one seen once the interceptor is gone (until then every request goes through the global fetch).
let ownFetch: unknown = mayBeOwn(globalThis.fetch) ? globalThis.fetch : null;

/**
 * Whether `globalThis.fetch` is still the runtime's own (or absent): then the undici transport sends itself. When
 * MSW, nock or a stub has replaced it, requests go to it instead.
 * @example
 * ```ts
 * if (!ownFetchInUse()) return stepAsideSend(request);
 * ```
 */
export function ownFetchInUse(): boolean {
  const current: unknown = globalThis.fetch;
  if (current === ownFetch) return true;
  if (ownFetch !== null || !mayBeOwn(current)) return false;
  ownFetch = current;
  return true;
}

/**
 * Sends with the global fetch, as the fetch transport does: one WHATWG request, the attempt's signal as a real
 * `AbortSignal`. A synchronous throw is a request never sent.
 * @example
 * ```ts
 * const response = await stepAsideSend(request);
 * ```
 */
export function stepAsideSend(request: Request | NimRequest): Promise<Response> {
  try {
    if (!isLightRequest(request)) return globalThis.fetch(request);
    const init = initOfLightRequest(request);
    const signal = realSignal(init.signal as AbortSignalLike | null | undefined);
    return globalThis.fetch(request.url, signal === init.signal ? init : { ...init, signal });
  } catch (error) {
    return Promise.reject(markNeverSent(error));
  }
}
