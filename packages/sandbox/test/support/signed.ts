// The tests' own signing and calling, independent of @nim-api/client: SHA-1 with node:crypto, plain Requests.
import { createHash, randomBytes } from 'node:crypto';

export interface Credentials {
  readonly appKey: string;
  readonly appSecret: string;
}

export function checkSum(appSecret: string, nonce: string, curTime: string): string {
  return createHash('sha1')
    .update(appSecret + nonce + curTime)
    .digest('hex');
}

export function signedHeaders({ appKey, appSecret }: Credentials, nowMs = Date.now()): Record<string, string> {
  const nonce = randomBytes(8).toString('hex');
  const curTime = String(Math.floor(nowMs / 1000));
  return { AppKey: appKey, Nonce: nonce, CurTime: curTime, CheckSum: checkSum(appSecret, nonce, curTime) };
}

export interface CallInit {
  readonly query?: Record<string, string | number | readonly (string | number)[]>;
  readonly body?: unknown;
  /** Sent as is instead of JSON.stringify(body). */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
  readonly unsigned?: boolean;
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The JSON body, `group_id` integers as exact decimal strings; `undefined` when not JSON. */
  readonly json: any;
}

/** JSON.parse keeping int64 group ids (`group_id`, `group_ids` items) exact (a test-side reading, not the client's). */
export function parseExact(text: string): any {
  try {
    return JSON.parse(
      text.replace(/"group_id":(\d+)/g, '"group_id":"$1"').replace(
        /"group_ids":\[([\d,]+)\]/g,
        (_, list: string) =>
          `"group_ids":[${list
            .split(',')
            .map((id) => `"${id}"`)
            .join(',')}]`,
      ),
    );
  } catch {
    return undefined;
  }
}

export function buildRequest(
  base: string,
  credentials: Credentials,
  method: string,
  path: string,
  init: CallInit = {},
): Request {
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(init.query ?? {})) {
    url.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const headers: Record<string, string> = { ...(init.unsigned ? {} : signedHeaders(credentials)), ...init.headers };
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['Content-Type'] ??= 'application/json;charset=utf-8';
  return new Request(url, { method, headers, ...(body !== undefined ? { body } : {}) });
}

/** One signed call through a fetch (the sandbox's, or the global one against a URL). */
export async function call(
  target: { fetch: (request: Request) => Promise<Response>; base?: string },
  credentials: Credentials,
  method: string,
  path: string,
  init: CallInit = {},
): Promise<Reply> {
  const response = await target.fetch(
    buildRequest(target.base ?? 'http://sandbox.test', credentials, method, path, init),
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseExact(text) };
}
