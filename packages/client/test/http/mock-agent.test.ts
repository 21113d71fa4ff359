// undici's MockAgent installed with `setGlobalDispatcher` carries the requests of a client made with the default
// options, on both transports (Node's fetch reads the same global dispatcher): no DNS lookup, no socket. This file
// imports neither MSW nor nock, so on the undici transport the requests go through undici itself.
import dns from 'node:dns';
import diagnostics from 'node:diagnostics_channel';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient, NimConnectionError } from '../../src/index.js';
import { defaultTransport } from '../support/transport.js';

const undici = createRequire(import.meta.url)('undici') as typeof import('undici');
const credentials = { appKey: 'mock-agent-app', appSecret: 'mock-agent-secret' };

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

describe(`undici MockAgent installed with setGlobalDispatcher (${defaultTransport} transport)`, () => {
  const key = Symbol.for('undici.globalDispatcher.1');
  const slot = globalThis as unknown as Record<symbol, unknown>;
  let before: unknown;
  let agent: InstanceType<typeof undici.MockAgent>;
  beforeEach(() => {
    before = slot[key];
    agent = new undici.MockAgent();
    agent.disableNetConnect();
    undici.setGlobalDispatcher(agent);
  });
  afterEach(async () => {
    slot[key] = before;
    await agent.close();
  });

  it('carries the requests', async () => {
    const envelope = {
      code: 200,
      data: { conversation_groups: [{ group_id: 7, name: 'Work', create_time: 1, update_time: 1 }] },
    };
    agent
      .get('https://open.yunxinapi.com')
      .intercept({ path: /^\/im\/v2\/conversation_groups\?/, method: 'GET' })
      .reply(200, envelope, {
        headers: { 'content-type': 'application/json' },
      });
    const nim = createNimClient({ ...credentials, baseUrl: 'https://open.yunxinapi.com' });
    const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'alice' });
    expect(conversation_groups).toMatchObject([{ group_id: '7', name: 'Work' }]);
    agent.assertNoPendingInterceptors();
  });

  it('an unmatched request is refused before anything is sent: requestSent false, not retried', async () => {
    const nim = createNimClient({ ...credentials, baseUrl: 'https://open.yunxinapi.com', retryDelayMs: () => 0 });
    const error = await nim.conversationGroups.create({ account_id: 'alice', name: 'Work' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimConnectionError);
    expect(error).toMatchObject({ requestSent: false });
  });
});
