import type {
  Conversation,
  ConversationGroup as SpecConversationGroup,
  EmptyObject,
  FailedConversation,
  GroupConversation,
} from '@nim-api/types';
import { describe, expectTypeOf, it } from 'vitest';
import {
  conversationId,
  createNimClient,
  isNimError,
  parseConversationId,
  type BatchGetResult,
  type ConversationGroup,
  type ConversationGroupChange,
  type ConversationGroupList,
  type ConversationId,
  type GroupConversationPage,
  type GroupIdInput,
  type NimApiError,
  type NimApiErrorCode,
  type NimError,
  type NimRateLimitError,
  type NimRequestOptions,
  type ParsedConversationId,
} from '../src/index.js';

const nim = createNimClient({ appKey: 'k', appSecret: 's' });
const groups = nim.conversationGroups;

describe('types come from @nim-api/types', () => {
  it('a group id is an exact decimal string', () => {
    expectTypeOf<ConversationGroup['group_id']>().toEqualTypeOf<string>();
    expectTypeOf<ConversationGroup>().toEqualTypeOf<SpecConversationGroup>();
  });

  it('get returns Promise<ConversationGroup>', () => {
    expectTypeOf(groups.get).returns.toEqualTypeOf<Promise<ConversationGroup>>();
  });

  it('create, update, add and remove return the change with both lists', () => {
    expectTypeOf(groups.create).returns.toEqualTypeOf<Promise<ConversationGroupChange>>();
    expectTypeOf(groups.update).returns.toEqualTypeOf<Promise<ConversationGroupChange>>();
    expectTypeOf(groups.addConversations).returns.toEqualTypeOf<Promise<ConversationGroupChange>>();
    expectTypeOf(groups.removeConversations).returns.toEqualTypeOf<Promise<ConversationGroupChange>>();
    expectTypeOf<ConversationGroupChange['success_list']>().toEqualTypeOf<ConversationId[]>();
    expectTypeOf<ConversationGroupChange['failed_list']>().toEqualTypeOf<FailedConversation[]>();
    expectTypeOf<ConversationGroupChange['conversation_group']>().toEqualTypeOf<ConversationGroup>();
  });

  it('the read methods are typed too', () => {
    expectTypeOf(groups.list).returns.toEqualTypeOf<Promise<ConversationGroupList>>();
    expectTypeOf(groups.batchGet).returns.toEqualTypeOf<Promise<BatchGetResult>>();
    expectTypeOf<BatchGetResult['failed_list'][number]['group_id']>().toEqualTypeOf<string>();
    expectTypeOf<BatchGetResult['failed_list'][number]['error_code']>().toEqualTypeOf<number>();
    expectTypeOf(groups.delete).returns.toEqualTypeOf<Promise<EmptyObject>>();
    expectTypeOf(groups.listConversations).returns.toEqualTypeOf<Promise<GroupConversationPage>>();
    expectTypeOf(groups.iterateConversations).returns.toEqualTypeOf<
      AsyncGenerator<GroupConversation, void, undefined>
    >();
  });
});

describe('parameters', () => {
  it('group ids accept string | bigint | number', () => {
    expectTypeOf<GroupIdInput>().toEqualTypeOf<string | bigint | number>();
    expectTypeOf(groups.get).parameter(0).toEqualTypeOf<string | bigint | number>();
    expectTypeOf(groups.update).parameter(0).toEqualTypeOf<string | bigint | number>();
    expectTypeOf(groups.delete).parameter(0).toEqualTypeOf<string | bigint | number>();
    expectTypeOf(groups.addConversations).parameter(0).toEqualTypeOf<string | bigint | number>();
    expectTypeOf(groups.listConversations).parameter(0).toEqualTypeOf<string | bigint | number>();
    void groups.get('9007199254740993', { account_id: 'alice' });
    void groups.get(9007199254740993n, { account_id: 'alice' });
    void groups.get(1001, { account_id: 'alice' });
    void groups.batchGet({ account_id: 'alice', group_ids: ['1', 2n, 3] });
  });

  it('create needs account_id and name', () => {
    // @ts-expect-error name is required
    void groups.create({ account_id: 'alice' });
    // @ts-expect-error account_id is required
    void groups.create({ name: 'Work' });
    // @ts-expect-error conversation_ids are strings
    void groups.create({ account_id: 'alice', name: 'Work', conversation_ids: [1] });
    void groups.create({
      account_id: 'alice',
      name: 'Work',
      server_extension: '{}',
      conversation_ids: ['alice|1|bob'],
    });
  });

  it('update takes no conversations (add and remove have their own methods)', () => {
    // @ts-expect-error conversations is not part of update's input
    void groups.update('1', { account_id: 'alice', conversations: { type: 1, conversation_ids: [] } });
    void groups.update('1', { account_id: 'alice', name: 'Work' });
  });

  it('reads and deletes need the account id', () => {
    // @ts-expect-error account_id is required
    void groups.get('1', {});
    // @ts-expect-error the account query is required
    void groups.delete('1');
    // @ts-expect-error group_ids is required
    void groups.batchGet({ account_id: 'alice' });
    // @ts-expect-error limit is a number
    void groups.listConversations('1', { account_id: 'alice', limit: '10' });
    // @ts-expect-error conversation_ids is required
    void groups.addConversations('1', { account_id: 'alice' });
  });

  it('every method takes a last { signal, traceId } argument and nothing unknown', () => {
    const options = { signal: new AbortController().signal, traceId: 't' };
    expectTypeOf(groups.get).parameter(2).toEqualTypeOf<NimRequestOptions | undefined>();
    expectTypeOf(groups.create).parameter(1).toEqualTypeOf<NimRequestOptions | undefined>();
    expectTypeOf(groups.list).parameter(1).toEqualTypeOf<NimRequestOptions | undefined>();
    void groups.list({ account_id: 'alice' }, options);
    // @ts-expect-error unknown option
    void groups.list({ account_id: 'alice' }, { retries: 3 });
  });
});

describe('nim.raw is the typed openapi-fetch client', () => {
  it('knows the spec paths and their parameters', async () => {
    // @ts-expect-error not a path of the spec
    void nim.raw.GET('/im/v2/nope');
    // @ts-expect-error account_id is a required query parameter
    void nim.raw.GET('/im/v2/conversation_groups', { params: { query: {} } });
    const { data } = await nim.raw.GET('/im/v2/conversation_groups/{group_id}', {
      params: { path: { group_id: '1' }, query: { account_id: 'alice' } },
    });
    expectTypeOf(data).not.toBeAny();
  });
});

describe('ids and errors', () => {
  it('builders return ConversationId and the parser its parts', () => {
    expectTypeOf(conversationId.p2p('a', 'b')).toEqualTypeOf<ConversationId>();
    expectTypeOf(conversationId.team).parameter(1).toEqualTypeOf<string | number | bigint>();
    expectTypeOf(parseConversationId).returns.toEqualTypeOf<ParsedConversationId>();
    expectTypeOf<ParsedConversationId['type']>().toEqualTypeOf<1 | 2 | 3>();
  });

  it('isNimError narrows to the named class', () => {
    const error: unknown = new Error('x');
    if (isNimError(error, 'NimRateLimitError')) expectTypeOf(error).toEqualTypeOf<NimRateLimitError>();
    if (isNimError(error, 'NimApiError')) {
      expectTypeOf(error).toEqualTypeOf<NimApiError>();
      expectTypeOf(error.code).toEqualTypeOf<NimApiErrorCode>();
      expectTypeOf(error.traceId).toEqualTypeOf<string>();
    }
    if (isNimError(error)) expectTypeOf(error).toEqualTypeOf<NimError>();
  });
});

describe('nim.conversations (generated from the operation table)', () => {
  it('types each method from the spec: path id first, then query and body fields, lists always present', async () => {
    const conversation = await nim.conversations.get('alice|1|bob');
    expectTypeOf(conversation).toMatchTypeOf<Conversation>();
    expectTypeOf(conversation.group_ids).toEqualTypeOf<string[]>();
    const page = await nim.conversations.list({ account_id: 'alice', limit: 50 });
    expectTypeOf(page.items).toEqualTypeOf<Conversation[]>();
    const { failed_list } = await nim.conversations.batchGet({ conversation_ids: ['alice|1|bob'] });
    expectTypeOf(failed_list).toEqualTypeOf<FailedConversation[]>();
    await nim.conversations.delete('alice|1|bob');
    await nim.conversations.delete('alice|1|bob', { clear_message: true }, { timeoutMs: 1000 });
    // @ts-expect-error top_type is 1 or 2
    void nim.conversations.stickTop('alice|1|bob', { top_type: 3 });
    // @ts-expect-error server_extension is required
    void nim.conversations.update('alice|1|bob', {});
    // @ts-expect-error list needs account_id
    void nim.conversations.list({ limit: 5 });
    // @ts-expect-error no such method in the spec
    void nim.conversations.nope;
    for await (const item of nim.conversations.iterate({ account_id: 'alice' }))
      expectTypeOf(item).toEqualTypeOf<Conversation>();
  });
});
