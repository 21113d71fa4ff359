// A network for one client, on either transport: the allocation service answers what the test says, everything else
// goes to a sandbox (which answers any origin), and every request is recorded with its full URL. On the undici
// project it is a dispatcher (undici's handler protocol), on the fetch project a fetch.
import type { Sandbox } from '@nim-api/sandbox';
import { defaultTransport } from './transport.js';

export interface FakeNetwork {
  /** Every request, `METHOD url`, in order. */
  readonly seen: string[];
  /** `{ fetch }` or `{ dispatcher }`: what to give createNimClient on this project's transport. */
  readonly transport:
    | { fetch: (request: Request) => Promise<Response> }
    | { dispatcher: { dispatch(options: object, handler: object): boolean } };
}

interface Handler {
  onConnect?(abort: (reason?: Error) => void): void;
  onHeaders?(status: number, headers: Buffer[], resume: () => void, statusText: string): boolean;
  onData?(chunk: Buffer): boolean;
  onComplete?(trailers: Buffer[]): void;
}

/**
 * `answer()` is the allocation service's JSON for requests to `allocatePath`; the rest reaches the sandbox.
 * @example
 * ```ts
 * const network = fakeNetwork(sandbox, () => ({ code: 200, data: { 'default.endpoint': 'https://a.yunxinapi.com' } }));
 * const nim = createNimClient({ appKey, appSecret, discovery: { urls }, ...network.transport });
 * ```
 */
export function fakeNetwork(sandbox: Sandbox, answer: () => unknown, allocatePath = '/srv-sdk/allocate'): FakeNetwork {
  const seen: string[] = [];
  // An endpoint may carry a path of its own (`…/nimserver`): the sandbox serves the API and its health path at the root.
  const rooted = (path: string) => path.slice(Math.max(0, path.search(/\/(im\/v2|health\/liveness\.action)/)));
  const fetch = async (request: Request) => {
    seen.push(`${request.method} ${request.url}`);
    const url = new URL(request.url);
    if (url.pathname === allocatePath) return Response.json(answer());
    return sandbox.fetch(new Request(`${url.origin}${rooted(`${url.pathname}${url.search}`)}`, request));
  };
  const dispatcher = {
    dispatch(options: { origin: string; path: string; method: string }, handler: Handler) {
      seen.push(`${options.method} ${options.origin}${options.path}`);
      if (options.path.split('?')[0] !== allocatePath)
        return sandbox.dispatcher.dispatch({ ...options, path: rooted(options.path) } as never, handler as never);
      queueMicrotask(() => {
        const body = Buffer.from(JSON.stringify(answer()));
        handler.onConnect?.(() => undefined);
        handler.onHeaders?.(200, [Buffer.from('content-type'), Buffer.from('application/json')], () => undefined, 'OK');
        handler.onData?.(body);
        handler.onComplete?.([]);
      });
      return true;
    },
  };
  return { seen, transport: defaultTransport === 'undici' ? { dispatcher } : { fetch } };
}
