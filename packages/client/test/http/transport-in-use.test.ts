import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient } from '../../src/index.js';
import { defaultTransport } from '../support/transport.js';
import { ok, startWireServer, type WireServer } from '../support/wire-server.js';

const credentials = { appKey: 'in-use-app-key', appSecret: 'in-use-secret' };
let server: WireServer;

beforeAll(async () => {
  server = await startWireServer(credentials);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

// fetch adds the headers of the WHATWG fetch algorithm (sec-fetch-mode, accept-language); undici's dispatch sends only
// what the request carries. That tells, from the wire, which transport really sent a request.
const sentByFetch = (headers: Record<string, unknown>) => headers['sec-fetch-mode'] !== undefined;

describe(`a client made without fetch in this project (${defaultTransport})`, () => {
  it(`sends with ${defaultTransport}`, async () => {
    server.reply(ok({ conversation_groups: [] }));
    await createNimClient({ ...credentials, baseUrl: server.url }).conversationGroups.list({ account_id: 'alice' });
    expect(server.signatureProblems).toEqual([]);
    expect(sentByFetch(server.requests[0]!.headers)).toBe(defaultTransport === 'fetch');
  });

  it("sends with fetch when transport: 'fetch' is set, on either build", async () => {
    server.reply(ok({ conversation_groups: [] }));
    await createNimClient({ ...credentials, baseUrl: server.url, transport: 'fetch' }).conversationGroups.list({
      account_id: 'alice',
    });
    expect(sentByFetch(server.requests[0]!.headers)).toBe(true);
  });
});
