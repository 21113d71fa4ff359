// A thin HTTP front for the frequency control: any request is one call of the operation its method and path
// name, for the AppKey of its header; accepted calls get a conversation group, refused ones code 416. Every call
// is logged with its arrival time, the worker of its trace id (`w<n>-…`) and the code.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFrequencyControl, type FrequencyControlOptions } from './frequency-control.js';

export interface QuotaCall {
  /** Arrival, in ms since the server started (monotonic). */
  readonly at: number;
  readonly worker: string;
  /** AppKey and operation, e.g. `app/GET /im/v2/conversation_groups/{id}`. */
  readonly key: string;
  readonly code: 200 | 416;
}

export interface QuotaServer {
  readonly url: string;
  readonly calls: QuotaCall[];
  /** The server's clock: ms since it started. */
  now(): number;
  /** The next call of any key is answered 416 and starts a block (as if the quota had been exceeded). */
  inject416(): void;
  close(): Promise<void>;
}

const groupEnvelope = JSON.stringify({
  code: 200,
  msg: 'success',
  data: { group_id: 1001, name: 'Work', server_extension: '', create_time: 1764115200000, update_time: 1764115200000 },
});
const limitedEnvelope = JSON.stringify({ code: 416, msg: 'api frequency control', data: {} });

// /im/v2/conversation_groups/1001 → /im/v2/conversation_groups/{id}: one key per operation, not per group.
const operationOf = (request: IncomingMessage) =>
  `${request.method} ${(request.url ?? '').split('?')[0]!.replace(/\/\d+/g, '/{id}')}`;

/**
 * Starts the stand-in on 127.0.0.1 and a free port.
 * @example
 * ```ts
 * const server = await startQuotaServer({ perSecond: 100 });
 * … createNimClient({ appKey, appSecret, baseUrl: server.url }) …
 * await server.close();
 * ```
 */
export async function startQuotaServer(options: FrequencyControlOptions = {}): Promise<QuotaServer> {
  const control = createFrequencyControl(options);
  const started = performance.now();
  const now = () => performance.now() - started;
  const calls: QuotaCall[] = [];
  let injectNext = false;

  const server = createServer((request, response) => {
    const at = now();
    const key = `${request.headers.appkey ?? ''}/${operationOf(request)}`;
    if (injectNext) {
      injectNext = false;
      control.block(key, at);
    }
    const verdict = control.admit(key, at);
    const trace = String(request.headers['x-custom-traceid'] ?? '');
    calls.push({ at, worker: trace.split('-')[0]!, key, code: verdict.accepted ? 200 : 416 });
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(verdict.accepted ? groupEnvelope : limitedEnvelope);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    now,
    inject416: () => void (injectNext = true),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
