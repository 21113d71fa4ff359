import type { SandboxCore } from '../pipeline.js';
import { type BodyRead, internalError, type Outcome } from './wire.js';

/**
 * The callbacks of undici's dispatch-handler protocol that the sandbox calls, in this order: `onConnect`,
 * `onHeaders`, `onData`, `onComplete` — or `onError` (a reset, an abort). It is the protocol of undici 6, which
 * Node 20's `fetch` and `@nim-api/client`'s undici transport speak.
 * @example
 * ```ts
 * const handler: SandboxDispatchHandler = { onHeaders: (status) => (console.log(status), true), onError: console.error };
 * ```
 */
export interface SandboxDispatchHandler {
  onConnect?(abort: (reason?: unknown) => void): void;
  onHeaders?(status: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean;
  onData?(chunk: Buffer): boolean;
  onComplete?(trailers: Buffer[] | null): void;
  onError?(error: unknown): void;
}

/**
 * What a dispatch is asked: undici's `Dispatcher.DispatchOptions`, the fields the sandbox reads.
 * @example
 * ```ts
 * const options: SandboxDispatchOptions = { origin: 'http://sandbox', path: '/health/liveness.action', method: 'GET' };
 * ```
 */
export interface SandboxDispatchOptions {
  readonly origin?: string | URL;
  readonly path: string;
  readonly method: string;
  /** A flat `[name, value, …]` array, `[name, value]` pairs, or an object (as undici accepts them). */
  readonly headers?: unknown;
  /** A string, bytes, or an (async) iterable of chunks such as a `Readable`. */
  readonly body?: unknown;
  readonly signal?: AbortSignal | null;
}

/**
 * The sandbox as an undici `Dispatcher`: in process, no sockets, and none of the WHATWG `Request`/`Response`
 * machinery, so it is the faster in-process way for a client on the undici transport (the default on Node).
 * Node's own `fetch(url, { dispatcher })` takes it too.
 * @example
 * ```ts
 * const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, dispatcher: sandbox.dispatcher, discovery: false });
 * ```
 */
export interface SandboxDispatcher {
  dispatch(options: SandboxDispatchOptions, handler: SandboxDispatchHandler): boolean;
  /** Nothing to release (no sockets); there for callers that close their dispatcher. */
  close(): Promise<void>;
  destroy(): Promise<void>;
}

const decoder = new TextDecoder();

/** Header lookups over what undici was given, names case-insensitive, each list read once. */
function headerLookup(headers: unknown): (name: string) => string | undefined {
  const values = new Map<string, string>();
  const add = (name: unknown, value: unknown) => {
    if (value === undefined || value === null) return;
    const key = String(name).toLowerCase();
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    const previous = values.get(key);
    values.set(key, previous === undefined ? text : `${previous}, ${text}`);
  };
  if (Array.isArray(headers) && (headers.length === 0 || !Array.isArray(headers[0]))) {
    for (let i = 0; i + 1 < headers.length; i += 2) add(headers[i], headers[i + 1]);
  } else if (headers !== null && typeof headers === 'object' && Symbol.iterator in headers) {
    for (const pair of headers as Iterable<[unknown, unknown]>) add(pair[0], pair[1]);
  } else if (headers !== null && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) add(name, value);
  }
  return (name) => values.get(name.toLowerCase());
}

async function readCapped(body: unknown, maxBytes: number): Promise<BodyRead> {
  if (body === undefined || body === null) return { text: '' };
  if (typeof body === 'string') return Buffer.byteLength(body) > maxBytes ? { tooLarge: true } : { text: body };
  if (body instanceof Uint8Array) return body.byteLength > maxBytes ? { tooLarge: true } : { text: decoder.decode(body) };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.byteLength;
    if (size > maxBytes) return { tooLarge: true };
    chunks.push(bytes);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

/** What undici reports when the peer resets the connection. */
function connectionReset(): Error {
  return Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' });
}

/** One dispatch: aborted through `onConnect`'s callback or the options' signal; a hang waits for either. */
class Exchange {
  private controller: AbortController | undefined;
  private finished = false;
  private abortedWith: unknown;
  private readonly onCallerAbort: (() => void) | undefined;

  constructor(private readonly handler: SandboxDispatchHandler, private readonly callerSignal: AbortSignal | null | undefined) {
    if (callerSignal) {
      this.onCallerAbort = () => this.abort(callerSignal.reason);
      callerSignal.addEventListener('abort', this.onCallerAbort, { once: true });
    }
  }

  /** The attempt's signal for the pipeline (latency faults), made only when something asks for it. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      // Asked for after the caller gave up: already aborted, so no latency fault waits on behind its back.
      if (this.finished) this.controller.abort(this.abortedWith);
    }
    return this.controller.signal;
  }

  abort = (reason?: unknown): void => {
    if (this.finished) return;
    const error = reason ?? Object.assign(new Error('Request aborted'), { name: 'AbortError', code: 'UND_ERR_ABORTED' });
    this.abortedWith = error;
    this.controller?.abort(error);
    this.fail(error);
  };

  fail(error: unknown): void {
    if (this.end()) this.handler.onError?.(error);
  }

  /** Marks the exchange finished (false when it already was) and lets go of the caller's signal. */
  private end(): boolean {
    if (this.finished) return false;
    this.finished = true;
    if (this.onCallerAbort) this.callerSignal!.removeEventListener('abort', this.onCallerAbort);
    return true;
  }

  answer(outcome: Outcome): void {
    if (this.finished) return;
    if (outcome.kind === 'reset') return this.fail(connectionReset());
    if (outcome.kind === 'hang') return; // until the caller aborts (onConnect's callback or the signal)
    if (!this.end()) return;
    const body = Buffer.from(outcome.body);
    const rawHeaders: Buffer[] = [];
    for (const name in outcome.headers) rawHeaders.push(bytesOf(name), valueBytes(name, outcome.headers[name]!));
    rawHeaders.push(contentLength, Buffer.from(String(body.byteLength)));
    this.handler.onHeaders?.(outcome.status, rawHeaders, noop, statusText(outcome.status));
    if (body.byteLength > 0) this.handler.onData?.(body);
    this.handler.onComplete?.([]);
  }
}

const noop = () => {};
const contentLength = Buffer.from('content-length');
// Header names, and the values that repeat (content types, allow lists), are the same few strings on every answer:
// their bytes are made once. A trace id is new each time and is not kept.
const knownBytes = new Map<string, Buffer>();
const bytesOf = (text: string): Buffer => {
  let bytes = knownBytes.get(text);
  if (!bytes) {
    bytes = Buffer.from(text);
    if (knownBytes.size < 64) knownBytes.set(text, bytes);
  }
  return bytes;
};
const valueBytes = (name: string, value: string): Buffer => (name === traceIdHeader ? Buffer.from(value) : bytesOf(value));
const traceIdHeader = 'X-custom-traceid';
const statusText = (status: number) => (status === 200 ? 'OK' : '');

/**
 * The undici front: turns a dispatch into the pipeline's input and its outcome into handler callbacks.
 * @example
 * ```ts
 * const dispatcher = createSandboxDispatcher(core);
 * dispatcher.dispatch({ origin: 'http://sandbox', path: '/health/liveness.action', method: 'GET' }, handler);
 * ```
 */
export function createSandboxDispatcher(core: SandboxCore): SandboxDispatcher {
  const run = async (options: SandboxDispatchOptions, exchange: Exchange) => {
    let outcome: Outcome;
    try {
      const url = new URL(options.path, options.origin ?? 'http://sandbox.invalid');
      outcome = await core.handle({
        method: String(options.method),
        url,
        header: headerLookup(options.headers),
        readBody: (maxBytes) => readCapped(options.body, maxBytes),
        get signal() {
          return exchange.signal;
        },
      });
    } catch (error) {
      // An abort during a latency fault was already reported; anything else is a bug of the sandbox: a 500 envelope.
      void error;
      outcome = internalError();
    }
    exchange.answer(outcome);
  };
  return {
    dispatch(options, handler) {
      const exchange = new Exchange(handler, options.signal);
      if (options.signal?.aborted) {
        queueMicrotask(() => exchange.abort(options.signal!.reason));
        return true;
      }
      queueMicrotask(() => {
        handler.onConnect?.(exchange.abort);
        void run(options, exchange);
      });
      return true;
    },
    close: async () => {},
    destroy: async () => {},
  };
}
