import { createHash } from 'node:crypto';
import { constraints } from '@nim-api/types';
import { describe, expect, it, vi } from 'vitest';
import * as publicApi from '../src/index.js';
import { createNimClient, NimValidationError, type NimClientOptions } from '../src/index.js';

const credentials = { appKey: 'client-app-key', appSecret: 'client-app-secret' };
const okBody = (data: unknown = { conversation_groups: [] }) => JSON.stringify({ code: 200, msg: 'success', data });

/** A fetch that records every Request and answers from a list (then with `fallback`). */
function fakeFetch(responses: Array<() => Response> = [], fallback: () => Response = () => new Response(okBody())) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    requests.push(request);
    return (responses.shift() ?? fallback)();
  });
  return { fetch, requests };
}

const client = (options: Partial<NimClientOptions> & Pick<NimClientOptions, 'fetch'>) =>
  createNimClient({ ...credentials, retryDelayMs: () => 0, ...options });

describe('createNimClient', () => {
  it('refuses a missing or empty appKey or appSecret with a NimValidationError that does not echo them', () => {
    for (const options of [
      undefined,
      {},
      { appKey: 'k' },
      { appKey: '', appSecret: 's3cr3t' },
      { appKey: 'k', appSecret: '' },
      { appKey: 1, appSecret: 's3cr3t' },
    ]) {
      let error: unknown;
      try {
        createNimClient(options as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(NimValidationError);
      expect((error as Error).message).not.toContain('s3cr3t');
    }
  });

  it('sends to the China-mainland primary host by default', async () => {
    const { fetch, requests } = fakeFetch();
    await client({ fetch }).conversationGroups.list({ account_id: 'alice' });
    expect(requests[0]!.url).toBe('https://open.yunxinapi.com/im/v2/conversation_groups?account_id=alice');
  });

  it("uses a region's first host from the spec, path included", async () => {
    const { fetch, requests } = fakeFetch();
    await client({ fetch, region: 'sg' }).conversationGroups.list({ account_id: 'alice' });
    expect(requests[0]!.url).toBe(`${constraints.hosts.sg[0]}/im/v2/conversation_groups?account_id=alice`);
  });

  it('keeps the path of a private-deployment baseUrl and drops its trailing slashes', async () => {
    const { fetch, requests } = fakeFetch();
    await client({ fetch, baseUrl: 'https://api-cn.yunxinapi.com/nimserver//' }).conversationGroups.list({
      account_id: 'alice',
    });
    expect(requests[0]!.url).toBe('https://api-cn.yunxinapi.com/nimserver/im/v2/conversation_groups?account_id=alice');
  });

  it('refuses a baseUrl that is not http(s), and an empty list', () => {
    for (const baseUrl of ['ftp://host', 'open.yunxinapi.com', '', []]) {
      expect(() => createNimClient({ ...credentials, baseUrl: baseUrl as never })).toThrow(NimValidationError);
    }
  });

  it('fails over to the next host of a list after a 5xx, and stays there while the first cools down', async () => {
    const { fetch, requests } = fakeFetch([() => new Response('down', { status: 503 })]);
    const nim = client({ fetch, baseUrl: ['https://primary.example', 'https://backup.example'] });
    await nim.conversationGroups.list({ account_id: 'alice' });
    await nim.conversationGroups.list({ account_id: 'alice' });
    expect(requests.map((request) => new URL(request.url).origin)).toEqual([
      'https://primary.example',
      'https://backup.example',
      'https://backup.example',
    ]);
  });

  it('hands the injected fetch a signed Request', async () => {
    const { fetch, requests } = fakeFetch();
    await client({ fetch }).conversationGroups.list({ account_id: 'alice' });
    const { headers } = requests[0]!;
    const expected = createHash('sha1')
      .update(`${credentials.appSecret}${headers.get('Nonce')}${headers.get('CurTime')}`)
      .digest('hex');
    expect(headers.get('AppKey')).toBe(credentials.appKey);
    expect(headers.get('CheckSum')).toBe(expected);
    expect(Math.abs(Number(headers.get('CurTime')) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('asks the injected retryDelayMs for every back-off, with the Retry-After the server sent', async () => {
    const retryDelayMs = vi.fn(() => 0);
    const { fetch, requests } = fakeFetch([
      () => new Response('busy', { status: 503, headers: { 'retry-after': '2' } }),
      () => new Response('bad gateway', { status: 502 }),
    ]);
    await createNimClient({ ...credentials, fetch, retryDelayMs }).conversationGroups.list({ account_id: 'alice' });
    expect(requests).toHaveLength(3);
    expect(retryDelayMs.mock.calls).toEqual([
      [1, 2000],
      [2, undefined],
    ]);
  });

  it('follows maxRetries, also per call', async () => {
    const down = () => new Response('down', { status: 502 });
    const { fetch, requests } = fakeFetch([], down);
    const nim = client({ fetch, maxRetries: 1 });
    await expect(nim.conversationGroups.list({ account_id: 'alice' })).rejects.toMatchObject({
      name: 'NimHttpError',
      attempts: 2,
    });
    expect(requests).toHaveLength(2);
    await expect(nim.conversationGroups.list({ account_id: 'alice' }, { maxRetries: 3 })).rejects.toMatchObject({
      attempts: 4,
    });
    expect(requests).toHaveLength(6);
  });

  it('counts attempts in metrics() by operation and host', async () => {
    const { fetch } = fakeFetch([
      () => new Response('down', { status: 502 }),
      () => new Response(okBody()),
      () => new Response(JSON.stringify({ code: 414, msg: 'bad' })),
    ]);
    const nim = client({ fetch, baseUrl: 'https://m.example' });
    await nim.conversationGroups.list({ account_id: 'alice' });
    await expect(nim.conversationGroups.get('1', { account_id: 'alice' })).rejects.toMatchObject({
      name: 'NimParamError',
    });
    const { byOperation, byHost } = nim.metrics();
    expect(byOperation.listConversationGroups).toMatchObject({ ok: 1, transportError: 1, apiError: 0, retries: 1 });
    expect(byOperation.getConversationGroup).toMatchObject({ ok: 0, transportError: 0, apiError: 1, retries: 0 });
    expect(byHost['https://m.example']).toMatchObject({ ok: 1, transportError: 1, apiError: 1 });
    expect(nim.metrics().toPrometheus()).toContain(
      'nim_client_attempts_total{operation="listConversationGroups",host="https://m.example",outcome="ok"} 1',
    );
  });

  it('calls onAttempt then onResult for every attempt with one trace id', async () => {
    const events: string[] = [];
    const { fetch } = fakeFetch([() => new Response('x', { status: 504 })]);
    const nim = client({
      fetch,
      hooks: {
        onAttempt: (state) => void events.push(`attempt ${state.attempt} ${state.operationId} ${state.traceId}`),
        onResult: (state) =>
          void events.push(
            `result ${state.attempt} ${state.status} ${String(state.code)} ${state.willRetry} ${state.traceId}`,
          ),
      },
    });
    await nim.conversationGroups.list({ account_id: 'alice' }, { traceId: 'hook-trace' });
    expect(events).toEqual([
      'attempt 1 listConversationGroups hook-trace',
      'result 1 504 undefined true hook-trace',
      'attempt 2 listConversationGroups hook-trace',
      'result 2 200 200 false hook-trace',
    ]);
  });

  it('sends nim.raw through the injected fetch as well, signed', async () => {
    const { fetch, requests } = fakeFetch();
    const nim = client({ fetch });
    const { data } = await nim.raw.GET('/im/v2/conversation_groups', { params: { query: { account_id: 'alice' } } });
    expect(data).toEqual({ code: 200, msg: 'success', data: { conversation_groups: [] } });
    expect(requests[0]!.headers.get('CheckSum')).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('results and their trace ids', () => {
  it('traceIdOf(result) is the X-custom-traceid the call sent, and the result JSON stays the wire object', async () => {
    const { fetch, requests } = fakeFetch();
    const result = await client({ fetch }).conversationGroups.list({ account_id: 'alice' });
    expect(publicApi.traceIdOf(result)).toBe(requests[0]!.headers.get('X-custom-traceid'));
    expect(JSON.parse(JSON.stringify(result))).toEqual({ conversation_groups: [] });
    expect(Object.keys(result)).toEqual(['conversation_groups']);
  });

  it('traceIdOf is undefined for an object the client did not return', () => {
    expect(publicApi.traceIdOf({})).toBeUndefined();
  });
});

describe('the public API of @nim-api/client', () => {
  it('exports the names the issue promises', () => {
    const values = [
      'createNimClient',
      'conversationId',
      'parseConversationId',
      'checksum',
      'isNimError',
      'traceIdOf',
      'NimError',
      'NimApiError',
      'NimParamError',
      'NimAuthError',
      'NimRateLimitError',
      'NimNotFoundError',
      'NimLimitExceededError',
      'NimHttpError',
      'NimResponseError',
      'NimValidationError',
      'NimTimeoutError',
      'NimConnectionError',
      'NimAbortError',
    ];
    for (const name of values) expect(publicApi, name).toHaveProperty(name);
    expect(typeof publicApi.createNimClient).toBe('function');
  });

  it('gives every method of the issue', () => {
    const nim = createNimClient({ ...credentials, fetch: fakeFetch().fetch });
    for (const method of [
      'create',
      'update',
      'addConversations',
      'removeConversations',
      'delete',
      'get',
      'batchGet',
      'list',
      'listConversations',
      'iterateConversations',
    ]) {
      expect(typeof (nim.conversationGroups as unknown as Record<string, unknown>)[method], method).toBe('function');
    }
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE', 'use']) {
      expect(typeof (nim.raw as unknown as Record<string, unknown>)[method], method).toBe('function');
    }
  });
});
