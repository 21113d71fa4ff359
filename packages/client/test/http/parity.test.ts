// The two transports side by side on the same faults: same error class, same `requestSent`, same attempts, same
// retries and metrics. The whole client suite also runs once per transport (vitest projects client and
// client-undici); this file compares them directly, in one process.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isNimError, NimAbortError } from '../../src/index.js';
import { createNimClient } from '../../src/index.node.js';
import type { NimClientOptions, NimTransport } from '../../src/config/options.js';
import { ChaosServer, type Fault } from '../support/chaos-server.js';
import { closedPortUrl } from '../support/wire-server.js';

const appKey = 'parity-app-key';
const appSecret = 'parity-SECRET';
const server = new ChaosServer(appKey, appSecret);
const transports: NimTransport[] = ['fetch', 'undici'];

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => server.reset());

const client = (transport: NimTransport, options: Partial<NimClientOptions> = {}) =>
  createNimClient({
    appKey,
    appSecret,
    baseUrl: server.url,
    transport,
    timeoutMs: 300,
    retryDelayMs: () => 0,
    ...options,
  });

/** What a call came to, in the terms the two transports must agree on. */
async function outcome(transport: NimTransport, faults: Fault[], fallback: Fault, call: 'get' | 'create') {
  server.reset();
  server.script(faults, fallback);
  const events: string[] = [];
  const nim = client(transport, {
    hooks: {
      onResult: (s) =>
        void events.push(`${s.attempt}:${s.status ?? '-'}:${s.code ?? '-'}:${s.error?.name ?? 'ok'}:${s.willRetry}`),
    },
  });
  const groups = nim.conversationGroups;
  const result = await (call === 'get'
    ? groups.get('1001', { account_id: 'alice' })
    : groups.create({ account_id: 'alice', name: 'Work' })
  ).then(
    () => 'ok',
    (error: unknown) =>
      isNimError(error)
        ? `${error.name} attempts=${error.attempts} sent=${String((error as { requestSent?: boolean }).requestSent)} ${error.message.replace(/ \(.*$/, '')}`
        : `foreign ${String(error)}`,
  );
  const { byOperation } = nim.metrics();
  const counts = Object.values(byOperation).map(({ ok, apiError, transportError, retries }) => ({
    ok,
    apiError,
    transportError,
    retries,
  }));
  return {
    result,
    events,
    counts,
    attempts: server.attempts.length,
    allSigned: server.attempts.every((a) => a.checkSumValid),
  };
}

const faults: Array<[string, Fault[], Fault]> = [
  ['ok', [], { kind: 'ok' }],
  ['a reset, then ok', [{ kind: 'reset' }], { kind: 'ok' }],
  ['resets', [], { kind: 'reset' }],
  ['a socket closed mid-body', [], { kind: 'closeMidBody' }],
  ['a hang', [], { kind: 'hang' }],
  ['slow headers past the deadline', [], { kind: 'slowHeaders', delayMs: 600 }],
  [
    '503 then 416 then ok',
    [
      { kind: 'status', status: 503 },
      { kind: 'code', code: 416 },
    ],
    { kind: 'ok' },
  ],
  ['HTTP 500', [], { kind: 'status', status: 500 }],
  ['an HTML page', [], { kind: 'html' }],
  ['truncated JSON', [], { kind: 'truncated' }],
  ['code 116404', [], { kind: 'code', code: 116404 }],
];

describe('fetch and undici transports agree', () => {
  it.each(faults)('on a get under %s', async (_name, script, fallback) => {
    const [viaFetch, viaUndici] = [
      await outcome('fetch', script, fallback, 'get'),
      await outcome('undici', script, fallback, 'get'),
    ];
    expect(viaUndici).toEqual(viaFetch);
    expect(viaFetch.allSigned).toBe(true);
  });

  it.each(faults.filter(([name]) => name !== 'ok'))(
    'on a create (not idempotent) under %s',
    async (_name, script, fallback) => {
      const [viaFetch, viaUndici] = [
        await outcome('fetch', script, fallback, 'create'),
        await outcome('undici', script, fallback, 'create'),
      ];
      expect(viaUndici).toEqual(viaFetch);
    },
  );

  it.each(transports)(
    '%s: connection refused proves the create was never sent, so it moves on to the next host',
    async (transport) => {
      const hosts: string[] = [];
      const nim = client(transport, {
        baseUrl: [await closedPortUrl(), server.url],
        hooks: { onResult: (s) => void hosts.push(`${s.error?.name ?? 'ok'}`) },
      });
      await nim.conversationGroups.create({ account_id: 'alice', name: 'Work' });
      expect(hosts).toEqual(['NimConnectionError', 'ok']);
    },
  );

  it.each(transports)(
    '%s: a caller abort mid-attempt stops at once with NimAbortError and the caller’s reason as cause',
    async (transport) => {
      server.script([], { kind: 'hang' });
      const controller = new AbortController();
      const reason = new Error('user went away');
      setTimeout(() => controller.abort(reason), 50);
      const error = await client(transport, { timeoutMs: 5_000 })
        .conversationGroups.get('1001', { account_id: 'alice' }, { signal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NimAbortError);
      expect((error as NimAbortError).cause).toBe(reason);
      expect(server.attempts).toHaveLength(1);
    },
  );

  it.each(transports)('%s: nim.raw returns a real Response with the exact-id JSON', async (transport) => {
    server.script([{ kind: 'ok', body: '{"code":200,"msg":"success","data":{"group_id":9007199254740993}}' }]);
    const { data, response } = await client(transport).raw.GET('/im/v2/conversation_groups/{group_id}', {
      params: { path: { group_id: '9007199254740993' }, query: { account_id: 'alice' } },
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(data).toEqual({ code: 200, msg: 'success', data: { group_id: '9007199254740993' } });
  });

  it.each(transports)(
    '%s: nim.raw rejects like fetch on a network error (TypeError with the cause)',
    async (transport) => {
      const nim = client(transport, { baseUrl: await closedPortUrl() });
      const error = await nim.raw
        .GET('/im/v2/conversation_groups', { params: { query: { account_id: 'alice' } } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe('fetch failed');
      expect(((error as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
    },
  );
});
