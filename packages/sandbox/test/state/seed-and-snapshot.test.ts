import fc from 'fast-check';
import { fcParams } from '../support/fc.js';
import { describe, expect, it } from 'vitest';
import { createSandbox, NimSandboxOptionsError } from '../../src/index.js';
import { inProcess, walk } from '../support/api.js';
import { signedHeaders } from '../support/signed.js';

describe('seeding from a plain object and snapshot()', () => {
  it('starts with the seeded accounts and groups, served like created ones', async () => {
    const sandbox = createSandbox({
      accounts: {
        alice: {
          groups: [
            { name: 'Work', conversation_ids: ['alice|1|bob'] },
            { group_id: '9007199254740993', name: 'Big', server_extension: 'x', create_time: 1000 },
          ],
        },
        bob: {},
      },
    });
    const api = inProcess(sandbox);
    expect((await api.list('alice')).json.data.conversation_groups).toEqual([
      expect.objectContaining({ group_id: '1', name: 'Work' }),
      { group_id: '9007199254740993', name: 'Big', server_extension: 'x', create_time: 1000, update_time: 1000 },
    ]);
    expect(await walk(api, '1', 'alice', 10)).toEqual(['alice|1|bob']);
    expect((await api.list('bob')).json.data.conversation_groups).toEqual([]);
    expect((await api.list('carol')).json.code).toBe(102404); // seeded: no account is made up
    // The next id follows the largest seeded one.
    expect((await api.create({ account_id: 'bob', name: 'N' })).json.data.conversation_group.group_id).toBe(
      '9007199254740994',
    );
  });

  it('snapshots the state as plain JSON that seeds an equal sandbox', async () => {
    const sandbox = createSandbox({ firstGroupId: 9007199254740993n });
    const api = inProcess(sandbox);
    const group = (await api.create({ account_id: 'alice', name: 'W', conversation_ids: ['alice|1|bob', 'alice|2|7'] }))
      .json.data.conversation_group;
    await api.create({ account_id: 'bob', name: 'B' });
    const snapshot = sandbox.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot).toEqual({
      appKey: sandbox.appKey,
      nextGroupId: '9007199254740995',
      accounts: {
        alice: { groups: [{ ...group, conversation_ids: ['alice|1|bob', 'alice|2|7'] }], conversations: [] },
        bob: {
          groups: [expect.objectContaining({ group_id: '9007199254740994', name: 'B', conversation_ids: [] })],
          conversations: [],
        },
      },
    });
    expect(JSON.stringify(snapshot)).not.toContain(sandbox.appSecret);
    const copy = createSandbox({ accounts: snapshot.accounts });
    expect(copy.snapshot().accounts).toEqual(snapshot.accounts);
  });

  it('reset() goes back to the seeded state, clears the log and keeps the credentials', async () => {
    const sandbox = createSandbox({ accounts: { alice: { groups: [{ name: 'Seeded' }] } } });
    const before = sandbox.snapshot();
    const api = inProcess(sandbox);
    await api.create({ account_id: 'alice', name: 'Later' });
    expect(sandbox.requests).toHaveLength(1);
    sandbox.reset();
    expect(sandbox.requests).toHaveLength(0);
    expect(sandbox.snapshot()).toEqual(before);
    expect((await api.list('alice')).json.data.conversation_groups.map((g: { name: string }) => g.name)).toEqual([
      'Seeded',
    ]);
  });

  it('reset() during a request: the request is answered, but its changes and its log line are not in the fresh state', async () => {
    const rules = [{ operation: 'createConversationGroup', kind: 'latency', ms: 60, times: Infinity }] as const;
    for (const front of ['fetch', 'dispatcher'] as const) {
      const sandbox = createSandbox({ seed: 1, accounts: ['alice'], faults: rules });
      const body = JSON.stringify({ account_id: 'alice', name: 'before-reset' });
      const headers = { ...signedHeaders(sandbox), 'content-type': 'application/json' };
      const url = 'http://sandbox.test/im/v2/conversation_groups';
      const inflight =
        front === 'fetch'
          ? sandbox.fetch(new Request(url, { method: 'POST', headers, body }))
          : fetch(url, { method: 'POST', headers, body, dispatcher: sandbox.dispatcher } as RequestInit);
      await new Promise((resolve) => setTimeout(resolve, 10));
      sandbox.reset();
      expect((await (await inflight).json()).code, front).toBe(200);
      expect(sandbox.snapshot().accounts, front).toEqual({ alice: { groups: [], conversations: [] } });
      expect(sandbox.snapshot().nextGroupId).toBe('1');
      expect(sandbox.requests, front).toEqual([]);
      // The fresh state serves on as if the stale request had never been.
      expect(
        (await inProcess(sandbox).create({ account_id: 'alice', name: 'after' })).json.data.conversation_group.group_id,
      ).toBe('1');
    }
  });

  it('refuses seeds that break the rules, with every problem listed', () => {
    const seed =
      (accounts: unknown, extra = {}) =>
      () =>
        createSandbox({ accounts: accounts as never, ...extra });
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `g${i}`, conversation_ids: ['alice|1|bob'] }));
    expect(seed({ alice: { groups: six } })).toThrow(
      /alice\|1\|bob is in more than limits.groupsPerConversation \(5\)/,
    );
    expect(seed({ alice: { groups: [{ name: 'a' }, { name: 'b' }] } }, { limits: { groupsPerAccount: 1 } })).toThrow(
      /2 groups, more than limits.groupsPerAccount/,
    );
    expect(
      seed({ alice: { groups: [{ name: 'a', group_id: 5 }] }, bob: { groups: [{ name: 'b', group_id: '5' }] } }),
    ).toThrow(/group id 5 is given twice/);
    expect(seed({ alice: { groups: [{ name: 'a', conversation_ids: ['bob|1|x'] }] } })).toThrow(
      /belongs to another account/,
    );
    expect(seed(['alice', 'ALICE'])).toThrow(/given twice/);
    expect(seed(['not ok'])).toThrow(/must match pattern/);
    try {
      createSandbox({ accounts: { alice: { groups: [{ name: '' }, { name: 'x', conversation_ids: ['nope'] }] } } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NimSandboxOptionsError);
      expect((error as NimSandboxOptionsError).issues).toEqual([
        'accounts.alice.groups[0].name must NOT have fewer than 1 characters',
        'accounts.alice.groups[1].conversation_ids[0] must match pattern "^[A-Za-z0-9_@.-]{1,32}\\|[123]\\|[A-Za-z0-9_@.-]{1,32}$"',
      ]);
    }
  });

  it('keeps accounts named like Object.prototype fields (__proto__, constructor) as own fields, and seeds them again (property)', async () => {
    const names = fc.uniqueArray(
      fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', '__definegetter__', 'hasownproperty'),
        fc.stringMatching(/^[a-z0-9_@.-]{1,32}$/),
      ),
      { minLength: 1, maxLength: 5 },
    );
    await fc.assert(
      fc.asyncProperty(names, async (accounts) => {
        const sandbox = createSandbox({ seed: 5 });
        const api = inProcess(sandbox);
        for (const account of accounts)
          expect(
            (await api.create({ account_id: account, name: account, conversation_ids: [`${account}|1|bob`] })).json
              .code,
          ).toBe(200);
        const snapshot = sandbox.snapshot();
        expect(Object.keys(snapshot.accounts).sort()).toEqual([...accounts].sort());
        for (const account of accounts) {
          expect(Object.hasOwn(snapshot.accounts, account)).toBe(true);
          expect(snapshot.accounts[account]!.groups.map((g) => g.name)).toEqual([account]);
        }
        // Straight from the snapshot and through JSON text, the seeded copy holds the same accounts.
        for (const seed of [snapshot.accounts, JSON.parse(JSON.stringify(snapshot)).accounts]) {
          const copy = createSandbox({ accounts: seed });
          expect(JSON.stringify(copy.snapshot().accounts)).toBe(JSON.stringify(snapshot.accounts));
          for (const account of accounts)
            expect((await inProcess(copy).list(account)).json.data.conversation_groups).toHaveLength(1);
        }
      }),
      fcParams(23, 40),
    );
  });
});
