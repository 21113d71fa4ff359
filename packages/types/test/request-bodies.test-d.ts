import { describe, expectTypeOf, it } from 'vitest';
import type {
  Conversation,
  ConversationGroup,
  ConversationId,
  CreateConversationGroupRequest,
  CreateConversationRequest,
  GroupId,
  OperationId,
  paths,
} from '../src/index.js';
import type { operationIds } from '../src/index.js';

describe('generated request types', () => {
  it('require a name to create a group', () => {
    // @ts-expect-error -- `name` is required by the spec
    const missingName: CreateConversationGroupRequest = { account_id: 'alice' };
    const complete: CreateConversationGroupRequest = { account_id: 'alice', name: 'Work' };
    expectTypeOf(complete).toHaveProperty('name').toEqualTypeOf<string>();
    void missingName;
  });

  it('carry int64 group ids as exact decimal strings', () => {
    expectTypeOf<GroupId>().toEqualTypeOf<string>();
    expectTypeOf<ConversationGroup['group_id']>().toEqualTypeOf<string>();
    expectTypeOf<ConversationGroup['create_time']>().toEqualTypeOf<number>();
  });

  it("carry a conversation's group ids as exact decimal strings", () => {
    expectTypeOf<NonNullable<Conversation['group_ids']>>().toEqualTypeOf<string[]>();
    expectTypeOf<Conversation['conversation_id']>().toEqualTypeOf<ConversationId>();
  });

  it('name every operation of the spec (the generated operationIds), and only those', () => {
    expectTypeOf<OperationId>().toEqualTypeOf<(typeof operationIds)[number]>();
  });

  it('type the create body of the POST path', () => {
    type Body = NonNullable<paths['/im/v2/conversation_groups']['post']['requestBody']>['content']['application/json'];
    expectTypeOf<Body>().toEqualTypeOf<CreateConversationGroupRequest>();
  });

  it('type the create body of the v2.1 conversations path', () => {
    type Body = NonNullable<paths['/im/v2.1/conversations']['post']['requestBody']>['content']['application/json'];
    expectTypeOf<Body>().toEqualTypeOf<CreateConversationRequest>();
    // @ts-expect-error -- `conversation_id` is required by the spec
    const missing: CreateConversationRequest = {};
    void missing;
  });
});
