// The client's endpoint discovery against the sandbox's allocation service and health path (issue 13 meets issue
// 12): two sandboxes on 127.0.0.1, the first one's allocation service pointing at the second; the client moves there.
import { createNimClient } from '@nim-api/client';
import { createSandbox, type SandboxServer } from '@nim-api/sandbox';
import { afterEach, expect, it } from 'vitest';

const servers: SandboxServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

it('discovers the endpoint the sandbox allocates, probes its health path, and sends the calls there', async () => {
  const credentials = { appKey: 'discovery-app', appSecret: 'discovery-secret' };
  const target = createSandbox({ ...credentials, seed: 1 });
  const targetServer = await target.listen();
  servers.push(targetServer);
  const lbs = createSandbox({ ...credentials, seed: 2, discovery: { endpoints: [targetServer.url], ttl: 60 } });
  const lbsServer = await lbs.listen();
  servers.push(lbsServer);

  const nim = createNimClient({
    ...credentials,
    baseUrl: lbsServer.url,
    discovery: { urls: [`${lbsServer.url}/srv-sdk/allocate`] },
    maxRetries: 0,
  });
  try {
    await nim.conversationGroups.list({ account_id: 'alice' }); // starts discovery; answered by the static baseUrl
    const deadline = Date.now() + 15_000;
    while (nim.endpoints().source !== 'discovered' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(nim.endpoints().source).toBe('discovered');
    expect(nim.endpoints().endpoints.map((e) => e.url)).toContain(targetServer.url);

    await nim.conversationGroups.create({ account_id: 'alice', name: 'Discovered' });
    expect(target.requests.map((r) => r.operation)).toEqual(
      expect.arrayContaining(['health', 'createConversationGroup']),
    );
    expect(lbs.requests.filter((r) => r.operation === 'allocate')).not.toHaveLength(0);
    expect(lbs.requests.some((r) => r.operation === 'createConversationGroup')).toBe(false);
    expect(target.snapshot().accounts.alice?.groups.map((g) => g.name)).toEqual(['Discovered']);
  } finally {
    await nim.close();
  }
}, 30_000);
