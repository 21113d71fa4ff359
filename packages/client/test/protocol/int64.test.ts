import { int64Fields } from '@nim-api/types';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient, type NimClient } from '../../src/client.js';
import { parseJsonWithExactIds, toGroupId } from '../../src/protocol/int64.js';
import { rawJson, startWireServer, type WireServer } from '../support/wire-server.js';

const big = '9007199254740993'; // 2^53 + 1: JSON.parse would read 9007199254740992
const max = '9223372036854775807'; // 2^63 − 1

describe('toGroupId', () => {
  const accepted: Array<[unknown, string]> = [
    ['1', '1'],
    [big, big],
    [max, max],
    [1, '1'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [9007199254740993n, big],
    [2n ** 63n - 1n, max],
  ];
  for (const [input, expected] of accepted) {
    it(`${typeof input} ${String(input)} → '${expected}'`, () => {
      expect(toGroupId(input)).toBe(expected);
    });
  }

  const refused: Array<[string, unknown]> = [
    ['0', '0'],
    ['-1', '-1'],
    ['01', '01'],
    ['1.0', '1.0'],
    ['1e3', '1e3'],
    ['2^63', '9223372036854775808'],
    ['a number above 2^53', 2 ** 53],
    ['1.5', 1.5],
    ['0', 0],
    ['-1n', -1n],
    ['2^63 as bigint', 2n ** 63n],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an object', { group_id: 1 }],
    ['an empty string', ''],
  ];
  for (const [what, input] of refused) {
    it(`refuses ${what} (${typeof input})`, () => {
      expect(toGroupId(input)).toBeUndefined();
    });
  }
});

describe('parseJsonWithExactIds', () => {
  it('reads a group_id above 2^53 as its exact decimal string', () => {
    expect(parseJsonWithExactIds(`{"group_id":${big}}`)).toEqual({ group_id: big });
    expect(String(JSON.parse(`{"group_id":${big}}`).group_id)).toBe('9007199254740992'); // what plain JSON.parse does
  });

  it('converts every group_id, at any depth and with any whitespace around the colon', () => {
    const text = `{"code":200,"data":{"success_list":[{"group_id" : ${big},"name":"a"},{"group_id":\n1}],"failed_list":[{"group_id":\t${max},"error_code":116404}]}}`;
    expect(parseJsonWithExactIds(text)).toEqual({
      code: 200,
      data: {
        success_list: [{ group_id: big, name: 'a' }, { group_id: '1' }],
        failed_list: [{ group_id: max, error_code: 116404 }],
      },
    });
  });

  it('leaves other numbers, look-alike keys and ids already sent as strings alone', () => {
    const text = `{"create_time":1764115200000,"parent_group_id":5,"group_idss":[1],"group_ids":["1","2"],"group_id":"77","code":200}`;
    expect(parseJsonWithExactIds(text)).toEqual({
      create_time: 1764115200000,
      parent_group_id: 5,
      group_idss: [1],
      group_ids: ['1', '2'],
      group_id: '77',
      code: 200,
    });
  });

  it('reads every int64 field of the spec exactly, group_ids lists included (the generated int64Fields)', () => {
    expect([...int64Fields]).toEqual(['group_id', 'group_ids']);
    const text = `{"items":[{"group_ids":[ ${big} , 1001 ]},{"group_ids":[]}],"group_id":${big}}`;
    expect(parseJsonWithExactIds(text)).toEqual({
      items: [{ group_ids: [`${big}`, '1001'] }, { group_ids: [] }],
      group_id: `${big}`,
    });
    expect(parseJsonWithExactIds('{"group_ids":[1.5,2]}')).toEqual({ group_ids: [1.5, 2] });
  });

  it('does not touch a string value that contains \\"group_id\\":1', () => {
    const text = String.raw`{"msg":"bad \"group_id\":1 in request","server_extension":"{\"group_id\":9007199254740993}","code":414}`;
    expect(parseJsonWithExactIds(text)).toEqual({
      msg: 'bad "group_id":1 in request',
      server_extension: `{"group_id":${big}}`,
      code: 414,
    });
  });

  it('is JSON.parse for any JSON text without a group_id key', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parseJsonWithExactIds(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('turns any int64 group_id into its exact decimal string', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), fc.jsonValue(), (id, other) => {
        const text = `{"other":${JSON.stringify(other)},"group":{"group_id":${id}}}`;
        expect(parseJsonWithExactIds(text)).toEqual({
          other: JSON.parse(JSON.stringify(other)),
          group: { group_id: id.toString() },
        });
      }),
      { numRuns: 300 },
    );
  });

  it('throws on text that is not JSON', () => {
    expect(() => parseJsonWithExactIds('<html>')).toThrow(SyntaxError);
  });
});

describe('int64 group ids on the wire', () => {
  const credentials = { appKey: 'int64-app-key', appSecret: 'int64-app-secret' };
  const groupJson = (id: string) =>
    `{"group_id":${id},"name":"Big","create_time":1764115200000,"update_time":1764115200001}`;
  const envelope = (data: string) => rawJson(`{"code":200,"msg":"success","data":${data}}`);
  const exact = (id: string) => ({ group_id: id, name: 'Big', create_time: 1764115200000, update_time: 1764115200001 });

  let server: WireServer;
  let nim: NimClient;
  beforeAll(async () => {
    server = await startWireServer(credentials);
    nim = createNimClient({ ...credentials, baseUrl: server.url, retryDelayMs: () => 0 });
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());
  afterEach(() => expect(server.signatureProblems).toEqual([]));

  it('get returns 9007199254740993 exactly, whether asked with the string or the bigint', async () => {
    server.reply(envelope(groupJson(big)), envelope(groupJson(big)));
    const byString = await nim.conversationGroups.get(big, { account_id: 'alice' });
    const byBigInt = await nim.conversationGroups.get(9007199254740993n, { account_id: 'alice' });
    expect(byString).toEqual(exact(big));
    expect(byBigInt.group_id).toBe(big);
    expect(server.requests.map((request) => request.path)).toEqual([
      `/im/v2/conversation_groups/${big}`,
      `/im/v2/conversation_groups/${big}`,
    ]);
  });

  it('list returns every id exactly', async () => {
    server.reply(envelope(`{"conversation_groups":[${groupJson(big)},${groupJson(max)},${groupJson('1001')}]}`));
    const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'alice' });
    expect(conversation_groups.map((group) => group.group_id)).toEqual([big, max, '1001']);
  });

  it('batchGet sends the ids exactly in group_ids and returns them exactly in both lists', async () => {
    server.reply(
      envelope(
        `{"success_list":[${groupJson(big)}],"failed_list":[{"group_id":${max},"error_code":116404,"error_msg":"not found"}],` +
          `"fail_list":[{"group_id":9007199254740995,"code":116404,"msg":"gone"}]}`,
      ),
    );
    const result = await nim.conversationGroups.batchGet({
      account_id: 'alice',
      group_ids: [big, 2n ** 63n - 1n, '9007199254740995'],
    });
    expect(new URLSearchParams(server.requests[0]!.query).get('group_ids')).toBe(`${big},${max},9007199254740995`);
    expect(server.requests[0]!.query).toContain(`group_ids=${big},${max},9007199254740995`);
    expect(result).toEqual({
      success_list: [exact(big)],
      failed_list: [
        { group_id: max, error_code: 116404, error_msg: 'not found' },
        { group_id: '9007199254740995', error_code: 116404, error_msg: 'gone' },
      ],
    });
  });

  it('create, update, addConversations and delete return or send the id exactly', async () => {
    const change = envelope(`{"conversation_group":${groupJson(big)},"success_list":[],"failed_list":[]}`);
    server.reply(change, change, change, envelope('{}'));
    const created = await nim.conversationGroups.create({ account_id: 'alice', name: 'Big' });
    const updated = await nim.conversationGroups.update(big, { account_id: 'alice', name: 'Big' });
    const added = await nim.conversationGroups.addConversations(9007199254740993n, {
      account_id: 'alice',
      conversation_ids: ['alice|1|bob'],
    });
    await nim.conversationGroups.delete(big, { account_id: 'alice' });
    expect([created, updated, added].map((result) => result.conversation_group.group_id)).toEqual([big, big, big]);
    expect(server.requests.slice(1).map((request) => request.path)).toEqual([
      `/im/v2/conversation_groups/${big}`,
      `/im/v2/conversation_groups/${big}`,
      `/im/v2/conversation_groups/${big}`,
    ]);
  });

  it('listConversations puts the exact id in its path', async () => {
    server.reply(envelope('{"has_more":false,"items":[]}'));
    await nim.conversationGroups.listConversations(big, { account_id: 'alice' });
    expect(server.requests[0]!.path).toBe(`/im/v2/conversation_groups/${big}/conversations`);
  });

  it('nim.raw.GET returns the exact string too', async () => {
    server.reply(envelope(groupJson(big)), envelope(`{"success_list":[${groupJson(max)}],"failed_list":[]}`));
    const one = await nim.raw.GET('/im/v2/conversation_groups/{group_id}', {
      params: { path: { group_id: big }, query: { account_id: 'alice' } },
    });
    expect(one.data?.data).toEqual(exact(big));
    const several = await nim.raw.GET('/im/v2/conversation_groups/actions/group_ids', {
      params: { query: { account_id: 'alice', group_ids: [max] } },
    });
    expect((several.data?.data as { success_list: Array<{ group_id: string }> }).success_list[0]!.group_id).toBe(max);
    expect(server.requests[0]!.path).toBe(`/im/v2/conversation_groups/${big}`);
    expect(server.requests[1]!.query).toContain(`group_ids=${max}`);
  });
});
