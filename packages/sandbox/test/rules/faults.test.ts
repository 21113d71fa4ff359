import { describe, expect, it } from 'vitest';
import { createSandbox, type FaultRule } from '../../src/index.js';
import { buildRequest } from '../support/signed.js';

const listRequest = (sandbox: { appKey: string; appSecret: string }, signal?: AbortSignal) => {
  const request = buildRequest('http://sandbox.test', sandbox, 'GET', '/im/v2/conversation_groups', {
    query: { account_id: 'alice' },
  });
  return signal ? new Request(request, { signal }) : request;
};

async function outcomes(sandbox: ReturnType<typeof createSandbox>, count: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < count; i += 1) {
    try {
      const response = await sandbox.fetch(listRequest(sandbox));
      seen.push(String(response.status));
    } catch (error) {
      seen.push(`rejected ${((error as Error).cause as { code?: string } | undefined)?.code}`);
    }
  }
  return seen;
}

describe('scripted faults', () => {
  it('hit the next `times` matching requests after letting `after` through', async () => {
    const sandbox = createSandbox({ faults: [{ operation: 'listConversationGroups', kind: 503, times: 2, after: 1 }] });
    expect(await outcomes(sandbox, 4)).toEqual(['200', '503', '503', '200']);
    expect(sandbox.requests.map((r) => r.fault)).toEqual([undefined, 503, 503, undefined]);
  });

  it('answer 502/503/504 with an HTML page and a reset like a real fetch (TypeError, cause.code ECONNRESET)', async () => {
    const sandbox = createSandbox({
      faults: [502, 504, 'reset'].map((kind) => ({ operation: '*', kind, times: 1 }) as FaultRule),
    });
    const gateway = await sandbox.fetch(listRequest(sandbox));
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await gateway.text()).toMatch(/<h1>502 Bad Gateway<\/h1>/);
    // The first rule is used up; the next request meets the second one.
    expect((await sandbox.fetch(listRequest(sandbox))).status).toBe(504);
    const reset = await sandbox.fetch(listRequest(sandbox)).catch((error: unknown) => error);
    expect(reset).toBeInstanceOf(TypeError);
    expect((reset as Error).message).toBe('fetch failed');
    expect(((reset as Error).cause as { code: string }).code).toBe('ECONNRESET');
    expect((await sandbox.fetch(listRequest(sandbox))).status).toBe(200);
  });

  it('answer malformed JSON with HTTP 200', async () => {
    const sandbox = createSandbox({ faults: [{ operation: 'listConversationGroups', kind: 'malformed-json' }] });
    const response = await sandbox.fetch(listRequest(sandbox));
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('hang until the caller aborts', async () => {
    const sandbox = createSandbox({ faults: [{ operation: 'listConversationGroups', kind: 'hang' }] });
    const controller = new AbortController();
    const pending = sandbox.fetch(listRequest(sandbox, controller.signal));
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('keep the event loop alive while a hang or a latency is pending, as a socket would, and let go after', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;
    const sandbox = createSandbox({
      faults: [
        { operation: 'listConversationGroups', kind: 'hang' },
        { operation: 'health', kind: 'latency', ms: 50 },
      ],
    });
    const controller = new AbortController();
    const pending = sandbox.fetch(listRequest(sandbox, controller.signal)).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Counted around the abort only: other timers of the worker (another file's, the runner's) come and go meanwhile.
    const during = timers();
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    const after = timers();
    expect(after).toBe(during - 1); // the hang held one timer, and let it go
    const slow = sandbox.fetch('http://sandbox.test/health/liveness.action');
    expect(timers()).toBe(after + 1); // the latency's own timer is ref'ed
    expect((await slow).status).toBe(200);
  });

  it('apply a latency before another fault whatever the rule order (a 503 listed first still answers late)', async () => {
    const sandbox = createSandbox({
      faults: [
        { operation: 'listConversationGroups', kind: 503, times: 1 },
        { operation: '*', kind: 'latency', ms: 150, probability: 1 },
      ],
    });
    const started = performance.now();
    expect((await sandbox.fetch(listRequest(sandbox))).status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('delay by `ms` with latency and then answer normally; an abort ends the wait', async () => {
    const sandbox = createSandbox({ faults: [{ operation: '*', kind: 'latency', ms: 150, times: Infinity }] });
    const started = performance.now();
    expect((await sandbox.fetch(listRequest(sandbox))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140); // a lower bound only: never early
    const pending = sandbox.fetch(listRequest(sandbox, AbortSignal.timeout(10)));
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(sandbox.requests.at(-1)).toMatchObject({ fault: 'latency', status: undefined });
  });
});

describe('probabilistic faults', () => {
  const rules: FaultRule[] = [
    { operation: 'listConversationGroups', kind: 503, probability: 0.3 },
    { operation: 'listConversationGroups', kind: 'reset', probability: 0.2 },
  ];

  it('are the same under the same seed, and differ under another', async () => {
    const run = async (seed: number) => outcomes(createSandbox({ seed, faults: rules }), 60);
    const first = await run(7);
    expect(await run(7)).toEqual(first);
    expect(await run(8)).not.toEqual(first);
    const count = (kind: string) => first.filter((o) => o === kind).length;
    expect(count('503')).toBeGreaterThan(5);
    expect(count('rejected ECONNRESET')).toBeGreaterThan(2);
    expect(count('200')).toBeGreaterThan(20);
  });

  it('start over on reset()', async () => {
    const sandbox = createSandbox({ seed: 11, faults: rules });
    const first = await outcomes(sandbox, 30);
    sandbox.reset();
    expect(await outcomes(sandbox, 30)).toEqual(first);
  });
});
