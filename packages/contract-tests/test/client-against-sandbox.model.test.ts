// Model-based: random sequences of @nim-api/client calls against the in-process sandbox (`fetch: sandbox.fetch`, and
// `dispatcher: sandbox.dispatcher` on the undici transport),
// checked after every step against a plain model of what was created, updated and deleted: no conversation in more
// than 5 groups, counts within the caps, get/list/batchGet/iterateConversations agreeing with each other and with
// the model, group ids unique and exact above 2^53.
import { createNimClient, isNimError, type ConversationId, type NimClient } from '@nim-api/client';
import { createSandbox } from '@nim-api/sandbox';
import fc from 'fast-check';
import { fcParams } from './fc.js';
import { describe, expect, it } from 'vitest';
import { collect } from './harness.js';

const firstGroupId = 9007199254740993n;
const limits = { groupsPerAccount: 8, conversationsPerGroup: 5 };
const account = 'alice';
// Few conversations, so that one of them often lands in a sixth group (110304).
const pool = ['alice|1|bob', 'alice|1|carol', 'alice|2|6001', 'alice|3|7001', 'alice|1|dave'] as ConversationId[];

interface Model {
  groups: Map<string, { name: string; conversations: string[] }>;
  next: bigint;
}
interface Real {
  nim: NimClient;
}

const inGroups = (model: Model, id: string) =>
  [...model.groups.values()].filter((g) => g.conversations.includes(id)).length;
const pick = (model: Model, index: number) =>
  [...model.groups.keys()][index % Math.max(1, model.groups.size)] ?? '4242';
const codeOf = (error: unknown) => (isNimError(error) && 'code' in error ? (error as { code: number }).code : error);

async function checkAgainstModel(model: Model, { nim }: Real, pageLimit: number) {
  const { conversation_groups } = await nim.conversationGroups.list({ account_id: account });
  expect(conversation_groups.map((g) => [g.group_id, g.name])).toEqual(
    [...model.groups].map(([id, g]) => [id, g.name]),
  );
  expect(conversation_groups.length).toBeLessThanOrEqual(limits.groupsPerAccount);
  const ids = conversation_groups.map((g) => g.group_id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(BigInt(id) >= firstGroupId).toBe(true);
  if (ids.length) {
    const batch = await nim.conversationGroups.batchGet({ account_id: account, group_ids: [...ids, '4242'] });
    expect(batch.success_list).toEqual(conversation_groups);
    expect(batch.failed_list.map((f) => [f.group_id, f.error_code])).toEqual([['4242', 116404]]);
  }
  for (const group of conversation_groups) {
    expect(await nim.conversationGroups.get(group.group_id, { account_id: account })).toEqual(group);
    const items = await collect(
      nim.conversationGroups.iterateConversations(group.group_id, { account_id: account, limit: pageLimit }),
    );
    expect(items.map((i) => i.conversation_id)).toEqual(model.groups.get(group.group_id)!.conversations);
    expect(items.length).toBeLessThanOrEqual(limits.conversationsPerGroup);
  }
  for (const id of pool) expect(inGroups(model, id)).toBeLessThanOrEqual(5);
}

/** What the model says an add of `ids` to `group` (undefined: a new group) does. */
function planAdd(model: Model, group: { conversations: string[] } | undefined, ids: readonly string[]) {
  const success: string[] = [];
  const failed: string[] = [];
  for (const id of new Set(ids)) {
    if (group?.conversations.includes(id) || inGroups(model, id) < 5) success.push(id);
    else failed.push(id);
  }
  return { success, failed };
}

type Command = fc.AsyncCommand<Model, Real>;
const command = (label: string, run: (model: Model, real: Real) => Promise<void>): Command => ({
  check: () => true,
  run,
  toString: () => label,
});

const ids = fc.array(fc.constantFrom(...pool), { maxLength: 6 });
// The client refuses an empty list for add/remove (nothing to send).
const someIds = fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 6 });
const name = fc.string({ minLength: 1, maxLength: 10 });
const create = fc.tuple(name, ids).map(([groupName, conversationIds]) =>
  command(`create(${JSON.stringify(groupName)}, [${conversationIds}])`, async (model, { nim }) => {
    const plan = planAdd(model, undefined, conversationIds);
    const expected =
      model.groups.size >= limits.groupsPerAccount
        ? 116435
        : plan.success.length > limits.conversationsPerGroup
          ? 116437
          : 200;
    const result = await nim.conversationGroups
      .create({ account_id: account, name: groupName, conversation_ids: conversationIds })
      .catch((e: unknown) => e);
    if (expected !== 200) return void expect(codeOf(result)).toBe(expected);
    const { conversation_group, success_list, failed_list } = result as Awaited<
      ReturnType<NimClient['conversationGroups']['create']>
    >;
    expect(conversation_group.group_id).toBe((model.next++).toString());
    expect(success_list).toEqual(plan.success);
    expect(failed_list.map((f) => [f.conversation_id, f.error_code])).toEqual(plan.failed.map((id) => [id, 110304]));
    model.groups.set(conversation_group.group_id, { name: groupName, conversations: plan.success });
  }),
);
const commands = [
  create,
  create,
  fc.tuple(fc.nat(), someIds).map(([index, conversationIds]) =>
    command(`add(#${index}, [${conversationIds}])`, async (model, { nim }) => {
      const id = pick(model, index);
      const group = model.groups.get(id);
      const result = await nim.conversationGroups
        .addConversations(id, { account_id: account, conversation_ids: conversationIds })
        .catch((e: unknown) => e);
      if (!group) return void expect(codeOf(result)).toBe(116404);
      const plan = planAdd(model, group, conversationIds);
      const added = plan.success.filter((c) => !group.conversations.includes(c));
      if (group.conversations.length + added.length > limits.conversationsPerGroup)
        return void expect(codeOf(result)).toBe(116437);
      expect((result as { success_list: string[] }).success_list).toEqual(plan.success);
      group.conversations.push(...added);
    }),
  ),
  fc.tuple(fc.nat(), someIds).map(([index, conversationIds]) =>
    command(`remove(#${index}, [${conversationIds}])`, async (model, { nim }) => {
      const id = pick(model, index);
      const group = model.groups.get(id);
      const result = await nim.conversationGroups
        .removeConversations(id, { account_id: account, conversation_ids: conversationIds })
        .catch((e: unknown) => e);
      if (!group) return void expect(codeOf(result)).toBe(116404);
      const unique = [...new Set(conversationIds)];
      const { success_list, failed_list } = result as {
        success_list: string[];
        failed_list: { conversation_id: string; error_code: number }[];
      };
      expect(success_list).toEqual(unique.filter((c) => group.conversations.includes(c)));
      expect(failed_list.map((f) => [f.conversation_id, f.error_code])).toEqual(
        unique.filter((c) => !group.conversations.includes(c)).map((c) => [c, 110404]),
      );
      group.conversations = group.conversations.filter((c) => !(unique as string[]).includes(c));
    }),
  ),
  fc.tuple(fc.nat(), name).map(([index, groupName]) =>
    command(`rename(#${index}, ${JSON.stringify(groupName)})`, async (model, { nim }) => {
      const id = pick(model, index);
      const result = await nim.conversationGroups
        .update(id, { account_id: account, name: groupName })
        .catch((e: unknown) => e);
      const group = model.groups.get(id);
      if (!group) return void expect(codeOf(result)).toBe(116404);
      expect((result as { conversation_group: { name: string } }).conversation_group.name).toBe(groupName);
      group.name = groupName;
    }),
  ),
  fc.nat().map((index) =>
    command(`delete(#${index})`, async (model, { nim }) => {
      const id = pick(model, index);
      const result = await nim.conversationGroups.delete(id, { account_id: account }).catch((e: unknown) => e);
      if (!model.groups.delete(id)) return void expect(codeOf(result)).toBe(116404);
      expect(codeOf(await nim.conversationGroups.get(id, { account_id: account }).catch((e: unknown) => e))).toBe(
        116404,
      );
    }),
  ),
];

// Both in-process fronts: `fetch` (the client's fetch transport) and `dispatcher` (its undici transport).
const fronts = {
  fetch: (sandbox: ReturnType<typeof createSandbox>) => ({ fetch: sandbox.fetch }),
  dispatcher: (sandbox: ReturnType<typeof createSandbox>) => ({
    dispatcher: sandbox.dispatcher,
    discovery: false as const,
  }),
};

describe.each(Object.keys(fronts) as (keyof typeof fronts)[])(
  '@nim-api/client against the in-process sandbox (%s), model-based',
  (front) => {
    it('keeps the invariants after every step of random call sequences', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.commands(commands, { maxCommands: 30, size: 'max' }),
          fc.integer({ min: 1, max: 3 }),
          async (cmds, pageLimit) => {
            const sandbox = createSandbox({ seed: 3, firstGroupId, limits, accounts: [account] });
            const nim = createNimClient({
              appKey: sandbox.appKey,
              appSecret: sandbox.appSecret,
              ...fronts[front](sandbox),
              maxRetries: 0,
            });
            const model: Model = { groups: new Map(), next: firstGroupId };
            const checked = [...cmds].map((c) => ({
              check: () => true,
              run: async (m: Model, r: Real) => {
                await c.run(m, r);
                await checkAgainstModel(m, r, pageLimit);
              },
              toString: () => c.toString(),
            }));
            await fc.asyncModelRun(() => ({ model, real: { nim } }), checked);
            expect(sandbox.requests.every((r) => r.signature === 'valid')).toBe(true);
          },
        ),
        fcParams(61, 30),
      );
    }, 120_000);
  },
);
