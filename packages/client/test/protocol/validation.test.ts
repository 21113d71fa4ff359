import { constraints, type ConversationId } from '@nim-api/types';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient, type NimClient } from '../../src/client.js';
import { NimValidationError } from '../../src/errors/errors.js';
import { checkAccountId, checkGroupId, checkPageLimit } from '../../src/protocol/validation.js';
import { ok, startWireServer, type WireServer } from '../support/wire-server.js';

const credentials = { appKey: 'validation-app-key', appSecret: 'validation-app-secret' };
const accountIdPattern = new RegExp(constraints.accountId.pattern);

let server: WireServer;
let nim: NimClient;

beforeAll(async () => {
  server = await startWireServer(credentials);
  nim = createNimClient({ ...credentials, baseUrl: server.url, retryDelayMs: () => 0 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Runs `call`, expects a NimValidationError, and checks that the server saw nothing. */
async function rejected(call: () => Promise<unknown>): Promise<NimValidationError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NimValidationError);
  expect(server.requests).toHaveLength(0);
  return error as NimValidationError;
}

const paths = (error: NimValidationError) => error.issues.map((issue) => issue.path);

const badAccountIds: Array<[string, unknown]> = [
  ['33 characters', 'a'.repeat(33)],
  ['a space', 'ali ce'],
  ['an empty string', ''],
  ['a pipe', 'alice|1'],
  ['a non-ASCII letter', 'alicé'],
  ['a number', 42],
  ['undefined', undefined],
];

describe('a bad account id is refused by every method, and nothing is sent', () => {
  const groups = () => nim.conversationGroups;
  const calls: Array<[string, (account_id: never) => Promise<unknown>]> = [
    ['create', (account_id) => groups().create({ account_id, name: 'Work' })],
    ['update', (account_id) => groups().update('1', { account_id, name: 'Work' })],
    [
      'addConversations',
      (account_id) => groups().addConversations('1', { account_id, conversation_ids: ['alice|1|bob'] }),
    ],
    [
      'removeConversations',
      (account_id) => groups().removeConversations('1', { account_id, conversation_ids: ['alice|1|bob'] }),
    ],
    ['delete', (account_id) => groups().delete('1', { account_id })],
    ['get', (account_id) => groups().get('1', { account_id })],
    ['batchGet', (account_id) => groups().batchGet({ account_id, group_ids: ['1'] })],
    ['list', (account_id) => groups().list({ account_id })],
    ['listConversations', (account_id) => groups().listConversations('1', { account_id })],
  ];
  for (const [method, call] of calls) {
    for (const [what, accountId] of badAccountIds) {
      it(`${method} with ${what}`, async () => {
        const error = await rejected(() => call(accountId as never));
        expect(paths(error)).toContain('account_id');
      });
    }
  }

  it('a 32-character account id of every allowed character is accepted', async () => {
    server.reply(ok({ conversation_groups: [] }));
    await nim.conversationGroups.list({ account_id: 'aZ09_@.-'.repeat(4) });
    expect(server.requests).toHaveLength(1);
  });
});

describe('bad conversation ids are refused', () => {
  const cases: Array<[string, unknown]> = [
    ['no separators', 'alice-1-bob'],
    ['an empty target', 'alice|1|'],
    ['type 4', 'alice|4|bob'],
    ['type 0', 'alice|0|bob'],
    ['a fourth part', 'alice|1|bob|x'],
    ['a 33-character target', `alice|1|${'b'.repeat(33)}`],
    ['a space', 'alice|1|bo b'],
    ['a number', 12345],
  ];
  for (const [what, id] of cases) {
    it(`with ${what}, in create and in addConversations`, async () => {
      const onCreate = await rejected(() =>
        nim.conversationGroups.create({
          account_id: 'alice',
          name: 'Work',
          conversation_ids: ['alice|1|bob', id as ConversationId],
        }),
      );
      expect(paths(onCreate)).toEqual(['conversation_ids[1]']);
      const onAdd = await rejected(() =>
        nim.conversationGroups.addConversations('1', { account_id: 'alice', conversation_ids: [id as ConversationId] }),
      );
      expect(paths(onAdd)).toEqual(['conversation_ids[0]']);
    });
  }

  it('owned by another account than account_id', async () => {
    const error = await rejected(() =>
      nim.conversationGroups.removeConversations('1', {
        account_id: 'alice',
        conversation_ids: ['alice|1|bob', 'bob|1|alice'],
      }),
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe('conversation_ids[1]');
    expect(error.issues[0]!.message).toContain('alice');
  });

  it('an owner that differs from account_id only in letter case is the same account (the server lower-cases)', async () => {
    server.reply(ok({ conversation_group: { group_id: 1, name: 'W', create_time: 1, update_time: 1 } }));
    await nim.conversationGroups.addConversations('1', { account_id: 'Alice', conversation_ids: ['alice|1|bob'] });
    expect(server.requests).toHaveLength(1);
  });

  it('an empty list in addConversations/removeConversations', async () => {
    await rejected(() => nim.conversationGroups.addConversations('1', { account_id: 'alice', conversation_ids: [] }));
    await rejected(() =>
      nim.conversationGroups.removeConversations('1', {
        account_id: 'alice',
        conversation_ids: 'alice|1|bob' as never,
      }),
    );
  });

  it('101 ids on create (the spec allows 100)', async () => {
    const ids = Array.from({ length: 101 }, (_, index) => `alice|1|u${index}` as const);
    const error = await rejected(() =>
      nim.conversationGroups.create({ account_id: 'alice', name: 'Work', conversation_ids: ids }),
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe('conversation_ids');
    expect(error.issues[0]!.message).toContain('101');
  });

  it('100 ids on create are sent', async () => {
    server.reply(ok({ conversation_group: { group_id: 1, name: 'W', create_time: 1, update_time: 1 } }));
    const ids = Array.from({ length: 100 }, (_, index) => `alice|1|u${index}` as const);
    await nim.conversationGroups.create({ account_id: 'alice', name: 'Work', conversation_ids: ids });
    expect(server.requests).toHaveLength(1);
  });
});

describe('names and update fields', () => {
  it('an empty name on create', async () => {
    const error = await rejected(() => nim.conversationGroups.create({ account_id: 'alice', name: '' }));
    expect(paths(error)).toEqual(['name']);
  });

  it('a missing or non-string name on create', async () => {
    expect(paths(await rejected(() => nim.conversationGroups.create({ account_id: 'alice' } as never)))).toEqual([
      'name',
    ]);
    expect(
      paths(await rejected(() => nim.conversationGroups.create({ account_id: 'alice', name: 7 } as never))),
    ).toEqual(['name']);
  });

  it('a non-string server_extension', async () => {
    const error = await rejected(() =>
      nim.conversationGroups.create({ account_id: 'alice', name: 'W', server_extension: {} } as never),
    );
    expect(paths(error)).toEqual(['server_extension']);
  });

  it('an empty name on update, and an update with nothing to change', async () => {
    expect(paths(await rejected(() => nim.conversationGroups.update('1', { account_id: 'alice', name: '' })))).toEqual([
      'name',
    ]);
    expect(paths(await rejected(() => nim.conversationGroups.update('1', { account_id: 'alice' })))).toEqual(['input']);
  });

  it('input that is not an object', async () => {
    await rejected(() => nim.conversationGroups.create(null as never));
    await rejected(() => nim.conversationGroups.get('1', undefined as never));
    await rejected(() => nim.conversationGroups.batchGet([] as never));
  });
});

describe('group ids', () => {
  const badGroupIds: Array<[string, unknown]> = [
    ["'abc'", 'abc'],
    ['0', 0],
    ["'0'", '0'],
    ['-1', -1],
    ['1.5', 1.5],
    ['2**53 as a number (not safe)', 2 ** 53],
    ['NaN', Number.NaN],
    ["'01' (leading zero)", '01'],
    ["' 1' (space)", ' 1'],
    ['2^63 as a bigint (beyond int64)', 2n ** 63n],
    ["'9223372036854775808' (beyond int64)", '9223372036854775808'],
    ['0n', 0n],
    ['null', null],
  ];
  for (const [what, groupId] of badGroupIds) {
    it(`${what} is refused as a group id`, async () => {
      const error = await rejected(() => nim.conversationGroups.get(groupId as never, { account_id: 'alice' }));
      expect(paths(error)).toEqual(['groupId']);
      await rejected(() => nim.conversationGroups.delete(groupId as never, { account_id: 'alice' }));
      await rejected(() => nim.conversationGroups.update(groupId as never, { account_id: 'alice', name: 'W' }));
      await rejected(() =>
        nim.conversationGroups.addConversations(groupId as never, {
          account_id: 'alice',
          conversation_ids: ['alice|1|b'],
        }),
      );
      await rejected(() => nim.conversationGroups.listConversations(groupId as never, { account_id: 'alice' }));
      const batch = await rejected(() =>
        nim.conversationGroups.batchGet({ account_id: 'alice', group_ids: ['1', groupId as never] }),
      );
      expect(paths(batch)).toEqual(['group_ids[1]']);
    });
  }

  it('an empty group_ids list, or none at all', async () => {
    expect(
      paths(await rejected(() => nim.conversationGroups.batchGet({ account_id: 'alice', group_ids: [] }))),
    ).toEqual(['group_ids']);
    expect(paths(await rejected(() => nim.conversationGroups.batchGet({ account_id: 'alice' } as never)))).toEqual([
      'group_ids',
    ]);
  });

  it('the largest int64 is accepted as a string and as a bigint', async () => {
    await nim.conversationGroups.get('9223372036854775807', { account_id: 'alice' });
    await nim.conversationGroups.get(2n ** 63n - 1n, { account_id: 'alice' });
    expect(server.requests.map((request) => request.path)).toEqual([
      '/im/v2/conversation_groups/9223372036854775807',
      '/im/v2/conversation_groups/9223372036854775807',
    ]);
  });
});

describe('page limits', () => {
  for (const limit of [0, 101, 2.5, -1, Number.NaN, '5']) {
    it(`limit ${String(limit)} is refused`, async () => {
      const error = await rejected(() =>
        nim.conversationGroups.listConversations('1', { account_id: 'alice', limit: limit as never }),
      );
      expect(paths(error)).toEqual(['limit']);
      const iterate = async () => {
        for await (const _ of nim.conversationGroups.iterateConversations('1', {
          account_id: 'alice',
          limit: limit as never,
        }))
          break;
      };
      await rejected(iterate);
    });
  }

  it('limits 1 and 100 are sent', async () => {
    await nim.conversationGroups.listConversations('1', { account_id: 'alice', limit: 1 });
    await nim.conversationGroups.listConversations('1', { account_id: 'alice', limit: 100 });
    expect(server.requests).toHaveLength(2);
  });

  it('a non-string page_token is refused', async () => {
    const error = await rejected(() =>
      nim.conversationGroups.listConversations('1', { account_id: 'alice', page_token: 5 as never }),
    );
    expect(paths(error)).toEqual(['page_token']);
  });
});

describe('the trace id of a call', () => {
  it('one that cannot be an HTTP header value (a newline, non-Latin-1 text) is refused before anything is sent', async () => {
    const metricsBefore = JSON.stringify(nim.metrics());
    for (const traceId of ['bad\nid', '追踪-1']) {
      const error = await rejected(() => nim.conversationGroups.list({ account_id: 'alice' }, { traceId }));
      expect(error.issues.map((issue) => issue.path)).toEqual(['options.traceId']);
    }
    // nothing was attempted: no host was blamed, no attempt counted
    expect(JSON.stringify(nim.metrics())).toBe(metricsBefore);
  });

  it("one longer than the spec's 128 characters is refused before anything is sent", async () => {
    await rejected(() => nim.conversationGroups.get('1', { account_id: 'alice' }, { traceId: 'x'.repeat(129) }));
  });

  it('128 printable characters are sent as given', async () => {
    const traceId = 'T'.repeat(128);
    await nim.conversationGroups.get('1', { account_id: 'alice' }, { traceId });
    expect(server.requests[0]!.headers['x-custom-traceid']).toBe(traceId);
  });
});

describe('NimValidationError lists every problem at once', () => {
  it('three problems → three issues, each with its path, all named in the message', async () => {
    const error = await rejected(() =>
      nim.conversationGroups.create({
        account_id: 'not valid',
        name: '',
        conversation_ids: ['nope' as ConversationId],
      }),
    );
    expect(error.issues).toHaveLength(3);
    expect(paths(error)).toEqual(['account_id', 'name', 'conversation_ids[0]']);
    expect(error.operationId).toBe('createConversationGroup');
    expect(error.message).toContain('createConversationGroup');
    for (const path of paths(error)) expect(error.message).toContain(path);
  });

  it('a group id, an account id and a limit wrong together → three issues', async () => {
    const error = await rejected(() => nim.conversationGroups.listConversations('abc', { account_id: '', limit: 0 }));
    expect(paths(error)).toEqual(['groupId', 'account_id', 'limit']);
  });

  it('every bad conversation id of a list is reported', async () => {
    const error = await rejected(() =>
      nim.conversationGroups.addConversations('1', {
        account_id: 'alice',
        conversation_ids: ['x' as ConversationId, 'alice|1|ok', 'y' as ConversationId, 'bob|1|alice'],
      }),
    );
    expect(paths(error)).toEqual(['conversation_ids[0]', 'conversation_ids[2]', 'conversation_ids[3]']);
  });
});

describe('the validators agree with the spec (property-based)', () => {
  const accountIdChars = fc.constantFrom(...'abcXYZ019_@.-'.split(''), ' ', '|', 'é', '\n', '#');

  it('accountId accepts exactly the strings that match the spec pattern', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: accountIdChars, minLength: 0, maxLength: 40 }),
          fc.string(),
          fc.stringMatching(accountIdPattern),
        ),
        (value) => {
          const issues: unknown[] = [];
          checkAccountId(issues as never, value);
          return (issues.length === 0) === accountIdPattern.test(value);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('groupId accepts every int64 from 1 to 2^63 − 1 (as bigint and decimal string) and refuses the rest', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), (value) => {
        const valid = value >= 1n && value < 2n ** 63n;
        for (const input of [value, value.toString()]) {
          const issues: unknown[] = [];
          const id = checkGroupId(issues as never, input);
          expect(issues.length === 0).toBe(valid);
          if (valid) expect(id).toBe(value.toString());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('groupId accepts a number exactly when it is a positive safe integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger()), (value) => {
        const issues: unknown[] = [];
        const id = checkGroupId(issues as never, value);
        const valid = Number.isSafeInteger(value) && value > 0;
        expect(issues.length === 0).toBe(valid);
        if (valid) expect(id).toBe(String(value));
      }),
      { numRuns: 500 },
    );
  });

  it('pageLimit accepts exactly the integers from the spec minimum to its maximum', () => {
    const { minimum, maximum } = constraints.pageLimit;
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double({ min: -10, max: 200 })), (value) => {
        const issues: unknown[] = [];
        checkPageLimit(issues as never, value);
        return (issues.length === 0) === (Number.isInteger(value) && value >= minimum && value <= maximum);
      }),
      { numRuns: 500 },
    );
  });
});
