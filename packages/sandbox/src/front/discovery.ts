import { sha1Hex } from '../rules/digest.js';
import { specDiscovery } from '../spec/spec.js';
import type { Outcome } from './wire.js';

// Not operations of the spec but named by it (x-nim-discovery): NetEase's allocation service and the IM health
// path. Served so that endpoint discovery can be tested on 127.0.0.1.
/**
 * Path of the endpoint-discovery (allocation) service.
 * @example
 * ```ts
 * if (url.pathname === allocatePath) return allocate(url.searchParams, endpoints, ttl, known);
 * ```
 */
export const allocatePath = specDiscovery.allocatePath;
/**
 * Health path of an IM endpoint.
 * @example
 * ```ts
 * if (url.pathname === healthPath) return health();
 * ```
 */
export const healthPath = specDiscovery.healthPath;

const json = (value: unknown): Outcome => ({
  kind: 'response',
  status: 200,
  headers: { 'content-type': 'application/json;charset=utf-8' },
  body: JSON.stringify(value),
});

/**
 * `GET /health/liveness.action`: HTTP 200 while the sandbox serves (the Go SDK only reads the status).
 * @example
 * ```ts
 * const outcome = health(); // 200 {"code":200,"msg":"success"}
 * ```
 */
export function health(): Outcome {
  return json({ code: 200, msg: 'success' });
}

/**
 * `GET /srv-sdk/allocate?k=<AppKey>&sv=&biz=1&p=&md5=`: the endpoints (first as `default.endpoint`, the rest as
 * `backup.endpoints`), `ttl` in seconds and an `md5` of the answer; `{code: 304}` when the caller's `md5` is the
 * current one. An unknown AppKey is 403, a missing one 414.
 * @example
 * ```ts
 * allocate(new URLSearchParams('k=app&biz=1'), ['http://127.0.0.1:4010'], 30, (k) => k === 'app');
 * ```
 */
export function allocate(
  query: URLSearchParams,
  endpoints: readonly string[],
  ttl: number,
  knownAppKey: (key: string) => boolean,
): Outcome {
  const appKey = query.get('k');
  if (!appKey) return json({ code: 414, msg: 'parameter error: k (the AppKey) is required' });
  if (!knownAppKey(appKey)) return json({ code: 403, msg: 'authentication failed' });
  // A fingerprint of the answer in md5's shape (32 hex digits); the client only sends it back.
  const md5 = sha1Hex(JSON.stringify([endpoints, ttl])).slice(0, 32);
  if (query.get('md5') === md5) return json({ code: 304 });
  return json({
    code: 200,
    data: { 'default.endpoint': endpoints[0], 'backup.endpoints': endpoints.slice(1), ttl, md5 },
  });
}
