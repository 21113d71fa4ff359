import fc from 'fast-check';
import { fcParams } from '../support/fc.js';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { inProcess, walk } from '../support/api.js';

async function groupOf(count: number) {
  const sandbox = createSandbox({ seed: 3 });
  const api = inProcess(sandbox);
  const ids = Array.from({ length: count }, (_, i) => `alice|1|user${String(i).padStart(3, '0')}`);
  const groupId = (await api.create({ account_id: 'alice', name: 'Big', conversation_ids: ids.slice(0, 100) })).json
    .data.conversation_group.group_id;
  for (let start = 100; start < count; start += 100) {
    await api.update(groupId, {
      account_id: 'alice',
      conversations: { type: 1, conversation_ids: ids.slice(start, start + 100) },
    });
  }
  return { sandbox, api, groupId, ids };
}

describe('listGroupConversations', () => {
  it('pages through 150 conversations in filing order with opaque tokens', async () => {
    const { api, groupId, ids } = await groupOf(150);
    const first = await api.page(groupId, 'alice', { limit: 100 });
    expect(first.json.data.has_more).toBe(true);
    expect(first.json.data.next_token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(first.json.data.items).toHaveLength(100);
    const second = await api.page(groupId, 'alice', { limit: 100, page_token: first.json.data.next_token });
    expect(second.json.data).toEqual({
      has_more: false,
      next_token: '',
      items: ids.slice(100).map((conversation_id) => ({ conversation_id })),
    });
    expect(await walk(api, groupId, 'alice', 7)).toEqual(ids);
  });

  it('takes 20 per page without a limit (unconfirmed.defaultPageLimit) and refuses limits outside 1–100', async () => {
    const { api, groupId } = await groupOf(30);
    expect((await api.page(groupId, 'alice')).json.data.items).toHaveLength(20);
    for (const limit of [0, 101, -1])
      expect((await api.page(groupId, 'alice', { limit })).json.code, String(limit)).toBe(414);
    expect(
      (await api.raw('GET', `/im/v2/conversation_groups/${groupId}/conversations?account_id=alice&limit=2.5`)).json
        .code,
    ).toBe(414);
  });

  it('keeps a walk stable when the group changes between pages: no conversation skipped or repeated', async () => {
    const { api, groupId, ids } = await groupOf(10);
    const first = await api.page(groupId, 'alice', { limit: 4 });
    // Remove two that are still to come and one already seen, add a new one.
    await api.update(groupId, {
      account_id: 'alice',
      conversations: { type: 2, conversation_ids: [ids[0]!, ids[5]!, ids[6]!] },
    });
    await api.update(groupId, { account_id: 'alice', conversations: { type: 1, conversation_ids: ['alice|1|late'] } });
    const rest: string[] = [];
    let token = first.json.data.next_token;
    while (token) {
      const page = await api.page(groupId, 'alice', { limit: 4, page_token: token });
      rest.push(...page.json.data.items.map((i: { conversation_id: string }) => i.conversation_id));
      token = page.json.data.has_more ? page.json.data.next_token : '';
    }
    expect([...first.json.data.items.map((i: { conversation_id: string }) => i.conversation_id), ...rest]).toEqual(ids);
    // A new walk sees the group as it is now.
    expect(await walk(api, groupId, 'alice', 4)).toEqual([
      ...ids.filter((_, i) => ![0, 5, 6].includes(i)),
      'alice|1|late',
    ]);
  });

  it("refuses a made-up token, another group's token (414), and a token of a deleted group (116404)", async () => {
    const { api, groupId } = await groupOf(5);
    const other = (
      await api.create({ account_id: 'alice', name: 'Other', conversation_ids: ['alice|1|a', 'alice|1|b'] })
    ).json.data.conversation_group.group_id;
    const token = (await api.page(groupId, 'alice', { limit: 2 })).json.data.next_token;
    expect((await api.page(groupId, 'alice', { page_token: 'made-up' })).json.code).toBe(414);
    expect((await api.page(other, 'alice', { page_token: token })).json.code).toBe(414);
    expect((await api.page(groupId, 'bob', { page_token: token })).json.code).toBe(116404);
    await api.remove(groupId, 'alice');
    expect((await api.page(groupId, 'alice', { page_token: token })).json.code).toBe(116404);
  });

  it('refuses an edited token (another offset or walk), one of another sandbox and one from before a reset: 414 (property)', async () => {
    const { sandbox, api, groupId } = await groupOf(25);
    const token: string = (await api.page(groupId, 'alice', { limit: 10 })).json.data.next_token;
    const [walkId, offset] = Buffer.from(token, 'base64url').toString().split('.');
    expect(offset).toBe('10');
    const forged = fc.oneof(
      fc.nat({ max: 10_000 }).map((n) => `${walkId}.${n}`),
      fc
        .tuple(fc.nat({ max: 100 }), fc.stringMatching(/^[0-9A-Za-z_-]{16}$/))
        .map(([n, mac]) => `${walkId}.${n}.${mac}`),
      fc.string({ minLength: 1, maxLength: 40 }), // '' is the first page, not a token
    );
    await fc.assert(
      fc.asyncProperty(forged, async (text) => {
        const reply = await api.page(groupId, 'alice', {
          limit: 10,
          page_token: Buffer.from(text).toString('base64url'),
        });
        expect(reply.json.code).toBe(414);
      }),
      fcParams(8, 150),
    );
    // Any one character changed is a token of nobody's.
    for (let i = 0; i < token.length; i += 1) {
      const edited = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      if (Buffer.from(edited, 'base64url').equals(Buffer.from(token, 'base64url'))) continue; // the same bytes
      expect((await api.page(groupId, 'alice', { limit: 10, page_token: edited })).json.code, edited).toBe(414);
    }
    const twin = await groupOf(25); // the same seed, the same walk ids
    expect((await twin.api.page(twin.groupId, 'alice', { limit: 10 })).json.data.next_token).not.toBe(token);
    expect((await twin.api.page(twin.groupId, 'alice', { limit: 10, page_token: token })).json.code).toBe(414);
    expect((await api.page(groupId, 'alice', { limit: 10, page_token: token })).json.data.items).toHaveLength(10);
    sandbox.reset();
    const again = await api.create({
      account_id: 'alice',
      name: 'Big',
      conversation_ids: Array.from({ length: 25 }, (_, i) => `alice|1|user${i}`),
    });
    expect(again.json.data.conversation_group.group_id).toBe(groupId);
    await api.page(groupId, 'alice', { limit: 10 }); // a new walk, with the id the old one had
    expect((await api.page(groupId, 'alice', { limit: 10, page_token: token })).json.code).toBe(414);
  });

  it('answers an empty group with one empty last page', async () => {
    const api = inProcess(createSandbox());
    const groupId = (await api.create({ account_id: 'alice', name: 'Empty' })).json.data.conversation_group.group_id;
    expect((await api.page(groupId, 'alice')).json.data).toEqual({ has_more: false, next_token: '', items: [] });
  });
});
