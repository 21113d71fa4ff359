// Random sequences of operations through sandbox.fetch (signed by the test itself), compared with a plain reference
// model after every step: the invariants of the API hold and every read agrees with every other and with the model.
import fc from 'fast-check';
import { fcParams } from './support/fc.js';
import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/index.js';
import { type Api, inProcess, walk } from './support/api.js';
import { ReferenceModel } from './support/reference-model.js';

const accounts = ['alice', 'bob'] as const;
const firstGroupId = 9007199254740993n;
// A small pool, so the 5-groups rule and the caps are met often; some ids of the other account (110302).
const pool = accounts.flatMap((owner) =>
  [1, 2, 3].flatMap((type) => [`${owner}|${type}|p0`, `${owner}|${type}|p1`, `${owner}|1|p${type + 1}`]),
);

interface Real {
  readonly sandbox: Sandbox;
  readonly api: Api;
}

const pickGroup = (model: ReferenceModel, index: number) => {
  const ids = [...model.groups.keys()];
  return ids.length && index % 5 !== 4 ? ids[index % ids.length]! : '4242'; // sometimes an unknown id
};

async function checkInvariants(model: ReferenceModel, { sandbox, api }: Real, pageLimit: number) {
  const { limits } = model;
  const snapshot = sandbox.snapshot();
  const seenIds = new Set<string>();
  for (const account of accounts) {
    const expected = model.groupsOf(account);
    const listed = (await api.list(account)).json.data.conversation_groups as { group_id: string; name: string }[];
    expect(listed.map((g) => [g.group_id, g.name])).toEqual(expected.map((g) => [g.id, g.name]));
    expect(listed.length).toBeLessThanOrEqual(limits.groupsPerAccount);

    const batch = (await api.batchGet(account, [...expected.map((g) => g.id), '4242'])).json.data;
    expect(batch.success_list).toEqual(listed);
    expect(batch.failed_list.map((f: { group_id: string }) => f.group_id)).toEqual(['4242']);

    const memberships = new Map<string, number>();
    for (const group of expected) {
      expect((await api.get(group.id, account)).json.data).toEqual(listed.find((g) => g.group_id === group.id));
      const conversations = await walk(api, group.id, account, pageLimit);
      expect(conversations).toEqual(group.conversations);
      expect(conversations.length).toBeLessThanOrEqual(limits.conversationsPerGroup);
      for (const c of conversations) memberships.set(c, (memberships.get(c) ?? 0) + 1);
      // ids: unique, exact, above 2^53
      expect(seenIds.has(group.id)).toBe(false);
      seenIds.add(group.id);
      expect(BigInt(group.id) >= firstGroupId).toBe(true);
    }
    for (const count of memberships.values()) expect(count).toBeLessThanOrEqual(limits.groupsPerConversation);
    expect((snapshot.accounts[account]?.groups ?? []).map((g) => [g.group_id, g.conversation_ids])).toEqual(
      expected.map((g) => [g.id, g.conversations]),
    );
  }
  expect(snapshot.nextGroupId).toBe(model.nextId.toString());
}

const expectOutcome = (
  data: { success_list: string[]; failed_list: { conversation_id: string; error_code: number }[] },
  outcome: { success: string[]; failed: unknown[] },
) => {
  expect(data.success_list).toEqual(outcome.success);
  expect(data.failed_list.map(({ conversation_id, error_code }) => ({ conversation_id, error_code }))).toEqual(
    outcome.failed,
  );
};

class Create implements fc.AsyncCommand<ReferenceModel, Real> {
  constructor(
    readonly account: string,
    readonly name: string,
    readonly ids: string[],
  ) {}
  check = () => true;
  async run(model: ReferenceModel, real: Real) {
    const expected = model.create(this.account, this.name, this.ids);
    const reply = await real.api.create({ account_id: this.account, name: this.name, conversation_ids: this.ids });
    expect(reply.json.code).toBe(expected.code);
    if (expected.code === 200) {
      expect(reply.json.data.conversation_group.group_id).toBe(expected.id);
      expect(reply.text).toContain(`"group_id":${expected.id},`);
      expectOutcome(reply.json.data, expected);
    }
  }
  toString = () => `create(${this.account}, ${JSON.stringify(this.name)}, [${this.ids}])`;
}

class Change implements fc.AsyncCommand<ReferenceModel, Real> {
  constructor(
    readonly account: string,
    readonly index: number,
    readonly type: 1 | 2,
    readonly ids: string[],
  ) {}
  check = () => true;
  async run(model: ReferenceModel, real: Real) {
    const id = pickGroup(model, this.index);
    const expected = model.change(this.account, id, this.type, this.ids);
    const reply = await real.api.update(id, {
      account_id: this.account,
      conversations: { type: this.type, conversation_ids: this.ids },
    });
    expect(reply.json.code).toBe(expected.code);
    if (expected.code === 200) expectOutcome(reply.json.data, expected);
  }
  toString = () => `${this.type === 1 ? 'add' : 'remove'}(${this.account}, #${this.index}, [${this.ids}])`;
}

class Rename implements fc.AsyncCommand<ReferenceModel, Real> {
  constructor(
    readonly account: string,
    readonly index: number,
    readonly name: string,
  ) {}
  check = () => true;
  async run(model: ReferenceModel, real: Real) {
    const id = pickGroup(model, this.index);
    const code = model.rename(this.account, id, this.name);
    expect((await real.api.update(id, { account_id: this.account, name: this.name })).json.code).toBe(code);
  }
  toString = () => `rename(${this.account}, #${this.index}, ${JSON.stringify(this.name)})`;
}

class Delete implements fc.AsyncCommand<ReferenceModel, Real> {
  constructor(
    readonly account: string,
    readonly index: number,
  ) {}
  check = () => true;
  async run(model: ReferenceModel, real: Real) {
    const id = pickGroup(model, this.index);
    const code = model.delete(this.account, id);
    expect((await real.api.remove(id, this.account)).json.code).toBe(code);
    if (code === 200) expect((await real.api.get(id, this.account)).json.code).toBe(116404);
  }
  toString = () => `delete(${this.account}, #${this.index})`;
}

/** Starts a walk, changes the group, finishes the walk: it must show the group as it was when the walk began. */
class PageAcrossChange implements fc.AsyncCommand<ReferenceModel, Real> {
  constructor(
    readonly account: string,
    readonly index: number,
    readonly ids: string[],
  ) {}
  check = (model: Readonly<ReferenceModel>) => model.groups.size > 0;
  async run(model: ReferenceModel, real: Real) {
    const id = pickGroup(model, this.index % 4);
    const group = model.groups.get(id);
    if (!group || group.account !== this.account) return;
    const before = [...group.conversations];
    const first = (await real.api.page(id, this.account, { limit: 1 })).json.data;
    model.change(this.account, id, 2, this.ids);
    await real.api.update(id, { account_id: this.account, conversations: { type: 2, conversation_ids: this.ids } });
    const seen = first.items.map((i: { conversation_id: string }) => i.conversation_id);
    let token = first.has_more ? first.next_token : '';
    while (token) {
      const page = (await real.api.page(id, this.account, { limit: 2, page_token: token })).json.data;
      seen.push(...page.items.map((i: { conversation_id: string }) => i.conversation_id));
      token = page.has_more ? page.next_token : '';
    }
    expect(seen).toEqual(before);
  }
  toString = () => `pageAcrossChange(${this.account}, #${this.index}, remove [${this.ids}])`;
}

const account = fc.constantFrom(...accounts);
const ids = fc.array(fc.constantFrom(...pool), { maxLength: 8 });
const create = fc
  .tuple(account, fc.string({ minLength: 1, maxLength: 12 }), ids)
  .map(([a, n, c]) => new Create(a, n, c));
const commands = [
  create,
  create, // twice: groups must pile up for the caps and the 5-groups rule to be met
  fc
    .tuple(account, fc.nat(), fc.constantFrom(1 as const, 2 as const), ids)
    .map(([a, i, t, c]) => new Change(a, i, t, c)),
  fc.tuple(account, fc.nat(), fc.string({ minLength: 1, maxLength: 12 })).map(([a, i, n]) => new Rename(a, i, n)),
  fc.tuple(account, fc.nat()).map(([a, i]) => new Delete(a, i)),
  fc.tuple(account, fc.nat(), ids).map(([a, i, c]) => new PageAcrossChange(a, i, c)),
];

// The default 5 groups per conversation, and a tighter 2 so that random sequences meet that rule often.
const limitSets = [
  { groupsPerAccount: 7, conversationsPerGroup: 6, groupsPerConversation: 5 },
  { groupsPerAccount: 4, conversationsPerGroup: 5, groupsPerConversation: 2 },
];

describe('model-based: random operation sequences against a reference model', () => {
  it.each(limitSets)(
    'keep every invariant after every step (firstGroupId 9007199254740993n, limits %o)',
    async (limits) => {
      await fc.assert(
        fc.asyncProperty(
          fc.commands(commands, { maxCommands: 40, size: 'max' }),
          fc.integer({ min: 1, max: 4 }),
          async (cmds, pageLimit) => {
            const sandbox = createSandbox({ seed: 1, firstGroupId, limits });
            const real: Real = { sandbox, api: inProcess(sandbox) };
            const model = new ReferenceModel(limits, firstGroupId);
            // Each command runs, then the invariants are checked against the model.
            const checked = [...cmds].map((command) => ({
              check: (m: Readonly<ReferenceModel>) => command.check(m),
              run: async (m: ReferenceModel, r: Real) => {
                await command.run(m, r);
                await checkInvariants(m, r, pageLimit);
              },
              toString: () => command.toString(),
            }));
            await fc.asyncModelRun(() => ({ model, real }), checked);
          },
        ),
        fcParams(51, 40),
      );
    },
    120_000,
  );
});
