// The sandbox conforms to the spec: the client's full operation set runs against @nim-api/sandbox behind
// `prism proxy --errors`, so Prism validates every request on its way in and every response on its way out —
// successes, partial failures (110302/110304/110404 item by item) and every error the sandbox can produce. Any
// violation (422/500 from Prism, an `sl-violations` header) fails the test.
import {
  createNimClient,
  NimAuthError,
  NimHttpError,
  NimLimitExceededError,
  NimNotFoundError,
  NimParamError,
  NimRateLimitError,
} from '@nim-api/client';
import { createSandbox, type Sandbox, type SandboxServer } from '@nim-api/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism } from '../../../scripts/prism.mjs';
import { collect, type Exchange, harness } from './harness.js';
import { specOperations } from './spec.js';

type Prism = Awaited<ReturnType<typeof startPrism>>;
interface Stack {
  sandbox: Sandbox;
  server: SandboxServer;
  proxy: Prism;
}

const stacks: Stack[] = [];
async function stack(sandbox: Sandbox): Promise<Stack> {
  const server = await sandbox.listen();
  const entry: Stack = { sandbox, server, proxy: undefined! };
  stacks.push(entry);
  try {
    entry.proxy = await startPrism({ mode: 'proxy', upstream: server.url });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    throw error;
  }
  return entry;
}

let main: Stack;
let limited: Stack;
beforeAll(async () => {
  [main, limited] = await Promise.all([
    stack(
      createSandbox({
        seed: 7,
        accounts: ['alice', 'bob', 'carol'],
        limits: { groupsPerAccount: 6, conversationsPerGroup: 160 },
      }),
    ),
    // One call per second and operation, then blocked for a minute; three gateway failures for list.
    stack(
      createSandbox({
        seed: 8,
        rateLimit: { perSecond: 1, blockMs: 60_000 },
        faults: [502, 503, 504].map((kind) => ({ operation: 'listConversationGroups' as const, kind: kind as 502 })),
      }),
    ),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(stacks.flatMap(({ proxy, server }) => [proxy?.stop(), server.close()]));
});

/** Prism found nothing wrong: no sl-violations header, and not one of its own 422/500 answers. */
function expectConforming(exchanges: readonly Exchange[], statuses: readonly number[] = [200]) {
  expect(exchanges.length).toBeGreaterThan(0);
  for (const exchange of exchanges) {
    const where = `${exchange.method} ${exchange.url.pathname}${exchange.url.search}`;
    expect(exchange.responseHeaders.get('sl-violations'), `sl-violations on ${where}`).toBeNull();
    expect(statuses, `${where} → ${exchange.status}: ${exchange.responseBody.slice(0, 300)}`).toContain(
      exchange.status,
    );
  }
}

const through = (s: Stack, options = {}) =>
  harness(s.proxy.url, undefined, { appKey: s.sandbox.appKey, appSecret: s.sandbox.appSecret, ...options });

describe('the sandbox behind prism proxy --errors', () => {
  it('a stateful walk through every client method: each request and response conforms', async () => {
    const { nim, exchanges } = through(main);
    const created = await nim.conversationGroups.create({
      account_id: 'alice',
      name: 'Work',
      server_extension: '{"color":"blue"}',
      conversation_ids: ['alice|1|bob', 'alice|2|6001', 'alice|3|7001'],
    });
    expect(created.failed_list).toEqual([]);
    const id = created.conversation_group.group_id;
    expect(await nim.conversationGroups.get(id, { account_id: 'alice' })).toEqual(created.conversation_group);

    const renamed = await nim.conversationGroups.update(id, { account_id: 'alice', name: 'Work (2026)' });
    expect(renamed.conversation_group.name).toBe('Work (2026)');
    const many = Array.from({ length: 150 }, (_, i) => `alice|1|user${i}` as const);
    const added = await nim.conversationGroups.addConversations(id, { account_id: 'alice', conversation_ids: many });
    expect(added.success_list).toEqual(many);

    const page = await nim.conversationGroups.listConversations(id, { account_id: 'alice', limit: 100 });
    expect(page.has_more).toBe(true);
    const all = await collect(nim.conversationGroups.iterateConversations(id, { account_id: 'alice', limit: 40 }));
    expect(all.map((c) => c.conversation_id)).toEqual(['alice|1|bob', 'alice|2|6001', 'alice|3|7001', ...many]);

    const batch = await nim.conversationGroups.batchGet({ account_id: 'alice', group_ids: [id, '999'] });
    expect(batch.success_list.map((g) => g.group_id)).toEqual([id]);
    expect(batch.failed_list).toEqual([
      { group_id: '999', error_code: 116404, error_msg: 'conversation group not found' },
    ]);
    expect(
      (await nim.conversationGroups.list({ account_id: 'alice' })).conversation_groups.map((g) => g.group_id),
    ).toContain(id);

    const removed = await nim.conversationGroups.removeConversations(id, {
      account_id: 'alice',
      conversation_ids: ['alice|1|bob', 'alice|1|nobody'],
    });
    expect(removed.success_list).toEqual(['alice|1|bob']);
    expect(removed.failed_list).toEqual([
      { conversation_id: 'alice|1|nobody', error_code: 110404, error_msg: 'conversation not found' },
    ]);

    await nim.conversationGroups.delete(id, { account_id: 'alice' });
    const gone = await nim.conversationGroups.get(id, { account_id: 'alice' }).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(NimNotFoundError);
    expect((gone as NimNotFoundError).code).toBe(116404);
    expectConforming(exchanges);
  });

  it('partial failures item by item: 110304 (already in 5 groups) and 110302 (another owner, via nim.raw)', async () => {
    const { nim, exchanges } = through(main);
    for (let i = 0; i < 5; i += 1)
      await nim.conversationGroups.create({ account_id: 'bob', name: `g${i}`, conversation_ids: ['bob|1|alice'] });
    const sixth = await nim.conversationGroups.create({
      account_id: 'bob',
      name: 'g5',
      conversation_ids: ['bob|1|alice', 'bob|1|carol'],
    });
    expect(sixth.success_list).toEqual(['bob|1|carol']);
    expect(sixth.failed_list).toEqual([
      { conversation_id: 'bob|1|alice', error_code: 110304, error_msg: 'conversation already belongs to 5 groups' },
    ]);

    const raw = await nim.raw.PATCH('/im/v2/conversation_groups/{group_id}', {
      params: { path: { group_id: sixth.conversation_group.group_id } },
      body: { account_id: 'bob', conversations: { type: 1, conversation_ids: ['alice|1|bob'] } },
    });
    expect(raw.data).toMatchObject({
      code: 200,
      data: { success_list: [], failed_list: [{ conversation_id: 'alice|1|bob', error_code: 110302 }] },
    });
    expectConforming(exchanges);
  });

  it('the conversation operations (nim.raw): a conversation in a group, stuck to the top, paged, deleted — each conforms', async () => {
    const { nim, exchanges } = through(main);
    const id = 'alice|1|frank' as const;
    const path = { conversation_id: id };
    const created = await nim.raw.POST('/im/v2.1/conversations', { body: { conversation_id: id } });
    expect(created.data).toMatchObject({ code: 200, data: { conversation_id: id, group_ids: [], stick_top: false } });
    const group = await nim.conversationGroups.create({ account_id: 'alice', name: 'Friends', conversation_ids: [id] });
    const got = await nim.raw.GET('/im/v2.1/conversations/{conversation_id}', { params: { path } });
    expect(got.data?.data).toMatchObject({ conversation_id: id, group_ids: [group.conversation_group.group_id] });
    const stuck = await nim.raw.POST('/im/v2/conversations/{conversation_id}/actions/stick_top_conversation', {
      params: { path },
      body: { top_type: 1 },
    });
    expect(stuck.data?.data).toMatchObject({ stick_top: true });
    const updated = await nim.raw.PATCH('/im/v2/conversations/{conversation_id}', {
      params: { path },
      body: { server_extension: 'x' },
    });
    expect(updated.data?.data).toMatchObject({ server_extension: 'x', stick_top: true });
    await nim.raw.POST('/im/v2.1/conversations', { body: { conversation_id: 'alice|1|grace' } });
    const first = await nim.raw.GET('/im/v2.1/conversations', { params: { query: { account_id: 'alice', limit: 1 } } });
    expect(first.data?.data).toMatchObject({ has_more: true, items: [{ conversation_id: id, stick_top: true }] });
    const second = await nim.raw.GET('/im/v2.1/conversations', {
      params: {
        query: { account_id: 'alice', limit: 1, page_token: (first.data?.data as { next_token: string }).next_token },
      },
    });
    expect(second.data?.data).toMatchObject({ has_more: false, items: [{ conversation_id: 'alice|1|grace' }] });
    const batch = await nim.raw.POST('/im/v2.1/conversations/actions/conversation_ids', {
      body: { conversation_ids: [id, 'alice|1|nobody'] },
    });
    expect(batch.data?.data).toMatchObject({
      success_list: [{ conversation_id: id }],
      failed_list: [{ conversation_id: 'alice|1|nobody', error_code: 110404 }],
    });
    await nim.raw.DELETE('/im/v2/conversations/{conversation_id}', {
      params: { path, query: { clear_message: true } },
    });
    const gone = await nim.raw.GET('/im/v2.1/conversations/{conversation_id}', { params: { path } });
    expect(gone.data).toEqual({ code: 110404, msg: 'conversation not found', data: {} });
    // Deleting it took it out of the group.
    expect(
      (await nim.conversationGroups.listConversations(group.conversation_group.group_id, { account_id: 'alice' }))
        .items,
    ).toEqual([]);
    const deleted = await nim.raw.DELETE('/im/v2/conversations/actions/conversation_ids', {
      params: { query: { conversation_ids: ['alice|1|grace', id] } },
    });
    expect(deleted.data?.data).toEqual({
      success_list: ['alice|1|grace'],
      failed_list: [{ conversation_id: id, error_code: 110404, error_msg: 'conversation not found' }],
    });
    expectConforming(exchanges);
  });

  it('every business error the sandbox produces comes back typed, and conforms', async () => {
    const { nim, exchanges } = through(main);
    const expectError = async (call: Promise<unknown>, type: new (...args: never[]) => Error, code: number) => {
      const error = await call.catch((thrown: unknown) => thrown);
      expect(error, String(code)).toBeInstanceOf(type);
      expect((error as { code: number }).code).toBe(code);
    };
    await expectError(nim.conversationGroups.list({ account_id: 'nobody' }), NimNotFoundError, 102404);
    await expectError(nim.conversationGroups.get('424242', { account_id: 'alice' }), NimNotFoundError, 116404);
    for (let i = 0; i < 6; i += 1) await nim.conversationGroups.create({ account_id: 'carol', name: `c${i}` });
    await expectError(
      nim.conversationGroups.create({ account_id: 'carol', name: 'one too many' }),
      NimLimitExceededError,
      116435,
    );
    const [first] = (await nim.conversationGroups.list({ account_id: 'carol' })).conversation_groups;
    const ids = Array.from({ length: 161 }, (_, i) => `carol|1|u${i}` as const);
    await expectError(
      nim.conversationGroups
        .addConversations(first!.group_id, { account_id: 'carol', conversation_ids: ids.slice(0, 100) })
        .then(() =>
          nim.conversationGroups.addConversations(first!.group_id, {
            account_id: 'carol',
            conversation_ids: ids.slice(100),
          }),
        ),
      NimLimitExceededError,
      116437,
    );
    await expectError(
      nim.conversationGroups.listConversations(first!.group_id, { account_id: 'carol', page_token: 'not-a-token' }),
      NimParamError,
      414,
    );
    const wrongSecret = createNimClient({
      appKey: main.sandbox.appKey,
      appSecret: 'not-the-secret',
      baseUrl: main.proxy.url,
      maxRetries: 0,
    });
    await expectError(wrongSecret.conversationGroups.list({ account_id: 'alice' }), NimAuthError, 403);
    expectConforming(exchanges);
    expect(main.sandbox.requests.at(-1)).toMatchObject({ signature: 'bad-checksum', code: 403 });
  });

  it('416 from the emulated frequency control, and 502/503/504 gateway pages, conform too', async () => {
    const { nim, exchanges } = through(limited, { maxRetries: 0 });
    await nim.conversationGroups.create({ account_id: 'alice', name: 'W' });
    const limitedError = await nim.conversationGroups
      .create({ account_id: 'alice', name: 'W' })
      .catch((error: unknown) => error);
    expect(limitedError).toBeInstanceOf(NimRateLimitError);
    for (const status of [502, 503, 504]) {
      const error = await nim.conversationGroups.list({ account_id: 'alice' }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(NimHttpError);
      expect((error as NimHttpError).status).toBe(status);
    }
    expectConforming(exchanges, [200, 502, 503, 504]);
  });

  it('covered every operation and every code the sandbox can answer', () => {
    const all = stacks.flatMap(({ sandbox }) => sandbox.requests);
    expect([...new Set(all.map((r) => r.operation))].sort()).toEqual(specOperations.map((o) => o.operationId).sort());
    expect([...new Set(all.map((r) => r.code).filter((c) => c !== undefined))].sort((a, b) => a! - b!)).toEqual([
      200, 403, 414, 416, 102404, 110404, 116404, 116435, 116437,
    ]);
    expect(all.filter((r) => r.fault).map((r) => r.status)).toEqual([502, 503, 504]);
  });
});
