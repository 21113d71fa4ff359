// A write that could not be read back must not be stored: the sandbox refuses what the real API refuses (414), so a
// lone surrogate sent through `nim.raw` cannot break every later `list` and `batchGet` of the account in the client.
import { createNimClient } from '@nim-api/client';
import { createSandbox } from '@nim-api/sandbox';
import { describe, expect, it } from 'vitest';

describe('the client and the sandbox agree on what text can exist', () => {
  const sandbox = createSandbox({ accounts: ['alice'] });
  const nim = createNimClient({
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
    baseUrl: sandbox.baseUrl,
    fetch: sandbox.fetch,
    maxRetries: 0,
  });

  it('a name with a lone surrogate through nim.raw is refused; list and batchGet keep working', async () => {
    const { conversation_group } = await nim.conversationGroups.create({ account_id: 'alice', name: 'Fine 😀' });
    const raw = await nim.raw.POST('/im/v2/conversation_groups', {
      body: { account_id: 'alice', name: 'broken \ud800' } as never,
    });
    expect(
      (raw.data as { code?: number } | undefined)?.code ?? (raw.error as { code?: number } | undefined)?.code,
    ).toBe(414);
    const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'alice' });
    expect(conversation_groups.map((g) => g.name)).toEqual(['Fine 😀']);
    const batch = await nim.conversationGroups.batchGet({
      account_id: 'alice',
      group_ids: [conversation_group.group_id],
    });
    expect(batch.success_list.map((g) => g.name)).toEqual(['Fine 😀']);
    expect(sandbox.findRequests('createConversationGroup').map((r) => r.code)).toEqual([200, 414]);
  });
});
