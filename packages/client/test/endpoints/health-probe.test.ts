import { describe, expect, it } from 'vitest';
import { probeHealth } from '../../src/endpoints/health-probe.js';

const options = { path: '/health/liveness.action', timeoutMs: 100 };

describe('probeHealth', () => {
  it('asks <endpoint><health path> with an unsigned GET and is ok on HTTP 200', async () => {
    const seen: Request[] = [];
    const result = await probeHealth(
      async (request) => (seen.push(request), new Response('UP')),
      'https://a.example/nimserver',
      options,
    );
    expect(result).toMatchObject({ ok: true, problem: undefined });
    expect(result.ms).toBeGreaterThanOrEqual(0);
    expect(seen[0]!.url).toBe('https://a.example/nimserver/health/liveness.action');
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.headers.get('CheckSum')).toBeNull();
  });

  it('is not ok on any other status, saying which', async () => {
    expect(
      await probeHealth(async () => new Response('', { status: 503 }), 'https://a.example', options),
    ).toMatchObject({ ok: false, problem: 'HTTP 503' });
  });

  it('never throws: a network error, a deadline and a broken fetch become a failed probe', async () => {
    const refused = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    expect(await probeHealth(refused, 'https://a.example', options)).toMatchObject({
      ok: false,
      problem: 'TypeError ECONNREFUSED',
    });
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      );
    expect(await probeHealth(hang, 'https://a.example', options)).toMatchObject({
      ok: false,
      problem: 'no answer within 100 ms',
    });
    expect(await probeHealth(async () => null as never, 'https://a.example', options)).toMatchObject({
      ok: false,
      problem: 'TypeError',
    });
    expect(await probeHealth(() => Promise.reject(42), 'https://a.example', options)).toMatchObject({
      ok: false,
      problem: 'number',
    });
  });

  it('ends at once when its signal aborts', async () => {
    const stop = new AbortController();
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      );
    const probe = probeHealth(hang, 'https://a.example', { ...options, timeoutMs: 60_000, signal: stop.signal });
    stop.abort();
    expect(await probe).toMatchObject({ ok: false });
  });
});
