// Bad input to the sandbox itself gets what the API would answer — a 414 envelope for a bad body or parameter,
// HTTP 404/405 for what no route serves — and never a crash: the server keeps serving after every case.
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { fcParams } from '../support/fc.js';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { apiOf } from '../support/api.js';
import { over, served } from '../support/servers.js';
import { signedHeaders } from '../support/signed.js';

const bodies = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .record({
      account_id: fc.anything(),
      name: fc.anything(),
      conversation_ids: fc.anything(),
      conversations: fc.anything(),
    })
    .map((v) => {
      try {
        return JSON.stringify(v) ?? 'null';
      } catch {
        return '{}';
      }
    }),
  fc.constantFrom(
    '{',
    '[[[[[[[[[[',
    '{"account_id":"alice","name":"x"',
    '\u0000\uffff',
    '{"__proto__":{"a":1},"account_id":"alice","name":"W"}',
    `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  ),
);
const methods = fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD');
const paths = fc.oneof(
  fc.constantFrom(
    '/im/v2/conversation_groups',
    '/im/v2/conversation_groups/1',
    '/im/v2/conversation_groups/1/conversations',
    '/im/v2/conversation_groups/actions/group_ids',
    '/',
    '/health/liveness.action',
    '/srv-sdk/allocate',
  ),
  fc.string({ maxLength: 40 }).map((s) => `/im/v2/conversation_groups/${encodeURIComponent(s)}`),
  fc.webPath(),
);

describe('hostile input', () => {
  it('answers random methods, paths and bodies with an envelope or a gateway status, and keeps serving (property)', async () => {
    const sandbox = createSandbox({ seed: 1 });
    const server = await served(sandbox);
    const api = apiOf(over(server), sandbox);
    await fc.assert(
      fc.asyncProperty(methods, paths, bodies, fc.boolean(), async (method, path, body, signed) => {
        const init: RequestInit = {
          method,
          headers: { ...(signed ? signedHeaders(sandbox) : {}), 'content-type': 'application/json' },
        };
        if (!['GET', 'HEAD'].includes(method)) init.body = body;
        const response = await fetch(`${server.url}${path}`, init);
        const text = await response.text();
        expect([200, 404, 405]).toContain(response.status);
        if (response.status === 200 && method !== 'HEAD' && path !== '/health/liveness.action') {
          const json = JSON.parse(text);
          expect(typeof json.code).toBe('number');
          if (!signed && path.startsWith('/im/')) expect(json.code).toBe(403);
        }
      }),
      fcParams(41, 150),
    );
    expect((await api.list('alice')).json.code).toBe(200);
    expect(sandbox.requests.length).toBeGreaterThanOrEqual(150);
  }, 60_000);

  it('answers a 10 MB body with 414 and keeps serving; in process too', async () => {
    const sandbox = createSandbox();
    const server = await served(sandbox);
    const huge = JSON.stringify({ account_id: 'alice', name: 'x'.repeat(10 * 1024 * 1024) });
    const headers = { ...signedHeaders(sandbox), 'content-type': 'application/json' };
    const overHttp = await fetch(`${server.url}/im/v2/conversation_groups`, { method: 'POST', headers, body: huge });
    expect(await overHttp.json()).toEqual({
      code: 414,
      msg: 'parameter error: the body is larger than 1048576 bytes',
      data: {},
    });
    const inProcess = await sandbox.fetch(
      new Request('http://x/im/v2/conversation_groups', { method: 'POST', headers, body: huge }),
    );
    expect((await inProcess.json()).code).toBe(414);
    const api = apiOf(over(server), sandbox);
    expect((await api.create({ account_id: 'alice', name: 'after' })).json.code).toBe(200);
  }, 30_000);

  it('survives a client that sends half a body and goes away', async () => {
    const sandbox = createSandbox();
    const server = await served(sandbox);
    const { port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/im/v2/conversation_groups',
        headers: { ...signedHeaders(sandbox), 'content-length': '1000' },
      });
      request.on('error', () => resolve());
      request.write('{"account_id":');
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 50);
    });
    const api = apiOf(over(server), sandbox);
    expect((await api.list('alice')).json.code).toBe(200);
  });
});
