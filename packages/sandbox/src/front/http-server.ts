import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NimSandboxOptionsError, quote, readingOptions } from '../errors.js';
import type { SandboxCore } from '../pipeline.js';
import { type BodyRead, internalError, type Outcome } from './wire.js';

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
  /** Interface to bind. @default '127.0.0.1' */
  readonly host?: string;
}

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
    request.on('end', () => resolve(size > maxBytes ? { tooLarge: true } : { text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', () => resolve({ tooLarge: true }));
  });
}

function send(response: ServerResponse, request: IncomingMessage, outcome: Outcome): void {
  if (outcome.kind === 'reset') {
    request.socket.destroy();
    return;
  }
  if (outcome.kind === 'hang') return; // the socket stays open until the caller or close() ends it
  const headers: Record<string, string | number> = { ...outcome.headers, 'content-length': Buffer.byteLength(outcome.body) };
  // A body still coming in (too large, or not read at all): answer, then close rather than read it to its end.
  if (!request.complete) headers.connection = 'close';
  response.writeHead(outcome.status, headers).end(outcome.body);
}

const listenOptionNames = ['port', 'host'];

function checkListenOptions(options: unknown): { port: number; host: string } {
  const issues: string[] = [];
  if (typeof options !== 'object' || options === null || Array.isArray(options)) issues.push(`listen options must be an object, got ${quote(options)}`);
  const given = typeof options === 'object' && options !== null && !Array.isArray(options) ? (options as Record<string, unknown>) : {};
  for (const key of Object.keys(given)) if (!listenOptionNames.includes(key)) issues.push(`listen options.${key} is not an option`);
  const { port = 0, host = '127.0.0.1' } = given;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) issues.push(`port must be an integer from 0 to 65535, got ${quote(port)}`);
  if (typeof host !== 'string' || host === '') issues.push(`host must be a non-empty string, got ${quote(host)}`);
  if (issues.length) throw new NimSandboxOptionsError(issues);
  return { port: port as number, host: host as string };
}

/**
 * The HTTP front: node:http on `host:port`, each request handed to the pipeline, each outcome written back.
 * @example
 * ```ts
 * const server = await listenHttp(core, { port: 0 });
 * ```
 */
export async function listenHttp(core: SandboxCore, options: ListenOptions = {}): Promise<SandboxServer> {
  const { port, host } = readingOptions('listen options', () => checkListenOptions(options));

  let origin = '';
  const server = createServer((request, response) => {
    const aborter = new AbortController();
    response.on('close', () => {
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
      })
      .then(
        (outcome) => send(response, request, outcome),
        () => {
          if (!aborter.signal.aborted) send(response, request, internalError());
        },
      );
  });
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

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
