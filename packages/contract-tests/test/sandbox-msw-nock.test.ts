// The MSW and nock recipes of packages/sandbox/README.md, run: the sandbox behind the HTTP mocks a team already has.
import { readFile } from 'node:fs/promises';
import { createNimClient, NimRateLimitError } from '@nim-api/client';
import { createSandbox } from '@nim-api/sandbox';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

describe('MSW 2', () => {
  // recipe:msw
  const sandbox = createSandbox({ accounts: ['alice'] });
  const server = setupServer(http.all(`${sandbox.baseUrl}/*`, ({ request }) => sandbox.fetch(request)));
  const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, baseUrl: sandbox.baseUrl, maxRetries: 0 });

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers(); // drops the server.use() overrides
    sandbox.reset(); // drops the sandbox.inject() overrides, the state and the request log
  });
  afterAll(() => server.close());

  it('answers from the sandbox', async () => {
    const { conversation_group } = await nim.conversationGroups.create({ account_id: 'alice', name: 'Support' });
    expect(sandbox.findRequests('createConversationGroup')[0]?.body).toEqual({ account_id: 'alice', name: 'Support' });
    expect((await nim.conversationGroups.list({ account_id: 'alice' })).conversation_groups).toEqual([conversation_group]);
  });

  it('takes per-test overrides: a sandbox fault, or any answer of your own', async () => {
    sandbox.inject({ operation: 'createConversationGroup', kind: 416 });
    await expect(nim.conversationGroups.create({ account_id: 'alice', name: 'Support' })).rejects.toBeInstanceOf(NimRateLimitError);
    server.use(http.get(`${sandbox.baseUrl}/im/v2/conversation_groups`, () => HttpResponse.json({ code: 200, msg: 'success', data: { conversation_groups: [] } })));
    expect((await nim.conversationGroups.list({ account_id: 'alice' })).conversation_groups).toEqual([]);
  });
  // recipe:msw end

  it('names the sandbox in errors, never a production host', async () => {
    sandbox.inject({ operation: 'getConversationGroup', kind: { code: 116404 } });
    const error: unknown = await nim.conversationGroups.get('1', { account_id: 'alice' }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('GET https://sandbox.invalid');
    expect((error as Error).message).not.toMatch(/yunxinapi/);
  });
});

describe('nock 14', () => {
  // recipe:nock
  const sandbox = createSandbox({ accounts: ['alice'] });
  const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, baseUrl: sandbox.baseUrl, maxRetries: 0 });

  // Every method and path of the sandbox's origin, answered by the sandbox.
  function interceptSandbox() {
    const scope = nock(sandbox.baseUrl).persist();
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
      scope.intercept(() => true, method).reply(async function (path, body) {
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        const headers = Object.entries(this.req.headers).map(([name, value]): [string, string] => [name, String(value)]);
        const response = await sandbox.fetch(`${sandbox.baseUrl}${path}`, { method, headers, ...(text ? { body: text } : {}) });
        return [response.status, await response.text(), Object.fromEntries(response.headers)];
      });
    }
  }

  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    sandbox.reset();
  });
  afterAll(() => nock.enableNetConnect());

  it('answers from the sandbox', async () => {
    interceptSandbox();
    const { conversation_group } = await nim.conversationGroups.create({ account_id: 'alice', name: 'Support' });
    expect((await nim.conversationGroups.get(conversation_group.group_id, { account_id: 'alice' })).name).toBe('Support');
  });

  it('takes per-test overrides: a sandbox fault, or an interceptor of your own first', async () => {
    sandbox.inject({ operation: '*', kind: { code: 500, msg: 'busy' } });
    nock(sandbox.baseUrl).get('/im/v2/conversation_groups').query(true).reply(200, { code: 200, msg: 'success', data: { conversation_groups: [] } });
    interceptSandbox();
    expect((await nim.conversationGroups.list({ account_id: 'alice' })).conversation_groups).toEqual([]); // yours
    await expect(nim.conversationGroups.create({ account_id: 'alice', name: 'Support' })).rejects.toMatchObject({ code: 500 }); // the sandbox's fault
  });
  // recipe:nock end
});

// Not part of the README: the README's recipes are these tests' code, word for word (without the test-only options).
it('is the MSW and nock recipes of packages/sandbox/README.md', async () => {
  const readme = await readFile(new URL('../../sandbox/README.md', import.meta.url), 'utf8');
  const self = await readFile(new URL(import.meta.url), 'utf8');
  for (const name of ['msw', 'nock']) {
    const region = new RegExp(`// recipe:${name}\\n([\\s\\S]*?)  // recipe:${name} end`).exec(self)?.[1];
    expect(region, name).toBeDefined();
    const code = region!
      .split('\n')
      .map((line) => line.replace(/^ {2}/, ''))
      .join('\n');
    expect(readme).toContain(code);
  }
});
