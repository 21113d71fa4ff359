import { quote } from '../errors.js';
import type { SandboxCore } from '../pipeline.js';
import {
  type BodyRead,
  bodyText,
  CallerMistake,
  holdEventLoop,
  type IncomingRequest,
  internalError,
  type Outcome,
} from './wire.js';

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
  // Buffers at run time (undici's own), typed as Uint8Array: the declarations need no @types/node.
  onHeaders?(status: number, rawHeaders: Uint8Array[], resume: () => void, statusText: string): boolean;
  onData?(chunk: Uint8Array): boolean;
  onComplete?(trailers: Uint8Array[] | null): void;
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

/** What undici throws for arguments it cannot use (its `InvalidArgumentError` code), as a `TypeError`. */
function invalidArgument(message: string, cause?: unknown): TypeError {
  return Object.assign(new TypeError(message, cause === undefined ? undefined : { cause }), {
    code: 'UND_ERR_INVALID_ARG',
  });
}

/** Header lookups over what undici was given, names case-insensitive, each list read once. */
function headerLookup(headers: unknown): (name: string) => string | undefined {
  const values = new Map<string, string>();
  const add = (name: unknown, value: unknown) => {
    if (value === undefined || value === null) return;
    let key: string;
    let text: string;
    try {
      key = String(name).toLowerCase();
      text = Array.isArray(value) ? value.join(', ') : String(value);
    } catch (cause) {
      throw invalidArgument(
        `header ${typeof name === 'string' ? quote(name) : '(a name that is not text)'} cannot be read as text`,
        cause,
      );
    }
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

const defaultOrigin = 'https://sandbox.invalid';

function urlOf(options: SandboxDispatchOptions): URL {
  const origin = options.origin ?? defaultOrigin;
  try {
    return new URL(options.path, origin);
  } catch (cause) {
    let originOk = false;
    try {
      originOk = URL.canParse(origin);
    } catch {
      // an origin whose toString throws
    }
    if (!originOk)
      throw invalidArgument(
        `invalid origin ${typeof origin === 'string' ? quote(origin) : quote(String(origin))}`,
        cause,
      );
    return new URL('/%00', origin); // a path that is no URL (`//`) is no path of the API either: answered 404
  }
}

const isIterable = (body: object) => Symbol.asyncIterator in body || Symbol.iterator in body;

async function readCapped(body: unknown, maxBytes: number): Promise<BodyRead> {
  if (body === undefined || body === null) return { text: '' };
  if (typeof body === 'string') return Buffer.byteLength(body) > maxBytes ? { tooLarge: true } : { text: body };
  if (body instanceof Uint8Array) return body.byteLength > maxBytes ? { tooLarge: true } : bodyText(body);
  if (typeof body !== 'object' || !isIterable(body)) {
    throw new CallerMistake(
      invalidArgument(`body must be a string, bytes or an (async) iterable of chunks, got ${quote(body)}`),
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<unknown>) {
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))
        throw invalidArgument(`body chunks must be strings or bytes, got ${quote(chunk)}`);
      const bytes =
        typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      size += bytes.byteLength;
      if (size > maxBytes) return { tooLarge: true };
      chunks.push(bytes);
    }
  } catch (error) {
    const named =
      error instanceof TypeError && (error as { code?: unknown }).code === 'UND_ERR_INVALID_ARG'
        ? error
        : invalidArgument(
            `the request body failed while being read: ${error instanceof Error ? error.message : quote(error)}`,
            error,
          );
    throw new CallerMistake(named);
  }
  return bodyText(Buffer.concat(chunks));
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
  private release: (() => void) | undefined;
  private readonly onCallerAbort: (() => void) | undefined;

  constructor(
    private readonly handler: SandboxDispatchHandler,
    private readonly callerSignal: AbortSignal | null | undefined,
  ) {
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
    const error =
      reason ?? Object.assign(new Error('Request aborted'), { name: 'AbortError', code: 'UND_ERR_ABORTED' });
    this.abortedWith = error;
    this.controller?.abort(error);
    this.fail(error);
  };

  fail(error: unknown): void {
    if (this.end()) this.report(error);
  }

  /**
   * Calls `onConnect`; one that throws aborts the request with its error (undici's way) and nothing is dispatched.
   * An abort called inside it still lets the request reach the pipeline, which sees the aborted signal.
   */
  connect(): boolean {
    try {
      this.handler.onConnect?.(this.abort);
      return true;
    } catch (error) {
      this.abort(error);
      return false;
    }
  }

  /** `onError`, once; an `onError` that throws itself has nobody left to tell, and must not crash the process. */
  private report(error: unknown): void {
    try {
      this.handler.onError?.(error);
    } catch {
      // The caller's own handler failed on its own error.
    }
  }

  /** Marks the exchange finished (false when it already was) and lets go of the caller's signal. */
  private end(): boolean {
    if (this.finished) return false;
    this.finished = true;
    this.release?.();
    if (this.onCallerAbort) this.callerSignal!.removeEventListener('abort', this.onCallerAbort);
    return true;
  }

  answer(outcome: Outcome): void {
    if (this.finished) return;
    if (outcome.kind === 'reset') return this.fail(connectionReset());
    if (outcome.kind === 'hang') {
      // Until the caller aborts (onConnect's callback or the signal); the loop stays alive meanwhile.
      this.release = holdEventLoop();
      return;
    }
    if (!this.end()) return;
    const body = Buffer.from(outcome.body);
    const rawHeaders: Buffer[] = [];
    for (const name in outcome.headers) rawHeaders.push(bytesOf(name), valueBytes(name, outcome.headers[name]!));
    rawHeaders.push(contentLength, Buffer.from(String(body.byteLength)));
    // A handler callback that throws ends the request with onError (undici does the same); nothing follows it.
    try {
      this.handler.onHeaders?.(outcome.status, rawHeaders, noop, statusText(outcome.status));
      if (body.byteLength > 0) this.handler.onData?.(body);
      this.handler.onComplete?.([]);
    } catch (error) {
      this.report(error);
    }
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
const valueBytes = (name: string, value: string): Buffer =>
  name === traceIdHeader ? Buffer.from(value) : bytesOf(value);
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
    let request: IncomingRequest;
    try {
      request = {
        method: options.method,
        url: urlOf(options),
        header: headerLookup(options.headers),
        readBody: (maxBytes) => readCapped(options.body, maxBytes),
        get signal() {
          return exchange.signal;
        },
      };
    } catch (error) {
      return exchange.fail(error); // the caller's mistake, named: not the sandbox's 500
    }
    let outcome: Outcome;
    try {
      outcome = await core.handle(request);
    } catch (error) {
      if (error instanceof CallerMistake) return exchange.fail(error.error);
      // An abort during a latency fault was already reported; anything else is a bug of the sandbox: a 500 envelope.
      outcome = internalError();
    }
    exchange.answer(outcome);
  };
  return {
    dispatch(options, handler) {
      // Thrown at once, as undici throws its InvalidArgumentError: nothing is dispatched.
      if (typeof options !== 'object' || options === null)
        throw invalidArgument(`dispatch options must be an object, got ${quote(options)}`);
      if (typeof handler !== 'object' || handler === null)
        throw invalidArgument(`handler must be an object, got ${quote(handler)}`);
      if (typeof options.path !== 'string') throw invalidArgument(`path must be a string, got ${quote(options.path)}`);
      if (typeof options.method !== 'string')
        throw invalidArgument(`method must be a string, got ${quote(options.method)}`);
      const exchange = new Exchange(handler, options.signal);
      if (options.signal?.aborted) {
        queueMicrotask(() => exchange.abort(options.signal!.reason));
        return true;
      }
      queueMicrotask(() => {
        if (exchange.connect()) void run(options, exchange);
      });
      return true;
    },
    close: async () => {},
    destroy: async () => {},
  };
}
