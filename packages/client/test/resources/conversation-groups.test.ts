import type { ConversationId } from '@nim-api/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient, type NimClient } from '../../src/client.js';
import { traceIdOf } from '../../src/observability/trace-ids.js';
import { ok, rawJson, startWireServer, type WireRequest, type WireServer } from '../support/wire-server.js';

const credentials = { appKey: 'wire-app-key', appSecret: 'wire-app-secret' };
const base = '/im/v2/conversation_groups';
const group = {
  group_id: 1001,
  name: 'Work',
  server_extension: '{"color":"blue"}',
  create_time: 1764115200000,
  update_time: 1764115200000,
};
const exactGroup = { ...group, group_id: '1001' };
const change = (success_list: string[] = []) => ok({ conversation_group: group, success_list, failed_list: [] });

let server: WireServer;
let nim: NimClient;

beforeAll(async () => {
  server = await startWireServer(credentials);
  nim = createNimClient({ ...credentials, baseUrl: server.url, retryDelayMs: () => 0 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => expect(server.signatureProblems).toEqual([]));

function only(): WireRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

/** The signature and trace headers every request carries, and Content-Type exactly when there is a body. */
function expectHeaders(request: WireRequest, options: { body: boolean; traceId?: string }): string {
  const { headers } = request;
  expect(headers.appkey).toBe(credentials.appKey);
  expect(headers.nonce).toMatch(/^.{16,128}$/);
  expect(headers.curtime).toMatch(/^\d{10}$/);
  expect(headers.checksum).toMatch(/^[0-9a-f]{40}$/);
  const traceId = headers['x-custom-traceid'] as string;
  if (options.traceId === undefined) expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  else expect(traceId).toBe(options.traceId);
  if (options.body) expect(headers['content-type']).toBe('application/json;charset=utf-8');
  else {
    expect(headers['content-type']).toBeUndefined();
    expect(request.body).toBe('');
  }
  return traceId;
}

const queryOf = (request: WireRequest) => Object.fromEntries(new URLSearchParams(request.query));

describe('create', () => {
  it('POSTs the given fields as JSON to /im/v2/conversation_groups and returns the change', async () => {
    server.reply(change(['alice|1|bob', 'alice|2|6001']));
    const input = {
      account_id: 'alice',
      name: 'Work',
      server_extension: '{"color":"blue"}',
      conversation_ids: ['alice|1|bob', 'alice|2|6001'] as ConversationId[],
    };

    const result = await nim.conversationGroups.create(input);

    const request = only();
    expect(request.method).toBe('POST');
    expect(request.path).toBe(base);
    expect(request.query).toBe('');
    const traceId = expectHeaders(request, { body: true });
    expect(JSON.parse(request.body)).toEqual(input);
    expect(result).toEqual({
      conversation_group: exactGroup,
      success_list: ['alice|1|bob', 'alice|2|6001'],
      failed_list: [],
    });
    expect(traceIdOf(result)).toBe(traceId);
  });

  it('sends only account_id and name when nothing else is given', async () => {
    server.reply(change());
    await nim.conversationGroups.create({ account_id: 'alice', name: 'Solo' });
    expect(JSON.parse(only().body)).toEqual({ account_id: 'alice', name: 'Solo' });
  });

  it('sends non-ASCII names and extensions as UTF-8 JSON, byte for byte', async () => {
    server.reply(change());
    const input = { account_id: 'alice', name: '工作 🚀 Работа', server_extension: '{"emoji":"✅","quote":"\\"x\\""}' };
    await nim.conversationGroups.create(input);
    expect(Number(only().headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(input), 'utf8'));
    expect(JSON.parse(only().body)).toEqual(input);
  });

  it("sends the caller's trace id", async () => {
    server.reply(change());
    const result = await nim.conversationGroups.create(
      { account_id: 'alice', name: 'Work' },
      { traceId: 'trace-create-1' },
    );
    expectHeaders(only(), { body: true, traceId: 'trace-create-1' });
    expect(traceIdOf(result)).toBe('trace-create-1');
  });
});

describe('update', () => {
  it('PATCHes account_id, name and server_extension to /im/v2/conversation_groups/{group_id}', async () => {
    server.reply(change());
    const result = await nim.conversationGroups.update('1001', {
      account_id: 'alice',
      name: 'Work (2026)',
      server_extension: '',
    });

    const request = only();
    expect(request.method).toBe('PATCH');
    expect(request.path).toBe(`${base}/1001`);
    expect(request.query).toBe('');
    expectHeaders(request, { body: true });
    expect(JSON.parse(request.body)).toEqual({ account_id: 'alice', name: 'Work (2026)', server_extension: '' });
    expect(result.conversation_group).toEqual(exactGroup);
  });

  it('leaves out the fields not given and never sends a conversations change', async () => {
    server.reply(change());
    await nim.conversationGroups.update(1001, {
      account_id: 'alice',
      server_extension: 'x',
      conversations: { type: 1, conversation_ids: ['alice|1|bob'] },
    } as never);
    expect(JSON.parse(only().body)).toEqual({ account_id: 'alice', server_extension: 'x' });
  });

  it("sends the caller's trace id", async () => {
    server.reply(change());
    await nim.conversationGroups.update(1001n, { account_id: 'alice', name: 'n' }, { traceId: 'trace-update' });
    expectHeaders(only(), { body: true, traceId: 'trace-update' });
    expect(only().path).toBe(`${base}/1001`);
  });
});

describe('addConversations and removeConversations', () => {
  it('add PATCHes conversations {type: 1, conversation_ids} with the account id', async () => {
    server.reply(change(['alice|1|bob', 'alice|3|7001']));
    const result = await nim.conversationGroups.addConversations('1001', {
      account_id: 'alice',
      conversation_ids: ['alice|1|bob', 'alice|3|7001'],
    });

    const request = only();
    expect(request.method).toBe('PATCH');
    expect(request.path).toBe(`${base}/1001`);
    expect(request.query).toBe('');
    const traceId = expectHeaders(request, { body: true });
    expect(JSON.parse(request.body)).toEqual({
      account_id: 'alice',
      conversations: { type: 1, conversation_ids: ['alice|1|bob', 'alice|3|7001'] },
    });
    expect(result.success_list).toEqual(['alice|1|bob', 'alice|3|7001']);
    expect(result.conversation_group).toEqual(exactGroup);
    expect(traceIdOf(result)).toBe(traceId);
  });

  it('remove PATCHes conversations {type: 2, conversation_ids}', async () => {
    server.reply(change(['alice|2|6001']));
    await nim.conversationGroups.removeConversations(
      1001,
      { account_id: 'alice', conversation_ids: ['alice|2|6001'] },
      { traceId: 'rm-1' },
    );

    const request = only();
    expect(request.method).toBe('PATCH');
    expect(request.path).toBe(`${base}/1001`);
    expectHeaders(request, { body: true, traceId: 'rm-1' });
    expect(JSON.parse(request.body)).toEqual({
      account_id: 'alice',
      conversations: { type: 2, conversation_ids: ['alice|2|6001'] },
    });
  });
});

describe('delete', () => {
  it('sends DELETE /im/v2/conversation_groups/{group_id}?account_id= with no body and no Content-Type', async () => {
    server.reply(ok({}));
    const result = await nim.conversationGroups.delete('1001', { account_id: 'alice' });

    const request = only();
    expect(request.method).toBe('DELETE');
    expect(request.path).toBe(`${base}/1001`);
    expect(request.query).toBe('account_id=alice');
    expectHeaders(request, { body: false });
    expect(result).toEqual({});
  });

  it('resolves with {} when the server leaves data out, and sends the caller trace id', async () => {
    server.reply(rawJson('{"code":200,"msg":"success"}'));
    await expect(nim.conversationGroups.delete(7n, { account_id: 'alice' }, { traceId: 'del-7' })).resolves.toEqual({});
    expectHeaders(only(), { body: false, traceId: 'del-7' });
  });
});

describe('get', () => {
  it('sends GET /im/v2/conversation_groups/{group_id}?account_id= and returns the group itself', async () => {
    server.reply(ok(group));
    const result = await nim.conversationGroups.get('1001', { account_id: 'alice' });

    const request = only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe(`${base}/1001`);
    expect(request.query).toBe('account_id=alice');
    const traceId = expectHeaders(request, { body: false });
    expect(result).toEqual(exactGroup);
    expect(traceIdOf(result)).toBe(traceId);
  });

  it('percent-encodes an account id in the query and never puts it in the path', async () => {
    server.reply(ok(group));
    await nim.conversationGroups.get(1001, { account_id: 'a.b@c-d_e' }, { traceId: 'get-1' });

    const request = only();
    expect(request.path).toBe(`${base}/1001`);
    expect(request.path).not.toContain('a.b');
    expect(queryOf(request)).toEqual({ account_id: 'a.b@c-d_e' });
    expectHeaders(request, { body: false, traceId: 'get-1' });
  });
});

describe('batchGet', () => {
  it('sends GET /actions/group_ids with account_id and comma-joined group_ids', async () => {
    server.reply(ok({ success_list: [group], failed_list: [] }));
    const result = await nim.conversationGroups.batchGet({
      account_id: 'alice',
      group_ids: ['1001', 9007199254740993n, 42],
    });

    const request = only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe(`${base}/actions/group_ids`);
    expect(request.query.split('&').sort()).toEqual(['account_id=alice', 'group_ids=1001,9007199254740993,42']);
    const traceId = expectHeaders(request, { body: false });
    expect(result).toEqual({ success_list: [exactGroup], failed_list: [] });
    expect(traceIdOf(result)).toBe(traceId);
  });

  it("sends the caller's trace id", async () => {
    server.reply(ok({ success_list: [], failed_list: [] }));
    await nim.conversationGroups.batchGet({ account_id: 'alice', group_ids: [1] }, { traceId: 'batch-1' });
    expectHeaders(only(), { body: false, traceId: 'batch-1' });
    expect(queryOf(only())).toEqual({ account_id: 'alice', group_ids: '1' });
  });
});

describe('list', () => {
  it('sends GET /im/v2/conversation_groups?account_id= and returns conversation_groups', async () => {
    server.reply(ok({ conversation_groups: [group, { ...group, group_id: 1002, name: 'Family' }] }));
    const result = await nim.conversationGroups.list({ account_id: 'alice' });

    const request = only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe(base);
    expect(request.query).toBe('account_id=alice');
    const traceId = expectHeaders(request, { body: false });
    expect(result.conversation_groups).toEqual([exactGroup, { ...exactGroup, group_id: '1002', name: 'Family' }]);
    expect(traceIdOf(result)).toBe(traceId);
  });

  it('returns an empty list when the server leaves conversation_groups out', async () => {
    server.reply(ok({}));
    await expect(nim.conversationGroups.list({ account_id: 'alice' }, { traceId: 'list-1' })).resolves.toEqual({
      conversation_groups: [],
    });
    expectHeaders(only(), { body: false, traceId: 'list-1' });
  });
});

describe('listConversations and iterateConversations', () => {
  it('sends GET /{group_id}/conversations with account_id, limit and page_token in the query', async () => {
    server.reply(ok({ has_more: true, next_token: 'page-3', items: [{ conversation_id: 'alice|1|bob' }] }));
    const page = await nim.conversationGroups.listConversations('1001', {
      account_id: 'alice',
      limit: 50,
      page_token: 'page-2',
    });

    const request = only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe(`${base}/1001/conversations`);
    expect(queryOf(request)).toEqual({ account_id: 'alice', limit: '50', page_token: 'page-2' });
    expectHeaders(request, { body: false });
    expect(page).toEqual({ has_more: true, next_token: 'page-3', items: [{ conversation_id: 'alice|1|bob' }] });
  });

  it('leaves limit and page_token out when not given, and reads a page without has_more/items as the last, empty one', async () => {
    server.reply(ok({}));
    const page = await nim.conversationGroups.listConversations(1001, { account_id: 'alice' }, { traceId: 'page-1' });
    expect(only().query).toBe('account_id=alice');
    expectHeaders(only(), { body: false, traceId: 'page-1' });
    expect(page).toEqual({ has_more: false, items: [] });
  });

  it('percent-encodes a page_token with reserved characters so the server reads it back exactly', async () => {
    const token = 'a&b=c+d e/f?g#h%i';
    server.reply(ok({ has_more: false, items: [] }));
    await nim.conversationGroups.listConversations('1001', { account_id: 'alice', page_token: token });
    expect(queryOf(only())).toEqual({ account_id: 'alice', page_token: token });
  });

  it('follows next_token page after page until has_more is false', async () => {
    server.reply(
      ok({
        has_more: true,
        next_token: 'p2',
        items: [{ conversation_id: 'alice|1|bob' }, { conversation_id: 'alice|2|6001' }],
      }),
      ok({ has_more: true, next_token: 'p3', items: [{ conversation_id: 'alice|3|7001' }] }),
      ok({ has_more: false, next_token: '', items: [{ conversation_id: 'alice|1|carol' }] }),
    );
    const seen: string[] = [];
    for await (const conversation of nim.conversationGroups.iterateConversations('1001', {
      account_id: 'alice',
      limit: 2,
    })) {
      seen.push(conversation.conversation_id);
    }

    expect(seen).toEqual(['alice|1|bob', 'alice|2|6001', 'alice|3|7001', 'alice|1|carol']);
    expect(server.requests.map((request) => queryOf(request))).toEqual([
      { account_id: 'alice', limit: '2' },
      { account_id: 'alice', limit: '2', page_token: 'p2' },
      { account_id: 'alice', limit: '2', page_token: 'p3' },
    ]);
    for (const request of server.requests) {
      expect(request.method).toBe('GET');
      expect(request.path).toBe(`${base}/1001/conversations`);
      expectHeaders(request, { body: false });
    }
  });

  it('stops with NimResponseError instead of looping when has_more comes with a repeated token', async () => {
    server.fallback(ok({ has_more: true, next_token: 'same', items: [{ conversation_id: 'alice|1|bob' }] }));
    const seen: string[] = [];
    const run = async () => {
      for await (const conversation of nim.conversationGroups.iterateConversations(1001, { account_id: 'alice' })) {
        seen.push(conversation.conversation_id);
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'NimResponseError' });
    expect(server.requests).toHaveLength(2);
    expect(seen).toHaveLength(2);
  });
});

describe('nim.raw', () => {
  it('is the signed openapi-fetch client: typed paths, envelope left as it came', async () => {
    server.reply(ok(group));
    const { data, error, response } = await nim.raw.GET('/im/v2/conversation_groups/{group_id}', {
      params: { path: { group_id: '1001' }, query: { account_id: 'alice' } },
      headers: { 'X-custom-traceid': 'raw-1' },
    });

    const request = only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe(`${base}/1001`);
    expect(request.query).toBe('account_id=alice');
    expectHeaders(request, { body: false, traceId: 'raw-1' });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual({ code: 200, msg: 'success', data: exactGroup });
  });

  it('signs a raw POST and sends its JSON body with the JSON content type', async () => {
    server.reply(change());
    await nim.raw.POST('/im/v2/conversation_groups', { body: { account_id: 'alice', name: 'Raw' } });
    const request = only();
    expect(request.method).toBe('POST');
    expectHeaders(request, { body: true });
    expect(JSON.parse(request.body)).toEqual({ account_id: 'alice', name: 'Raw' });
  });
});
