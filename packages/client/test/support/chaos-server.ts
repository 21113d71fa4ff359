import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the chaos server does with one request. */
export type Fault =
  | { kind: 'ok'; body?: string }
  | { kind: 'code'; code: number; msg?: string }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'reset' } // TCP RST after the request was read, before any response byte
  | { kind: 'closeMidBody' } // headers and half a body, then the socket closes
  | { kind: 'hang' } // never answers
  | { kind: 'html' } // HTTP 200 with an HTML page
  | { kind: 'truncated' } // HTTP 200, a complete response whose JSON is cut short
  | { kind: 'huge'; bytes: number } // HTTP 200 with a body of `bytes` bytes that is not JSON
  | { kind: 'slowHeaders'; delayMs: number; body?: string };

/** One request as the server saw it, with its own verdict on the signature. */
export interface RecordedAttempt {
  readonly port: number;
  readonly method: string;
  readonly url: string;
  readonly nonce: string;
  readonly curTime: string;
  readonly checkSum: string;
  readonly traceId: string;
  readonly checkSumValid: boolean;
  readonly body: string;
  /** Whether the WHATWG fetch algorithm sent it (it adds `sec-fetch-mode`; undici's dispatch does not). */
  readonly sentByFetch: boolean;
}

export const okEnvelope = (data: unknown = { group_id: 1001, name: 'Work', create_time: 1, update_time: 1 }) =>
  JSON.stringify({ code: 200, msg: 'success', data });

export const createdEnvelope = okEnvelope({
  conversation_group: { group_id: 1001, name: 'Work', create_time: 1, update_time: 1 },
  success_list: [],
  failed_list: [],
});

/**
 * A loopback server whose every answer is scripted per request. It verifies each request's CheckSum with its own
 * SHA-1 (node:crypto), independently of the client's WebCrypto code.
 */
export class ChaosServer {
  readonly attempts: RecordedAttempt[] = [];
  private faults: Fault[] = [];
  private fallback: Fault | (() => Fault) = { kind: 'ok' };
  private readonly server: Server;
  private readonly pending = new Set<ServerResponse>();

  constructor(
    private readonly appKey: string,
    private readonly appSecret: string,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1_000;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Faults for the next requests, in order; afterwards every request gets `fallback`. */
  script(faults: Fault[], fallback: Fault | (() => Fault) = { kind: 'ok' }): void {
    this.faults = [...faults];
    this.fallback = fallback;
  }

  /** Forget recorded attempts and scripted faults. */
  reset(): void {
    this.attempts.length = 0;
    this.faults = [];
    this.fallback = { kind: 'ok' };
  }

  async stop(): Promise<void> {
    for (const res of this.pending) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const header = (name: string) => String(req.headers[name.toLowerCase()] ?? '');
    const nonce = header('Nonce');
    const curTime = header('CurTime');
    const checkSum = header('CheckSum');
    const expected = createHash('sha1')
      .update(this.appSecret + nonce + curTime)
      .digest('hex');
    this.attempts.push({
      port: this.port,
      method: req.method ?? '',
      url: req.url ?? '',
      nonce,
      curTime,
      checkSum,
      traceId: header('X-custom-traceid'),
      checkSumValid:
        header('AppKey') === this.appKey &&
        checkSum === expected &&
        nonce.length >= 16 &&
        nonce.length <= 128 &&
        Math.abs(Number(curTime) - Date.now() / 1000) < 300,
      body: Buffer.concat(chunks).toString('utf8'),
      sentByFetch: req.headers['sec-fetch-mode'] !== undefined,
    });
    const fault = this.faults.shift() ?? (typeof this.fallback === 'function' ? this.fallback() : this.fallback);
    this.respond(fault, req, res);
  }

  private respond(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
    const json = { 'content-type': 'application/json' };
    switch (fault.kind) {
      case 'ok':
        res.writeHead(200, json).end(fault.body ?? (req.method === 'POST' ? createdEnvelope : okEnvelope()));
        return;
      case 'code':
        res
          .writeHead(200, json)
          .end(JSON.stringify({ code: fault.code, msg: fault.msg ?? `error ${fault.code}`, data: {} }));
        return;
      case 'status':
        res
          .writeHead(fault.status, {
            'content-type': 'text/html',
            ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
          })
          .end(`<html><body>${fault.status} from the gateway</body></html>`);
        return;
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'closeMidBody':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
        res.write('{"code":200,"msg":"success","data":{"group_');
        setTimeout(() => req.socket.destroy(), 5);
        return;
      case 'hang':
        this.pending.add(res);
        res.on('close', () => this.pending.delete(res));
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Maintenance</body></html>');
        return;
      case 'truncated':
        res.writeHead(200, json).end('{"code":200,"msg":"success","data":{"group_id":10');
        return;
      case 'huge':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(fault.bytes));
        return;
      case 'slowHeaders': {
        this.pending.add(res);
        const timer = setTimeout(() => {
          this.pending.delete(res);
          if (!res.destroyed) res.writeHead(200, json).end(fault.body ?? okEnvelope());
        }, fault.delayMs);
        res.on('close', () => {
          clearTimeout(timer);
          this.pending.delete(res);
        });
        return;
      }
    }
  }
}
