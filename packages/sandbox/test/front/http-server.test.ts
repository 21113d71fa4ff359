import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSandbox, NimSandboxOptionsError } from '../../src/index.js';
import { apiOf } from '../support/api.js';
import { over, served } from '../support/servers.js';
import { buildRequest, signedHeaders } from '../support/signed.js';

describe('sandbox.listen()', () => {
  it('serves the same state over HTTP on 127.0.0.1 and a free port, echoing the trace id', async () => {
    const sandbox = createSandbox();
    const server = await served(sandbox);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const api = apiOf(over(server), sandbox);
    const created = await api.raw('POST', '/im/v2/conversation_groups', {
      body: { account_id: 'alice', name: 'W' },
      headers: { 'X-custom-traceid': 'trace-1' },
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('x-custom-traceid')).toBe('trace-1');
    expect(created.headers.get('content-type')).toBe('application/json;charset=utf-8');
    const viaFetch = await sandbox.fetch(
      buildRequest('http://x', sandbox, 'GET', '/im/v2/conversation_groups', { query: { account_id: 'alice' } }),
    );
    expect((await viaFetch.json()).data.conversation_groups).toHaveLength(1);
    expect(sandbox.requests.at(0)).toMatchObject({
      traceId: 'trace-1',
      account: 'alice',
      operation: 'createConversationGroup',
    });
  });

  it('answers an unknown path with HTTP 404 and a wrong method with 405 and Allow, as a gateway would', async () => {
    const sandbox = createSandbox();
    const server = await served(sandbox);
    const unknown = await fetch(`${server.url}/im/v2/conversation_groups/1/other`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/404 Not Found/);
    const wrong = await fetch(`${server.url}/im/v2/conversation_groups/1`, { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PATCH, DELETE');
  });

  it('destroys the socket for a reset fault and drops hung requests on close()', async () => {
    const sandbox = createSandbox({
      faults: [
        { operation: 'health', kind: 'reset' },
        { operation: 'listConversationGroups', kind: 'hang' },
      ],
    });
    const server = await sandbox.listen();
    try {
      const reset = await fetch(`${server.url}/health/liveness.action`).catch((error: Error) => error);
      expect(reset).toBeInstanceOf(TypeError);
      expect((await fetch(`${server.url}/health/liveness.action`)).status).toBe(200);
      const hung = fetch(
        buildRequest(server.url, sandbox, 'GET', '/im/v2/conversation_groups', { query: { account_id: 'a' } }),
      ).catch((error: Error) => error);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await server.close();
      expect(await hung).toBeInstanceOf(TypeError);
    } finally {
      await server.close();
    }
    const refused = await new Promise((resolve) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
      socket.on('connect', () => resolve('connected'));
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('answers a body past maxBodyBytes with 414 at once and closes the connection, whatever the body claims', async () => {
    const sandbox = createSandbox({ limits: { maxBodyBytes: 1024 } });
    const server = await served(sandbox);
    const port = Number(new URL(server.url).port);
    const head = (framing: string) =>
      `POST /im/v2/conversation_groups HTTP/1.1\r\nHost: x\r\n${Object.entries(signedHeaders(sandbox))
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}${framing}\r\n`;
    // Sends the head, then body bytes until the server answers and closes (or 3 s pass); never ends the body.
    const exchange = (framing: string, chunk: string) =>
      new Promise<{ reply: string; closed: boolean; ms: number }>((resolve) => {
        const started = Date.now();
        const socket = connect(port, '127.0.0.1');
        let reply = '';
        let timer: NodeJS.Timeout | undefined;
        const done = (closed: boolean) => {
          clearInterval(timer);
          socket.destroy();
          resolve({ reply, closed, ms: Date.now() - started });
        };
        socket.on('data', (data) => (reply += data));
        socket.on('error', () => {});
        socket.on('close', () => done(true));
        socket.on('connect', () => {
          socket.write(head(framing));
          timer = setInterval(() => socket.writable && socket.write(chunk), 5);
        });
        setTimeout(() => done(false), 3_000);
      });
    const cases = [
      ['Content-Length: 99999999999999\r\n', 'x'.repeat(4096)],
      ['Content-Length: 2048\r\n', 'x'.repeat(100)],
      ['Transfer-Encoding: chunked\r\n', `1000\r\n${'x'.repeat(4096)}\r\n`],
    ] as const;
    for (const [framing, chunk] of cases) {
      const { reply, closed, ms } = await exchange(framing, chunk);
      expect(reply, framing).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(reply.toLowerCase()).toContain('connection: close');
      expect(reply).toContain('{"code":414,"msg":"parameter error: the body is larger than 1024 bytes","data":{}}');
      expect(closed).toBe(true);
      expect(ms).toBeLessThan(2_000);
    }
    expect((await apiOf(over(server), sandbox).list('alice')).json.code).toBe(200);
  });

  it('checks its options', async () => {
    const sandbox = createSandbox();
    await expect(sandbox.listen({ port: 70000 })).rejects.toBeInstanceOf(NimSandboxOptionsError);
    await expect(sandbox.listen({ host: '' })).rejects.toThrow(/host must be/);
  });
});
