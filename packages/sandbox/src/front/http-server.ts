import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createConnectionGuard } from './connection-guard.js';
import { NimSandboxOptionsError, quote, readingOptions } from '../errors.js';
import type { SandboxCore } from '../pipeline.js';
import { type BodyRead, bodyText, internalError, type Outcome } from './wire.js';

/**
 * A running HTTP front of the sandbox.
 * @example
 * ```ts
 * const server: SandboxServer = await sandbox.listen();
 * await fetch(`${server.url}/health/liveness.action`);
 * await server.close();
 * ```
 */
export interface SandboxServer {
  /** `http://<host>:<port>`, no trailing slash. */
  readonly url: string;
  /** Stops listening and drops every connection (hung requests too); resolves when closed. */
  close(): Promise<void>;
}

/**
 * Where to listen.
 * @example
 * ```ts
 * const options: ListenOptions = { port: 4010 };
 * ```
 */
export interface ListenOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /**
   * Interface to bind. Anything but a loopback address (`0.0.0.0`, a LAN address) prints a warning (a
   * `process.emitWarning` with code `NIM_SANDBOX_EXPOSED`): the sandbox's AppSecret is a test secret, and anyone who
   * reaches the port can call it. @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * A connection with no request in flight — silent since it opened, sending its headers too slowly, or between
   * keep-alive requests — is closed after this many milliseconds. A request in flight (a `hang` or `latency`
   * fault) is not cut by it. @default 5000
   */
  readonly idleTimeoutMs?: number;
  /** Time for a request's headers to arrive, in ms; then HTTP 408 and the connection is closed. @default 5000 */
  readonly headersTimeoutMs?: number;
  /** Time for a whole request (headers and body) to arrive, in ms; at least `headersTimeoutMs`. @default 10000 */
  readonly requestTimeoutMs?: number;
  /**
   * Open connections at most. At the cap a new connection closes the longest-idle one to make room; when every
   * connection has a request in flight, the new one is answered HTTP 503 and closed. @default 512
   */
  readonly maxConnections?: number;
}

/**
 * The defaults of the HTTP front's limits (seconds, not Node's minutes).
 * @example
 * ```ts
 * const server = await sandbox.listen({ idleTimeoutMs: listenDefaults.idleTimeoutMs * 2 });
 * ```
 */
export const listenDefaults = {
  idleTimeoutMs: 5_000,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  maxConnections: 512,
} as const;

function readCapped(request: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  // Answered as soon as the cap is passed (at once for a larger Content-Length): the rest is not waited for, and
  // `send` closes the connection instead of reading a body that may never end.
  const declared = Number(request.headers['content-length']);
  if (declared > maxBytes) {
    request.resume();
    return Promise.resolve({ tooLarge: true });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (size > maxBytes) return; // answered already; the rest is dropped
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        chunks.length = 0;
        resolve({ tooLarge: true });
      }
    });
    request.on('end', () => resolve(size > maxBytes ? { tooLarge: true } : bodyText(Buffer.concat(chunks))));
    request.on('error', () => resolve({ tooLarge: true }));
  });
}

const drainableBytes = 64 * 1024;

function send(response: ServerResponse, request: IncomingMessage, outcome: Outcome): void {
  if (outcome.kind === 'reset') {
    request.socket.destroy();
    return;
  }
  if (outcome.kind === 'hang') return; // the socket stays open until the caller or close() ends it
  const headers: Record<string, string | number> = {
    ...outcome.headers,
    'content-length': Buffer.byteLength(outcome.body),
  };
  // A body still coming in (too large, or not read at all: an unsigned or throttled call): answer, then close rather
  // than read it to its end — unless it is declared small, which Node drains so that the connection stays alive.
  const declared = Number(request.headers['content-length']);
  if (!request.complete && !(declared >= 0 && declared <= drainableBytes)) headers.connection = 'close';
  response.writeHead(outcome.status, headers).end(outcome.body);
}

const listenOptionNames = ['port', 'host', 'idleTimeoutMs', 'headersTimeoutMs', 'requestTimeoutMs', 'maxConnections'];

interface CheckedListenOptions {
  readonly port: number;
  readonly host: string;
  readonly idleTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly maxConnections: number;
}

function checkListenOptions(options: unknown): CheckedListenOptions {
  const issues: string[] = [];
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    issues.push(`listen options must be an object, got ${quote(options)}`);
  const given =
    typeof options === 'object' && options !== null && !Array.isArray(options)
      ? (options as Record<string, unknown>)
      : {};
  for (const key of Object.keys(given))
    if (!listenOptionNames.includes(key)) issues.push(`listen options.${key} is not an option`);
  const { port = 0, host = '127.0.0.1' } = given;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535)
    issues.push(`port must be an integer from 0 to 65535, got ${quote(port)}`);
  if (typeof host !== 'string' || host === '') issues.push(`host must be a non-empty string, got ${quote(host)}`);
  const whole = (name: keyof typeof listenDefaults, min: number, max: number): number => {
    const value = given[name] ?? listenDefaults[name];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    issues.push(`${name} must be an integer from ${min} to ${max}, got ${quote(value)}`);
    return listenDefaults[name];
  };
  const idleTimeoutMs = whole('idleTimeoutMs', 1, 3_600_000);
  const headersTimeoutMs = whole('headersTimeoutMs', 1, 3_600_000);
  const requestTimeoutMs = whole('requestTimeoutMs', 1, 3_600_000);
  const maxConnections = whole('maxConnections', 1, 1_000_000);
  if (headersTimeoutMs > requestTimeoutMs)
    issues.push(`headersTimeoutMs (${headersTimeoutMs}) must not be more than requestTimeoutMs (${requestTimeoutMs})`);
  if (issues.length) throw new NimSandboxOptionsError(issues);
  return {
    port: port as number,
    host: host as string,
    idleTimeoutMs,
    headersTimeoutMs,
    requestTimeoutMs,
    maxConnections,
  };
}

/**
 * Whether a bound address is a loopback one (127.0.0.0/8, ::1, or 127.x mapped into IPv6).
 * @example
 * ```ts
 * isLoopback('0.0.0.0'); // false
 * ```
 */
export function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address);
}

/**
 * The HTTP front: node:http on `host:port`, each request handed to the pipeline, each outcome written back.
 * @example
 * ```ts
 * const server = await listenHttp(core, { port: 0 });
 * ```
 */
export async function listenHttp(core: SandboxCore, options: ListenOptions = {}): Promise<SandboxServer> {
  const limits = readingOptions('listen options', () => checkListenOptions(options));
  const { port, host } = limits;

  let origin = '';
  const connections = createConnectionGuard(limits);
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks those two timeouts on this interval (30 s by default): at most a second late here.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 2))),
    },
    (request, response) => {
      if (!connections.begin(request.socket)) {
        response.destroy();
        return;
      }
      const aborter = new AbortController();
      response.on('close', () => {
        connections.end(request.socket);
        if (!response.writableFinished) aborter.abort(new Error('the caller closed the connection'));
      });
      let url: URL;
      try {
        url = new URL(request.url ?? '/', origin);
      } catch {
        url = new URL('/%00', origin); // not a path of the API: answered 404
      }
      core
        .handle({
          method: request.method ?? 'GET',
          url,
          header: (name) => {
            const value = request.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : value;
          },
          readBody: (maxBytes) => readCapped(request, maxBytes),
          signal: aborter.signal,
          origin,
        })
        .then(
          (outcome) => send(response, request, outcome),
          () => {
            if (!aborter.signal.aborted) send(response, request, internalError());
          },
        );
    },
  );
  // A backstop behind the guard's own idle timer (which closes idle keep-alive connections first).
  server.keepAliveTimeout = limits.idleTimeoutMs + 1000;
  server.on('connection', (socket: Socket) => connections.admit(socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${shownHost}:${address.port}`;
  if (!isLoopback(address.address)) {
    process.emitWarning(
      `nim-sandbox is listening on ${origin}, not on a loopback address: anyone who reaches this port can call the sandbox and steer its faults with the AppKey it prints`,
      { code: 'NIM_SANDBOX_EXPOSED' },
    );
  }

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        connections.closeAll();
      });
      return closing;
    },
  };
}
