// openapi-fetch builds its request with the class given as its `Request` option. A WHATWG `Request` costs ~8 µs
// (URL parsing, a signal that follows the caller's, a body stream), and `fetch(request)` then copies it into a
// second one; this class only keeps what openapi-fetch passed, and the transport hands that on once.
import { type AbortSignalLike, realSignal } from './attempt-signal.js';

const lightBrand = Symbol('nim.lightRequest');
const initOf = Symbol('nim.requestInit');

/**
 * The request as openapi-fetch builds it for each attempt (its `Request` option): URL, method, headers and body
 * exactly as given, nothing parsed or copied. Middleware added with `nim.raw.use()` sees this object; it has the
 * fields middleware normally reads (`url`, `method`, `headers`, `body`, `signal`) and `clone()`, `text()`,
 * `json()`. A middleware may still return a real `Request`: `instanceof` accepts both, and the transport sends either.
 *
 * @example
 * ```ts
 * nim.raw.use({ onRequest: ({ request }) => void console.log(request.method, request.url, request.headers.get('Nonce')) });
 * ```
 */
export class NimRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** What openapi-fetch serialised (a JSON string for every operation of the spec), or `null` without a body. */
  readonly body: BodyInit | null;
  readonly redirect: RequestRedirect;
  /** @internal */
  readonly [initOf]: RequestInit;

  constructor(url: string | URL, init: RequestInit = {}) {
    this.url = String(url);
    this.method = (init.method ?? 'GET').toUpperCase();
    // openapi-fetch always passes a Headers of its own: keep it (the signing middleware writes into it).
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.redirect = init.redirect ?? 'follow';
    this[initOf] = init.headers === this.headers ? init : { ...init, headers: this.headers };
  }

  /** The attempt's signal: a real `AbortSignal` (on the undici transport one that follows the attempt's own). */
  get signal(): AbortSignal | null {
    return realSignal(this[initOf].signal as AbortSignalLike | null | undefined);
  }

  /** A copy with its own headers. */
  clone(): NimRequest {
    return new NimRequest(this.url, { ...this[initOf], headers: new Headers(this.headers) });
  }

  /** The body as text (`''` without a body). */
  async text(): Promise<string> {
    return typeof this.body === 'string' ? this.body : this.body === null ? '' : new Response(this.body).text();
  }

  /** The body parsed as JSON. */
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  /** True for a NimRequest and for a WHATWG `Request` (what openapi-fetch checks a middleware's result with). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isLightRequest(value) || (typeof Request === 'function' && value instanceof Request);
  }

  static {
    Object.defineProperty(this.prototype, lightBrand, { value: true });
  }
}

/** Whether `value` is a {@link NimRequest} (and not a WHATWG `Request`). */
export function isLightRequest(value: unknown): value is NimRequest {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[lightBrand] === true;
}

/** The `RequestInit` openapi-fetch built, to call `fetch(request.url, init)` with: one WHATWG request, not two. */
export function initOfLightRequest(request: NimRequest): RequestInit {
  return request[initOf];
}

/** The signal the transport listens to, as the client gave it (an AttemptSignal on the undici transport). */
export function signalOfLightRequest(request: NimRequest): AbortSignalLike | null {
  return (request[initOf].signal as AbortSignalLike | null | undefined) ?? null;
}

/** A WHATWG `Request` for code that needs one (a caller's `fetch`). */
export function toRequest(request: Request | NimRequest): Request {
  if (!isLightRequest(request)) return request;
  const init = request[initOf];
  const signal = init.signal as AbortSignalLike | null | undefined;
  return new Request(
    request.url,
    typeof signal?.toAbortSignal === 'function' ? { ...init, signal: signal.toAbortSignal() } : init,
  );
}
