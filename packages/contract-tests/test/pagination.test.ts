// iterateConversations walks the pages the mock returns: the spec's `success` example (has_more, next_token
// `page-2`) and then, asked with page_token=page-2, its `lastPage` example.
import { expect, inject, it } from 'vitest';
import { account, groupId } from './contracts.js';
import { collect, harness } from './harness.js';
import { exampleData } from './spec.js';

const prismUrl = inject('prismUrl');

it('iterateConversations yields every item of every page, in order, then stops', async () => {
  const { nim, exchanges } = harness(prismUrl, (url) =>
    url.searchParams.get('page_token') === 'page-2' ? 'example=lastPage' : undefined,
  );
  const pages = exampleData('listGroupConversations');
  expect(pages.success).toMatchObject({ has_more: true, next_token: 'page-2' });
  expect(pages.lastPage).toMatchObject({ has_more: false });

  const items = await collect(nim.conversationGroups.iterateConversations(groupId, { account_id: account, limit: 2 }));

  expect(items.map((item) => item.conversation_id)).toEqual(['alice|1|bob', 'alice|2|6001', 'alice|3|7001']);
  expect(items).toEqual([...pages.success.items, ...pages.lastPage.items]);
  expect(exchanges.map((e) => e.url.searchParams.get('page_token'))).toEqual([null, 'page-2']);
  expect(exchanges.map((e) => e.url.searchParams.get('limit'))).toEqual(['2', '2']);
  expect(exchanges.map((e) => e.status)).toEqual([200, 200]);
});

it('listConversations hands back next_token for a manual walk', async () => {
  const { nim } = harness(prismUrl, (url) =>
    url.searchParams.get('page_token') === 'page-2' ? 'example=lastPage' : undefined,
  );
  const first = await nim.conversationGroups.listConversations(groupId, { account_id: account });
  expect(first).toMatchObject({ has_more: true, next_token: 'page-2' });
  const second = await nim.conversationGroups.listConversations(groupId, {
    account_id: account,
    page_token: first.next_token,
  });
  expect(second.has_more).toBe(false);
  expect(second.items.map((item) => item.conversation_id)).toEqual(['alice|3|7001']);
});
