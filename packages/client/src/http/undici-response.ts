import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { AbortSignalLike } from './attempt-signal.js';
import { BodyTooLargeError, maxBodyBytes } from './body-limit.js';
import { LightResponse } from './light-response.js';
import { markNeverSent } from './never-sent.js';

// Statuses whose Response must have a null body (the WHATWG Response constructor throws otherwise).
const nullBodyStatus = new Set([101, 103, 204, 205, 304]);
// Bounded: a few hundred bytes of brotli can expand to gigabytes, decoded synchronously, past any deadline.
const bounded = { maxOutputLength: maxBodyBytes };
const decoders: Record<string, (data: Buffer) => Buffer> = {
  gzip: (data) => gunzipSync(data, bounded),
  'x-gzip': (data) => gunzipSync(data, bounded),
  deflate: (data) => inflateSync(data, bounded),
  br: (data) => brotliDecompressSync(data, bounded),
};

/** Rejects the way `fetch` does: a TypeError whose `cause` is the network error. */
export function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

/**
 * The handler of one undici `dispatch`: collects status, headers and body, then settles with a real `Response`
 * (or, when `light`, with a {@link LightResponse} for the resource methods).
 * It also listens to the attempt's one signal (as an EventListener object, no closure per request): an abort
 * rejects at once with the signal's reason, as `fetch` does, and drops the request even while it is still queued.
 */
function decodeBounded(decode: (data: Buffer) => Buffer, body: Buffer): Buffer {
  try {
    return decode(body);
  } catch (error) {
    throw (error as { code?: unknown } | undefined)?.code === 'ERR_BUFFER_TOO_LARGE'
      ? new BodyTooLargeError('the decompressed answer')
      : error;
  }
}

export class ResponseCollector {
  private abortRequest: ((reason?: Error) => void) | undefined;
  private status = 0;
  private statusText = '';
  private rawHeaders: Buffer[] = [];
  private readonly chunks: Buffer[] = [];
  private received = 0;
  private settled = false;

  constructor(
    private readonly url: string,
    private readonly method: string,
    private readonly signal: AbortSignalLike | null,
    private readonly light: boolean,
    private readonly resolve: (response: Response) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    signal?.addEventListener('abort', this);
  }

  /** The signal aborted. */
  handleEvent(): void {
    const reason = this.signal!.reason;
    this.fail(reason, true);
    this.abortRequest?.(reason as Error);
  }

  onConnect(abort: (reason?: Error) => void): void {
    if (this.settled) abort((this.signal?.reason as Error | undefined) ?? fetchFailed(undefined));
    else this.abortRequest = abort;
  }

  onHeaders(status: number, rawHeaders: Buffer[], _resume: () => void, statusText: string): boolean {
    if (status < 200) return true; // 1xx: informational, the real answer follows
    this.status = status;
    this.statusText = statusText;
    this.rawHeaders = rawHeaders;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.received += chunk.length;
    if (this.received > maxBodyBytes) {
      const error = new BodyTooLargeError();
      this.fail(error, false);
      this.abortRequest?.(error);
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (!this.settle()) return;
    try {
      this.resolve(this.response());
    } catch (error) {
      this.reject(fetchFailed(error));
    }
  }

  onError(error: unknown): void {
    this.fail(error, false);
  }

  /** `dispatch` threw instead of taking the request: nothing was sent. */
  refused(error: unknown): void {
    if (this.settle()) this.reject(markNeverSent(fetchFailed(error)));
  }

  onUpgrade(): void {
    this.fail(new Error('unexpected HTTP upgrade'), false);
  }

  private fail(error: unknown, isAbortReason: boolean): void {
    if (this.settle())
      this.reject(isAbortReason || (this.signal?.aborted && error === this.signal.reason) ? error : fetchFailed(error));
  }

  /** Marks the collector settled (false if it already was) and stops following the signal. */
  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.signal?.removeEventListener('abort', this);
    return true;
  }

  private response(): Response {
    const headers = new Headers();
    const raw = this.rawHeaders;
    let encoding: string | undefined;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!.toString('latin1');
      const value = raw[i + 1]!.toString('latin1');
      headers.append(name, value);
      if (name.length === 16 && name.toLowerCase() === 'content-encoding') encoding = value.trim().toLowerCase();
    }
    let body: Buffer | null = null;
    if (!nullBodyStatus.has(this.status) && this.method !== 'HEAD') {
      body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      // fetch decodes these (undici's own request() does not); the client never asks for them, a server may still send them.
      const decode = encoding === undefined ? undefined : decoders[encoding];
      if (decode && body.length > 0) body = decodeBounded(decode, body);
    }
    if (this.light)
      return new LightResponse(this.status, this.statusText, headers, this.url, body) as unknown as Response;
    const response = new Response(body as BodyInit | null, {
      status: this.status,
      statusText: this.statusText,
      headers,
    });
    Object.defineProperty(response, 'url', { value: this.url });
    return response;
  }
}
