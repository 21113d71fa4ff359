import { createRequire } from 'node:module';
import type { Dispatcher, Pool } from 'undici';
import type { NimDispatcher } from '../config/options.js';
import type { Send } from './fetch.js';
import type { UndiciMissing } from './select.js';
import { ownFetchInUse, globalDispatcher, stepAsideSend } from './mocks-first.js';
import { type AbortSignalLike, newAttemptSignal } from './attempt-signal.js';
import {
  initOfLightRequest,
  isLightRequest,
  signalOfLightRequest,
  toRequest,
  type NimRequest,
} from './light-request.js';
import { lightResponseField } from './light-response.js';
import { fetchFailed, ResponseCollector } from './undici-response.js';

type PoolClass = typeof Pool;
let PoolClass: PoolClass | null | undefined;
/** What loading undici threw, kept as the cause of the refusal. */
let loadError: unknown;

// Loaded on the first client that uses it, not at import: undici's whole entry costs ~90 ms of CPU on a slow
// machine, its Pool alone ~30 ms (bench/README.md). The deep path is undici 6's own file (the package has no
// `exports` map); the public entry is the fallback should a later undici move it. `null`: undici cannot be found
// (e.g. an app bundled into one file and shipped without node_modules).
function loadPool(): PoolClass | null {
  if (PoolClass === undefined) {
    const require = createRequire(import.meta.url);
    for (const load of [
      () => require('undici/lib/dispatcher/pool.js') as PoolClass,
      () => (require('undici') as { Pool: PoolClass }).Pool,
    ]) {
      try {
        PoolClass = load();
        break;
      } catch (error) {
        PoolClass = null;
        loadError ??= error;
      }
    }
  }
  return PoolClass ?? null;
}

const maxRedirects = 20; // as fetch
const redirectStatus = new Set([301, 302, 303, 307, 308]);

/** One request in the shape undici's `dispatch` takes. */
interface Plain {
  url: string;
  method: string;
  headers: string[];
  body: string | Uint8Array | undefined;
  signal: AbortSignalLike | null;
  redirect: RequestRedirect;
  /** A resource method asked for a LightResponse. */
  light: boolean;
}

function flatHeaders(headers: Headers): string[] {
  const flat: string[] = [];
  headers.forEach((value, name) => void flat.push(name, value));
  return flat;
}

/** What openapi-fetch built, as undici wants it; a real Request, or a body that is not text or bytes, is read first. */
async function plain(request: Request | NimRequest): Promise<Plain> {
  if (
    isLightRequest(request) &&
    (request.body === null || typeof request.body === 'string' || request.body instanceof Uint8Array)
  ) {
    const { url, method, headers, body, redirect } = request;
    const light = (initOfLightRequest(request) as Record<string, unknown>)[lightResponseField] === true;
    return {
      url,
      method,
      headers: flatHeaders(headers),
      body: body ?? undefined,
      signal: signalOfLightRequest(request),
      redirect,
      light,
    };
  }
  const real = toRequest(request);
  const body = real.body === null ? undefined : new Uint8Array(await real.arrayBuffer());
  const signal = isLightRequest(request) ? signalOfLightRequest(request) : real.signal;
  return {
    url: real.url,
    method: real.method,
    headers: flatHeaders(real.headers),
    body,
    signal,
    redirect: real.redirect,
    light: false,
  };
}

/** `http://host:port/path?query` → origin and path, without a URL parse on the hot path. */
function split(url: string): [origin: string, path: string] {
  const start = url.indexOf('//');
  const slash = start === -1 ? -1 : url.indexOf('/', start + 2);
  return slash === -1 ? [url, '/'] : [url.slice(0, slash), url.slice(slash)];
}

/**
 * The undici transport (Node): openapi-fetch's signed request goes straight to undici's `dispatch` on a keep-alive
 * `Pool` per origin (or the caller's `dispatcher`), without the WHATWG fetch machinery, and comes back as a real
 * `Response`. Aborts, errors and redirects behave as with `fetch`: an abort rejects with the signal's reason,
 * a network error is `TypeError('fetch failed', { cause })`, a request whose `redirect` is `follow` is followed up to
 * 20 times (the client's own requests say `manual`: a 3xx is answered, the signed headers never sent elsewhere).
 *
 * Without a `dispatcher` option, the requests go where a `fetch` of the same process would send them: through the
 * dispatcher installed with `setGlobalDispatcher` if any, and to the global `fetch` itself once something (MSW,
 * nock, a test stub) has replaced the runtime's own (mocks-first.ts).
 *
 * `{ missing }` (what loading threw) when undici cannot be loaded (and no dispatcher is given).
 *
 * @example
 * ```ts
 * const send = createUndiciSend(undefined)!;
 * const response = await send(new Request('http://127.0.0.1:8080/im/v2/conversation_groups?account_id=alice'));
 * ```
 */
export function createUndiciSend(dispatcher: NimDispatcher | undefined): Send | UndiciMissing {
  const Pool = dispatcher ? undefined : loadPool();
  if (Pool === null) return { missing: loadError };
  const pools = new Map<string, Dispatcher>();
  const dispatcherFor = (origin: string): Dispatcher => {
    if (dispatcher) return dispatcher as unknown as Dispatcher;
    // A dispatcher installed with undici's setGlobalDispatcher (a MockAgent, a proxy agent; Node's fetch uses the
    // same one) carries the request, as it would a fetch; without one, a keep-alive Pool per origin of our own.
    const installed = globalDispatcher();
    if (installed) return installed as Dispatcher;
    let pool = pools.get(origin);
    if (!pool) pools.set(origin, (pool = new Pool!(origin)));
    return pool;
  };

  const dispatchOnce = (request: Plain): Promise<Response> =>
    new Promise((resolve, reject) => {
      if (request.signal?.aborted) return reject(request.signal.reason);
      const [origin, path] = split(request.url);
      const collector = new ResponseCollector(
        request.url,
        request.method,
        request.signal,
        request.light,
        resolve,
        reject,
      );
      try {
        const { method, headers, body } = request;
        dispatcherFor(origin).dispatch(
          { origin, path, method: method as Dispatcher.HttpMethod, headers, body },
          collector,
        );
      } catch (error) {
        // Thrown, not reported through the handler: the request was refused before it went anywhere.
        collector.refused(error);
      }
    });

  const send = async (request: Request | NimRequest): Promise<Response> => {
    // MSW, nock or a stub replaced the global fetch: it must see this request as it sees a fetch (mocks-first.ts).
    if (!dispatcher && !ownFetchInUse()) return stepAsideSend(request);
    let current = await plain(request);
    for (let redirects = 0; ; redirects += 1) {
      const response = await dispatchOnce(current);
      const location = redirectStatus.has(response.status) ? response.headers.get('location') : null;
      if (location === null || current.redirect === 'manual') return response;
      if (current.redirect === 'error' || redirects === maxRedirects)
        throw fetchFailed(new Error(`redirect to ${location} not followed`));
      current = redirected(current, response.status, new URL(location, current.url).href);
    }
  };
  // It only listens for the abort: each attempt's deadline can be an AttemptSignal, not an AbortController.
  return Object.assign(send, { newAbortable: newAttemptSignal });
}

/** The next request of a redirect chain, by fetch's rules: 303, and 301/302 after a POST, become a bodiless GET. */
function redirected(request: Plain, status: number, url: string): Plain {
  const toGet =
    status === 303 ? request.method !== 'HEAD' : (status === 301 || status === 302) && request.method === 'POST';
  if (!toGet) return { ...request, url };
  const headers: string[] = [];
  for (let i = 0; i < request.headers.length; i += 2) {
    if (!/^content-(type|length|encoding|language|location)$/i.test(request.headers[i]!))
      headers.push(request.headers[i]!, request.headers[i + 1]!);
  }
  return { ...request, url, method: 'GET', headers, body: undefined };
}
