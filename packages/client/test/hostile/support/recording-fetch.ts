// A stub `fetch` that records every request that leaves the client and answers with a responder: the only way
// anything leaves in these properties (globalThis.fetch is stubbed to the same recorder where a client has none).
import { constraints } from '@nim-api/types';

/** A request as it left the client. */
export interface SentRequest {
  readonly method: string;
  readonly url: URL;
  /** The decoded path, e.g. `/im/v2/conversation_groups/1001`. */
  readonly path: string;
  /** Each query key with its values joined by `,` (so `a=1,2` and `a=1&a=2` read the same). */
  readonly query: Record<string, string>;
  /** Lower-case header names. */
  readonly headers: Record<string, string>;
  readonly bodyText: string;
  /** The body parsed as JSON, `undefined` when there is none. */
  readonly body: unknown;
}

/** What a responder sees of one attempt. */
export interface Attempt {
  /** 0 for the first request of the case. */
  readonly index: number;
  readonly request: Promise<SentRequest>;
  readonly signal: AbortSignal;
}

/** Answers an attempt: a Response, or anything hostile (a rejection, a synchronous throw, a non-Response, never). */
export type Responder = (attempt: Attempt) => unknown;

async function readRequest(request: Request): Promise<SentRequest> {
  const url = new URL(request.url);
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
  const bodyText = await request.text();
  let body: unknown;
  try {
    body = bodyText === '' ? undefined : JSON.parse(bodyText);
  } catch {
    body = { unparsable: bodyText.slice(0, 80) };
  }
  let path = url.pathname;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    // keep the raw path: a malformed escape is itself a finding the request comparison reports
  }
  return { method: request.method, url, path, query, headers: Object.fromEntries(request.headers), bodyText, body };
}

/** Whether a request is endpoint discovery's background work (the allocation service or a health path), not a call. */
export function isBackgroundRequest(request: Request): boolean {
  const { pathname } = new URL(request.url);
  return pathname.endsWith('/srv-sdk/allocate') || pathname.endsWith(constraints.discovery.healthPath);
}

/**
 * A recording fetch for one case. After `cap` requests it stops answering, so a runaway retry loop ends.
 * Discovery's background requests are counted apart and refused with a 503 (discovery then keeps the static hosts).
 */
export function createRecorder(responder: Responder, cap: number) {
  const recordings: Array<Promise<SentRequest>> = [];
  let background = 0;
  let dead = false;
  let overCap = false;
  let reportOverCap = () => {};
  const overCapReached = new Promise<void>((resolve) => (reportOverCap = resolve));

  // Also stubs the global fetch, which the client's fetch path calls as fetch(url, init).
  const fetch = (input: Request | string, init?: RequestInit): Promise<Response> => {
    const request = typeof input === 'string' ? new Request(input, init) : input;
    if (isBackgroundRequest(request)) {
      background += 1;
      return Promise.resolve(new Response('{"code":503}', { status: 503 }));
    }
    const index = recordings.length;
    if (index >= cap && !overCap) {
      overCap = true;
      reportOverCap();
    }
    if (dead || overCap) return new Promise(() => {});
    const read = readRequest(request);
    read.catch(() => {});
    recordings.push(read);
    return responder({ index, request: read, signal: request.signal }) as Promise<Response>;
  };

  return {
    fetch,
    get count() {
      return recordings.length;
    },
    /** Discovery's requests (allocation service, health paths) seen so far. */
    get background() {
      return background;
    },
    get overCap() {
      return overCap;
    },
    /** Resolves when more than `cap` requests were attempted. */
    overCapReached,
    /** Every later request hangs: used once a case is given up, so nothing keeps running in the background. */
    kill() {
      dead = true;
    },
    requests: () => Promise.all(recordings),
  };
}

export type Recorder = ReturnType<typeof createRecorder>;

/** Yields to the event loop (timers included), so no retry loop can spin on microtasks alone. */
export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
