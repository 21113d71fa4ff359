// The eight conversation operations of the sandbox, and how conversations and groups agree: a conversation's
// `group_ids` are the groups that hold it, whichever side changed last.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox, type SandboxOptions } from '../../src/index.js';
import { inProcess } from '../support/api.js';

const v2 = '/im/v2/conversations';
const v21 = '/im/v2.1/conversations';
const path = (id: string) => encodeURIComponent(id);

function setup(options: SandboxOptions = {}) {
  const sandbox = createSandbox({ seed: 5, ...options });
  const api = inProcess(sandbox);
  const conversations = {
    create: (conversation_id: string) => api.raw('POST', v21, { body: { conversation_id } }),
    update: (id: string, server_extension: string) =>
      api.raw('PATCH', `${v2}/${path(id)}`, { body: { server_extension } }),
    remove: (id: string, clear_message?: boolean) =>
      api.raw(
        'DELETE',
        `${v2}/${path(id)}`,
        clear_message === undefined ? {} : { query: { clear_message: String(clear_message) } },
      ),
    batchDelete: (ids: readonly string[]) =>
      api.raw('DELETE', `${v2}/actions/conversation_ids`, { query: { conversation_ids: ids } }),
    get: (id: string) => api.raw('GET', `${v21}/${path(id)}`),
    batchGet: (conversation_ids: readonly string[]) =>
      api.raw('POST', `${v21}/actions/conversation_ids`, { body: { conversation_ids } }),
    list: (account_id: string, query: { limit?: number; page_token?: string } = {}) =>
      api.raw('GET', v21, { query: { account_id, ...query } }),
    stickTop: (id: string, top_type: number) =>
      api.raw('POST', `${v2}/${path(id)}/actions/stick_top_conversation`, { body: { top_type } }),
  };
  const group = async (name: string, conversation_ids: string[]) =>
    (await api.create({ account_id: 'alice', name, conversation_ids })).json.data.conversation_group.group_id as string;
  return { sandbox, api, conversations, group };
}

/** Every item of every page, in order. */
async function walk(c: ReturnType<typeof setup>['conversations'], account: string, limit: number) {
  const items: any[] = [];
  let token = '';
  for (let guard = 0; guard < 1000; guard += 1) {
    const reply = await c.list(account, { limit, ...(token ? { page_token: token } : {}) });
    expect(reply.json.code, reply.text).toBe(200);
    items.push(...reply.json.data.items);
    if (!reply.json.data.has_more) return items;
    token = reply.json.data.next_token;
  }
  throw new Error('the walk does not end');
}

describe('the conversation operations', () => {
  it('create answers every field the Go SDK reads; a second create answers it unchanged', async () => {
    const { conversations } = setup();
    const created = await conversations.create('Alice|2|6001');
    expect(created.json).toEqual({
      code: 200,
      msg: 'success',
      data: {
        conversation_id: 'alice|2|6001',
        sender_id: 'alice',
        receiver_id: '6001',
        type: 2,
        stick_top: false,
        group_ids: [],
        server_extension: '',
        sort_order: 0,
        update_time: expect.any(Number),
      },
    });
    await conversations.update('alice|2|6001', 'x');
    const again = await conversations.create('alice|2|6001');
    expect(again.json.data.server_extension).toBe('x');
    expect((await conversations.get('alice|2|6001')).json.data).toEqual(again.json.data);
  });

  it('answers 102404 for an unknown owner when accounts are fixed, 110404 for an unknown conversation', async () => {
    const { conversations } = setup({ accounts: ['alice'] });
    expect((await conversations.create('carol|1|bob')).json.code).toBe(102404);
    expect((await conversations.get('carol|1|bob')).json.code).toBe(102404);
    for (const reply of [
      await conversations.get('alice|1|bob'),
      await conversations.update('alice|1|bob', ''),
      await conversations.remove('alice|1|bob'),
      await conversations.stickTop('alice|1|bob', 1),
    ]) {
      expect(reply.json).toEqual({ code: 110404, msg: 'conversation not found', data: {} });
    }
  });

  it('refuses what the spec refuses (414): a bad id in the path, top_type 3, 101 ids, a missing account_id', async () => {
    const { conversations, api } = setup();
    expect((await api.raw('GET', `${v21}/alice%7C9%7Cbob`)).json.code).toBe(414);
    // A raw `|` is read as the same id (lenient, like an HTTP server decoding the path).
    expect((await api.raw('GET', `${v21}/alice|1|bob`)).json.code).toBe(110404);
    await conversations.create('alice|1|bob');
    expect((await conversations.stickTop('alice|1|bob', 3)).json.code).toBe(414);
    const many = Array.from({ length: 101 }, (_, i) => `alice|1|u${i}`);
    expect((await conversations.batchGet(many)).json.code).toBe(414);
    expect((await conversations.batchDelete(many)).json.code).toBe(414);
    expect((await conversations.batchGet([])).json.code).toBe(414);
    expect((await api.raw('GET', v21)).json.code).toBe(414);
    expect((await api.raw('PATCH', `${v2}/${path('alice|1|bob')}`, { body: {} })).json.code).toBe(414);
  });

  it('update sets server_extension and moves update_time', async () => {
    const { conversations } = setup();
    const before = (await conversations.create('alice|1|bob')).json.data;
    const after = (await conversations.update('alice|1|bob', '{"note":"vip"}')).json.data;
    expect(after.server_extension).toBe('{"note":"vip"}');
    expect(after.update_time).toBeGreaterThan(before.update_time);
    expect((await conversations.get('alice|1|bob')).json.data).toEqual(after);
  });

  it('stick top shows in get and list (first), moves update_time; top_type 2 unsticks', async () => {
    const { conversations } = setup();
    for (const id of ['alice|1|a', 'alice|1|b', 'alice|1|c']) await conversations.create(id);
    const created = (await conversations.get('alice|1|a')).json.data;
    const stuck = (await conversations.stickTop('alice|1|a', 1)).json.data;
    expect(stuck).toMatchObject({ conversation_id: 'alice|1|a', stick_top: true, sort_order: stuck.update_time });
    expect(stuck.update_time).toBeGreaterThan(created.update_time);
    expect((await conversations.get('alice|1|a')).json.data).toEqual(stuck);
    await conversations.update('alice|1|c', 'newest');
    const listed = (await conversations.list('alice')).json.data.items;
    expect(listed.map((c: any) => [c.conversation_id, c.stick_top])).toEqual([
      ['alice|1|a', true],
      ['alice|1|c', false],
      ['alice|1|b', false],
    ]);
    const unstuck = (await conversations.stickTop('alice|1|a', 2)).json.data;
    expect(unstuck).toMatchObject({ stick_top: false, sort_order: 0 });
    expect(unstuck.update_time).toBeGreaterThan(stuck.update_time);
  });

  it('batch get and batch delete go item by item: found ones in success_list, the rest 110404 in failed_list', async () => {
    const { conversations } = setup();
    await conversations.create('alice|1|bob');
    await conversations.create('bob|1|alice');
    const got = (await conversations.batchGet(['alice|1|bob', 'alice|1|nobody', 'bob|1|alice', 'alice|1|bob'])).json
      .data;
    expect(got.success_list.map((c: any) => c.conversation_id)).toEqual(['alice|1|bob', 'bob|1|alice']);
    expect(got.failed_list).toEqual([
      { conversation_id: 'alice|1|nobody', error_code: 110404, error_msg: 'conversation not found' },
    ]);
    const deleted = await conversations.batchDelete(['alice|1|bob', 'alice|1|nobody']);
    expect(deleted.json.data).toEqual({
      success_list: ['alice|1|bob'],
      failed_list: [{ conversation_id: 'alice|1|nobody', error_code: 110404, error_msg: 'conversation not found' }],
    });
    expect((await conversations.get('alice|1|bob')).json.code).toBe(110404);
    expect((await conversations.get('bob|1|alice')).json.code).toBe(200);
  });
});

describe('conversations and their groups', () => {
  it('group_ids are the groups that hold a conversation: filing, unfiling and deleting a group show there', async () => {
    const { api, conversations, group } = setup();
    await conversations.create('alice|1|bob');
    const work = await group('Work', ['alice|1|bob']);
    const family = await group('Family', []);
    await api.update(family, { account_id: 'alice', conversations: { type: 1, conversation_ids: ['alice|1|bob'] } });
    expect((await conversations.get('alice|1|bob')).json.data.group_ids).toEqual([work, family]);
    expect((await conversations.list('alice')).json.data.items[0].group_ids).toEqual([work, family]);
    await api.update(work, { account_id: 'alice', conversations: { type: 2, conversation_ids: ['alice|1|bob'] } });
    expect((await conversations.get('alice|1|bob')).json.data.group_ids).toEqual([family]);
    await api.remove(family, 'alice');
    expect((await conversations.get('alice|1|bob')).json.data.group_ids).toEqual([]);
  });

  it('deleting a conversation takes it out of its groups (unconfirmed.deleteConversationLeavesGroups, default true)', async () => {
    const { api, conversations, group } = setup();
    await conversations.create('alice|1|bob');
    const work = await group('Work', ['alice|1|bob', 'alice|1|carol']);
    expect((await conversations.remove('alice|1|bob', true)).json).toEqual({ code: 200, msg: 'success', data: {} });
    const page = (await api.page(work, 'alice')).json.data.items.map((i: any) => i.conversation_id);
    expect(page).toEqual(['alice|1|carol']);
    // It can be filed in 5 groups again: the old memberships are gone.
    await conversations.create('alice|1|bob');
    expect((await conversations.get('alice|1|bob')).json.data.group_ids).toEqual([]);
  });

  it('with deleteConversationLeavesGroups false the groups keep the id, and a re-created conversation is in them again', async () => {
    const { api, conversations, group } = setup({ unconfirmed: { deleteConversationLeavesGroups: false } });
    await conversations.create('alice|1|bob');
    const work = await group('Work', ['alice|1|bob']);
    await conversations.batchDelete(['alice|1|bob']);
    expect((await api.page(work, 'alice')).json.data.items).toEqual([{ conversation_id: 'alice|1|bob' }]);
    expect((await conversations.create('alice|1|bob')).json.data.group_ids).toEqual([work]);
  });

  it('carries group ids above 2^53 exactly: bare JSON integers on the wire', async () => {
    const { conversations, group, sandbox } = setup({ firstGroupId: 9007199254740993n });
    await conversations.create('alice|1|bob');
    const first = await group('A', ['alice|1|bob']);
    const second = await group('B', ['alice|1|bob']);
    expect([first, second]).toEqual(['9007199254740993', '9007199254740994']);
    const reply = await conversations.get('alice|1|bob');
    expect(reply.text).toContain('"group_ids":[9007199254740993,9007199254740994]');
    expect(reply.json.data.group_ids).toEqual([first, second]);
    const listed = await conversations.list('alice');
    expect(listed.text).toContain('"group_ids":[9007199254740993,9007199254740994]');
    const batch = await conversations.batchGet(['alice|1|bob']);
    expect(batch.text).toContain('"group_ids":[9007199254740993,9007199254740994]');
    expect(sandbox.snapshot().accounts.alice!.groups.map((g) => g.group_id)).toEqual([first, second]);
  });

  it('keeps a conversation in at most 5 groups (110304 for the sixth), and group_ids never list more', async () => {
    const { conversations, group, api } = setup();
    await conversations.create('alice|1|bob');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await group(`G${i}`, ['alice|1|bob']));
    const sixth = (await api.create({ account_id: 'alice', name: 'G5', conversation_ids: ['alice|1|bob'] })).json.data;
    expect(sixth.failed_list[0].error_code).toBe(110304);
    expect((await conversations.get('alice|1|bob')).json.data.group_ids).toEqual(ids);
  });
});

describe('listConversations', () => {
  it('pages with opaque MAC-checked tokens; a walk neither skips nor repeats when things change in between', async () => {
    const { conversations } = setup();
    const ids = Array.from({ length: 9 }, (_, i) => `alice|1|u${i}`);
    for (const id of ids) await conversations.create(id);
    const expected = (await walk(conversations, 'alice', 100)).map((c) => c.conversation_id);
    expect([...expected].sort()).toEqual([...ids].sort());
    const first = (await conversations.list('alice', { limit: 4 })).json.data;
    expect(first.has_more).toBe(true);
    expect(first.next_token).toMatch(/^[A-Za-z0-9_-]+$/);
    // Stick one still to come to the top, create a new one: the walk keeps the order of its first page.
    await conversations.stickTop(expected[7]!, 1);
    await conversations.create('alice|1|late');
    const rest: string[] = [];
    let token = first.next_token;
    while (token) {
      const page = (await conversations.list('alice', { limit: 4, page_token: token })).json.data;
      rest.push(...page.items.map((c: any) => c.conversation_id));
      token = page.has_more ? page.next_token : '';
    }
    expect([...first.items.map((c: any) => c.conversation_id), ...rest]).toEqual(expected);
    const fresh = (await walk(conversations, 'alice', 4)).map((c) => c.conversation_id);
    expect(fresh[0]).toBe(expected[7]);
    expect(fresh).toContain('alice|1|late');
  });

  it("refuses a made-up or edited token, another account's and a group page's token (414)", async () => {
    const { conversations, api, group } = setup();
    for (const id of ['alice|1|a', 'alice|1|b', 'alice|1|c', 'bob|1|a']) await conversations.create(id);
    const token = (await conversations.list('alice', { limit: 1 })).json.data.next_token as string;
    expect((await conversations.list('alice', { page_token: 'made-up' })).json.code).toBe(414);
    const edited = Buffer.from(Buffer.from(token, 'base64url').toString('latin1').replace(/\.1\./, '.2.')).toString(
      'base64url',
    );
    expect((await conversations.list('alice', { page_token: edited })).json.code).toBe(414);
    expect((await conversations.list('bob', { page_token: token })).json.code).toBe(414);
    const work = await group('Work', ['alice|1|a', 'alice|1|b']);
    const groupToken = (await api.page(work, 'alice', { limit: 1 })).json.data.next_token;
    expect((await conversations.list('alice', { page_token: groupToken })).json.code).toBe(414);
    expect((await api.page(work, 'alice', { page_token: token })).json.code).toBe(414);
    expect((await conversations.list('alice', { page_token: token })).json.code).toBe(200);
  });

  it('takes unconfirmed.defaultPageLimit without a limit, refuses limits outside 1–100', async () => {
    const { conversations } = setup({ unconfirmed: { defaultPageLimit: 3 } });
    for (let i = 0; i < 5; i += 1) await conversations.create(`alice|1|u${i}`);
    expect((await conversations.list('alice')).json.data.items).toHaveLength(3);
    for (const limit of [0, 101]) expect((await conversations.list('alice', { limit })).json.code).toBe(414);
  });
});

describe('rules that apply to every operation', () => {
  it('faults and the rate limit hit the conversation operations too', async () => {
    const { conversations } = setup({
      faults: [{ operation: 'getConversation', kind: 503, times: 1 }],
      rateLimit: { perSecond: 2 },
    });
    await conversations.create('alice|1|bob');
    expect((await conversations.get('alice|1|bob')).status).toBe(503);
    expect((await conversations.get('alice|1|bob')).json.code).toBe(200);
    expect((await conversations.get('alice|1|bob')).json.code).toBe(200);
    expect((await conversations.get('alice|1|bob')).json.code).toBe(416);
    expect((await conversations.list('alice')).json.code).toBe(200);
  });

  it('signatures are checked (403)', async () => {
    const { api } = setup();
    expect((await api.raw('GET', `${v21}/${path('alice|1|bob')}`, { unsigned: true })).json.code).toBe(403);
  });
});

describe('seeding and snapshots', () => {
  it('seed conversations with their groups; snapshot() gives them back and seeds an equal sandbox', async () => {
    const accounts = {
      alice: {
        groups: [{ group_id: '9007199254740993', name: 'Work', conversation_ids: ['alice|1|bob'] }],
        conversations: [
          { conversation_id: 'alice|1|bob', stick_top: true, update_time: 1764115200000 },
          { conversation_id: 'alice|2|6001', server_extension: '{"x":1}' },
        ],
      },
    };
    const { sandbox, conversations } = setup({ accounts });
    const bob = (await conversations.get('alice|1|bob')).json.data;
    expect(bob).toMatchObject({
      stick_top: true,
      group_ids: ['9007199254740993'],
      update_time: 1764115200000,
      sort_order: 1764115200000,
    });
    const snapshot = sandbox.snapshot();
    expect(snapshot.accounts.alice!.conversations).toEqual([
      { conversation_id: 'alice|1|bob', server_extension: '', stick_top: true, update_time: 1764115200000 },
      {
        conversation_id: 'alice|2|6001',
        server_extension: '{"x":1}',
        stick_top: false,
        update_time: expect.any(Number),
      },
    ]);
    const copy = createSandbox({ accounts: snapshot.accounts });
    expect(copy.snapshot().accounts).toEqual(snapshot.accounts);
  });

  it('refuses a seed conversation of another owner, one given twice and a bad id, listing every problem', () => {
    expect(() =>
      createSandbox({
        accounts: {
          alice: {
            conversations: [
              { conversation_id: 'bob|1|alice' },
              { conversation_id: 'alice|1|bob' },
              { conversation_id: 'ALICE|1|bob' },
              { conversation_id: 'alice|7|bob' },
              { conversation_id: 'alice|1|carol', stick_top: 'yes' as unknown as boolean },
            ],
          },
        },
      }),
    ).toThrow(
      /conversations\[0\]\.conversation_id "bob\|1\|alice" belongs to another account[\s\S]*conversations\[2\][\s\S]*given twice[\s\S]*conversations\[3\]\.conversation_id[\s\S]*conversations\[4\]\.stick_top must be a boolean/,
    );
  });
});

describe('a property: whatever happens to groups and conversations, group_ids match the groups that hold them', () => {
  const seed = Number(process.env.FC_SEED ?? 20261207);
  const pool = ['alice|1|a', 'alice|1|b', 'alice|2|7'];
  const step = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), id: fc.constantFrom(...pool) }),
    fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom(...pool) }),
    fc.record({ kind: fc.constant('newGroup' as const), ids: fc.subarray(pool) }),
    fc.record({
      kind: fc.constant('file' as const),
      group: fc.nat(),
      type: fc.constantFrom(1, 2),
      ids: fc.subarray(pool),
    }),
    fc.record({ kind: fc.constant('dropGroup' as const), group: fc.nat() }),
  );

  it('holds over random steps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), fc.boolean(), async (steps, leaveGroups) => {
        const { api, conversations } = setup({
          unconfirmed: { deleteConversationLeavesGroups: leaveGroups },
          firstGroupId: 9007199254740990n,
        });
        const groups: string[] = [];
        // Ids deleted as conversations and not filed in a group since (groups may hold ids never created).
        const deleted = new Set<string>();
        const filed = (ids: readonly string[]) => ids.forEach((id) => deleted.delete(id));
        for (const s of steps) {
          if (s.kind === 'create') await conversations.create(s.id);
          else if (s.kind === 'delete') {
            if ((await conversations.remove(s.id)).json.code === 200) deleted.add(s.id);
          } else if (s.kind === 'newGroup') {
            groups.push(
              (await api.create({ account_id: 'alice', name: 'G', conversation_ids: s.ids })).json.data
                .conversation_group.group_id,
            );
            filed(s.ids);
          } else if (groups.length && s.kind === 'file') {
            await api.update(groups[s.group % groups.length]!, {
              account_id: 'alice',
              conversations: { type: s.type, conversation_ids: s.ids },
            });
            if (s.type === 1) filed(s.ids);
          } else if (groups.length && s.kind === 'dropGroup') {
            await api.remove(groups.splice(s.group % groups.length, 1)[0]!, 'alice');
          }
        }
        const held = new Map<string, string[]>();
        for (const g of groups) {
          for (const item of (await api.page(g, 'alice', { limit: 100 })).json.data.items) {
            held.set(item.conversation_id, [...(held.get(item.conversation_id) ?? []), g]);
          }
        }
        const existing = (await walk(conversations, 'alice', 2)).map((c) => c.conversation_id).sort();
        const got = (await conversations.batchGet(pool)).json.data;
        expect(got.success_list.map((c: any) => c.conversation_id).sort()).toEqual(existing);
        for (const c of got.success_list)
          expect(c.group_ids, c.conversation_id).toEqual(held.get(c.conversation_id) ?? []);
        if (leaveGroups)
          for (const id of deleted) expect(held.has(id), `${id} was deleted but a group still holds it`).toBe(false);
      }),
      { seed, numRuns: 60 },
    );
  });
});
