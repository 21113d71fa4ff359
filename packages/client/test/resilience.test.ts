import { constraints } from '@nim-api/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createNimClient,
  NimAbortError,
  NimConnectionError,
  NimHttpError,
  NimRateLimitError,
  NimResponseError,
  NimTimeoutError,
  type NimClientOptions,
} from '../src/index.js';
import { ChaosServer, type Fault, type RecordedAttempt } from './support/chaos-server.js';
import { closedPortUrl } from './support/wire-server.js';

const appKey = 'chaos-app-key';
const appSecret = 'chaos-SECRET-never-logged';

const primary = new ChaosServer(appKey, appSecret);
const backup = new ChaosServer(appKey, appSecret);
let lines: string[] = [];
const logger = {
  debug: (line: string) => lines.push(`debug ${line}`),
  info: (line: string) => lines.push(`info ${line}`),
  warn: (line: string) => lines.push(`warn ${line}`),
  error: (line: string) => lines.push(`error ${line}`),
};

beforeAll(async () => {
  await Promise.all([primary.start(), backup.start()]);
});
afterAll(async () => {
  await Promise.all([primary.stop(), backup.stop()]);
});
beforeEach(() => {
  primary.reset();
  backup.reset();
  lines = [];
});

function client(options: Partial<NimClientOptions> = {}) {
  return createNimClient({
    appKey,
    appSecret,
    baseUrl: primary.url,
    retryDelayMs: () => 0,
    timeoutMs: 400,
    logger,
    ...options,
  });
}

/** Every attempt signed afresh and validly, one trace id for the whole call. */
function expectSignedAttempts(attempts: readonly RecordedAttempt[], count: number, traceId?: string) {
  expect(attempts).toHaveLength(count);
  expect(attempts.every((a) => a.checkSumValid)).toBe(true);
  expect(new Set(attempts.map((a) => a.nonce)).size).toBe(count);
  expect(new Set(attempts.map((a) => a.traceId)).size).toBe(1);
  if (traceId) expect(attempts[0]!.traceId).toBe(traceId);
  expect(attempts[0]!.traceId).toMatch(/^[0-9a-f]{32}$|^trace-/);
}

const get = (nim: ReturnType<typeof client>, traceId = 'trace-get') =>
  nim.conversationGroups.get('1001', { account_id: 'alice' }, { traceId });
const create = (nim: ReturnType<typeof client>, traceId = 'trace-create') =>
  nim.conversationGroups.create({ account_id: 'alice', name: 'Work' }, { traceId });

describe('a safe call (get) under each fault', () => {
  const recovered: Array<[string, Fault[], number]> = [
    ['connection reset before the response', [{ kind: 'reset' }], 2],
    ['socket closed mid-body', [{ kind: 'closeMidBody' }], 2],
    ['no answer (hang) past the per-attempt deadline', [{ kind: 'hang' }], 2],
    ['HTTP 502', [{ kind: 'status', status: 502 }], 2],
    ['HTTP 503', [{ kind: 'status', status: 503 }], 2],
    ['HTTP 504', [{ kind: 'status', status: 504 }], 2],
    [
      'a 416 burst of two',
      [
        { kind: 'code', code: 416 },
        { kind: 'code', code: 416 },
      ],
      3,
    ],
    ['slow headers within the deadline', [{ kind: 'slowHeaders', delayMs: 100 }], 1],
  ];
  it.each(recovered)('recovers from %s by retrying, signed afresh each time', async (_name, faults, attempts) => {
    primary.script(faults);
    const group = await get(client());
    expect(group.group_id).toBe('1001');
    expectSignedAttempts(primary.attempts, attempts, 'trace-get');
  });

  const failing: Array<[string, Fault, new (...args: never[]) => Error, number]> = [
    ['connection resets on every attempt', { kind: 'reset' }, NimConnectionError, 3],
    ['a hang on every attempt', { kind: 'hang' }, NimTimeoutError, 3],
    ['slow headers past the deadline every time', { kind: 'slowHeaders', delayMs: 1_500 }, NimTimeoutError, 3],
    ['503 on every attempt', { kind: 'status', status: 503 }, NimHttpError, 3],
    ['416 on every attempt', { kind: 'code', code: 416 }, NimRateLimitError, 3],
    ['HTTP 500 (not retried)', { kind: 'status', status: 500 }, NimHttpError, 1],
    ['HTTP 200 with an HTML page', { kind: 'html' }, NimResponseError, 1],
    ['truncated JSON', { kind: 'truncated' }, NimResponseError, 1],
    ['a 5 MB body that is not JSON', { kind: 'huge', bytes: 5 * 1024 * 1024 }, NimResponseError, 1],
  ];
  it.each(failing)('raises the typed error after %s', async (_name, fault, ErrorClass, attempts) => {
    primary.script([], fault);
    const error = await get(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as { traceId: string }).traceId).toBe('trace-get');
    expect((error as { attempts: number }).attempts).toBe(attempts);
    expectSignedAttempts(primary.attempts, attempts, 'trace-get');
    expect(String((error as Error).message).length).toBeLessThan(1_000);
    if (error instanceof NimResponseError) expect(error.bodyExcerpt.length).toBeLessThanOrEqual(513);
  });

  it('gives each attempt a fresh deadline rather than one for the whole call', async () => {
    primary.script([
      { kind: 'slowHeaders', delayMs: 300 },
      { kind: 'slowHeaders', delayMs: 300 },
      { kind: 'slowHeaders', delayMs: 100 },
    ]);
    const started = Date.now();
    await get(client({ timeoutMs: 250 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expectSignedAttempts(primary.attempts, 3, 'trace-get');
  });

  it('honours Retry-After, capped by the policy', async () => {
    const delays: Array<[number, number | undefined]> = [];
    primary.script([{ kind: 'status', status: 503, retryAfter: '2' }]);
    await get(client({ retryDelayMs: (attempt, retryAfterMs) => (delays.push([attempt, retryAfterMs]), 0) }));
    expect(delays).toEqual([[1, 2_000]]);
  });
});

describe('a create (not idempotent) is never sent twice', () => {
  const mayHaveRun: Array<[string, Fault]> = [
    ['connection reset after the request was written', { kind: 'reset' }],
    ['socket closed mid-body', { kind: 'closeMidBody' }],
    ['a hang until the deadline', { kind: 'hang' }],
    ['HTTP 502', { kind: 'status', status: 502 }],
    ['HTTP 503', { kind: 'status', status: 503 }],
    ['HTTP 504', { kind: 'status', status: 504 }],
  ];
  it.each(mayHaveRun)('after %s: one POST, and the error says the group may exist', async (_name, fault) => {
    primary.script([fault]);
    const error = await create(client()).catch((e: unknown) => e);
    expect(primary.attempts.filter((a) => a.method === 'POST')).toHaveLength(1);
    expect((error as Error).message).toContain('may have been created');
  });

  it('is retried after a 416, which proves the server refused it', async () => {
    primary.script([{ kind: 'code', code: 416 }]);
    const created = await create(client());
    expect(created.conversation_group.group_id).toBe('1001');
    expectSignedAttempts(primary.attempts, 2, 'trace-create');
  });

  it('is retried on the next host after connection refused, which proves it never ran', async () => {
    const nim = client({ baseUrl: [await closedPortUrl(), backup.url] });
    const created = await create(nim);
    expect(created.conversation_group.group_id).toBe('1001');
    expectSignedAttempts(backup.attempts, 1, 'trace-create');
  });

  it('is retried after a 502 when the caller opts in with retryUnsafe', async () => {
    primary.script([{ kind: 'status', status: 502 }]);
    await create(client(), 'trace-unsafe').catch(() => undefined);
    primary.reset();
    primary.script([{ kind: 'status', status: 502 }]);
    await client().conversationGroups.create(
      { account_id: 'alice', name: 'Work' },
      { retryUnsafe: true, traceId: 'trace-opt-in' },
    );
    expectSignedAttempts(primary.attempts, 2, 'trace-opt-in');
  });
});

describe('aborts and deadlines', () => {
  it('stops at once when the caller aborts during an attempt, with no further attempt', async () => {
    primary.script([], { kind: 'hang' });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = await client({ timeoutMs: 5_000 })
      .conversationGroups.get('1001', { account_id: 'alice' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimAbortError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(primary.attempts).toHaveLength(1);
  });

  it('stops at once when the caller aborts during the back-off', async () => {
    primary.script([], { kind: 'status', status: 503 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await client({ retryDelayMs: () => 60_000 })
      .conversationGroups.get('1001', { account_id: 'alice' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimAbortError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(primary.attempts).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const error = await client()
      .conversationGroups.list({ account_id: 'alice' }, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimAbortError);
    expect(primary.attempts).toHaveLength(0);
  });
});

describe('host fail-over', () => {
  it('moves to the backup host, stays there during the cooldown, and returns to the primary after it', async () => {
    const hosts: string[] = [];
    const nim = client({
      baseUrl: [primary.url, backup.url],
      hostCooldownMs: 300,
      hooks: { onAttempt: ({ host }) => void hosts.push(host) },
    });
    primary.script([{ kind: 'status', status: 502 }]);
    await get(nim, 'trace-failover');
    expect(hosts).toEqual([primary.url, backup.url]);
    expect(primary.attempts[0]!.traceId).toBe(backup.attempts[0]!.traceId);
    expect([...primary.attempts, ...backup.attempts].every((a) => a.checkSumValid)).toBe(true);

    await get(nim);
    expect(hosts.at(-1)).toBe(backup.url);

    await new Promise((resolve) => setTimeout(resolve, 350));
    await get(nim);
    expect(hosts.at(-1)).toBe(primary.url);
    expect(primary.attempts).toHaveLength(2);
  });

  it('fails over on connection refused', async () => {
    const nim = client({ baseUrl: [await closedPortUrl(), backup.url] });
    await get(nim);
    expect(backup.attempts).toHaveLength(1);
  });

  it("picks the region's built-in primary and backup hosts", async () => {
    const hosts: string[] = [];
    const nim = createNimClient({
      appKey,
      appSecret,
      region: 'sg',
      retryDelayMs: () => 0,
      fetch: async (request) =>
        (hosts.push(request.url.slice(0, request.url.indexOf('/im/v2/'))), hosts.length === 1)
          ? new Response('bad gateway', { status: 502 })
          : new Response('{"code":200,"msg":"success","data":{"conversation_groups":[]}}', { status: 200 }),
    });
    await nim.conversationGroups.list({ account_id: 'alice' });
    expect(hosts).toEqual(constraints.hosts.sg);
    expect(hosts).toHaveLength(2);
  });
});

describe('client-side rate limit', () => {
  it('queues a burst instead of sending it at once', async () => {
    const arrivals: number[] = [];
    // timeoutMs bounds the wait for a permit too: 2 s is longer than this queue (500 ms).
    const nim = client({
      rateLimit: { perSecond: 10 },
      timeoutMs: 2_000,
      hooks: { onAttempt: () => void arrivals.push(Date.now()) },
    });
    await Promise.all(Array.from({ length: 15 }, () => nim.conversationGroups.list({ account_id: 'alice' })));
    expect(primary.attempts).toHaveLength(15);
    // 10 start at once; the 5 others follow at 100 ms intervals.
    expect(arrivals[14]! - arrivals[0]!).toBeGreaterThanOrEqual(400);
  });
});

describe('logging, metrics and hooks', () => {
  it('logs one debug line per attempt, with no secret and no CheckSum', async () => {
    primary.script([{ kind: 'status', status: 502 }]);
    await get(client(), 'trace-logged');
    const debug = lines.filter((line) => line.startsWith('debug '));
    expect(debug).toHaveLength(2);
    expect(debug[0]).toMatch(
      /op=getConversationGroup method=GET host=http:\/\/127\.0\.0\.1:\d+ attempt=1 status=502 code=- ms=[\d.]+ traceId=trace-logged/,
    );
    expect(debug[1]).toMatch(/attempt=2 status=200 code=200/);
    for (const line of lines) {
      expect(line).not.toContain(appSecret);
      for (const attempt of primary.attempts) expect(line).not.toContain(attempt.checkSum);
    }
  });

  it('counts outcomes, retries and latency per operation and per host, and renders Prometheus text', async () => {
    const nim = client();
    primary.script([{ kind: 'status', status: 503 }, { kind: 'ok' }, { kind: 'code', code: 116404 }]);
    await get(nim);
    await get(nim).catch(() => undefined);
    const metrics = nim.metrics();
    expect(metrics.byOperation.getConversationGroup).toMatchObject({
      ok: 1,
      apiError: 1,
      transportError: 1,
      retries: 1,
    });
    expect(metrics.byHost[primary.url]).toMatchObject({ ok: 1, apiError: 1, transportError: 1 });
    const { p50, p90, p99 } = metrics.byOperation.getConversationGroup!.latencyMs;
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThanOrEqual(p90);
    expect(p90).toBeLessThanOrEqual(p99);
    const text = metrics.toPrometheus();
    expect(text).toContain('# TYPE nim_client_attempts_total counter');
    const series = `operation="getConversationGroup",host="${primary.url}"`;
    expect(text).toContain(`nim_client_attempts_total{${series},outcome="transportError"} 1`);
    expect(text).toContain(`nim_client_retries_total{${series}} 1`);
    expect(text).toContain(`nim_client_attempt_duration_seconds_count{${series}} 3`);
    expect(text).toMatch(
      /nim_client_attempt_duration_seconds_sum\{operation="getConversationGroup",host="[^"]+"\} \d[\d.e+-]*\n/,
    );
  });

  it('calls onAttempt then onResult for every attempt, and survives a hook that throws', async () => {
    const events: string[] = [];
    primary.script([{ kind: 'code', code: 416 }]);
    const group = await get(
      client({
        hooks: {
          onAttempt: ({ attempt, traceId }) => void events.push(`attempt ${attempt} ${traceId}`),
          onResult: ({ attempt, code, willRetry }) => {
            events.push(`result ${attempt} ${code} ${willRetry}`);
            throw new Error('broken telemetry');
          },
        },
      }),
      'trace-hooks',
    );
    expect(group.group_id).toBe('1001');
    expect(events).toEqual([
      'attempt 1 trace-hooks',
      'result 1 416 true',
      'attempt 2 trace-hooks',
      'result 2 200 false',
    ]);
    expect(lines.filter((line) => line.startsWith('error ') && line.includes('broken telemetry'))).toHaveLength(2);
  });
});
