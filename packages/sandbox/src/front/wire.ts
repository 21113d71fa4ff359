import { int64Fields } from '@nim-api/types';
import { utf8Text } from '../rules/well-formed.js';
import { messageOf } from '../spec/spec.js';

/**
 * What the pipeline answers: a response to send, a connection to reset, or nothing ever (a hang).
 * @example
 * ```ts
 * const outcome: Outcome = { kind: 'response', status: 200, headers: {}, body: '{}' };
 * ```
 */
export type Outcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | { readonly kind: 'reset' }
  | { readonly kind: 'hang' };

/**
 * A request as the fronts hand it to the pipeline, whatever carried it (an in-process `Request` or node:http).
 * @example
 * ```ts
 * const incoming: IncomingRequest = { method: 'GET', url, header: (n) => headers.get(n) ?? undefined, readBody, signal };
 * ```
 */
export interface IncomingRequest {
  readonly method: string;
  /** The request's URL; its origin is the sandbox's as the caller reached it, e.g. `http://127.0.0.1:4010`. */
  readonly url: URL;
  /** A header's value (names are case-insensitive), `undefined` when absent. */
  readonly header: (name: string) => string | undefined;
  /** Reads the body, at most `maxBytes` of it. */
  readonly readBody: (maxBytes: number) => Promise<BodyRead>;
  /** Aborted when the caller gives up (a latency fault or a hang then ends at once). */
  readonly signal: AbortSignal | undefined;
  /** The sandbox's own origin as this front serves it (the HTTP server's URL); in process it is left out. */
  readonly origin?: string;
}

/**
 * A request the caller got wrong (a body that cannot be read, a chunk that is no bytes): not an error of the sandbox,
 * so no 500 — the front passes `error` on as its transport would (a `fetch` rejection, a dispatcher's `onError`).
 * @example
 * ```ts
 * throw new CallerMistake(new TypeError('fetch failed', { cause }));
 * ```
 */
export class CallerMistake extends Error {
  override readonly name = 'CallerMistake';
  constructor(readonly error: Error) {
    super(error.message, { cause: error });
  }
}

/**
 * Keeps the event loop alive while a hang is pending, as the open socket of a real server would (a caller's
 * `AbortSignal.timeout` is unref'ed and would not). Returns the function that lets go.
 * @example
 * ```ts
 * const release = holdEventLoop();
 * signal.addEventListener('abort', release, { once: true });
 * ```
 */
export function holdEventLoop(): () => void {
  const handle = setInterval(noop, 2 ** 31 - 1);
  return () => clearInterval(handle);
}

const noop = () => {};

/**
 * The body as read: its text (empty when there was none), or the fact that it was larger than allowed, or that its
 * bytes are not UTF-8 (the API refuses such text; the sandbox does not store a replacement character in its place).
 * @example
 * ```ts
 * const read: BodyRead = size > max ? { tooLarge: true } : bodyText(bytes);
 * ```
 */
export type BodyRead = { readonly text: string } | { readonly tooLarge: true } | { readonly notUtf8: true };

/**
 * Bytes as a {@link BodyRead}: the text, or `notUtf8`.
 * @example
 * ```ts
 * return bodyText(Buffer.concat(chunks));
 * ```
 */
export function bodyText(bytes: Uint8Array): BodyRead {
  const text = utf8Text(bytes);
  return text === undefined ? { notUtf8: true } : { text };
}

// Group ids are int64: JSON must carry them as bare integers, exactly. Handlers hold them as decimal strings and this
// step unquotes them. Which fields are int64 is the spec's (every field whose schema is GroupId or a list of it:
// `int64Fields`, generated into @nim-api/types). Inside a JSON string every `"` is escaped, so `"group_id":"` cannot
// match string contents.
const markers = int64Fields.map((field) => `"${field}":"`);
// A list of such ids: `"group_ids":["1","2"]` becomes `"group_ids":[1,2]`.
const listMarkers = int64Fields.map((field) => `"${field}":["`);

/** `text` with the quoted decimal items of every `listMarker…]` list unquoted (one linear pass). */
function unquoteIdLists(text: string, listMarker: string): string {
  let at = text.indexOf(listMarker);
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    let cursor = at + listMarker.length - 1; // on the first item's opening quote
    out += text.slice(from, cursor);
    for (;;) {
      let end = cursor + 1;
      while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end += 1;
      if (end === cursor + 1 || text.charCodeAt(end) !== 34) break; // not a decimal string: left as it is
      out += text.slice(cursor + 1, end);
      cursor = end + 1;
      if (text.charCodeAt(cursor) !== 44 || text.charCodeAt(cursor + 1) !== 34) break; // no `,"` next: the list ends
      out += ',';
      cursor += 1;
    }
    from = cursor;
    at = text.indexOf(listMarker, cursor);
  }
  return out + text.slice(from);
}

/** `text` with every `marker` decimal string value unquoted (one linear pass). */
function unquoteIds(text: string, marker: string): string {
  let at = text.indexOf(marker);
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const start = at + marker.length;
    let end = start;
    while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end += 1;
    if (end > start && text.charCodeAt(end) === 34) {
      out += `${text.slice(from, start - 1)}${text.slice(start, end)}`;
      from = end + 1;
    }
    at = text.indexOf(marker, end);
  }
  return out + text.slice(from);
}

/**
 * JSON text of a value whose int64 fields (`group_id`, and `group_ids` items) are decimal strings, with those written
 * as exact JSON integers.
 * @example
 * ```ts
 * jsonWithExactIds({ group_id: '9007199254740993' }); // '{"group_id":9007199254740993}'
 * ```
 */
export function jsonWithExactIds(value: unknown): string {
  let text = JSON.stringify(value);
  for (const listMarker of listMarkers) text = unquoteIdLists(text, listMarker);
  for (const marker of markers) text = unquoteIds(text, marker);
  return text;
}

const statusTexts: Readonly<Record<number, string>> = {
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * An HTML page as a gateway sends it (the spec's `GatewayError`), for a status that is not the API's own answer.
 * @example
 * ```ts
 * const outcome = gatewayPage(503); // HTTP 503, text/html
 * ```
 */
export function gatewayPage(status: number, extraHeaders: Record<string, string> = {}): Outcome {
  const title = `${status} ${statusTexts[status] ?? 'Error'}`;
  return {
    kind: 'response',
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...extraHeaders },
    body: `<html><head><title>${title}</title></head><body><h1>${title}</h1><hr><center>nim-sandbox</center></body></html>`,
  };
}

/**
 * The answer to a bug of the sandbox itself: the API's own 500 envelope, so the caller sees an error, not a crash.
 * @example
 * ```ts
 * const outcome = internalError();
 * ```
 */
export function internalError(): Outcome {
  return {
    kind: 'response',
    status: 200,
    headers: { 'content-type': 'application/json;charset=utf-8' },
    body: JSON.stringify({ code: 500, msg: messageOf(500), data: {} }),
  };
}
