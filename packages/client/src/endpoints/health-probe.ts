import { startDeadline, untilAborted } from '../http/timeouts.js';

/** The function a client sends every request with (the caller's `fetch`, or the default one). */
export type Send = (request: Request) => Promise<Response>;

/** How a probe went. */
export interface ProbeResult {
  /** The health path answered HTTP 200. */
  readonly ok: boolean;
  /** Wall time in milliseconds. */
  readonly ms: number;
  /** Why it failed (an HTTP status or the error's name and code), for the logs. */
  readonly problem: string | undefined;
}

/** What a probe needs. */
export interface ProbeOptions {
  /** The spec's health path of IM endpoints, appended to the endpoint. */
  readonly path: string;
  /** Deadline of the probe in milliseconds. */
  readonly timeoutMs: number;
  /** Ends the probe early (the client was closed). */
  readonly signal?: AbortSignal;
}

function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return typeof error;
  const { name, code, cause } = error as { name?: unknown; code?: unknown; cause?: { code?: unknown } };
  const detail = typeof code === 'string' ? code : typeof cause?.code === 'string' ? cause.code : undefined;
  return `${typeof name === 'string' ? name : 'Error'}${detail ? ` ${detail}` : ''}`;
}

/**
 * Asks an endpoint's health path once, unsigned (as the official SDKs do), through the client's own `send`.
 * Never throws.
 * @example
 * ```ts
 * const { ok, ms } = await probeHealth(fetch, 'https://api-sg.yunxinapi.com/nimserver', {
 *   path: '/health/liveness.action',
 *   timeoutMs: 5_000,
 * });
 * ```
 */
export async function probeHealth(send: Send, endpoint: string, options: ProbeOptions): Promise<ProbeResult> {
  const deadline = startDeadline(options.timeoutMs, options.signal);
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const response = await untilAborted(
      send(new Request(`${endpoint}${options.path}`, { signal: deadline.signal })),
      deadline.signal,
    );
    const ms = elapsed();
    // Drop the body unread (a health page can be anything); the status is the answer.
    void Promise.resolve(response.body?.cancel()).catch(() => undefined);
    return response.status === 200
      ? { ok: true, ms, problem: undefined }
      : { ok: false, ms, problem: `HTTP ${response.status}` };
  } catch (error) {
    return {
      ok: false,
      ms: elapsed(),
      problem: deadline.timedOut ? `no answer within ${options.timeoutMs} ms` : describe(error),
    };
  } finally {
    deadline.clear();
  }
}
