// The requests NetEase's official Go server SDK v1.0.0 sends for the eight conversation operations (reproduced by
// the stand-in in go-sdk.ts, written from the SDK's source) are accepted by the Prism mock of the spec and by the
// sandbox behind `prism proxy --errors`, and their answers carry every field the SDK's response structs read. Then
// a stateful walk over HTTP: a conversation in two groups, stuck to the top, paged, deleted.
import { createSandbox, type Sandbox, type SandboxServer } from '@nim-api/sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPrism } from '../../../scripts/prism.mjs';
import {
  type GoReply,
  type GoRequest,
  goConversations,
  goDecodeProblems,
  goReads,
  goSend,
  parseWithExactInt64,
  wireTarget,
} from './go-sdk.js';
import { operationFor, specOperations } from './spec.js';

const prismUrl = inject('prismUrl');
const mockCredentials = { appKey: 'go-stand-in-app-key', appSecret: 'go-stand-in-app-secret' };
type Call = keyof typeof goConversations;

/** The operations the spec gives the `conversations` resource (x-nim-sdk). */
const conversationOperations = specOperations.filter((operation) => operation.sdk?.resource === 'conversations');

/** One request of each call, as the Go SDK builds it for these inputs. */
const oneOfEach: readonly [Call, GoRequest][] = [
  ['createConversation', goConversations.createConversation('alice|1|bob')],
  ['updateConversation', goConversations.updateConversation('alice|1|bob', '{"note":"vip"}')],
  ['deleteConversation', goConversations.deleteConversation('alice|1|bob', true)],
  ['batchDeleteConversations', goConversations.batchDeleteConversations(['alice|1|bob', 'alice|2|6001'], true)],
  ['getConversation', goConversations.getConversation('alice|1|bob')],
  ['batchGetConversations', goConversations.batchGetConversations(['alice|1|bob', 'alice|1|carol'])],
  ['listConversations', goConversations.listConversations('alice', 'page-2', 50)],
  ['stickTopConversation', goConversations.stickTopConversation('alice|1|bob', 1)],
];

describe('the stand-in builds what the Go SDK source shows', () => {
  it('paths with their v2/v2.1 prefixes, the id escaped as Go escapes a raw path, the query as url.QueryEscape', () => {
    expect(oneOfEach.map(([, r]) => `${r.method} ${wireTarget(r)}${r.body ? ` ${r.body}` : ''}`)).toEqual([
      'POST /im/v2.1/conversations {"conversation_id":"alice|1|bob"}',
      'PATCH /im/v2/conversations/alice%7C1%7Cbob {"server_extension":"{\\"note\\":\\"vip\\"}"}',
      'DELETE /im/v2/conversations/alice%7C1%7Cbob?clear_message=true',
      'DELETE /im/v2/conversations/actions/conversation_ids?conversation_ids=alice%7C1%7Cbob%2Calice%7C2%7C6001&clear_message=true',
      'GET /im/v2.1/conversations/alice%7C1%7Cbob',
      'POST /im/v2.1/conversations/actions/conversation_ids {"conversation_ids":["alice|1|bob","alice|1|carol"]}',
      'GET /im/v2.1/conversations?account_id=alice&page_token=page-2&limit=50',
      'POST /im/v2/conversations/alice%7C1%7Cbob/actions/stick_top_conversation {"top_type":1}',
    ]);
    // Optional query fields are left out as the SDK leaves them out.
    expect(wireTarget(goConversations.listConversations('alice'))).toBe('/im/v2.1/conversations?account_id=alice');
    expect(wireTarget(goConversations.deleteConversation('alice|1|bob', false))).toBe(
      '/im/v2/conversations/alice%7C1%7Cbob',
    );
  });

  it('each call lands on its own operation of the spec, and together they are exactly its conversation operations', () => {
    const landed = oneOfEach.map(([call, request]) => [
      call,
      operationFor(request.method, wireTarget(request).split('?')[0]!)?.operationId,
    ]);
    expect(landed).toEqual(oneOfEach.map(([call]) => [call, call]));
    expect(conversationOperations.map((o) => o.operationId).sort()).toEqual(oneOfEach.map(([call]) => call).sort());
    for (const operation of conversationOperations) expect(operation.sdk?.method, operation.operationId).toBeDefined();
  });
});

describe('against the Prism mock of the spec', () => {
  const send = (request: GoRequest, example = 'success') =>
    goSend(prismUrl, mockCredentials, request, { Prefer: `example=${example}` });

  it.each(oneOfEach)('%s: accepted, and the answer carries every field the SDK reads', async (call, request) => {
    const reply = await send(request, call === 'listConversations' ? 'lastPage' : 'success');
    expect(reply.violations, reply.text).toBeNull();
    expect(reply.status, reply.text).toBe(200);
    expect(reply.envelope?.code).toBe(200);
    expect(goDecodeProblems(goReads[call], reply.envelope?.data)).toEqual([]);
  });

  it('refuses requests the Go SDK would not send (controls: the check can fail)', async () => {
    const refused = async (request: GoRequest) => {
      const reply = await send(request);
      expect(reply.status, `${request.method} ${wireTarget(request)} → ${reply.text}`).not.toBe(200);
    };
    // The older form of batch get on the vendor's API explorer: GET with a query, under v2.
    await refused({
      ...goConversations.batchGetConversations(['alice|1|bob']),
      method: 'GET',
      uri: '/im/v2/conversations/actions/conversation_ids',
      body: undefined,
      query: [['conversation_ids', 'alice|1|bob']],
    });
    // A nil TopType (sent as null), a conversation type 9, a list without account_id, a missing prefix.
    await refused(goConversations.stickTopConversation('alice|1|bob', null));
    await refused(goConversations.getConversation('alice|9|bob'));
    await refused({ ...goConversations.listConversations('alice'), query: [] });
    await refused({
      ...goConversations.getConversation('alice|1|bob'),
      uri: '/im/v2/conversations/{conversation_id}/x',
    });
  });

  it('reads the SDK does not get: a missing field or a wrong type is a problem', () => {
    expect(goDecodeProblems(goReads.getConversation, { conversation_id: 'alice|1|bob' })).toContain(
      'data.group_ids is missing',
    );
    expect(
      goDecodeProblems(goReads.getConversation, {
        ...Object.fromEntries(Object.keys(goReads.getConversation).map((k) => [k, ''])),
      }),
    ).toContain('data.stick_top is not a bool');
    expect(goDecodeProblems(goReads.listConversations, { has_more: false, next_token: '', items: [{}] })).toContain(
      'data.items[0].conversation_id is missing',
    );
  });
});

// Two targets: the sandbox behind `prism proxy --errors` (every request and answer validated against the spec; group
// ids stay ≤ 2^53 − 1 there, because Prism checks integers as JavaScript numbers), and the same sandbox directly over
// HTTP with group ids above 2^53, to show they come back exact.
describe.each([
  { title: 'the sandbox behind prism proxy --errors', validated: true, firstGroupId: 1n },
  { title: 'the sandbox over HTTP, group ids above 2^53', validated: false, firstGroupId: 9007199254740993n },
])('against $title', ({ validated, firstGroupId }) => {
  let sandbox: Sandbox;
  let server: SandboxServer;
  let proxy: Awaited<ReturnType<typeof startPrism>> | undefined;
  let base: string;
  const replies: GoReply[] = [];

  beforeAll(async () => {
    sandbox = createSandbox({ seed: 22, accounts: ['alice', 'bob'], firstGroupId });
    server = await sandbox.listen();
    base = server.url;
    if (!validated) return;
    try {
      proxy = await startPrism({ mode: 'proxy', upstream: server.url });
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      throw error;
    }
    base = proxy.url;
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    await server?.close();
  });

  const send = async (request: GoRequest) => {
    const reply = await goSend(base, sandbox, request);
    replies.push(reply);
    expect(reply.violations, `${request.method} ${reply.target}: ${reply.violations}`).toBeNull();
    expect(reply.status, `${request.method} ${reply.target}: ${reply.text}`).toBe(200);
    return reply;
  };
  /** A call that must succeed and carry every field the SDK reads; its `data`. */
  const ok = async (call: Call, request: GoRequest) => {
    const reply = await send(request);
    expect(reply.envelope?.code, reply.text).toBe(200);
    expect(goDecodeProblems(goReads[call], reply.envelope?.data), reply.text).toEqual([]);
    return reply.envelope!.data;
  };
  // The group calls of the walk (not the stand-in's business: plain signed requests of the spec's group paths).
  const group = (
    method: 'POST' | 'PATCH' | 'GET',
    uri: string,
    body?: unknown,
    query: [string, string][] = [],
  ): GoRequest => ({
    call: 'group',
    method,
    uri,
    pathParams: {},
    query,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const groupIdOf = (reply: GoReply) => String(reply.envelope!.data.conversation_group.group_id);

  it('the stateful walk: two groups, stick top, pages, delete leaves the groups', async () => {
    const id = 'alice|1|bob';
    const created = await ok('createConversation', goConversations.createConversation(id));
    expect(created).toMatchObject({
      conversation_id: id,
      sender_id: 'alice',
      receiver_id: 'bob',
      type: 1,
      stick_top: false,
      group_ids: [],
    });

    // Two groups hold it: the conversation's group_ids show both, as exact int64 integers.
    const groupIds: string[] = [];
    for (const name of ['Work', 'Family']) {
      const reply = await send(group('POST', '/im/v2/conversation_groups', { account_id: 'alice', name }));
      groupIds.push(groupIdOf(reply));
      await send(
        group('PATCH', `/im/v2/conversation_groups/${groupIds.at(-1)}`, {
          account_id: 'alice',
          conversations: { type: 1, conversation_ids: [id] },
        }),
      );
    }
    expect(groupIds).toEqual([firstGroupId, firstGroupId + 1n].map(String));
    const got = await send(goConversations.getConversation(id));
    expect(got.text).toContain(`"group_ids":[${groupIds.join(',')}]`);
    expect(got.envelope!.data.group_ids.map(String)).toEqual(groupIds);

    // Stick top shows in get and list, and moves update_time.
    const stuck = await ok('stickTopConversation', goConversations.stickTopConversation(id, 1));
    expect(stuck.stick_top).toBe(true);
    expect(Number(stuck.update_time)).toBeGreaterThan(Number(created.update_time));
    expect(await ok('getConversation', goConversations.getConversation(id))).toMatchObject({ stick_top: true });

    // More conversations, then list in pages of 2: each once, the stuck one first.
    const others = ['alice|1|carol', 'alice|2|6001', 'alice|3|7001', 'alice|1|dave', 'alice|1|erin'];
    for (const other of others) await ok('createConversation', goConversations.createConversation(other));
    const listed: any[] = [];
    let token = '';
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await ok('listConversations', goConversations.listConversations('alice', token, 2));
      listed.push(...page.items);
      if (!page.has_more) break;
      token = page.next_token;
      expect(token).not.toBe('');
    }
    expect(listed.map((c) => c.conversation_id).sort()).toEqual([id, ...others].sort());
    expect(listed[0]).toMatchObject({ conversation_id: id, stick_top: true });
    expect(listed[0].group_ids.map(String)).toEqual(groupIds);
    expect(listed.slice(1).every((c) => c.stick_top === false && c.group_ids.length === 0)).toBe(true);
    // Bob's list is his own.
    expect((await ok('listConversations', goConversations.listConversations('bob'))).items).toEqual([]);

    const updated = await ok('updateConversation', goConversations.updateConversation(id, '{"note":"vip"}'));
    expect(Number(updated.update_time)).toBeGreaterThan(Number(stuck.update_time));
    const batch = await ok('batchGetConversations', goConversations.batchGetConversations([id, 'alice|1|nobody']));
    expect(
      batch.success_list.map((c: any) => [c.conversation_id, c.server_extension, c.group_ids.map(String)]),
    ).toEqual([[id, '{"note":"vip"}', groupIds]]);
    expect(batch.failed_list).toEqual([
      { conversation_id: 'alice|1|nobody', error_code: 110404, error_msg: 'conversation not found' },
    ]);

    // Delete: the conversation goes and leaves both groups (the sandbox's default choice).
    await ok('deleteConversation', goConversations.deleteConversation(id, true));
    expect((await send(goConversations.getConversation(id))).envelope).toEqual({
      code: 110404,
      msg: 'conversation not found',
      data: {},
    });
    for (const groupId of groupIds) {
      const page = await send(
        group('GET', `/im/v2/conversation_groups/${groupId}/conversations`, undefined, [['account_id', 'alice']]),
      );
      expect(page.envelope!.data.items).toEqual([]);
    }
    const deleted = await ok('batchDeleteConversations', goConversations.batchDeleteConversations([...others, id]));
    expect(deleted).toEqual({
      success_list: others,
      failed_list: [{ conversation_id: id, error_code: 110404, error_msg: 'conversation not found' }],
    });
    expect((await ok('listConversations', goConversations.listConversations('alice'))).items).toEqual([]);
  });

  it('every conversation operation was called', () => {
    const seen = new Set(replies.map((reply) => operationFor(reply.method, reply.target.split('?')[0]!)?.operationId));
    for (const operation of conversationOperations)
      expect(seen.has(operation.operationId), operation.operationId).toBe(true);
    const logged = new Set<string | undefined>(sandbox.requests.map((r) => r.operation));
    for (const operation of conversationOperations)
      expect(logged.has(operation.operationId), operation.operationId).toBe(true);
  });
});

describe('int64 group ids', () => {
  it("parseWithExactInt64 keeps 2^53 + 1 exact where JSON.parse (and a float64 reading like the Go SDK's) rounds it", () => {
    const text = '{"data":{"group_ids":[1,9007199254740993],"s":"9007199254740993","t":1764115200000}}';
    expect(parseWithExactInt64(text).data).toEqual({
      group_ids: [1, '9007199254740993'],
      s: '9007199254740993',
      t: 1764115200000,
    });
    expect(JSON.parse(text).data.group_ids[1]).toBe(9007199254740992);
  });
});
