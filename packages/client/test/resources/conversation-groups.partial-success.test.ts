import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient, type NimClient } from '../../src/client.js';
import { NimApiError, NimHttpError, isNimError } from '../../src/errors/errors.js';
import { traceIdOf } from '../../src/observability/trace-ids.js';
import { fail, ok, rawJson, startWireServer, type WireRequest, type WireServer } from '../support/wire-server.js';

const credentials = { appKey: 'partial-app-key', appSecret: 'partial-app-secret' };
const group = { group_id: 1001, name: 'Work', create_time: 1, update_time: 2 };
const ids = (count: number, owner = 'alice') =>
  Array.from({ length: count }, (_, index) => `${owner}|1|user${index}` as const);
const sentIds = (request: WireRequest) =>
  (JSON.parse(request.body) as { conversations: { conversation_ids: string[] } }).conversations.conversation_ids;

/** Answers a chunk: every id succeeds except those whose number ends in 7, which fail with 110304. */
const echoChunk = (request: WireRequest) => {
  const chunk = sentIds(request);
  return ok({
    conversation_group: group,
    success_list: chunk.filter((id) => !id.endsWith('7')),
    failed_list: chunk
      .filter((id) => id.endsWith('7'))
      .map((id) => ({ conversation_id: id, error_code: 110304, error_msg: `${id} is in 5 groups` })),
  });
};

let server: WireServer;
let nim: NimClient;

beforeAll(async () => {
  server = await startWireServer(credentials);
  nim = createNimClient({ ...credentials, baseUrl: server.url, retryDelayMs: () => 0 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => expect(server.signatureProblems).toEqual([]));

describe('create, update, addConversations and removeConversations report partial success as sent', () => {
  const successList = ['alice|1|bob', 'alice|2|6001'];
  const failedList = [
    { conversation_id: 'alice|1|carol', error_code: 110304, error_msg: 'conversation already belongs to 5 groups' },
    { conversation_id: 'alice|3|7001', error_code: 110404 },
  ];
  const calls = {
    create: () =>
      nim.conversationGroups.create({
        account_id: 'alice',
        name: 'Work',
        conversation_ids: ['alice|1|bob', 'alice|2|6001', 'alice|1|carol', 'alice|3|7001'],
      }),
    update: () => nim.conversationGroups.update('1001', { account_id: 'alice', name: 'Work' }),
    addConversations: () =>
      nim.conversationGroups.addConversations('1001', {
        account_id: 'alice',
        conversation_ids: ['alice|1|bob', 'alice|2|6001', 'alice|1|carol', 'alice|3|7001'],
      }),
    removeConversations: () =>
      nim.conversationGroups.removeConversations('1001', {
        account_id: 'alice',
        conversation_ids: ['alice|1|bob', 'alice|2|6001', 'alice|1|carol', 'alice|3|7001'],
      }),
  };

  for (const [name, call] of Object.entries(calls)) {
    it(`${name} resolves with success_list and failed_list exactly as the server sent them`, async () => {
      server.reply(ok({ conversation_group: group, success_list: successList, failed_list: failedList }));
      const result = await call();
      expect(result.success_list).toEqual(successList);
      expect(result.failed_list).toEqual(failedList);
      expect(result.conversation_group).toEqual({ ...group, group_id: '1001' });
    });

    it(`${name} resolves with empty lists when the server left them out`, async () => {
      server.reply(ok({ conversation_group: group }));
      const result = await call();
      expect(result.success_list).toEqual([]);
      expect(result.failed_list).toEqual([]);
    });
  }
});

describe('batchGet reports unreadable ids one by one', () => {
  it('folds the Java-style fail_list [{group_id, code, msg}] into failed_list [{group_id, error_code, error_msg}]', async () => {
    server.reply(
      rawJson(
        '{"code":200,"msg":"success","data":{"success_list":[{"group_id":1001,"name":"Work","create_time":1,"update_time":2}],' +
          '"fail_list":[{"group_id":1002,"code":116404,"msg":"conversation group not found"},{"group_id":9007199254740993,"code":116404,"msg":"gone"}]}}',
      ),
    );
    const result = await nim.conversationGroups.batchGet({
      account_id: 'alice',
      group_ids: ['1001', '1002', '9007199254740993'],
    });
    expect(result).toEqual({
      success_list: [{ group_id: '1001', name: 'Work', create_time: 1, update_time: 2 }],
      failed_list: [
        { group_id: '1002', error_code: 116404, error_msg: 'conversation group not found' },
        { group_id: '9007199254740993', error_code: 116404, error_msg: 'gone' },
      ],
    });
    expect(result).not.toHaveProperty('fail_list');
  });

  it('passes the Go-style failed_list through unchanged', async () => {
    server.reply(
      ok({ success_list: [], failed_list: [{ group_id: 1002, error_code: 116404, error_msg: 'not found' }] }),
    );
    const result = await nim.conversationGroups.batchGet({ account_id: 'alice', group_ids: [1002] });
    expect(result).toEqual({
      success_list: [],
      failed_list: [{ group_id: '1002', error_code: 116404, error_msg: 'not found' }],
    });
  });

  it('resolves with two empty lists when the server sent neither', async () => {
    server.reply(ok({}));
    await expect(nim.conversationGroups.batchGet({ account_id: 'alice', group_ids: [1] })).resolves.toEqual({
      success_list: [],
      failed_list: [],
    });
  });
});

describe('addConversations and removeConversations with more than 100 ids', () => {
  it('send 250 ids as three PATCHes of 100, 100 and 50 ids, in order, under one trace id, and merge the lists', async () => {
    server.fallback(echoChunk);
    const all = ids(250);

    const result = await nim.conversationGroups.addConversations('1001', {
      account_id: 'alice',
      conversation_ids: all,
    });

    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((request) => sentIds(request))).toEqual([
      all.slice(0, 100),
      all.slice(100, 200),
      all.slice(200),
    ]);
    for (const request of server.requests) {
      expect(request.method).toBe('PATCH');
      expect(request.path).toBe('/im/v2/conversation_groups/1001');
      expect(JSON.parse(request.body)).toMatchObject({ account_id: 'alice', conversations: { type: 1 } });
    }
    const traceIds = new Set(server.requests.map((request) => request.headers['x-custom-traceid']));
    expect(traceIds.size).toBe(1);
    expect(traceIdOf(result)).toBe([...traceIds][0]);
    expect(new Set(server.requests.map((request) => request.headers.nonce)).size).toBe(3);

    expect(result.success_list).toEqual(all.filter((id) => !id.endsWith('7')));
    expect(result.failed_list.map((item) => item.conversation_id)).toEqual(all.filter((id) => id.endsWith('7')));
    expect(result.failed_list[0]).toEqual({
      conversation_id: 'alice|1|user7',
      error_code: 110304,
      error_msg: 'alice|1|user7 is in 5 groups',
    });
    expect(result.success_list.length + result.failed_list.length).toBe(250);
  });

  it('remove chunks the same way with type 2 and keeps the caller trace id on every chunk', async () => {
    server.fallback(echoChunk);
    const all = ids(201);
    await nim.conversationGroups.removeConversations(
      1001n,
      { account_id: 'alice', conversation_ids: all },
      { traceId: 'remove-201' },
    );
    expect(server.requests.map((request) => sentIds(request).length)).toEqual([100, 100, 1]);
    expect(server.requests.map((request) => JSON.parse(request.body).conversations.type)).toEqual([2, 2, 2]);
    expect(server.requests.map((request) => request.headers['x-custom-traceid'])).toEqual([
      'remove-201',
      'remove-201',
      'remove-201',
    ]);
  });

  it('send exactly 100 ids in one request', async () => {
    server.fallback(echoChunk);
    await nim.conversationGroups.addConversations('1001', { account_id: 'alice', conversation_ids: ids(100) });
    expect(server.requests).toHaveLength(1);
  });

  it('when chunk 2 fails outright, say which ids were applied (chunk 1 as reported) and which were not (chunks 2–3)', async () => {
    const all = ids(250);
    server.reply(echoChunk, fail(500, 'internal server error'));

    const error = await nim.conversationGroups
      .addConversations('1001', { account_id: 'alice', conversation_ids: all })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NimApiError);
    const apiError = error as NimApiError;
    expect(apiError.code).toBe(500);
    expect(server.requests).toHaveLength(2);
    const chunk1Applied = all.slice(0, 100).filter((id) => !id.endsWith('7'));
    expect(apiError.partial).toBeDefined();
    expect(apiError.partial!.applied).toEqual(chunk1Applied);
    expect(apiError.partial!.failed.map((item) => item.conversation_id)).toEqual(
      all.slice(0, 100).filter((id) => id.endsWith('7')),
    );
    expect(apiError.partial!.notApplied).toEqual(all.slice(100));
    expect(apiError.partial!.notApplied).toHaveLength(150);
    expect(apiError.message).toContain(`${chunk1Applied.length} conversation id(s) were applied`);
    expect(apiError.message).toContain('150 were not sent or not applied');
    expect(apiError.traceId).toBe(server.requests[0]!.headers['x-custom-traceid']);
  });

  it('when chunk 3 fails at the gateway after its retries, chunks 1–2 count as applied and the 50 of chunk 3 as not', async () => {
    const all = ids(250);
    server.reply(echoChunk, echoChunk);
    server.fallback({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>502</html>' });

    const error = await nim.conversationGroups
      .removeConversations('1001', { account_id: 'alice', conversation_ids: all }, { maxRetries: 1 })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NimHttpError);
    expect(isNimError(error, 'NimHttpError')).toBe(true);
    expect(server.requests).toHaveLength(4);
    const { partial } = error as NimHttpError;
    expect(partial!.applied).toEqual(all.slice(0, 200).filter((id) => !id.endsWith('7')));
    expect(partial!.notApplied).toEqual(all.slice(200));
  });

  it('when the first chunk fails, nothing was applied and every id is listed as not applied', async () => {
    const all = ids(150);
    server.reply(fail(116404, 'conversation group not found'));
    const error = await nim.conversationGroups
      .addConversations('1001', { account_id: 'alice', conversation_ids: all })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NimNotFoundError', partial: { applied: [], failed: [], notApplied: all } });
    expect(server.requests).toHaveLength(1);
  });

  it('a failing call of at most 100 ids carries no partial progress', async () => {
    server.reply(fail(116404, 'conversation group not found'));
    const error = await nim.conversationGroups
      .addConversations('1001', { account_id: 'alice', conversation_ids: ids(3) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NimNotFoundError', partial: undefined });
  });
});
