import { seedOr } from '../support/fc-seed.js';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient } from '../../src/client.js';
import { nodeSha1, plainSha1Hex, sha1Hex } from '../../src/protocol/sha1.js';
import {
  checksum,
  createNonce,
  createSigningMiddleware,
  createTraceId,
  traceIdHeader,
} from '../../src/protocol/signing.js';
import { fail, ok, startWireServer, type WireServer } from '../support/wire-server.js';

const credentials = { appKey: 'signing-app-key', appSecret: 'signing-secret' };

async function runMiddleware(request: Request, now?: () => number): Promise<Request> {
  const middleware = createSigningMiddleware(credentials.appKey, credentials.appSecret, now);
  const result = await middleware.onRequest!({
    request,
    schemaPath: '/im/v2/conversation_groups',
    params: {},
    id: 'test',
    options: {} as never,
  });
  return result instanceof Request ? result : request;
}

describe('checksum()', () => {
  it('matches the known-answer vector of the API notes', async () => {
    expect(checksum('abcdef123456', '4tgggergigwow323t23t', '1443592222')).toBe(
      '2a5be7297876a281b888aead8752a54e1f9ab04a',
    );
  });

  it('is the lowercase hex SHA-1 of secret + nonce + curTime for any strings (node:crypto agrees)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), fc.string(), fc.string(), async (secret, nonce, curTime) => {
        const expected = createHash('sha1')
          .update(secret + nonce + curTime, 'utf8')
          .digest('hex');
        expect(await checksum(secret, nonce, curTime)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the two SHA-1 implementations behind checksum()', () => {
  const knownAnswer = [
    'abcdef123456' + '4tgggergigwow323t23t' + '1443592222',
    '2a5be7297876a281b888aead8752a54e1f9ab04a',
  ] as const;
  const viaNode = nodeSha1();

  it('uses node:crypto where the runtime has it (Node does)', () => {
    expect(viaNode).toBeTypeOf('function');
    expect(sha1Hex(knownAnswer[0])).toBe(knownAnswer[1]);
  });

  it.each([
    ['node:crypto', (text: string) => viaNode!(text)],
    ['plain JavaScript (edge runtimes)', plainSha1Hex],
  ])('%s matches the known-answer vector of the API notes', (_name, sha1) => {
    expect(sha1(knownAnswer[0])).toBe(knownAnswer[1]);
  });

  it('plain JavaScript agrees with node:crypto across the padding boundaries of 64-byte blocks', () => {
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
      const text = 'é'.repeat(length % 3) + 'a'.repeat(length);
      expect(plainSha1Hex(text), `length ${length}`).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
    }
  });

  it('plain JavaScript agrees with node:crypto on any text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(plainSha1Hex(text)).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300, seed: seedOr(14) },
    );
  });
});

describe('createNonce() and createTraceId()', () => {
  it('makes 32-character lowercase hex nonces that do not repeat', () => {
    const nonces = Array.from({ length: 1000 }, () => createNonce());
    expect(nonces.filter((nonce) => !/^[0-9a-f]{32}$/.test(nonce))).toEqual([]);
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('never reuses random bytes across refills of its pool (20,000 nonces, ~80 refills)', () => {
    const nonces = Array.from({ length: 20_000 }, () => createNonce());
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(nonces.every((nonce) => nonce.length === 32)).toBe(true);
    // Random bytes: every hex digit about equally often (a pool handed out twice or left zeroed would skew this).
    const counts = new Map<string, number>();
    for (const digit of nonces.join('')) counts.set(digit, (counts.get(digit) ?? 0) + 1);
    expect(counts.size).toBe(16);
    for (const count of counts.values()) expect(Math.abs(count / (nonces.length * 2) - 1)).toBeLessThan(0.05);
  });

  it('makes dash-less UUID v4 trace ids that do not repeat', () => {
    const ids = Array.from({ length: 1000 }, () => createTraceId());
    expect(ids.filter((id) => !/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the signing middleware', () => {
  it('sets AppKey, Nonce, CurTime (UTC seconds from the clock) and the matching CheckSum', async () => {
    const signed = await runMiddleware(new Request('http://127.0.0.1/x'), () => 1_443_592_222_987);
    const nonce = signed.headers.get('Nonce')!;
    expect(signed.headers.get('AppKey')).toBe(credentials.appKey);
    expect(signed.headers.get('CurTime')).toBe('1443592222');
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    expect(nonce.length).toBeLessThanOrEqual(128);
    expect(signed.headers.get('CheckSum')).toBe(
      createHash('sha1').update(`${credentials.appSecret}${nonce}1443592222`).digest('hex'),
    );
  });

  it('overwrites signature headers the caller set, so signed headers always win', async () => {
    const request = new Request('http://127.0.0.1/x', {
      headers: { AppKey: 'other', Nonce: 'n'.repeat(20), CurTime: '1', CheckSum: '0'.repeat(40) },
    });
    const signed = await runMiddleware(request);
    expect(signed.headers.get('AppKey')).toBe(credentials.appKey);
    expect(signed.headers.get('Nonce')).not.toBe('n'.repeat(20));
    expect(signed.headers.get('CurTime')).not.toBe('1');
    expect(signed.headers.get('CheckSum')).not.toBe('0'.repeat(40));
  });

  it('keeps a trace id already on the request and adds a dash-less one otherwise', async () => {
    const given = await runMiddleware(new Request('http://127.0.0.1/x', { headers: { [traceIdHeader]: 'my-trace' } }));
    expect(given.headers.get(traceIdHeader)).toBe('my-trace');
    const generated = await runMiddleware(new Request('http://127.0.0.1/x'));
    expect(generated.headers.get(traceIdHeader)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sends Content-Type application/json;charset=utf-8 with a body and none without', async () => {
    const withBody = await runMiddleware(
      new Request('http://127.0.0.1/x', { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } }),
    );
    expect(withBody.headers.get('Content-Type')).toBe('application/json;charset=utf-8');
    const withoutBody = await runMiddleware(
      new Request('http://127.0.0.1/x', { method: 'GET', headers: { 'Content-Type': 'application/json' } }),
    );
    expect(withoutBody.headers.has('Content-Type')).toBe(false);
  });
});

describe('signing on the wire', () => {
  let server: WireServer;
  beforeAll(async () => {
    server = await startWireServer(credentials);
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it('signs every attempt afresh (new Nonce and CheckSum) while the trace id stays the same', async () => {
    const nim = createNimClient({ ...credentials, baseUrl: server.url, retryDelayMs: () => 0, maxRetries: 3 });
    server.reply(
      { status: 502, body: 'bad gateway' },
      { status: 503, body: 'unavailable' },
      fail(416),
      ok({ conversation_groups: [] }),
    );

    await nim.conversationGroups.list({ account_id: 'alice' });

    expect(server.requests).toHaveLength(4);
    expect(server.signatureProblems).toEqual([]);
    const header = (name: string) => server.requests.map((request) => request.headers[name.toLowerCase()]);
    expect(new Set(header('Nonce')).size).toBe(4);
    expect(new Set(header('CheckSum')).size).toBe(4);
    expect(new Set(header(traceIdHeader)).size).toBe(1);
  });

  it('is what a server holding another secret rejects (the wire server really checks)', async () => {
    const nim = createNimClient({
      appKey: credentials.appKey,
      appSecret: 'wrong-secret',
      baseUrl: server.url,
      maxRetries: 0,
    });
    await expect(nim.conversationGroups.list({ account_id: 'alice' })).rejects.toMatchObject({ name: 'NimAuthError' });
    expect(server.signatureProblems).toHaveLength(1);
    expect(server.signatureProblems[0]).toContain('CheckSum');
  });
});
