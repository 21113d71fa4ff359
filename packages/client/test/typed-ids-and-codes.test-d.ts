// Types that catch mistakes at compile time: conversation ids are a template-literal type generated from the spec
// (`x-nim-ts-type` on ConversationId), and an API error's code is a union of the spec's documented codes plus any
// other number.
import { constraints, type KnownErrorCode } from '@nim-api/types';
import { describe, expectTypeOf, it } from 'vitest';
import {
  conversationId,
  createNimClient,
  type ConversationId,
  type NimApiError,
  type NimApiErrorCode,
} from '../src/index.js';

const nim = createNimClient({ appKey: 'k', appSecret: 's' });
const groups = nim.conversationGroups;

describe('conversation ids', () => {
  it('are owner|type|target with type 1, 2 or 3', () => {
    expectTypeOf<ConversationId>().toEqualTypeOf<
      `${string}|1|${string}` | `${string}|2|${string}` | `${string}|3|${string}`
    >();
    expectTypeOf<'alice|1|bob'>().toExtend<ConversationId>();
    expectTypeOf<'alice|3|7001'>().toExtend<ConversationId>();
    expectTypeOf<'bob'>().not.toExtend<ConversationId>();
    expectTypeOf<'alice|4|bob'>().not.toExtend<ConversationId>();
    expectTypeOf<string>().not.toExtend<ConversationId>();
  });

  it('a bare account id does not compile where a conversation id is expected', () => {
    // @ts-expect-error 'bob' is an account id, not owner|type|target
    void groups.create({ account_id: 'alice', name: 'Work', conversation_ids: ['bob'] });
    // @ts-expect-error 'bob' is an account id, not owner|type|target
    void groups.addConversations('1', { account_id: 'alice', conversation_ids: ['bob'] });
    // @ts-expect-error 'bob' is an account id, not owner|type|target
    void groups.removeConversations('1', { account_id: 'alice', conversation_ids: ['alice|1|bob', 'bob'] });
    const ids: string[] = ['alice|1|bob'];
    // @ts-expect-error a plain string[] is not checked: build ids with conversationId.* or check them first
    void groups.create({ account_id: 'alice', name: 'Work', conversation_ids: ids });
    void groups.create({ account_id: 'alice', name: 'Work', conversation_ids: ['alice|1|bob', 'alice|2|6001'] });
  });

  it('conversationId.p2p, team and superTeam produce the type', () => {
    expectTypeOf(conversationId.p2p('alice', 'bob')).toEqualTypeOf<ConversationId>();
    expectTypeOf(conversationId.team('alice', 6001)).toEqualTypeOf<ConversationId>();
    expectTypeOf(conversationId.superTeam('alice', 7001n)).toEqualTypeOf<ConversationId>();
    void groups.addConversations('1', {
      account_id: 'alice',
      conversation_ids: [conversationId.p2p('alice', 'bob'), conversationId.team('alice', 6001)],
    });
  });

  it('results carry the type too', async () => {
    const change = await groups.create({ account_id: 'alice', name: 'Work' });
    expectTypeOf(change.success_list).toEqualTypeOf<ConversationId[]>();
    expectTypeOf(change.failed_list[0]!.conversation_id).toEqualTypeOf<ConversationId>();
  });
});

describe('the code of an API error', () => {
  it('is a union of the spec’s documented codes plus any number', () => {
    expectTypeOf<NimApiError['code']>().toEqualTypeOf<NimApiErrorCode>();
    expectTypeOf<NimApiErrorCode>().toEqualTypeOf<KnownErrorCode | (number & {})>();
    expectTypeOf<KnownErrorCode>().toEqualTypeOf<(typeof constraints.errorCodes)[number]>();
    expectTypeOf<416>().toExtend<KnownErrorCode>();
    expectTypeOf<116404>().toExtend<KnownErrorCode>();
    expectTypeOf<200>().not.toExtend<KnownErrorCode>();
    expectTypeOf<number>().toExtend<NimApiErrorCode>();
    expectTypeOf<'416'>().not.toExtend<NimApiErrorCode>();
  });

  it('takes the documented codes and any other number', () => {
    const documented: NimApiErrorCode[] = [...constraints.errorCodes];
    const other: NimApiErrorCode = 123456;
    // @ts-expect-error a code is a number, not its text
    const text: NimApiErrorCode = '416';
    void [documented, other, text];
  });
});
