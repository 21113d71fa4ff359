import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One IM endpoint on 127.0.0.1: the health path and the API, with latency injection and a kill switch. */
export interface EndpointServer {
  /** The endpoint's base URL, with a path prefix as real endpoints have (`http://127.0.0.1:<port>/nimserver`). */
  readonly url: string;
  /** Waits this long before every answer (health and API), in ms. */
  latencyMs: number;
  /** HTTP status of the health path (200: healthy). */
  healthStatus: number;
  /** API requests that arrived. */
  readonly calls: number;
  /** Health requests that arrived. */
  readonly probes: number;
  /** API requests whose CheckSum was wrong (health requests are unsigned, as the official SDKs send them). */
  readonly badSignatures: number;
  /** Stops listening and drops every connection (requests under way fail). */
  kill(): Promise<void>;
  /** Listens again on the same port. */
  revive(): Promise<void>;
  close(): Promise<void>;
}

const prefix = '/nimserver';
const healthPath = '/health/liveness.action';

/**
 * Starts an endpoint. API calls answer a group envelope (`get` resolves); the health path answers `healthStatus`.
 * @example
 * ```ts
 * const endpoint = await startEndpointServer({ appKey, appSecret });
 * endpoint.latencyMs = 50;
 * await endpoint.kill();
 * ```
 */
export async function startEndpointServer(credentials: { appKey: string; appSecret: string }): Promise<EndpointServer> {
  const sockets = new Set<Socket>();
  const counts = { calls: 0, probes: 0, badSignatures: 0 };
  let port = 0;

  function verified(req: IncomingMessage): boolean {
    const header = (name: string) => String(req.headers[name] ?? '');
    const expected = createHash('sha1')
      .update(`${credentials.appSecret}${header('nonce')}${header('curtime')}`)
      .digest('hex');
    return header('appkey') === credentials.appKey && header('checksum') === expected;
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '').split('?')[0]!;
    const answer = (status: number, body: string) => {
      const timer = setTimeout(() => {
        if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      }, endpoint.latencyMs);
      res.on('close', () => clearTimeout(timer));
    };
    if (path === `${prefix}${healthPath}`) {
      counts.probes += 1;
      answer(endpoint.healthStatus, endpoint.healthStatus === 200 ? '{"status":"UP"}' : '{"status":"DOWN"}');
      return;
    }
    if (!path.startsWith(`${prefix}/im/v2/`)) {
      answer(404, '{"error":"not found"}');
      return;
    }
    counts.calls += 1;
    if (!verified(req)) {
      counts.badSignatures += 1;
      answer(200, '{"code":403,"msg":"bad signature","data":{}}');
      return;
    }
    answer(200, '{"code":200,"msg":"success","data":{"group_id":1001,"name":"Work","create_time":1,"update_time":1}}');
  }

  const server = createServer(handle);
  server.keepAliveTimeout = 500;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  await listen();
  port = (server.address() as AddressInfo).port;

  const endpoint: EndpointServer = {
    url: `http://127.0.0.1:${port}${prefix}`,
    latencyMs: 0,
    healthStatus: 200,
    get calls() {
      return counts.calls;
    },
    get probes() {
      return counts.probes;
    },
    get badSignatures() {
      return counts.badSignatures;
    },
    kill: stop,
    revive: listen,
    close: stop,
  };
  return endpoint;
}
