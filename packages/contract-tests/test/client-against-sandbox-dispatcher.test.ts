// The client's undici transport on `sandbox.dispatcher` (in process, no sockets): the sandbox's faults come out as
// the same typed errors as over a real socket — reset, hang past the deadline, gateway 5xx retried, caller abort.
import { createNimClient, isNimError } from '@nim-api/client';
import { createSandbox, type FaultRule } from '@nim-api/sandbox';
import { describe, expect, it } from 'vitest';

function clientOn(faults: FaultRule[], options: { maxRetries?: number; timeoutMs?: number } = {}) {
  const sandbox = createSandbox({ accounts: ['alice'], seed: 5, faults });
  const nim = createNimClient({
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
    dispatcher: sandbox.dispatcher,
    discovery: false,
    retryDelayMs: () => 1,
    ...options,
  });
  return { sandbox, nim };
}

describe('@nim-api/client on sandbox.dispatcher', () => {
  it('reports a reset as NimConnectionError and a hang as NimTimeoutError after the deadline', async () => {
    const { nim } = clientOn(
      [
        { operation: 'listConversationGroups', kind: 'reset' },
        { operation: 'getConversationGroup', kind: 'hang' },
      ],
      { maxRetries: 0, timeoutMs: 100 },
    );
    const reset = await nim.conversationGroups.list({ account_id: 'alice' }).catch((e: unknown) => e);
    expect(isNimError(reset, 'NimConnectionError')).toBe(true);
    const started = Date.now();
    const hung = await nim.conversationGroups.get('1', { account_id: 'alice' }).catch((e: unknown) => e);
    expect(isNimError(hung, 'NimTimeoutError')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('retries a 503 gateway page and then succeeds; the request log shows both attempts', async () => {
    const { nim, sandbox } = clientOn([{ operation: 'listConversationGroups', kind: 503 }], { maxRetries: 2 });
    const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'alice' });
    expect(conversation_groups).toEqual([]);
    expect(sandbox.requests.map((r) => [r.operation, r.status, r.code])).toEqual([
      ['listConversationGroups', 503, undefined],
      ['listConversationGroups', 200, 200],
    ]);
  });

  it("turns the caller's abort during a latency fault into NimAbortError at once", async () => {
    const { nim } = clientOn([{ operation: 'listConversationGroups', kind: 'latency', ms: 60_000 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    const aborted = await nim.conversationGroups
      .list({ account_id: 'alice' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(isNimError(aborted, 'NimAbortError')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps int64 group ids exact both ways', async () => {
    const sandbox = createSandbox({ accounts: ['alice'], firstGroupId: 9007199254740993n });
    const nim = createNimClient({
      appKey: sandbox.appKey,
      appSecret: sandbox.appSecret,
      dispatcher: sandbox.dispatcher,
      discovery: false,
    });
    const { conversation_group } = await nim.conversationGroups.create({ account_id: 'alice', name: 'Big' });
    expect(conversation_group.group_id).toBe('9007199254740993');
    expect((await nim.conversationGroups.get(conversation_group.group_id, { account_id: 'alice' })).name).toBe('Big');
  });
});
