import { createHash } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as it arrived on the wire. */
export interface WireRequest {
  readonly method: string;
  /** The path without the query string, still percent-encoded as sent. */
  readonly path: string;
  /** The raw query string after `?` (no decoding), `''` when there was none. */
  readonly query: string;
  /** Lower-cased header names, as node:http gives them. */
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text, `''` when there was none. */
  readonly body: string;
  /** Everything wrong with the signature of this request, as the server itself judged it; empty when valid. */
  readonly signatureProblems: readonly string[];
}

/** What the server answers to one request. */
export interface WireResponse {
  /** @default 200 */
  readonly status?: number;
  /** @default `{ 'content-type': 'application/json' }` */
  readonly headers?: Record<string, string>;
  /** Text and bytes are sent as they are (text for hand-written JSON with int64 numbers); anything else is JSON.stringify'd. */
  readonly body?: unknown;
  /** Never answer (the socket is destroyed when the server closes). */
  readonly hang?: boolean;
}

export type WireHandler = (request: WireRequest) => WireResponse | Promise<WireResponse>;

/** The server's reply when the signature is wrong: a 403 envelope, so the client test fails loudly. */
const signatureRejected = (problems: readonly string[]): WireResponse => ({
  body: { code: 403, msg: `wire server rejected the signature: ${problems.join('; ')}`, data: {} },
});

/** `{code: 200, msg: 'success', data}` as JSON text. */
export function ok(data: unknown = {}): WireResponse {
  return { body: { code: 200, msg: 'success', data } };
}

/** A group as the spec describes it, for answers that must pass the client's response check. */
export const sampleGroup = { group_id: 1001, name: 'Work', create_time: 1764115200000, update_time: 1764115200000 };

/**
 * A minimal answer that conforms to the spec for whichever operation `request` is: the default of the server,
 * so tests that do not care about the answer still get one the client accepts.
 */
export function conformingAnswer(request: Pick<WireRequest, 'method' | 'path'>): WireResponse {
  const { method, path } = request;
  if (method === 'POST' || method === 'PATCH')
    return ok({ conversation_group: sampleGroup, success_list: [], failed_list: [] });
  if (method === 'DELETE') return ok({});
  if (path.endsWith('/actions/group_ids')) return ok({ success_list: [sampleGroup], failed_list: [] });
  if (path.endsWith('/conversations')) return ok({ has_more: false, items: [] });
  if (/\/conversation_groups\/[^/]+$/.test(path)) return ok(sampleGroup);
  return ok({ conversation_groups: [sampleGroup] });
}

/** A business error envelope: HTTP 200, `code` ≠ 200, `data: {}`. */
export function fail(code: number, msg = `error ${code}`): WireResponse {
  return { body: { code, msg, data: {} } };
}

/** An already-written JSON text (for int64 numbers JSON.stringify cannot write). */
export function rawJson(text: string): WireResponse {
  return { body: text };
}

/**
 * A loopback node:http server for wire tests. It independently verifies the CheckSum of every request with its own
 * `node:crypto` SHA-1 of `appSecret + Nonce + CurTime` (and checks AppKey, CurTime within ±300 s, Nonce 16–128
 * characters), records every request, and answers from a queue of scripted responses, then from `fallback`.
 *
 * @example
 * ```ts
 * const server = await startWireServer({ appKey, appSecret });
 * server.reply(ok({ conversation_groups: [] }));
 * await nim.conversationGroups.list({ account_id: 'alice' });
 * expect(server.requests[0]!.query).toBe('account_id=alice');
 * await server.close();
 * ```
 */
export interface WireServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: WireRequest[];
  /** Every signature problem seen since the last `reset()`, one line per bad request. */
  readonly signatureProblems: string[];
  /** Queues responses (or handlers) for the next requests, in order. */
  reply(...responses: Array<WireResponse | WireHandler>): void;
  /** What to answer once the queue is empty. @default `ok({})` */
  fallback(response: WireResponse | WireHandler): void;
  /** Forgets requests, problems, the queue and the fallback. */
  reset(): void;
  close(): Promise<void>;
}

function verify(headers: IncomingHttpHeaders, appKey: string, appSecret: string): string[] {
  const header = (name: string) => {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const problems: string[] = [];
  const nonce = header('Nonce');
  const curTime = header('CurTime');
  const checkSum = header('CheckSum');
  if (header('AppKey') !== appKey) problems.push(`AppKey is ${JSON.stringify(header('AppKey'))}`);
  if (nonce === undefined || nonce.length < 16 || nonce.length > 128)
    problems.push(`Nonce ${JSON.stringify(nonce)} is not 16–128 chars`);
  if (curTime === undefined || !/^\d+$/.test(curTime) || Math.abs(Number(curTime) - Date.now() / 1000) > 300) {
    problems.push(`CurTime ${JSON.stringify(curTime)} is not within ±300 s of now`);
  }
  const expected = createHash('sha1')
    .update(`${appSecret}${nonce ?? ''}${curTime ?? ''}`, 'utf8')
    .digest('hex');
  if (checkSum !== expected) problems.push(`CheckSum ${JSON.stringify(checkSum)} is not sha1(secret+Nonce+CurTime)`);
  return problems;
}

export async function startWireServer(credentials: { appKey: string; appSecret: string }): Promise<WireServer> {
  const requests: WireRequest[] = [];
  const signatureProblems: string[] = [];
  let queue: Array<WireResponse | WireHandler> = [];
  let fallback: WireResponse | WireHandler = conformingAnswer;
  const hanging = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = req.url ?? '';
    const mark = target.indexOf('?');
    const problems = verify(req.headers, credentials.appKey, credentials.appSecret);
    const request: WireRequest = {
      method: req.method ?? '',
      path: mark === -1 ? target : target.slice(0, mark),
      query: mark === -1 ? '' : target.slice(mark + 1),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      signatureProblems: problems,
    };
    requests.push(request);
    if (problems.length) signatureProblems.push(`${request.method} ${target}: ${problems.join('; ')}`);

    const next = queue.shift() ?? fallback;
    let response: WireResponse;
    try {
      response = problems.length
        ? signatureRejected(problems)
        : typeof next === 'function'
          ? await next(request)
          : next;
    } catch (error) {
      response = {
        status: 500,
        headers: { 'content-type': 'text/plain' },
        body: `wire server handler threw: ${String(error)}`,
      };
    }
    if (response.hang) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    const body =
      typeof response.body === 'string' || response.body instanceof Uint8Array
        ? response.body
        : response.body === undefined
          ? ''
          : JSON.stringify(response.body);
    res.writeHead(response.status ?? 200, response.headers ?? { 'content-type': 'application/json' });
    res.end(body);
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    signatureProblems,
    reply: (...responses) => void queue.push(...responses),
    fallback: (response) => void (fallback = response),
    reset() {
      requests.length = 0;
      signatureProblems.length = 0;
      queue = [];
      fallback = conformingAnswer;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A `http://127.0.0.1:<port>` where nothing listens (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
