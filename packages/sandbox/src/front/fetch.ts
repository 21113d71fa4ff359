import type { SandboxCore } from '../pipeline.js';
import { type BodyRead, bodyText, CallerMistake, holdEventLoop, internalError, type Outcome } from './wire.js';

/**
 * The sandbox as a `fetch`: in process, no sockets. Takes what the global `fetch` takes.
 * @example
 * ```ts
 * const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, fetch: sandbox.fetch });
 * ```
 */
export type SandboxFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

async function readCapped(request: Request, maxBytes: number): Promise<BodyRead> {
  if (!request.body) return { text: '' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return { tooLarge: true };
      }
      chunks.push(value);
    }
  } catch (cause) {
    // The caller's body stream failed: undici's fetch rejects with this, it is no server error.
    throw new CallerMistake(new TypeError('fetch failed', { cause }));
  }
  if (chunks.length === 1) return bodyText(chunks[0]!);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bodyText(bytes);
}

/** What undici's fetch throws when the peer resets the connection. */
function connectionReset(): TypeError {
  const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' });
  return new TypeError('fetch failed', { cause });
}

/** Header lookups of one request, each name read from the `Headers` once (the pipeline asks for some twice). */
function cachedHeaders(headers: Headers): (name: string) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (name) => {
    if (seen.has(name)) return seen.get(name);
    const value = headers.get(name) ?? undefined;
    seen.set(name, value);
    return value;
  };
}

function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const release = holdEventLoop();
    signal.addEventListener(
      'abort',
      () => {
        release();
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function toResponse(outcome: Outcome, signal: AbortSignal): Promise<Response> | Response {
  if (outcome.kind === 'reset') throw connectionReset();
  if (outcome.kind === 'hang') return waitForAbort(signal);
  return new Response(outcome.body, { status: outcome.status, headers: outcome.headers });
}

/**
 * The in-process front: turns a `Request` into the pipeline's input and its outcome into a `Response` (or into the
 * rejection a real `fetch` would give for a reset or an abort).
 * @example
 * ```ts
 * const fetch = createSandboxFetch(core);
 * const response = await fetch('http://sandbox/health/liveness.action');
 * ```
 */
export function createSandboxFetch(core: SandboxCore): SandboxFetch {
  return async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    // What `fetch` refuses itself (it copies the Request first): a body that was read already, or is being read.
    if (request.bodyUsed || request.body?.locked)
      throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
    const { signal } = request;
    if (signal.aborted) throw signal.reason;
    let outcome: Outcome;
    try {
      outcome = await core.handle({
        method: request.method,
        url: new URL(request.url),
        header: cachedHeaders(request.headers),
        readBody: (maxBytes) => readCapped(request, maxBytes),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (error instanceof CallerMistake) throw error.error;
      outcome = internalError();
    }
    return toResponse(outcome, signal);
  };
}
