// A client wired to Prism through a custom `fetch` that picks the mock's example (`Prefer: example=NAME`) and
// records every exchange, so tests can check what went over the wire and what came back.
import { createNimClient, type NimClient, type NimClientOptions } from '@nim-api/client';
import { expect } from 'vitest';

/** One request/response pair as the custom fetch saw it. */
export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly requestHeaders: Headers;
  readonly requestBody: string;
  readonly status: number;
  readonly responseHeaders: Headers;
  readonly responseBody: string;
}

/** Chooses the `Prefer` header of a request, or none. */
export type PreferPolicy = (url: URL) => string | undefined;

/**
 * `success` for every call, except the second page of a group's conversations (`page_token=page-2`), which is the
 * spec's `lastPage` example — the two examples chain through `next_token`.
 */
export const successExamples: PreferPolicy = (url) =>
  url.searchParams.get('page_token') === 'page-2' ? 'example=lastPage' : 'example=success';

/** Always the named example. */
export const example =
  (name: string): PreferPolicy =>
  () =>
    `example=${name}`;

export interface Harness {
  readonly nim: NimClient;
  readonly exchanges: Exchange[];
}

export function harness(
  baseUrl: string,
  prefer: PreferPolicy | undefined,
  options: Partial<NimClientOptions> = {},
): Harness {
  const exchanges: Exchange[] = [];
  const recordingFetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const preference = prefer?.(url);
    if (preference) request.headers.set('Prefer', preference);
    const requestBody = request.body ? await request.clone().text() : '';
    const response = await fetch(request);
    exchanges.push({
      method: request.method,
      url,
      requestHeaders: new Headers(request.headers),
      requestBody,
      status: response.status,
      responseHeaders: new Headers(response.headers),
      responseBody: await response.clone().text(),
    });
    return response;
  };
  const nim = createNimClient({
    appKey: 'contract-test-app-key',
    appSecret: 'contract-test-app-secret',
    baseUrl,
    fetch: recordingFetch,
    maxRetries: 0,
    ...options,
  });
  return { nim, exchanges };
}

/** Every item of an async iterable, in order. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Every exchange was a clean 200 from Prism: no validation problem, no `sl-violations` header. */
export function expectCleanExchanges(exchanges: readonly Exchange[]): void {
  expect(exchanges.length).toBeGreaterThan(0);
  for (const exchange of exchanges) {
    const where = `${exchange.method} ${exchange.url}`;
    expect(exchange.responseHeaders.get('sl-violations'), `sl-violations on ${where}`).toBeNull();
    expect(exchange.status, `${where} → ${exchange.status}: ${exchange.responseBody}`).toBe(200);
  }
}
