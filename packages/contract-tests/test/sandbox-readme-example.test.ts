// groups.test.ts
import { conversationId, createNimClient, NimLimitExceededError, NimNotFoundError, NimRateLimitError, type ConversationId } from '@nim-api/client';
import { createSandbox } from '@nim-api/sandbox';
import { beforeEach, describe, expect, it } from 'vitest';

// The code under test: files every conversation of a customer in a "Support" group, page by page.
async function fileSupportConversations(nim: ReturnType<typeof createNimClient>, account: string, ids: ConversationId[]) {
  const { conversation_group } = await nim.conversationGroups.create({ account_id: account, name: 'Support' });
  const { failed_list } = await nim.conversationGroups.addConversations(conversation_group.group_id, { account_id: account, conversation_ids: ids });
  return { groupId: conversation_group.group_id, refused: failed_list.map((f) => f.conversation_id) };
}

const sandbox = createSandbox({ accounts: ['alice'], seed: 1 });
const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });

beforeEach(() => sandbox.reset()); // back to the seeded state, empty request log, no injected faults

describe('fileSupportConversations', () => {
  it('files 150 conversations; paging returns all of them in order', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => conversationId.p2p('alice', `customer${i}`));
    const { groupId, refused } = await fileSupportConversations(nim, 'alice', ids);
    expect(refused).toEqual([]);
    const seen: string[] = [];
    for await (const item of nim.conversationGroups.iterateConversations(groupId, { account_id: 'alice', limit: 100 })) {
      seen.push(item.conversation_id);
    }
    expect(seen).toEqual(ids);
  });

  it('reports a conversation that is already in 5 groups, item by item', async () => {
    for (let i = 0; i < 5; i += 1) {
      await nim.conversationGroups.create({ account_id: 'alice', name: `g${i}`, conversation_ids: ['alice|1|bob'] });
    }
    const { refused } = await fileSupportConversations(nim, 'alice', ['alice|1|bob', 'alice|1|carol']);
    expect(refused).toEqual(['alice|1|bob']);
  });

  it('knows an unknown account and a deleted group', async () => {
    await expect(nim.conversationGroups.list({ account_id: 'mallory' })).rejects.toBeInstanceOf(NimNotFoundError);
    const { conversation_group } = await nim.conversationGroups.create({ account_id: 'alice', name: 'Old' });
    await nim.conversationGroups.delete(conversation_group.group_id, { account_id: 'alice' });
    await expect(nim.conversationGroups.get(conversation_group.group_id, { account_id: 'alice' })).rejects.toMatchObject({ code: 116404 });
    expect(sandbox.requests.map((r) => r.code)).toEqual([102404, 200, 200, 116404]);
  });

  it('hits the group cap and the frequency control', async () => {
    const small = createSandbox({ limits: { groupsPerAccount: 1 }, rateLimit: { perSecond: 2, blockMs: 1000 } });
    const client = createNimClient({ appKey: small.appKey, appSecret: small.appSecret, baseUrl: small.baseUrl, fetch: small.fetch, maxRetries: 0 });
    await client.conversationGroups.create({ account_id: 'alice', name: 'one' });
    await expect(client.conversationGroups.create({ account_id: 'alice', name: 'two' })).rejects.toBeInstanceOf(NimLimitExceededError);
    await expect(client.conversationGroups.create({ account_id: 'alice', name: 'three' })).rejects.toBeInstanceOf(NimRateLimitError);
  });

  it('rides out a 416 of this test only: the client retries it', async () => {
    const fault = sandbox.inject({ operation: 'createConversationGroup', kind: 416 }); // the next create only
    const { refused } = await fileSupportConversations(nim, 'alice', ['alice|1|bob']);
    expect(refused).toEqual([]);
    expect(fault.hits).toBe(1);
    expect(sandbox.findRequests('createConversationGroup').map((r) => r.code)).toEqual([416, 200]);
    expect(sandbox.findRequests('updateConversationGroup')[0]?.body).toMatchObject({ conversations: { type: 1, conversation_ids: ['alice|1|bob'] } });
  });

  it('passes on a business error the API can answer (116437: the group is full)', async () => {
    sandbox.inject({ operation: 'updateConversationGroup', kind: { code: 116437 } });
    const failure = fileSupportConversations(nim, 'alice', ['alice|1|bob']);
    await expect(failure).rejects.toBeInstanceOf(NimLimitExceededError);
    await expect(failure).rejects.toThrow(/code 116437.*\(PATCH https:\/\/sandbox\.invalid, trace id/); // the sandbox, named
  });
});

// Not part of the README: keeps the README's example and this file the same.
it('is the example test of packages/sandbox/README.md, word for word', async () => {
  const { readFile } = await import('node:fs/promises');
  const readme = await readFile(new URL('../../sandbox/README.md', import.meta.url), 'utf8');
  const self = await readFile(new URL(import.meta.url), 'utf8');
  const example = /```ts\n(\/\/ groups\.test\.ts\n[\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  expect(self.startsWith(example!)).toBe(true);
});
