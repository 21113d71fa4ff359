// 64 writers at once on one account, over HTTP: creates, adds, removes and deletes interleave on the server, and
// afterwards the state is consistent — caps and the 5-groups rule held, ids unique and exact, every read agrees.
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.js';
import { apiOf, walk } from './support/api.js';
import { over, served } from './support/servers.js';

const writers = 64;
const stepsPerWriter = 8;
const pool = Array.from({ length: 12 }, (_, i) => `alice|1|shared${i}`);

describe('concurrency', () => {
  it(`${writers} concurrent writers on one account never corrupt the state`, async () => {
    const sandbox = createSandbox({ seed: 2, firstGroupId: 9007199254740993n });
    const server = await served(sandbox);
    const api = apiOf(over(server), sandbox);
    const created: string[] = [];
    const deleted: string[] = [];
    const codes = new Map<number, number>();
    const count = (code: number) => codes.set(code, (codes.get(code) ?? 0) + 1);

    // Phase 1: every writer creates at once — exactly 50 fit, whatever the order (the cap under contention).
    const owned = await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const reply = await api.create({
          account_id: 'alice',
          name: `w${writer}`,
          conversation_ids: pool.filter((_, i) => (i + writer) % 3 === 0),
        });
        count(reply.json.code);
        if (reply.json.code !== 200) return undefined;
        created.push(reply.json.data.conversation_group.group_id);
        return reply.json.data.conversation_group.group_id as string;
      }),
    );
    expect(codes.get(116435)).toBe(writers - 50);

    // Phase 2: creates, adds, removes and deletes of all writers interleave.
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        let mine = owned[writer];
        for (let step = 1; step < stepsPerWriter; step += 1) {
          const some = pool.filter((_, i) => (i + writer + step) % 3 === 0);
          if (!mine) {
            const reply = await api.create({ account_id: 'alice', name: `w${writer}`, conversation_ids: some });
            count(reply.json.code);
            if (reply.json.code === 200) created.push((mine = reply.json.data.conversation_group.group_id));
          } else if (step % 5 === 4) {
            const reply = await api.remove(mine, 'alice');
            count(reply.json.code);
            if (reply.json.code === 200) deleted.push(mine);
            mine = undefined;
          } else {
            const type = step % 2 === 0 ? 1 : 2;
            count(
              (await api.update(mine, { account_id: 'alice', conversations: { type, conversation_ids: some } })).json
                .code,
            );
          }
        }
      }),
    );

    expect(codes.get(200)).toBeGreaterThan(writers * 4);
    const listed = (await api.list('alice')).json.data.conversation_groups as { group_id: string }[];
    const expectedIds = created.filter((id) => !deleted.includes(id));
    expect(listed.map((g) => g.group_id).sort()).toEqual(expectedIds.sort());
    expect(listed.length).toBeLessThanOrEqual(50);
    expect(new Set(created).size).toBe(created.length);
    for (const id of created) expect(BigInt(id) >= 9007199254740993n).toBe(true);

    const snapshot = sandbox.snapshot().accounts.alice!.groups;
    const memberships = new Map<string, number>();
    for (const group of snapshot) {
      expect(await walk(api, group.group_id, 'alice', 3)).toEqual(group.conversation_ids);
      for (const c of group.conversation_ids) memberships.set(c, (memberships.get(c) ?? 0) + 1);
    }
    for (const [conversation, groups] of memberships) expect(groups, conversation).toBeLessThanOrEqual(5);
    const batch = (await api.batchGet('alice', [...expectedIds, '1'])).json.data;
    expect(batch.failed_list.map((f: { group_id: string }) => f.group_id)).toEqual(['1']);
    expect(batch.success_list).toHaveLength(expectedIds.length);
    expect(sandbox.requests.filter((r) => r.signature !== 'valid')).toEqual([]);
  }, 60_000);
});
