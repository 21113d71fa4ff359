import { constraints } from '@nim-api/types';
import { normalBaseUrl } from '../config/base-url.js';
import { startDeadline, untilAborted } from '../http/timeouts.js';
import type { Send } from './health-probe.js';

const { biz, ttlSeconds } = constraints.discovery;

/** `p` of the allocation request: the platform (the Go SDK sends `go`). */
const platform = 'js';
/** An answer is a few hundred bytes; anything much larger is not one. */
const maxAnswerBytes = 64 * 1024;
/** More endpoints than this in one answer are ignored (each new one is health-probed before it joins). */
const maxEndpoints = 16;
const maxUrlLength = 2048;

/** What the allocation service said. */
export type AllocationAnswer =
  | {
      readonly kind: 'changed';
      /** Valid, distinct endpoint URLs: `default.endpoint` first, then `backup.endpoints`, trailing slashes dropped. */
      readonly endpoints: readonly string[];
      /** When to ask again: `ttl` held to the spec's bounds (1 s … 1 day), the default when absent, in ms. */
      readonly ttlMs: number;
      /** To send back as `md5` next time; `undefined` when the answer had none. */
      readonly md5: string | undefined;
      /** Strings it named that are no endpoint URL (not http(s), credentials, a query…), shown safely. */
      readonly invalid: readonly string[];
    }
  | { readonly kind: 'unchanged' };

/** What one round of discovery needs. */
export interface AllocationRequest {
  /** Allocation URLs, tried in order until one answers. */
  readonly urls: readonly string[];
  readonly appKey: string;
  /** `sv`: the client's version. */
  readonly version: string;
  /** The md5 of the answer in use, if any. */
  readonly md5: string | undefined;
  /** Deadline of each request in milliseconds. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

const cut = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * A URL from the network as logs and `nim.endpoints()` show it: credentials masked, at most 200 characters, control
 * characters and quotes escaped (an endpoint with a newline must not forge a log line).
 * @example
 * ```ts
 * shownUrl('https://user:pw@a.example/\nnim ok'); // 'https://…@a.example/\\nnim ok'
 * ```
 */
export function shownUrl(value: string): string {
  const masked = value.replace(/^([^/]*\/\/)[^/@]*@/, '$1…@');
  return JSON.stringify(masked.length > 200 ? `${masked.slice(0, 200)}…` : masked).slice(1, -1);
}

/** `ttl` in seconds, held to the spec's bounds (the default when it is not a number), as milliseconds. */
export function ttlMsOf(ttl: unknown): number {
  const seconds = typeof ttl === 'number' && Number.isFinite(ttl) ? Math.round(ttl) : ttlSeconds.default;
  return Math.min(Math.max(seconds, ttlSeconds.minimum), ttlSeconds.maximum) * 1000;
}

function endpointOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > maxUrlLength || !/^https?:\/\/[^/\s?#]+(?:\/[^\s?#]*)?$/.test(value))
    return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  // An endpoint with credentials could not be called (and its password would reach the logs): not an endpoint.
  if (url.username || url.password) return undefined;
  return normalBaseUrl(url);
}

/**
 * Reads an answer of the allocation service: `{code: 200, data: {"default.endpoint", "backup.endpoints", ttl, md5}}`
 * or `{code: 304}`. Throws an Error saying what is wrong with any other text.
 * @example
 * ```ts
 * parseAllocationAnswer('{"code":200,"data":{"default.endpoint":"https://a.example","ttl":60,"md5":"x"}}');
 * // { kind: 'changed', endpoints: ['https://a.example'], ttlMs: 60000, md5: 'x' }
 * ```
 */
export function parseAllocationAnswer(text: string): AllocationAnswer {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`answer is not JSON: ${cut(text)}`);
  }
  const { code, data } = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; data?: unknown };
  if (code === 304) return { kind: 'unchanged' };
  if (code !== 200) throw new Error(`answer has code ${cut(String(code))}`);
  if (typeof data !== 'object' || data === null) throw new Error('answer has no data object');
  const fields = data as Record<string, unknown>;
  const backups = Array.isArray(fields['backup.endpoints']) ? (fields['backup.endpoints'] as unknown[]) : [];
  const endpoints: string[] = [];
  const invalid: string[] = [];
  for (const candidate of [fields['default.endpoint'], ...backups.slice(0, maxEndpoints)]) {
    const url = endpointOf(candidate);
    if (url && !endpoints.includes(url) && endpoints.length < maxEndpoints) endpoints.push(url);
    else if (!url && typeof candidate === 'string' && candidate !== '') invalid.push(shownUrl(candidate));
  }
  // Named but invalid endpoints are an answer still: the endpoint service lists them as rejected, with a warn line.
  if (endpoints.length === 0 && invalid.length === 0) throw new Error('answer names no valid endpoint');
  const md5 = typeof fields.md5 === 'string' && /^[\x21-\x7e]{1,128}$/.test(fields.md5) ? fields.md5 : undefined;
  return { kind: 'changed', endpoints, ttlMs: ttlMsOf(fields.ttl), md5, invalid };
}

/** The request URL: `k`, `sv`, `biz`, `p` and, once there is one, `md5`. */
export function allocationUrl(base: string, request: Pick<AllocationRequest, 'appKey' | 'version' | 'md5'>): string {
  const query = new URLSearchParams({ k: request.appKey, sv: request.version, biz: String(biz), p: platform });
  if (request.md5 !== undefined) query.set('md5', request.md5);
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

async function readBounded(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxAnswerBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`answer is larger than ${maxAnswerBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(typeof error);
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.message || error.name;
}

/**
 * Asks the allocation URLs in order, through the client's own `send`, until one answers. Rejects with an Error
 * listing why each one failed.
 * @example
 * ```ts
 * const { answer, from } = await requestAllocation(fetch, {
 *   urls: constraints.discovery.allocationUrls.cn, appKey, version: '1.2.0', md5: undefined, timeoutMs: 5_000,
 * });
 * ```
 */
export async function requestAllocation(
  send: Send,
  request: AllocationRequest,
): Promise<{ answer: AllocationAnswer; from: string }> {
  const problems: string[] = [];
  for (const base of request.urls) {
    const deadline = startDeadline(request.timeoutMs, request.signal);
    try {
      const asked = async () => {
        const response = await send(new Request(allocationUrl(base, request), { signal: deadline.signal }));
        if (response.status !== 200) {
          void Promise.resolve(response.body?.cancel()).catch(() => undefined);
          throw new Error(`HTTP ${response.status}`);
        }
        return readBounded(response);
      };
      return { answer: parseAllocationAnswer(await untilAborted(asked(), deadline.signal)), from: base };
    } catch (error) {
      problems.push(`${base}: ${deadline.timedOut ? `no answer within ${request.timeoutMs} ms` : reasonOf(error)}`);
      if (request.signal?.aborted) break;
    } finally {
      deadline.clear();
    }
  }
  throw new Error(problems.join('; '));
}
