import type { Abortable } from './attempt-signal.js';
import { initOfLightRequest, isLightRequest, toRequest, type NimRequest } from './light-request.js';
import { markNeverSent } from './never-sent.js';

/**
 * What a transport is: the `fetch` openapi-fetch hands each signed request to. It resolves with a real
 * `Response` and rejects the way `fetch` does (a `TypeError` whose `cause` is the network error, or the signal's
 * reason on an abort), so the retry loop and `nim.raw` callers see the same errors on every transport.
 */
export type Send = ((request: Request | NimRequest) => Promise<Response>) & {
  /** Set by a transport that only listens for aborts (undici): what each attempt's deadline aborts. */
  readonly newAbortable?: () => Abortable;
};

/**
 * The fetch path: `globalThis.fetch(url, init)` with what openapi-fetch built, so one WHATWG request is made per
 * attempt, not two. A caller's `fetch` gets a real `Request`, as its type promises.
 *
 * @example
 * ```ts
 * const send = createFetchSend(undefined); // globalThis.fetch, looked up per call (tests may replace it)
 * ```
 */
export function createFetchSend(callerFetch: ((request: Request) => Promise<Response>) | undefined): Send {
  if (callerFetch) {
    return (request) => {
      try {
        return callerFetch(toRequest(request));
      } catch (error) {
        return Promise.reject(markNeverSent(error));
      }
    };
  }
  return (request) =>
    isLightRequest(request) ? globalThis.fetch(request.url, initOfLightRequest(request)) : globalThis.fetch(request);
}
