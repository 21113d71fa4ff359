// Client requests conform to the spec: every client method and raw call goes through `prism proxy --errors` in
// front of a local upstream that answers with the spec's success examples. Prism validates each request on the
// way in and each response on the way out; a violation comes back as 422/500 and/or an `sl-violations` header,
// and fails the test.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NimHttpError } from '@nim-api/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPrism } from '../../../scripts/prism.mjs';
import { account, allContracts as contracts, groupId } from './contracts.js';
import { collect, expectCleanExchanges, harness } from './harness.js';
import { asWireJson, exampleData, operationFor, specOperations } from './spec.js';

interface UpstreamRequest {
  readonly operationId: string | undefined;
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const upstreamRequests: UpstreamRequest[] = [];
/** When set, the upstream answers the next request with this body instead of the spec's example. */
let nextUpstreamBody: string | undefined;
let upstream: Server;
let proxy: Awaited<ReturnType<typeof startPrism>>;

beforeAll(async () => {
  upstream = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://upstream.invalid');
      const operation = operationFor(request.method ?? 'GET', url.pathname);
      upstreamRequests.push({
        operationId: operation?.operationId,
        method: request.method ?? '',
        url,
        headers: request.headers,
        body,
      });
      if (!operation) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('no such operation in the spec');
        return;
      }
      const name =
        url.searchParams.get('page_token') === 'page-2' && operation.examples.lastPage ? 'lastPage' : 'success';
      const payload = nextUpstreamBody ?? asWireJson(operation.examples[name]!);
      nextUpstreamBody = undefined;
      const traceId = request.headers['x-custom-traceid'];
      response
        .writeHead(200, {
          'content-type': 'application/json',
          ...(typeof traceId === 'string' ? { 'X-custom-traceid': traceId } : {}),
        })
        .end(payload);
    });
  });
  await new Promise<void>((resolve, reject) => {
    upstream.once('error', reject);
    upstream.listen(0, '127.0.0.1', resolve);
  });
  const { port } = upstream.address() as AddressInfo;
  try {
    proxy = await startPrism({ mode: 'proxy', upstream: `http://127.0.0.1:${port}` });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    throw error;
  }
});

// A canned body that was never fetched must not leak into the next test.
afterEach(() => {
  nextUpstreamBody = undefined;
});

afterAll(async () => {
  await proxy?.stop();
  await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
});

const methodCases = Object.entries(contracts).flatMap(([operationId, contract]) =>
  contract.methods.map((methodCase) => ({ operationId, ...methodCase })),
);

describe('every client method, through the validating proxy', () => {
  it.each(methodCases)('$operationId: nim.conversationGroups.$method', async ({ operationId, run, expected }) => {
    const { nim, exchanges } = harness(proxy.url, undefined);
    const before = upstreamRequests.length;
    const result = await run(nim, { traceId: `proxy${operationId}` });

    expectCleanExchanges(exchanges);
    const forwarded = upstreamRequests.slice(before);
    expect(forwarded).toHaveLength(exchanges.length);
    for (const request of forwarded) {
      expect(request.operationId).toBe(operationId);
      expect(request.headers['x-custom-traceid']).toBe(`proxy${operationId}`);
    }
    expect(result).toEqual(expected(exampleData(operationId)));
  });

  it.each(Object.entries(contracts))('%s: nim.raw', async (operationId, contract) => {
    const { nim, exchanges } = harness(proxy.url, undefined);
    const { response } = await contract.raw(nim, {});
    expect(response.status).toBe(200);
    expectCleanExchanges(exchanges);
    expect(upstreamRequests.at(-1)?.operationId).toBe(operationId);
  });
});

describe('edge inputs, through the validating proxy', () => {
  it('addConversations with 150 ids: two PATCHes of 100 and 50, both valid', async () => {
    const { nim, exchanges } = harness(proxy.url, undefined);
    const ids = Array.from({ length: 150 }, (_, i) => `alice|1|user${i}` as const);
    await nim.conversationGroups.addConversations(groupId, { account_id: account, conversation_ids: ids });

    expectCleanExchanges(exchanges);
    const bodies = exchanges.map((exchange) => JSON.parse(exchange.requestBody));
    expect(bodies.map((body) => body.conversations.conversation_ids.length)).toEqual([100, 50]);
    expect(bodies.every((body) => body.conversations.type === 1)).toBe(true);
  });

  it('optional fields left out, single ids, page limits at the bounds', async () => {
    const { nim, exchanges } = harness(proxy.url, undefined);
    await nim.conversationGroups.create({ account_id: 'a.b_c@d-e', name: 'W' });
    await nim.conversationGroups.update('1', { account_id: account, server_extension: '' });
    await nim.conversationGroups.removeConversations(groupId, {
      account_id: account,
      conversation_ids: ['alice|3|7001'],
    });
    await nim.conversationGroups.batchGet({ account_id: account, group_ids: ['1'] });
    await nim.conversationGroups.listConversations(groupId, { account_id: account, limit: 1, page_token: 'page-2' });
    await nim.conversationGroups.listConversations(groupId, { account_id: account, limit: 100 });
    await collect(nim.conversationGroups.iterateConversations(groupId, { account_id: account }));

    expectCleanExchanges(exchanges);
    expect(exchanges).toHaveLength(8);
  });
});

describe('other responses the spec allows, through the validating proxy', () => {
  const group = { group_id: 9007199254740991, name: 'Work', create_time: 1764115200000, update_time: 1764115200000 };
  const variants: {
    title: string;
    body: unknown;
    call: (nim: ReturnType<typeof harness>['nim']) => Promise<unknown>;
    expected: unknown;
  }[] = [
    {
      title: 'batchGet: the Java spelling (fail_list with code/msg) is folded into failed_list',
      body: {
        code: 200,
        msg: 'success',
        data: { success_list: [group], fail_list: [{ group_id: 1002, code: 116404, msg: 'not found' }] },
      },
      call: (nim) => nim.conversationGroups.batchGet({ account_id: account, group_ids: [groupId, '1002'] }),
      expected: {
        success_list: [{ ...group, group_id: groupId }],
        failed_list: [{ group_id: '1002', error_code: 116404, error_msg: 'not found' }],
      },
    },
    {
      title: 'update: success_list and failed_list left out become empty lists',
      body: { code: 200, msg: 'success', data: { conversation_group: group } },
      call: (nim) => nim.conversationGroups.update(groupId, { account_id: account, name: 'Work' }),
      expected: { conversation_group: { ...group, group_id: groupId }, success_list: [], failed_list: [] },
    },
    {
      title: 'delete: an envelope without data is {}',
      body: { code: 200, msg: 'success' },
      call: (nim) => nim.conversationGroups.delete(groupId, { account_id: account }),
      expected: {},
    },
    {
      title: 'listConversations: extra conversation fields pass through, next_token may be absent on the last page',
      body: {
        code: 200,
        msg: 'success',
        data: { has_more: false, items: [{ conversation_id: 'alice|1|bob', unread: 3 }] },
      },
      call: (nim) => nim.conversationGroups.listConversations(groupId, { account_id: account }),
      expected: { has_more: false, items: [{ conversation_id: 'alice|1|bob', unread: 3 }] },
    },
  ];

  it.each(variants)('$title', async ({ body, call, expected }) => {
    const { nim, exchanges } = harness(proxy.url, undefined);
    nextUpstreamBody = JSON.stringify(body);
    const result = await call(nim);
    expectCleanExchanges(exchanges);
    expect(result).toEqual(expected);
  });
});

describe('the proxy does catch violations (controls)', () => {
  it('an invalid request is refused with 422 and never reaches the upstream', async () => {
    const before = upstreamRequests.length;
    const response = await fetch(new URL('/im/v2/conversation_groups', proxy.url), {
      method: 'POST',
      headers: { AppKey: 'k', Nonce: 'n', CurTime: '1', CheckSum: 'c', 'Content-Type': 'application/json' },
      body: JSON.stringify({ account_id: 'alice' }),
    });
    expect(response.status).toBe(422);
    expect(upstreamRequests.length).toBe(before);
  });

  it('an invalid upstream response fails the call and carries sl-violations', async () => {
    const { nim, exchanges } = harness(proxy.url, undefined);
    nextUpstreamBody = JSON.stringify({
      code: 200,
      msg: 'success',
      data: { conversation_groups: [{ group_id: 'not-a-number' }] },
    });
    const error = await nim.conversationGroups.list({ account_id: account }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(NimHttpError);
    expect((error as NimHttpError).status).toBe(500);
    expect(exchanges[0]!.responseHeaders.get('sl-violations')).toMatch(/group_id/);
    expect(() => expectCleanExchanges(exchanges)).toThrow();
  });
});

it('every operation of the spec went through the proxy', () => {
  const seen = new Set(upstreamRequests.map((request) => request.operationId));
  expect([...seen].sort()).toEqual(specOperations.map((operation) => operation.operationId).sort());
});
