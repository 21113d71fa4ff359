import { constraints } from '@nim-api/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEndpointService } from '../../src/endpoints/endpoint-service.js';

const { healthPath, ttlSeconds } = constraints.discovery;
const lbs = 'https://lbs.example/srv-sdk/allocate';
const fallback = 'https://static.example';
const a = 'https://a.example/nimserver';
const b = 'https://b.example/nimserver';
const c = 'https://c.example/nimserver';

/** A fake network: the allocation service answers `allocate`, every health path answers its status. */
function world() {
  const state = {
    allocate: (_query: URLSearchParams): Response | Promise<Response> => new Response('{"code":500}'),
    health: new Map<string, number>(),
    requests: [] as string[],
    lines: [] as string[],
  };
  const send = async (request: Request) => {
    state.requests.push(request.url);
    const url = new URL(request.url);
    if (request.url.startsWith(lbs)) return state.allocate(url.searchParams);
    if (url.pathname.endsWith(healthPath))
      return new Response('', { status: state.health.get(request.url.slice(0, -healthPath.length)) ?? 200 });
    return new Response('{}');
  };
  const logger = Object.fromEntries(
    ['debug', 'info', 'warn', 'error'].map((level) => [
      level,
      (line: string) => void state.lines.push(`${level} ${line}`),
    ]),
  ) as never;
  const service = (discovery = true, probeIntervalMs = 5_000) =>
    createEndpointService({
      staticUrls: [fallback],
      discovery: discovery
        ? { urls: [lbs], probeIntervalMs, windowMs: 60_000, allowedHosts: ['*.example'], allowHttp: false }
        : undefined,
      cooldownMs: 30_000,
      appKey: 'app-key',
      send,
      logger,
      timeoutMs: 10_000,
    });
  const answer = (endpoints: string[], ttl?: unknown, md5 = 'md5-1') =>
    new Response(
      JSON.stringify({
        code: 200,
        data: { 'default.endpoint': endpoints[0], 'backup.endpoints': endpoints.slice(1), ttl, md5 },
      }),
    );
  const asked = () => state.requests.filter((url) => url.startsWith(lbs)).map((url) => new URL(url).searchParams);
  const probed = (endpoint: string) => state.requests.filter((url) => url === `${endpoint}${healthPath}`).length;
  const warns = () => state.lines.filter((line) => line.startsWith('warn '));
  return { state, service, answer, asked, probed, warns };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the endpoint service with discovery on', () => {
  it('sends nothing until the first call, which it answers at once from the static list while it asks in the background', async () => {
    const w = world();
    w.state.allocate = () => w.answer([a, b]);
    const endpoints = w.service();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(w.state.requests).toEqual([]);
    expect(endpoints.snapshot()).toMatchObject({ source: 'static', discovery: 'idle', selection: 'scored' });

    expect(endpoints.pick()).toBe(fallback);
    expect(endpoints.snapshot().discovery).toBe('waiting');
    await vi.advanceTimersByTimeAsync(0);
    const snapshot = endpoints.snapshot();
    expect(snapshot).toMatchObject({
      source: 'discovered',
      discoveredAt: Date.now(),
      discoveredFrom: lbs,
      discovery: 'ok',
    });
    expect(snapshot.endpoints.map((e) => e.url)).toEqual([a, b]);
    expect(Object.fromEntries(w.asked()[0]!)).toEqual({ k: 'app-key', sv: constraints.specVersion, biz: '1', p: 'js' });
    expect(w.state.lines).toContain(
      `info nim endpoints discovered from ${lbs}: ${a} ${b} (ttl ${ttlSeconds.default} s)`,
    );
  });

  it('lets a new endpoint join only after its health path answers', async () => {
    const w = world();
    w.state.allocate = () => w.answer([a, b]);
    w.state.health.set(a, 503);
    const endpoints = w.service();
    endpoints.pick();
    await vi.advanceTimersByTimeAsync(0);
    expect(endpoints.snapshot().endpoints.map((e) => e.url)).toEqual([b]);
    expect(w.state.lines).toContain(`info nim endpoint skipped endpoint=${a}: ${healthPath} HTTP 503`);
    expect(endpoints.pick()).toBe(b);
  });

  it('keeps the set it has when no endpoint of an answer is healthy, warns once, and does not take its md5', async () => {
    const w = world();
    w.state.allocate = () => w.answer([a]);
    w.state.health.set(a, 500);
    const endpoints = w.service();
    endpoints.pick();
    await vi.advanceTimersByTimeAsync(0);
    expect(endpoints.snapshot()).toMatchObject({ source: 'static', discovery: 'failing' });
    expect(w.warns()).toHaveLength(1);
    expect(w.warns()[0]).toContain(`none of the 1 endpoints it named answered ${healthPath}`);
    await vi.advanceTimersByTimeAsync(ttlSeconds.default * 1000);
    expect(w.asked()).toHaveLength(2);
    expect(w.asked()[1]!.has('md5')).toBe(false);
  });

  it('sends the md5 back, keeps the set on 304, and takes a changed answer after ttl', async () => {
    const w = world();
    w.state.allocate = () => w.answer([a, b], 2, 'md5-1');
    const endpoints = w.service();
    endpoints.pick();
    await vi.advanceTimersByTimeAsync(0);
    const first = endpoints.snapshot();

    w.state.allocate = (query) => (query.get('md5') === 'md5-1' ? new Response('{"code":304}') : w.answer([c]));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(w.asked()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(w.asked()).toHaveLength(2);
    expect(w.asked()[1]!.get('md5')).toBe('md5-1');
    expect(endpoints.snapshot()).toEqual(first);

    w.state.allocate = () => w.answer([c, a], 2, 'md5-2');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(endpoints.snapshot().endpoints.map((e) => e.url)).toEqual([c, a]);
    expect(w.probed(c)).toBe(1);
    expect(w.probed(a)).toBe(1); // a was already in the set: no second health check to stay
    expect(w.asked()[2]!.get('md5')).toBe('md5-1');
  });

  it.each([
    [0, ttlSeconds.minimum],
    [-3, ttlSeconds.minimum],
    [10 ** 9, ttlSeconds.maximum],
    [undefined, ttlSeconds.default],
    ['60', ttlSeconds.default],
  ])('holds ttl %s to %s s', async (ttl, seconds) => {
    const w = world();
    w.state.allocate = () => w.answer([a], ttl);
    w.service(true, 86_400_000).pick();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(seconds * 1000 - 1);
    expect(w.asked()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(w.asked()).toHaveLength(2);
  });

  it('warns once when the service cannot be reached, however long that lasts, and says when it is back', async () => {
    const w = world();
    w.state.allocate = () =>
      Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
    const endpoints = w.service();
    for (let call = 0; call < 50; call += 1) expect(endpoints.pick()).toBe(fallback);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(5 * ttlSeconds.default * 1000);
    expect(w.asked()).toHaveLength(6);
    expect(w.warns()).toEqual([
      `warn nim discovery failed, calls keep using ${fallback}: ${lbs}: TypeError ENOTFOUND; retrying in ${ttlSeconds.default} s`,
    ]);
    expect(w.state.lines.filter((line) => line.startsWith('debug nim discovery still failing'))).toHaveLength(5);
    expect(endpoints.snapshot()).toMatchObject({ source: 'static', discovery: 'failing' });

    w.state.allocate = () => w.answer([a]);
    await vi.advanceTimersByTimeAsync(ttlSeconds.default * 1000);
    expect(w.state.lines).toContain(`info nim discovery recovered: ${lbs} answered`);
    expect(endpoints.snapshot()).toMatchObject({ source: 'discovered', discovery: 'ok' });
    expect(w.warns()).toHaveLength(1);
  });

  it('keeps the discovered set when a later request fails', async () => {
    const w = world();
    w.state.allocate = () => w.answer([a], 1);
    const endpoints = w.service();
    endpoints.pick();
    await vi.advanceTimersByTimeAsync(0);
    w.state.allocate = () => new Response('gateway', { status: 502 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(endpoints.snapshot()).toMatchObject({ source: 'discovered', discovery: 'failing' });
    expect(endpoints.pick()).toBe(a);
    expect(w.warns()[0]).toContain(`calls keep using ${a}: ${lbs}: HTTP 502`);
  });

  it('probes, every interval, only the endpoints that carried no call since the last round', async () => {
    const w = world();
    w.state.allocate = () => w.answer([a, b], 86_400);
    const endpoints = w.service();
    endpoints.pick();
    await vi.advanceTimersByTimeAsync(0);
    expect([w.probed(fallback), w.probed(a), w.probed(b)]).toEqual([1, 1, 1]); // the first round, and the joins
    for (let second = 0; second < 20; second += 1) {
      endpoints.markSuccess(a, 3);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(w.probed(a)).toBe(1);
    expect(w.probed(b)).toBe(1 + 4);
    expect(endpoints.snapshot().endpoints.find((e) => e.url === b)!.samples).toBe(5);
  });

  it('stops every timer and request on close, and stays closed', async () => {
    const w = world();
    w.state.allocate = () => w.answer([a], 1);
    const endpoints = w.service();
    endpoints.pick();
    await vi.advanceTimersByTimeAsync(0);
    const sent = w.state.requests.length;
    endpoints.close();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(w.state.requests).toHaveLength(sent);
    expect(endpoints.snapshot().discovery).toBe('closed');
    expect(endpoints.pick()).toBe(a);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts a request under way on close and ignores its answer', async () => {
    const w = world();
    let release: (response: Response) => void = () => undefined;
    w.state.allocate = () => new Promise((resolve) => (release = resolve));
    const endpoints = w.service();
    endpoints.pick();
    await vi.advanceTimersByTimeAsync(0);
    endpoints.close();
    release(w.answer([a]));
    await vi.advanceTimersByTimeAsync(0);
    expect(endpoints.snapshot()).toMatchObject({ source: 'static', discovery: 'closed' });
    expect(w.warns()).toEqual([]);
  });
});

describe('the endpoint service with discovery off', () => {
  it('never sends anything, chooses in list order and has nothing to close', async () => {
    const w = world();
    const endpoints = w.service(false);
    expect(endpoints.pick()).toBe(fallback);
    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(w.state.requests).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    expect(endpoints.snapshot()).toMatchObject({ source: 'static', discovery: 'off', selection: 'ordered' });
    endpoints.close();
    expect(endpoints.snapshot().discovery).toBe('off');
  });
});
