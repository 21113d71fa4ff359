import type { Execute } from '../pipeline/executor.js';
import { type GeneratedMethods, generatedMethods, type PageIterator } from './operations.js';

/**
 * `nim.conversations`: the conversation resource (会话), every method generated from the spec's operation table
 * (`x-nim-sdk: { resource: conversations }`) — no code per operation. Paths take the conversation id first
 * (`owner|type|target`, URL-encoded on the wire), then one object of the query and body fields, then the optional
 * {@link NimRequestOptions}. Input is validated from the spec (NimValidationError, nothing sent); results carry
 * their lists always (`group_ids`, `success_list`, `failed_list`, `items`), group ids as exact decimal strings.
 * `create` is not retried after it may have run (`x-nim-unsafe`); `iterate` walks every page of `list`.
 *
 * @example
 * ```ts
 * const id = conversationId.p2p('alice', 'bob');
 * await nim.conversations.create({ conversation_id: id });
 * await nim.conversations.update(id, { server_extension: '{"note":"vip"}' });
 * await nim.conversations.stickTop(id, { top_type: 1 });
 * const { group_ids, stick_top } = await nim.conversations.get(id);
 * const { success_list, failed_list } = await nim.conversations.batchGet({ conversation_ids: [id] });
 * const page = await nim.conversations.list({ account_id: 'alice', limit: 50 });
 * for await (const conversation of nim.conversations.iterate({ account_id: 'alice' })) console.log(conversation.conversation_id);
 * await nim.conversations.batchDelete({ conversation_ids: [id] });
 * await nim.conversations.delete(id, { clear_message: true });
 * ```
 */
export interface ConversationsResource extends GeneratedMethods<'conversations'> {
  /**
   * Every conversation of an account, page after page (`list` with `page_token`), all pages under one trace id.
   * @example
   * ```ts
   * for await (const conversation of nim.conversations.iterate({ account_id: 'alice' })) console.log(conversation.group_ids);
   * ```
   */
  readonly iterate: PageIterator<'listConversations'>;
}

/** The conversation methods, all from the generated layer. */
export function createConversations(execute: Execute): ConversationsResource {
  return generatedMethods(execute, 'conversations') as unknown as ConversationsResource;
}
