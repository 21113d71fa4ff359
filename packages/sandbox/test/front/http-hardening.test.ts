import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, NimSandboxOptionsError, type SandboxServer } from '../../src/index.js';
import { signedHeaders } from '../support/signed.js';

// Bounded on purpose: small timeouts and caps, loopback only, every socket and server closed after each test.
const sockets: Socket[] = [];
const servers: SandboxServer[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function listen(options: Parameters<ReturnType<typeof createSandbox>['listen']>[0], sandbox = createSandbox()) {
  const server = await sandbox.listen(options);
  servers.push(server);
  return { server, sandbox, port: Number(new URL(server.url).port) };
}

function open(port: number): Promise<{ socket: Socket; closed: Promise<number>; received: () => string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', () => {});
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
    socket.once('connect', () => resolve({ socket, closed, received: () => data }));
    socket.once('error', reject);
  });
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms)),
  ]);

describe('the hardened HTTP front', () => {
  it('closes a silent connection and one sending its headers too slowly after idleTimeoutMs', async () => {
    const { port } = await listen({ idleTimeoutMs: 300, headersTimeoutMs: 2000, requestTimeoutMs: 3000 });
    const silent = await open(port);
    const slow = await open(port);
    slow.socket.write('GET /health/liveness.action HTTP/1.1\r\nHost: x\r\n');
    const [silentMs, slowMs] = await within(Promise.all([silent.closed, slow.closed]), 2500);
    expect(silentMs).toBeGreaterThanOrEqual(250);
    expect(slowMs).toBeLessThan(2000);
  });

  it('closes an idle keep-alive connection after a request, but never cuts a request in flight (a hang)', async () => {
    const sandbox = createSandbox({ faults: [{ operation: 'health', kind: 'hang', after: 1 }] });
    const { port } = await listen({ idleTimeoutMs: 300 }, sandbox);
    const kept = await open(port);
    kept.socket.write('GET /health/liveness.action HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await within(kept.closed, 2000)).toBeGreaterThanOrEqual(250);
    expect(kept.received()).toMatch(/^HTTP\/1\.1 200/);
    const hung = await open(port);
    hung.socket.write('GET /health/liveness.action HTTP/1.1\r\nHost: x\r\n\r\n');
    const still = await Promise.race([
      hung.closed.then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('open'), 900)),
    ]);
    expect(still).toBe('open');
  });

  it('answers 408 when a body does not arrive within requestTimeoutMs', async () => {
    const sandbox = createSandbox();
    const { port } = await listen({ idleTimeoutMs: 5000, headersTimeoutMs: 200, requestTimeoutMs: 400 }, sandbox);
    const slow = await open(port);
    const headers = Object.entries(signedHeaders(sandbox))
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    slow.socket.write(
      `POST /im/v2/conversation_groups HTTP/1.1\r\nHost: x\r\n${headers}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"acc`,
    );
    expect(await within(slow.closed, 5000)).toBeLessThan(3000);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('caps connections: the longest-idle one makes room; with none idle, a new one gets 503 and is closed', async () => {
    const sandbox = createSandbox({ faults: [{ operation: 'health', kind: 'hang', after: 1, times: 2 }] });
    const { server, port } = await listen({ maxConnections: 2, idleTimeoutMs: 10_000 }, sandbox);
    const first = await open(port);
    await open(port);
    // A third connection at the cap: the oldest idle connection is closed, the new request is answered.
    const health = await fetch(`${server.url}/health/liveness.action`, { headers: { connection: 'close' } }).catch(
      (error: unknown) => error,
    );
    expect(health).toBeInstanceOf(Response);
    expect(await within(first.closed, 2000)).toBeGreaterThanOrEqual(0);
    for (const socket of sockets.splice(0)) socket.destroy();
    // Two requests in flight fill the cap; the next connection is refused politely.
    const a = await open(port);
    const b = await open(port);
    for (const { socket } of [a, b]) socket.write('GET /health/liveness.action HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await open(port);
    await within(refused.closed, 3000);
    expect(refused.received()).toMatch(/^HTTP\/1\.1 503 Service Unavailable/);
  });

  it('answers an unsigned large body 403 without reading it, and closes the connection', async () => {
    const sandbox = createSandbox();
    const { port } = await listen({}, sandbox);
    const big = await open(port);
    big.socket.write(
      `POST /im/v2/conversation_groups HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${1024 * 1024}\r\n\r\n`,
    );
    big.socket.write(Buffer.alloc(64 * 1024, 0x20));
    await within(big.closed, 3000);
    expect(big.received()).toMatch(/^HTTP\/1\.1 200[\s\S]*connection: close[\s\S]*"code":403/i);
    expect(sandbox.requests[0]).toMatchObject({ signature: 'missing', code: 403, body: undefined });
  });

  it('keeps the connection of an unsigned call with a small body alive (the unread body is drained)', async () => {
    const { port } = await listen({});
    const client = await open(port);
    const post = `POST /im/v2/conversation_groups HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 30\r\n\r\n{"account_id":"a","name":"nn"}`;
    client.socket.write(post);
    const deadline = Date.now() + 3000;
    while (!/"code":403/.test(client.received()) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    client.socket.write(post);
    while ((client.received().match(/"code":403/g) ?? []).length < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.received().match(/"code":403/g)).toHaveLength(2);
    expect(client.received()).not.toMatch(/connection: close/i);
  });

  it('warns once when bound to anything but loopback; checks its options', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      await listen({ host: '127.0.0.1' });
      await listen({ host: '0.0.0.0' });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((w) => (w as { code?: string }).code)).toEqual(['NIM_SANDBOX_EXPOSED']);
    expect(warnings[0]!.message).toMatch(/listening on http:\/\/0\.0\.0\.0:\d+, not on a loopback address/);
    const sandbox = createSandbox();
    await expect(
      sandbox.listen({ idleTimeoutMs: 0, maxConnections: 1.5, headersTimeoutMs: 5000, requestTimeoutMs: 10 }),
    ).rejects.toThrow(NimSandboxOptionsError);
    await expect(sandbox.listen({ headersTimeoutMs: 5000, requestTimeoutMs: 10 })).rejects.toThrow(
      /headersTimeoutMs \(5000\) must not be more than requestTimeoutMs \(10\)/,
    );
  });
});
