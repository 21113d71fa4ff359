import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The allocation service's state: the endpoints it hands out, their ttl, and the md5 that names this answer. */
interface Allocation {
  endpoints: string[];
  ttl: unknown;
  md5: string;
}

/** A stand-in of NetEase's allocation service (`/srv-sdk/allocate`) on 127.0.0.1. */
export interface AllocationServer {
  /** The allocation URL to pass as `discovery.urls[0]`. */
  readonly url: string;
  /** The query of every request, in order. */
  readonly requests: URLSearchParams[];
  /** The md5 of the current answer. */
  readonly md5: string;
  /** Changes the answer: `default.endpoint` is the first, `backup.endpoints` the others. */
  allocate(endpoints: string[], ttl?: unknown): void;
  /** Answers this HTTP status instead (e.g. 503); `undefined` to answer normally. */
  failWith: number | undefined;
  close(): Promise<void>;
}

/** The answer for one request: 304 when the caller's md5 still names the current allocation. */
function answerFor(allocation: Allocation, query: URLSearchParams): unknown {
  if (query.get('md5') === allocation.md5) return { code: 304, msg: 'not modified' };
  const [first, ...backups] = allocation.endpoints;
  return {
    code: 200,
    msg: 'success',
    data: { 'default.endpoint': first, 'backup.endpoints': backups, ttl: allocation.ttl, md5: allocation.md5 },
  };
}

/**
 * Starts the stand-in. It only answers `GET /srv-sdk/allocate` with `k`, `sv`, `biz=1` and `p`.
 * @example
 * ```ts
 * const lbs = await startAllocationServer(appKey);
 * lbs.allocate([a.url, b.url], 1);
 * const nim = createNimClient({ appKey, appSecret, baseUrl: fallback.url, discovery: { urls: [lbs.url] } });
 * ```
 */
export async function startAllocationServer(appKey: string): Promise<AllocationServer> {
  const allocation: Allocation = { endpoints: [], ttl: 30, md5: '' };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const [path, search = ''] = (req.url ?? '').split('?');
    const query = new URLSearchParams(search);
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'GET' || path !== '/srv-sdk/allocate') return void send(404, { code: 404 });
    server.requests.push(query);
    if (server.failWith !== undefined) return void send(server.failWith, { code: server.failWith });
    const valid = query.get('k') === appKey && query.get('biz') === '1' && query.get('sv') && query.get('p');
    if (!valid) return void send(200, { code: 414, msg: 'missing k, sv, biz=1 or p' });
    send(200, answerFor(allocation, query));
  }

  const http = createServer(handle);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  const server: AllocationServer = {
    url: `http://127.0.0.1:${port}/srv-sdk/allocate`,
    requests: [],
    failWith: undefined,
    get md5() {
      return allocation.md5;
    },
    allocate(endpoints, ttl = 30) {
      allocation.endpoints = endpoints;
      allocation.ttl = ttl;
      allocation.md5 = createHash('md5')
        .update(JSON.stringify([endpoints, ttl]))
        .digest('hex');
    },
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}
