// The request mocks teams already use see every request of a client made with the default options, on both
// transports (this file runs in the `client` project, fetch, and `client-undici`, Node's default): MSW 2
// (`setupServer`, unhandled requests an error), nock 14 (`disableNetConnect`) and undici's MockAgent installed with
// `setGlobalDispatcher` (mock-agent.test.ts). No DNS lookup and no socket reach the real host. The README's recipes
// are these tests.
import dns from 'node:dns';
import diagnostics from 'node:diagnostics_channel';
import { createSandbox } from '@nim-api/sandbox';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient, NimConnectionError } from '../../src/index.js';
import { defaultTransport } from '../support/transport.js';

// nock activates on import (it replaces the global fetch and node:http at once): off until its own tests.
nock.restore();

/** Every DNS lookup and every socket connect (undici's, Node's fetch's, node:http's) made while a test runs. */
const network: string[] = [];
const onConnect = (message: unknown) =>
  void network.push(`connect ${(message as { connectParams?: { host?: string } }).connectParams?.host}`);
const realLookup = dns.lookup;
beforeAll(() => {
  diagnostics.subscribe('undici:client:beforeConnect', onConnect);
  (dns as { lookup: unknown }).lookup = (host: string, ...rest: unknown[]) => {
    network.push(`dns ${host}`);
    return (realLookup as (...args: unknown[]) => void)(host, ...rest);
  };
});
afterAll(() => {
  diagnostics.unsubscribe('undici:client:beforeConnect', onConnect);
  (dns as { lookup: unknown }).lookup = realLookup;
});
beforeEach(() => void (network.length = 0));
afterEach(() => expect(network, 'DNS lookups or sockets').toEqual([]));

const sandbox = createSandbox({ accounts: ['alice'], seed: 1 });
beforeEach(() => sandbox.reset());

/** A client as a team makes it: default options, the sandbox's credentials, no baseUrl (discovery on). */
const nimWithDefaults = () =>
  createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, retryDelayMs: () => 0 });

async function createAndList(nim: ReturnType<typeof createNimClient>) {
  const { conversation_group } = await nim.conversationGroups.create({ account_id: 'alice', name: 'Work' });
  const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'alice' });
  return { created: conversation_group.group_id, listed: conversation_groups.map((g) => g.group_id) };
}

describe(`MSW 2 setupServer, the sandbox as the handler (${defaultTransport} transport)`, () => {
  // The README's recipe.
  const server = setupServer(http.all('https://*.yunxinapi.com/*', ({ request }) => sandbox.fetch(request)));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('sees every request: calls, endpoint discovery and health probes', async () => {
    const nim = nimWithDefaults();
    const { created, listed } = await createAndList(nim);
    expect(listed).toEqual([created]);
    // Discovery asked the (mocked) allocation service; the sandbox answered with its own origin, which was probed.
    await expect.poll(() => nim.endpoints().discovery).toBe('ok');
    const paths = sandbox.requests.map((r) => r.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/srv-sdk/allocate', '/health/liveness.action', '/im/v2/conversation_groups']),
    );
    await nim.close();
  });

  it('an unhandled request is an error, not a request to the real host, and it is not retried as maybe-run', async () => {
    const nim = createNimClient({
      appKey: sandbox.appKey,
      appSecret: sandbox.appSecret,
      baseUrl: 'https://unmocked.example',
      retryDelayMs: () => 0,
    });
    const error = await nim.conversationGroups.create({ account_id: 'alice', name: 'Work' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimConnectionError);
    expect(error).toMatchObject({ requestSent: false });
    expect(sandbox.requests).toEqual([]);
  });
});

describe(`nock 14, the sandbox as the handler (${defaultTransport} transport)`, () => {
  const origins = ['https://open.yunxinapi.com', 'https://srv-sdk-lbs-cn.yunxinapi.com'];
  beforeAll(() => {
    nock.activate();
    nock.disableNetConnect();
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  });
  beforeEach(() => {
    // The README's recipe: every method and path of each origin goes to the sandbox.
    for (const origin of origins) {
      for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
        nock(origin)
          .persist()
          .intercept(() => true, method)
          .reply(async function (path, body) {
            const init: RequestInit = { method, headers: this.req.headers as Record<string, string> };
            if (method !== 'GET' && body !== '') init.body = typeof body === 'string' ? body : JSON.stringify(body);
            const response = await sandbox.fetch(new Request(`${origin}${path}`, init));
            return [response.status, await response.text(), Object.fromEntries(response.headers)];
          });
      }
    }
  });
  afterEach(() => nock.cleanAll());

  it('sees every request: calls, endpoint discovery and health probes', async () => {
    const nim = nimWithDefaults();
    const { created, listed } = await createAndList(nim);
    expect(listed).toEqual([created]);
    await expect.poll(() => nim.endpoints().discovery).toBe('ok');
    expect(sandbox.requests.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/srv-sdk/allocate', '/health/liveness.action']),
    );
    await nim.close();
  });

  it('a host nock does not know is refused before anything is sent: requestSent false, even for a create', async () => {
    const nim = createNimClient({
      appKey: sandbox.appKey,
      appSecret: sandbox.appSecret,
      baseUrl: 'https://unmocked.yunxinapi.com',
      retryDelayMs: () => 0,
    });
    const error = await nim.conversationGroups.create({ account_id: 'alice', name: 'Work' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimConnectionError);
    expect(error).toMatchObject({ requestSent: false });
    expect(String((error as Error).message)).not.toContain('may have been created');
  });
});
