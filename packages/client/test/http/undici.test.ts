import { createRequire } from 'node:module';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient } from '../../src/index.node.js';
import { ok, startWireServer, type WireServer } from '../support/wire-server.js';

const credentials = { appKey: 'undici-app-key', appSecret: 'undici-secret' };
const undici = createRequire(import.meta.url)('undici') as typeof import('undici');
let server: WireServer;

beforeAll(async () => {
  server = await startWireServer(credentials);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const nim = (options: Record<string, unknown> = {}) =>
  createNimClient({ ...credentials, baseUrl: server.url, transport: 'undici', retryDelayMs: () => 0, ...options });
const list = (client: ReturnType<typeof nim>) => client.conversationGroups.list({ account_id: 'alice' });
const groups = { conversation_groups: [{ group_id: 7, name: 'Work', create_time: 1, update_time: 1 }] };

describe('the undici transport', () => {
  for (const transport of ['undici', 'fetch'] as const) {
    it(`answers a redirect with a NimHttpError instead of following it (${transport}): the signed headers stay home`, async () => {
      server.reply({ status: 307, headers: { location: 'http://127.0.0.1:9/steal' } });
      const error = await list(nim({ transport, maxRetries: 2 })).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'NimHttpError', status: 307 });
      expect(server.requests).toHaveLength(1); // a 3xx is no server failure: not retried, not followed
    });
  }

  it('follows a redirect as fetch does when nim.raw asks for it, signed headers kept', async () => {
    server.reply(
      { status: 307, headers: { location: '/moved/im/v2/conversation_groups?account_id=alice' } },
      ok(groups),
    );
    const { data } = await nim().raw.GET('/im/v2/conversation_groups', {
      params: { query: { account_id: 'alice' } },
      redirect: 'follow',
    });
    expect(data?.data).toMatchObject({ conversation_groups: [{ name: 'Work' }] });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /im/v2/conversation_groups',
      'GET /moved/im/v2/conversation_groups',
    ]);
    expect(server.signatureProblems).toEqual([]);
  });

  it('turns a POST into a bodiless GET after a 303, like fetch (nim.raw with redirect: follow)', async () => {
    server.reply({ status: 303, headers: { location: '/elsewhere' } });
    await nim()
      .raw.POST('/im/v2/conversation_groups', { body: { account_id: 'alice', name: 'Work' }, redirect: 'follow' })
      .catch(() => undefined);
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.body === '' ? 'without' : 'with'} a body`)).toEqual([
      'POST /im/v2/conversation_groups with a body',
      'GET /elsewhere without a body',
    ]);
    expect(server.requests[1]!.headers['content-type']).toBeUndefined();
  });

  it('stops after 20 redirects with a fetch-like TypeError (nim.raw with redirect: follow)', async () => {
    server.fallback({ status: 302, headers: { location: '/again' } });
    const error = await nim()
      .raw.GET('/im/v2/conversation_groups', { params: { query: { account_id: 'alice' } }, redirect: 'follow' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect(server.requests).toHaveLength(21);
  });

  it('refuses a compressed body that expands past 16 MiB without decoding all of it (a zip bomb), in time', async () => {
    // 38 KB on the wire. Quality 1: the default (11) takes 8–20 s to compress 200 MB on a busy 2-core machine (Node 24
    // is slower at it than 20), and the test timed out before it sent anything.
    const bomb = brotliCompressSync(Buffer.alloc(200 * 1024 * 1024, 0x20), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
    });
    server.reply({ headers: { 'content-type': 'application/json', 'content-encoding': 'br' }, body: bomb });
    const started = performance.now();
    const error = await list(nim({ maxRetries: 0, timeoutMs: 2_000 })).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'NimResponseError',
      message: expect.stringMatching(/decompressed answer is larger than 16 MiB/),
    });
    expect(performance.now() - started).toBeLessThan(1_500); // decoding all 200 MB took ~1.5 s before the bound
  });

  it('refuses a body over 16 MiB while it arrives', async () => {
    server.reply({ headers: { 'content-type': 'application/json' }, body: Buffer.alloc(17 * 1024 * 1024, 0x20) });
    await expect(list(nim({ maxRetries: 0 }))).rejects.toMatchObject({
      name: 'NimResponseError',
      message: expect.stringMatching(/larger than 16 MiB/),
    });
  });

  it('a dispatcher whose dispatch throws sent nothing (requestSent false)', async () => {
    const dispatcher = {
      dispatch: () => {
        throw new Error('bad dispatcher');
      },
    };
    const error = await nim({ dispatcher, maxRetries: 0 })
      .conversationGroups.create({ account_id: 'alice', name: 'W' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NimConnectionError', requestSent: false });
  });

  it('calls a base URL written as the URL parser allows (http:host:port) on the undici transport too', async () => {
    server.reply(ok(groups));
    const result = await list(nim({ baseUrl: server.url.replace('http://', 'http:') }));
    expect(result.conversation_groups[0]!.name).toBe('Work');
  });

  it('decodes a gzip body a server sends unasked', async () => {
    const body = gzipSync(JSON.stringify({ code: 200, msg: 'success', data: groups }));
    server.reply({ headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body });
    expect((await list(nim({ maxRetries: 0 }))).conversation_groups).toHaveLength(1);
  });

  it('sends through the dispatcher it is given (a proxy, custom TLS, a mock)', async () => {
    const agent = new undici.Agent();
    const seen: string[] = [];
    const dispatcher = {
      dispatch: (options: { path: string }, handler: object) => (
        seen.push(options.path), agent.dispatch(options as never, handler as never)
      ),
    };
    server.reply(ok(groups));
    await list(nim({ dispatcher }));
    expect(seen).toEqual(['/im/v2/conversation_groups?account_id=alice']);
    await agent.close();
  });

  it('works with undici’s MockAgent as the dispatcher, no server needed', async () => {
    const mock = new undici.MockAgent();
    mock.disableNetConnect();
    mock
      .get('https://mocked.example')
      .intercept({ path: '/im/v2/conversation_groups?account_id=alice' })
      .reply(200, { code: 200, msg: 'success', data: groups });
    const client = createNimClient({ ...credentials, baseUrl: 'https://mocked.example', dispatcher: mock });
    expect((await list(client)).conversation_groups[0]!.group_id).toBe('7');
    await mock.close();
  });

  it('sends the real Request a nim.raw middleware returns', async () => {
    const client = nim();
    client.raw.use({
      onRequest: ({ request }) => {
        const headers = new Headers(request.headers);
        headers.set('X-From-Middleware', 'yes');
        return new Request(request.url, { method: request.method, headers });
      },
    });
    server.reply(ok(groups));
    const { response } = await client.raw.GET('/im/v2/conversation_groups', {
      params: { query: { account_id: 'alice' } },
    });
    expect(response.status).toBe(200);
    expect(server.requests[0]!.headers['x-from-middleware']).toBe('yes');
    expect(server.signatureProblems).toEqual([]);
  });

  it('gives nim.raw middleware a request with url, method, headers and body', async () => {
    const client = nim();
    const seen: unknown[] = [];
    client.raw.use({
      onRequest: async ({ request }) =>
        void seen.push([request.method, request.url, request.headers.get('AppKey'), await request.clone().text()]),
    });
    server.reply(ok({ conversation_group: { group_id: 1, name: 'W', create_time: 1, update_time: 1 } }));
    await client.raw.POST('/im/v2/conversation_groups', { body: { account_id: 'alice', name: 'W' } });
    expect(seen).toEqual([
      ['POST', `${server.url}/im/v2/conversation_groups`, credentials.appKey, '{"account_id":"alice","name":"W"}'],
    ]);
  });
});
