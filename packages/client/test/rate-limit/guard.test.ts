import { seedOr } from '../support/fc-seed.js';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  createNimClient,
  NimAbortError,
  NimRateLimitError,
  NimTimeoutError,
  NimValidationError,
  type NimClientOptions,
  type NimRateLimiter,
  type NimRateLimitReport,
} from '../../src/index.js';

const credentials = { appKey: 'limiter-app-key', appSecret: 'limiter-app-secret-42' };
const envelope = (code: number, data: unknown = { conversation_groups: [] }) =>
  JSON.stringify({ code, msg: code === 200 ? 'success' : `error ${code}`, data: code === 200 ? data : {} });

/** A fetch answering from a list of body codes (HTTP `status`, headers) (then 200), recording what the limiter saw in between. */
function scriptedFetch(
  events: string[],
  answers: Array<{ code: number; status?: number; headers?: Record<string, string> }> = [],
) {
  const fetch = vi.fn(async () => {
    events.push('send');
    const next = answers.shift() ?? { code: 200 };
    return new Response(envelope(next.code), {
      status: next.status ?? 200,
      headers: { 'content-type': 'application/json', ...next.headers },
    });
  });
  return fetch;
}

const client = (options: Partial<NimClientOptions>) =>
  createNimClient({ ...credentials, retryDelayMs: () => 0, fetch: scriptedFetch([]), ...options });
const list = (nim: ReturnType<typeof client>, signal?: AbortSignal) =>
  nim.conversationGroups.list({ account_id: 'alice' }, { signal });

describe('rateLimit with a limiter object', () => {
  it('ends the wait for a permit when the caller aborts, even if the limiter ignores the signal', async () => {
    const events: string[] = [];
    const never: NimRateLimiter = { take: () => new Promise<void>(() => undefined) };
    const thenable = { take: () => ({ then() {} }) as unknown as Promise<void> }; // a then that never calls back
    for (const limiter of [never, thenable]) {
      const nim = client({ rateLimit: limiter, fetch: scriptedFetch(events) });
      const controller = new AbortController();
      const call = list(nim, controller.signal);
      setTimeout(() => controller.abort(new Error('user gave up')), 30);
      const started = performance.now();
      await expect(call).rejects.toBeInstanceOf(NimAbortError);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    expect(events).toEqual([]); // nothing was sent
  });

  it('bounds the wait for a permit by timeoutMs: a NimTimeoutError, nothing sent, not retried', async () => {
    const events: string[] = [];
    const never: NimRateLimiter = { take: () => new Promise<void>(() => undefined) };
    const honours: NimRateLimiter = {
      take: (_operation, signal) =>
        new Promise<void>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    };
    for (const limiter of [never, honours]) {
      const nim = client({ rateLimit: limiter, timeoutMs: 50, maxRetries: 2, fetch: scriptedFetch(events) });
      const started = performance.now();
      const error = await list(nim).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NimTimeoutError);
      expect(error).toMatchObject({ timeoutMs: 50, operationId: 'listConversationGroups', attempts: 0 });
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    const bucket = client({ rateLimit: { perSecond: 0.001 }, timeoutMs: 50, fetch: scriptedFetch(events) });
    await list(bucket); // the bucket's first token is there
    await expect(list(bucket)).rejects.toBeInstanceOf(NimTimeoutError); // the next one in 1000 s: not waited for
    expect(events).toEqual(['send']);
  });

  it('goes on after timeoutMs when reportRateLimited never settles, and logs it as a fault of the limiter', async () => {
    const events: string[] = [];
    const lines: string[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (line: string) => void lines.push(line) };
    const limiter: NimRateLimiter = { async take() {}, reportRateLimited: () => new Promise<void>(() => undefined) };
    const nim = client({ rateLimit: limiter, logger, timeoutMs: 100, fetch: scriptedFetch(events, [{ code: 416 }]) });
    await list(nim);
    expect(events).toEqual(['send', 'send']);
    expect(lines).toEqual([
      expect.stringMatching(
        /^nim rate limiter reportRateLimited failed op=listConversationGroups, going on without it: it did not settle within 100 ms/,
      ),
    ]);
  });

  it('ends the wait for a hanging reportRateLimited when the caller aborts', async () => {
    const limiter: NimRateLimiter = { async take() {}, reportRateLimited: () => new Promise<void>(() => undefined) };
    const nim = client({ rateLimit: limiter, timeoutMs: 60_000, fetch: scriptedFetch([], [{ code: 416 }]) });
    const controller = new AbortController();
    const call = list(nim, controller.signal);
    setTimeout(() => controller.abort(), 30);
    await expect(call).rejects.toBeInstanceOf(NimAbortError);
  });

  it('asks take for a permit before every attempt, with the operationId and a signal that follows the caller’s', async () => {
    const events: string[] = [];
    const seen: Array<[string, AbortSignal | undefined]> = [];
    const limiter: NimRateLimiter = {
      async take(operationId, signal) {
        events.push('take');
        seen.push([operationId, signal]);
      },
    };
    const controller = new AbortController();
    const nim = client({ rateLimit: limiter, fetch: scriptedFetch(events, [{ code: 0, status: 503 }, { code: 416 }]) });
    await list(nim, controller.signal);
    expect(events).toEqual(['take', 'send', 'take', 'send', 'take', 'send']);
    expect(seen.map(([operationId]) => operationId)).toEqual(Array(3).fill('listConversationGroups'));
    // The signal of the permit wait: the caller's, bounded by timeoutMs as well (ended once the permit came).
    for (const [, signal] of seen) expect(signal).toBeInstanceOf(AbortSignal);
    const waiting = client({
      rateLimit: {
        take: (_op, signal) =>
          new Promise<void>((_r, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      },
    });
    const pending = list(waiting, controller.signal);
    controller.abort(new Error('user gave up'));
    await expect(pending).rejects.toBeInstanceOf(NimAbortError);
  });

  it('reports a 416 with the error and the Retry-After asked for, and waits for the report before the next take', async () => {
    const events: string[] = [];
    const reports: NimRateLimitReport[] = [];
    const limiter: NimRateLimiter = {
      async take() {
        events.push('take');
      },
      async reportRateLimited(operationId, report) {
        events.push(`report ${operationId}`);
        reports.push(report);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push('reported');
      },
    };
    const fetch = scriptedFetch(events, [
      { code: 416, headers: { 'retry-after': '2' } },
      { code: 416 },
      { code: 416, headers: { 'retry-after': '3600' } },
    ]);
    const nim = client({ rateLimit: limiter, fetch, maxRetries: 3 });
    await list(nim);
    expect(events).toEqual([
      'take',
      'send',
      'report listConversationGroups',
      'reported',
      'take',
      'send',
      'report listConversationGroups',
      'reported',
      'take',
      'send',
      'report listConversationGroups',
      'reported',
      'take',
      'send',
    ]);
    expect(reports.map((r) => r.retryAfterMs)).toEqual([2000, undefined, 30_000]);
    for (const report of reports) {
      expect(report.error).toBeInstanceOf(NimRateLimitError);
      expect(report.error.operationId).toBe('listConversationGroups');
    }
  });

  it('reports the last 416 too, before the call fails with it', async () => {
    const events: string[] = [];
    const limiter: NimRateLimiter = {
      take: async () => void events.push('take'),
      reportRateLimited: () => void events.push('report'),
    };
    const nim = client({ rateLimit: limiter, fetch: scriptedFetch(events, [{ code: 416 }]), maxRetries: 0 });
    await expect(list(nim)).rejects.toBeInstanceOf(NimRateLimitError);
    expect(events).toEqual(['take', 'send', 'report']);
  });

  it('does not report other errors', async () => {
    const reportRateLimited = vi.fn();
    const nim = client({
      rateLimit: { take: async () => {}, reportRateLimited },
      fetch: scriptedFetch([], [{ code: 0, status: 503 }, { code: 414 }]),
    });
    await expect(list(nim)).rejects.toMatchObject({ code: 414 });
    expect(reportRateLimited).not.toHaveBeenCalled();
  });

  it('fails the call with a NimError the limiter refuses with, unchanged, and sends nothing', async () => {
    const events: string[] = [];
    const refusal = new NimRateLimitError({
      code: 416,
      msg: 'blocked for 800 ms more',
      httpStatus: 0,
      operationId: 'listConversationGroups',
    });
    const nim = client({ rateLimit: { take: () => Promise.reject(refusal) }, fetch: scriptedFetch(events) });
    await expect(list(nim)).rejects.toBe(refusal);
    expect(events).toEqual([]);
  });

  it('logs a take that throws or rejects with anything else (redacted) and sends the attempt anyway', async () => {
    const faults: Array<() => Promise<void>> = [
      () => {
        throw new TypeError(`bug near ${credentials.appSecret}`);
      },
      () => Promise.reject(new Error('redis went away')),
      () =>
        Promise.reject({
          toString: () => {
            throw new Error('no');
          },
        }),
    ];
    for (const take of faults) {
      const events: string[] = [];
      const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
      const nim = client({ rateLimit: { take }, fetch: scriptedFetch(events), logger });
      await expect(list(nim)).resolves.toMatchObject({ conversation_groups: [] });
      expect(events).toEqual(['send']);
      expect(logger.error).toHaveBeenCalledTimes(1);
      const line = String(logger.error.mock.calls[0]![0]);
      expect(line).toMatch(/^nim rate limiter take failed op=listConversationGroups, going on without it: /);
      expect(line).not.toContain(credentials.appSecret);
    }
  });

  it('logs a reportRateLimited that throws or rejects, and goes on retrying', async () => {
    for (const reportRateLimited of [
      () => {
        throw new Error('sync');
      },
      () => Promise.reject(new Error('async')),
    ]) {
      const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
      const nim = client({
        rateLimit: { take: async () => {}, reportRateLimited },
        fetch: scriptedFetch([], [{ code: 416 }]),
        logger,
      });
      await expect(list(nim)).resolves.toBeDefined();
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringMatching(/^nim rate limiter reportRateLimited failed op=listConversationGroups/),
      );
    }
  });

  it('ends a call whose take is still waiting when the caller aborts, with NimAbortError and nothing sent', async () => {
    const events: string[] = [];
    const limiter: NimRateLimiter = {
      take: (_operationId, signal) =>
        new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    };
    const controller = new AbortController();
    const call = list(client({ rateLimit: limiter, fetch: scriptedFetch(events) }), controller.signal);
    controller.abort(new Error('user left'));
    await expect(call).rejects.toBeInstanceOf(NimAbortError);
    expect(events).toEqual([]);
  });

  it('calls the methods of a class instance with it as `this`, read once at createNimClient', async () => {
    class Counting implements NimRateLimiter {
      taken = 0;
      async take() {
        this.taken += 1;
      }
    }
    const limiter = new Counting();
    const nim = client({ rateLimit: limiter });
    limiter.take = async () => {
      throw new Error('replaced after createNimClient');
    };
    await list(nim);
    expect(limiter.taken).toBe(1);
  });

  it('refuses anything that is neither { perSecond } nor an object with a take function, with a NimValidationError', () => {
    const hostile = fc.oneof(
      fc.anything(),
      fc.record({ take: fc.anything() }, { requiredKeys: [] }),
      fc.record({ take: fc.constant(async () => {}), reportRateLimited: fc.anything() }),
      fc.record({ perSecond: fc.oneof(fc.double(), fc.anything()) }),
    );
    fc.assert(
      fc.property(hostile, (rateLimit) => {
        const fields = (typeof rateLimit === 'object' && rateLimit !== null ? rateLimit : {}) as Record<
          string,
          unknown
        >;
        const isLimiter =
          typeof fields.take === 'function' &&
          (fields.reportRateLimited === undefined || typeof fields.reportRateLimited === 'function');
        const isBucket =
          fields.take === undefined &&
          typeof fields.perSecond === 'number' &&
          fields.perSecond >= 0.001 &&
          fields.perSecond <= 1_000_000;
        const valid =
          rateLimit === undefined ||
          (typeof rateLimit === 'object' && rateLimit !== null && !Array.isArray(rateLimit) && (isLimiter || isBucket));
        let thrown: unknown;
        try {
          createNimClient({ ...credentials, rateLimit: rateLimit as never });
        } catch (error) {
          thrown = error;
        }
        expect(thrown === undefined).toBe(valid);
        if (thrown !== undefined) {
          expect(thrown).toBeInstanceOf(NimValidationError);
          expect((thrown as NimValidationError).issues[0]!.path).toMatch(/^rateLimit/);
        }
      }),
      { seed: seedOr(15), numRuns: 500 },
    );
  });
});
