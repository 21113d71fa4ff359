import type { paths } from '@nim-api/types';
import openapiFetch, { type Client, type Middleware } from 'openapi-fetch';
import { parseJsonWithExactIds } from '../protocol/int64.js';
import { createSigningMiddleware } from '../protocol/signing.js';
import type { Send } from '../http/fetch.js';
import { NimRequest } from '../http/light-request.js';

// openapi-fetch's CJS build sets `exports.default`; our CJS build (package type "module", so Node semantics)
// receives the whole exports object as the default import.
const createClient: typeof openapiFetch =
  typeof openapiFetch === 'function'
    ? openapiFetch
    : (openapiFetch as unknown as { default: typeof openapiFetch }).default;

/**
 * The typed openapi-fetch client over the spec's paths (`nim.raw`).
 * @example
 * ```ts
 * const { data, error, response } = await nim.raw.GET('/im/v2/conversation_groups/{group_id}', {
 *   params: { path: { group_id: '1001' }, query: { account_id: 'alice' } },
 * });
 * ```
 */
export type NimRawClient = Client<paths>;

// For `nim.raw` calls (parseAs 'json'): re-serialise JSON bodies with int64 ids as exact strings, as the generated
// types promise. The resource methods parse text themselves and skip this.
const exactIdsMiddleware: Middleware = {
  async onResponse({ response, options }) {
    if (options.parseAs !== 'json' || !response.headers.get('content-type')?.includes('json')) return undefined;
    const text = await response.text();
    let body = text;
    try {
      body = JSON.stringify(parseJsonWithExactIds(text));
    } catch {
      // Not JSON after all: hand the text on untouched and let openapi-fetch report it.
    }
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  },
};

/**
 * Creates the signed openapi-fetch client. Group ids in query arrays are comma-joined (`group_ids=1,2`).
 * openapi-fetch builds a light {@link NimRequest}, the signing middleware signs it, and `send` (the transport)
 * sends it.
 */
export function createRawClient(options: {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  send: Send;
}): NimRawClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    Request: NimRequest as unknown as typeof Request,
    // What the transport throws reaches `nim.raw` callers untouched (as fetch throws it); the retry loop tells it
    // apart by the attempt's phase.
    fetch: options.send,
    querySerializer: { array: { style: 'form', explode: false } },
    // A redirect is answered, not followed: following it would hand the signed headers (a CheckSum valid for
    // minutes) to whatever host the Location names. A 3xx is then a NimHttpError (nim.raw: the 3xx response).
    redirect: 'manual',
  });
  client.use(createSigningMiddleware(options.appKey, options.appSecret), exactIdsMiddleware);
  return client;
}
