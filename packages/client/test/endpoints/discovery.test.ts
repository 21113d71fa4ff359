import { seedOr } from '../support/fc-seed.js';
import { constraints } from '@nim-api/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationUrl, parseAllocationAnswer, requestAllocation, ttlMsOf } from '../../src/endpoints/discovery.js';

const { ttlSeconds } = constraints.discovery;
const answer = (data: unknown, code = 200) => JSON.stringify({ code, data });

describe('parseAllocationAnswer', () => {
  it('reads the default endpoint first, then the backups, with ttl and md5', () => {
    const text = answer({
      'default.endpoint': 'https://a.example/nimserver/',
      'backup.endpoints': ['https://b.example', 'https://a.example/nimserver'],
      ttl: 120,
      md5: 'd41d8cd98f00b204',
    });
    expect(parseAllocationAnswer(text)).toEqual({
      kind: 'changed',
      endpoints: ['https://a.example/nimserver', 'https://b.example'],
      ttlMs: 120_000,
      md5: 'd41d8cd98f00b204',
      invalid: [],
    });
  });

  it('reads code 304 as "unchanged"', () => {
    expect(parseAllocationAnswer('{"code":304}')).toEqual({ kind: 'unchanged' });
  });

  it('takes the first valid backup when the default endpoint is missing or invalid', () => {
    const text = answer({ 'default.endpoint': 'ftp://nope', 'backup.endpoints': [5, null, 'https://b.example'] });
    expect(parseAllocationAnswer(text)).toMatchObject({ endpoints: ['https://b.example'], md5: undefined });
  });

  it.each([
    ['not JSON', '<html>', /not JSON/],
    ['another code', '{"code":414,"msg":"bad appkey"}', /code "414"/],
    ['no data', '{"code":200}', /no data/],
    ['no endpoint', answer({ 'default.endpoint': 5, 'backup.endpoints': [null, ''] }), /no valid endpoint/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseAllocationAnswer(text)).toThrow(message);
  });

  it('keeps the strings that are no endpoint, shown safely, for the service to report as rejected', () => {
    const text = answer({
      'default.endpoint': 'https://a.example?x=1',
      'backup.endpoints': ['javascript:alert(1)', 'https://u:pw@b.example/\nnim ok'],
    });
    expect(parseAllocationAnswer(text)).toMatchObject({
      endpoints: [],
      invalid: ['https://a.example?x=1', 'javascript:alert(1)', 'https://…@b.example/\\nnim ok'],
    });
  });

  it('holds ttl within the spec bounds, and uses the default when it is not a number', () => {
    expect(ttlMsOf(0)).toBe(ttlSeconds.minimum * 1000);
    expect(ttlMsOf(-5)).toBe(ttlSeconds.minimum * 1000);
    expect(ttlMsOf(10 ** 9)).toBe(ttlSeconds.maximum * 1000);
    expect(ttlMsOf('60')).toBe(ttlSeconds.default * 1000);
    expect(ttlMsOf(undefined)).toBe(ttlSeconds.default * 1000);
    expect(ttlMsOf(Number.NaN)).toBe(ttlSeconds.default * 1000);
    fc.assert(
      fc.property(fc.anything(), (ttl) => {
        const ms = ttlMsOf(ttl);
        return Number.isInteger(ms) && ms >= ttlSeconds.minimum * 1000 && ms <= ttlSeconds.maximum * 1000;
      }),
      { seed: seedOr(1305), numRuns: 500 },
    );
  });

  it('for any JSON either returns a well-formed answer or throws an Error, never anything else', () => {
    const endpoint = fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }), fc.constant('https://x.example/nimserver'));
    const data = fc.record(
      {
        'default.endpoint': fc.oneof(endpoint, fc.anything()),
        'backup.endpoints': fc.oneof(fc.array(fc.oneof(endpoint, fc.anything()), { maxLength: 40 }), fc.anything()),
        ttl: fc.anything(),
        md5: fc.oneof(fc.stringMatching(/^[0-9a-f]{1,32}$/), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.record({ code: fc.constantFrom(200, 304, 500, '200'), data: fc.oneof(data, fc.anything()) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(body, (value) => {
        let parsed;
        try {
          parsed = parseAllocationAnswer(JSON.stringify(value) ?? 'undefined');
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message.length).toBeLessThan(200);
          return;
        }
        if (parsed.kind === 'unchanged') return;
        expect(parsed.endpoints.length + parsed.invalid.length).toBeGreaterThan(0);
        expect(parsed.endpoints.length).toBeLessThanOrEqual(16);
        expect(new Set(parsed.endpoints).size).toBe(parsed.endpoints.length);
        for (const url of parsed.endpoints) {
          expect(url).toMatch(/^https?:\/\/[^/\s?#]+/);
          expect(url.endsWith('/')).toBe(false);
          expect(() => new URL(url)).not.toThrow();
        }
      }),
      { seed: seedOr(1306), numRuns: 600 },
    );
  }, 20_000); // 600 generated answers: seconds on a loaded machine
});

describe('allocationUrl', () => {
  it('sends k, sv, biz from the spec, p and, once known, md5', () => {
    const url = new URL(
      allocationUrl('https://lbs.example/srv-sdk/allocate', { appKey: 'key&1', version: '1.2.0', md5: undefined }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      k: 'key&1',
      sv: '1.2.0',
      biz: String(constraints.discovery.biz),
      p: 'js',
    });
    const again = new URL(allocationUrl('https://lbs.example/a?region=x', { appKey: 'k', version: '1', md5: 'abc' }));
    expect(again.searchParams.get('region')).toBe('x');
    expect(again.searchParams.get('md5')).toBe('abc');
  });
});

describe('requestAllocation', () => {
  const request = { appKey: 'k', version: '1', md5: undefined, timeoutMs: 200 };

  it('asks the URLs in order until one answers, through the given send', async () => {
    const asked: string[] = [];
    const send = async (req: Request) => {
      asked.push(new URL(req.url).origin);
      if (asked.length === 1) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
      return new Response(answer({ 'default.endpoint': 'https://a.example' }));
    };
    const result = await requestAllocation(send, {
      ...request,
      urls: ['https://one.example/a', 'https://two.example/a'],
    });
    expect(asked).toEqual(['https://one.example', 'https://two.example']);
    expect(result).toMatchObject({
      from: 'https://two.example/a',
      answer: { kind: 'changed', endpoints: ['https://a.example'] },
    });
  });

  it('rejects with why each URL failed: HTTP status, network code, deadline', async () => {
    let call = 0;
    const send = (req: Request) => {
      call += 1;
      if (call === 1) return Promise.resolve(new Response('busy', { status: 503 }));
      if (call === 2)
        return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
      return new Promise<Response>((_, reject) =>
        req.signal.addEventListener('abort', () => reject(req.signal.reason)),
      );
    };
    const error = await requestAllocation(send, {
      ...request,
      urls: ['https://a.example/x', 'https://b.example/x', 'https://c.example/x'],
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      'https://a.example/x: HTTP 503; https://b.example/x: TypeError ECONNREFUSED; https://c.example/x: no answer within 200 ms',
    );
  });

  it('refuses an answer larger than 64 KiB without reading all of it', async () => {
    const send = async () => new Response(`{"code":200,"data":{"x":"${'a'.repeat(200_000)}"}}`);
    await expect(requestAllocation(send, { ...request, urls: ['https://a.example/x'] })).rejects.toThrow(
      /larger than 65536 bytes/,
    );
  });

  it('stops at once when its signal aborts', async () => {
    const asked: string[] = [];
    const stop = new AbortController();
    const send = (req: Request) => {
      asked.push(req.url);
      stop.abort();
      return Promise.reject(req.signal.reason);
    };
    await expect(
      requestAllocation(send, {
        ...request,
        urls: ['https://a.example/x', 'https://b.example/x'],
        signal: stop.signal,
      }),
    ).rejects.toThrow();
    expect(asked).toHaveLength(1);
  });
});
