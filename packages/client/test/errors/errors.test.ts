import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient, type NimClient } from '../../src/client.js';
import {
  isNimError,
  NimAbortError,
  NimApiError,
  NimAuthError,
  NimConnectionError,
  NimError,
  NimHttpError,
  NimLimitExceededError,
  NimNotFoundError,
  NimParamError,
  NimRateLimitError,
  NimResponseError,
  NimTimeoutError,
  NimValidationError,
  type NimErrorsByName,
} from '../../src/errors/errors.js';
import { closedPortUrl, fail, rawJson, startWireServer, type WireServer } from '../support/wire-server.js';

const credentials = { appKey: 'errors-app-key', appSecret: 'errors-app-secret' };

let server: WireServer;
let nim: NimClient;

beforeAll(async () => {
  server = await startWireServer(credentials);
  nim = createNimClient({ ...credentials, baseUrl: server.url, maxRetries: 0, retryDelayMs: () => 0 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => expect(server.signatureProblems).toEqual([]));

const sentTraceId = () => server.requests.at(-1)!.headers['x-custom-traceid'] as string;

/** One call per operation, so each error is seen with its own operationId and method. */
const operations = [
  ['createConversationGroup', 'POST', () => nim.conversationGroups.create({ account_id: 'alice', name: 'Work' })],
  ['updateConversationGroup', 'PATCH', () => nim.conversationGroups.update('1001', { account_id: 'alice', name: 'W' })],
  [
    'updateConversationGroup',
    'PATCH',
    () => nim.conversationGroups.addConversations('1001', { account_id: 'alice', conversation_ids: ['alice|1|bob'] }),
  ],
  ['deleteConversationGroup', 'DELETE', () => nim.conversationGroups.delete('1001', { account_id: 'alice' })],
  ['getConversationGroup', 'GET', () => nim.conversationGroups.get('1001', { account_id: 'alice' })],
  [
    'batchGetConversationGroups',
    'GET',
    () => nim.conversationGroups.batchGet({ account_id: 'alice', group_ids: ['1001'] }),
  ],
  ['listConversationGroups', 'GET', () => nim.conversationGroups.list({ account_id: 'alice' })],
  ['listGroupConversations', 'GET', () => nim.conversationGroups.listConversations('1001', { account_id: 'alice' })],
] as const;

const codeTable: Array<[number, abstract new (...args: never[]) => NimApiError, keyof NimErrorsByName]> = [
  [414, NimParamError, 'NimParamError'],
  [403, NimAuthError, 'NimAuthError'],
  [416, NimRateLimitError, 'NimRateLimitError'],
  [102404, NimNotFoundError, 'NimNotFoundError'],
  [108404, NimNotFoundError, 'NimNotFoundError'],
  [110404, NimNotFoundError, 'NimNotFoundError'],
  [116404, NimNotFoundError, 'NimNotFoundError'],
  [116435, NimLimitExceededError, 'NimLimitExceededError'],
  [116437, NimLimitExceededError, 'NimLimitExceededError'],
  [110304, NimLimitExceededError, 'NimLimitExceededError'],
  [110449, NimApiError, 'NimApiError'],
  [500, NimApiError, 'NimApiError'],
  [110302, NimApiError, 'NimApiError'],
];

describe('a body code other than 200 (HTTP 200) becomes a typed NimApiError', () => {
  codeTable.forEach(([code, ErrorClass, name], index) => {
    const [operationId, method, call] = operations[index % operations.length]!;
    it(`code ${code} → ${name} (seen from ${operationId})`, async () => {
      server.reply(fail(code, `message of ${code}`));
      const error = (await call().catch((e: unknown) => e)) as NimApiError;

      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(NimApiError);
      expect(error).toBeInstanceOf(NimError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
      if (ErrorClass === NimApiError) expect(Object.getPrototypeOf(error)).toBe(NimApiError.prototype);
      expect(error).toMatchObject({
        code,
        msg: `message of ${code}`,
        httpStatus: 200,
        operationId,
        method,
        host: server.url,
        attempts: 1,
      });
      expect(error.traceId).toBe(sentTraceId());
      expect(isNimError(error)).toBe(true);
      expect(isNimError(error, 'NimApiError')).toBe(true);
      expect(isNimError(error, name)).toBe(true);
      expect(isNimError(error, 'NimHttpError')).toBe(false);
      expect(error.message).toContain(operationId);
      expect(error.message).toContain(String(code));
      expect(error.message).toContain(`message of ${code}`);
      expect(error.message).toContain(error.traceId);
      expect(server.requests).toHaveLength(1);
    });
  });

  it('rejects so that `rejects.toBeInstanceOf` works on the promise', async () => {
    server.reply(fail(416, 'too frequently'));
    await expect(nim.conversationGroups.list({ account_id: 'alice' })).rejects.toBeInstanceOf(NimRateLimitError);
  });

  it("carries the caller's trace id", async () => {
    server.reply(fail(116404));
    await expect(
      nim.conversationGroups.get(1, { account_id: 'alice' }, { traceId: 'caller-trace' }),
    ).rejects.toMatchObject({
      name: 'NimNotFoundError',
      traceId: 'caller-trace',
    });
  });

  it('keeps an empty msg when the server sent none', async () => {
    server.reply(rawJson('{"code":414}'));
    await expect(nim.conversationGroups.list({ account_id: 'alice' })).rejects.toMatchObject({
      name: 'NimParamError',
      code: 414,
      msg: '',
    });
  });
});

describe('a non-200 HTTP status becomes NimHttpError', () => {
  it('HTTP 502 with an HTML page: status, trace id and a bounded excerpt of the body', async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'<p>upstream is down</p>'.repeat(300)}</body></html>`;
    server.reply({ status: 502, headers: { 'content-type': 'text/html' }, body: page });

    const error = (await nim.conversationGroups
      .get('1001', { account_id: 'alice' })
      .catch((e: unknown) => e)) as NimHttpError;

    expect(error).toBeInstanceOf(NimHttpError);
    expect(isNimError(error, 'NimHttpError')).toBe(true);
    expect(isNimError(error, 'NimApiError')).toBe(false);
    expect(error.status).toBe(502);
    expect(error.bodyExcerpt.length).toBeLessThanOrEqual(513);
    expect(error.bodyExcerpt.length).toBeGreaterThan(100);
    expect(page.startsWith(error.bodyExcerpt.replace(/…$/, ''))).toBe(true);
    expect(error).toMatchObject({
      operationId: 'getConversationGroup',
      method: 'GET',
      host: server.url,
      traceId: sentTraceId(),
    });
    expect(error.message).toContain('502');
    expect(error.message).toContain(error.traceId!);
    expect(error.message.length).toBeLessThan(400);
  });

  it('HTTP 429 with a short text body keeps the whole body as excerpt and reads Retry-After', async () => {
    server.reply({ status: 429, headers: { 'content-type': 'text/plain', 'retry-after': '3' }, body: 'slow down' });
    const error = (await nim.conversationGroups.list({ account_id: 'alice' }).catch((e: unknown) => e)) as NimHttpError;
    expect(error).toBeInstanceOf(NimHttpError);
    expect(error).toMatchObject({ status: 429, bodyExcerpt: 'slow down', retryAfterMs: 3000 });
  });
});

describe('an HTTP 200 that is not an envelope becomes NimResponseError', () => {
  const bodies: Array<[string, string, string]> = [
    ['not JSON', '<!doctype html><html><body>Maintenance</body></html>', 'text/html'],
    ['JSON without code', '{"msg":"success","data":{}}', 'application/json'],
    ['JSON with a string code', '{"code":"200","msg":"success","data":{}}', 'application/json'],
    ['a JSON array', '[1,2,3]', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    ['truncated JSON', '{"code":200,"msg":"success","data":{"group_id":10', 'application/json'],
    ['an empty body', '', 'application/json'],
  ];
  for (const [what, body, contentType] of bodies) {
    it(`${what}`, async () => {
      server.reply({ status: 200, headers: { 'content-type': contentType }, body });
      const error = (await nim.conversationGroups
        .get('1001', { account_id: 'alice' })
        .catch((e: unknown) => e)) as NimResponseError;
      expect(error).toBeInstanceOf(NimResponseError);
      expect(isNimError(error, 'NimResponseError')).toBe(true);
      expect(error.bodyExcerpt).toBe(body);
      expect(error).toMatchObject({ operationId: 'getConversationGroup', method: 'GET', traceId: sentTraceId() });
      expect(error.message).toContain(error.traceId!);
    });
  }

  it('a non-JSON body keeps the parse error as cause', async () => {
    server.reply({ headers: { 'content-type': 'text/plain' }, body: 'oops' });
    const error = (await nim.conversationGroups
      .list({ account_id: 'alice' })
      .catch((e: unknown) => e)) as NimResponseError;
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});

describe('errors raised before or around the exchange', () => {
  it('bad input → NimValidationError, nothing sent', async () => {
    const error = await nim.conversationGroups.get('x', { account_id: 'alice' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimValidationError);
    expect(isNimError(error, 'NimValidationError')).toBe(true);
    expect(isNimError(error, 'NimApiError')).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it('no answer within timeoutMs → NimTimeoutError', async () => {
    server.reply({ hang: true });
    const error = await nim.conversationGroups
      .get('1', { account_id: 'alice' }, { timeoutMs: 50 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50, operationId: 'getConversationGroup' });
  });

  it('nothing listening → NimConnectionError that knows the request was never sent', async () => {
    const closed = createNimClient({ ...credentials, baseUrl: await closedPortUrl(), maxRetries: 0 });
    const error = await closed.conversationGroups.list({ account_id: 'alice' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimConnectionError);
    expect(error).toMatchObject({ requestSent: false, operationId: 'listConversationGroups' });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it("the caller's signal → NimAbortError", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await nim.conversationGroups
      .list({ account_id: 'alice' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimAbortError);
    expect(isNimError(error, 'NimAbortError')).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});

describe('isNimError', () => {
  it('recognises an error of another copy of the package by its brand', () => {
    const foreign = Object.assign(new Error('from another copy'), { name: 'NimNotFoundError' });
    Object.defineProperty(foreign, Symbol.for('@nim-api/client/NimError'), { value: true });
    expect(foreign instanceof NimError).toBe(false);
    expect(isNimError(foreign)).toBe(true);
    expect(isNimError(foreign, 'NimNotFoundError')).toBe(true);
    expect(isNimError(foreign, 'NimApiError')).toBe(true);
    expect(isNimError(foreign, 'NimHttpError')).toBe(false);
  });

  it('rejects look-alikes without the brand', () => {
    for (const value of [new Error('x'), { name: 'NimApiError', code: 414 }, null, undefined, 'NimApiError', 42]) {
      expect(isNimError(value)).toBe(false);
      expect(isNimError(value, 'NimApiError')).toBe(false);
    }
  });

  it('names every class by a literal name', () => {
    const context = { operationId: 'getConversationGroup' };
    const samples: Array<[NimError, string]> = [
      [new NimError('x'), 'NimError'],
      [new NimApiError({ code: 1, msg: '', httpStatus: 200 }), 'NimApiError'],
      [new NimHttpError(503, '', context), 'NimHttpError'],
      [new NimResponseError('r', '', context), 'NimResponseError'],
      [new NimValidationError([{ path: 'a', message: 'b' }]), 'NimValidationError'],
      [new NimTimeoutError(5, context), 'NimTimeoutError'],
      [new NimConnectionError(true, context), 'NimConnectionError'],
      [new NimAbortError('aborted', context), 'NimAbortError'],
    ];
    for (const [error, name] of samples) {
      expect(error.name).toBe(name);
      expect(isNimError(error, name as keyof NimErrorsByName)).toBe(true);
    }
  });
});
