// The whole discovery flow on 127.0.0.1, through the public API: an allocation service, endpoints with a health
// path, latency injection and a kill switch. Windows and intervals are short so the test runs in seconds.
import { constraints } from '@nim-api/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient, type NimClient, type NimClientOptions } from '../../src/index.js';
import { startAllocationServer, type AllocationServer } from '../support/allocation-server.js';
import { startEndpointServer, type EndpointServer } from '../support/endpoint-server.js';
import { closedPortUrl } from '../support/wire-server.js';

const appKey = 'discovery-app-key';
const appSecret = 'discovery-SECRET-never-logged';
const windowMs = 1_200;

let lbs: AllocationServer;
let fallback: EndpointServer;
let a: EndpointServer;
let b: EndpointServer;
let clients: NimClient[] = [];
let lines: string[] = [];
let logger: NimClientOptions['logger'];

// A logger per test: calls of an earlier test that are still retrying never write into this test's lines.
function loggerInto(into: string[]): NimClientOptions['logger'] {
  const log = (level: string) => (line: string) => void into.push(`${level} ${line}`);
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

beforeEach(async () => {
  [lbs, fallback, a, b] = await Promise.all([
    startAllocationServer(appKey),
    startEndpointServer({ appKey, appSecret }),
    startEndpointServer({ appKey, appSecret }),
    startEndpointServer({ appKey, appSecret }),
  ]);
  lines = [];
  logger = loggerInto(lines);
  clients = [];
});
afterEach(async () => {
  await Promise.all(clients.map((nim) => nim.close()));
  await Promise.all([lbs.close(), fallback.close(), a.close(), b.close()]);
});

function client(options: Partial<NimClientOptions> = {}): NimClient {
  const nim = createNimClient({
    appKey,
    appSecret,
    baseUrl: fallback.url,
    discovery: { urls: [lbs.url], probeIntervalMs: 100, windowMs },
    hostCooldownMs: 300,
    retryDelayMs: () => 0,
    timeoutMs: 1_000,
    logger,
    ...options,
  });
  clients.push(nim);
  return nim;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const get = (nim: NimClient) => nim.conversationGroups.get('1001', { account_id: 'alice' });
const urlsOf = (nim: NimClient) => nim.endpoints().endpoints.map((endpoint) => endpoint.url);

/** Makes `count` calls one after another; how many failed. */
async function calls(nim: NimClient, count: number): Promise<{ failed: number }> {
  let failed = 0;
  for (let index = 0; index < count; index += 1) await get(nim).catch(() => void (failed += 1));
  return { failed };
}

function recordingClient(options: Partial<NimClientOptions> = {}) {
  const hosts: string[] = [];
  const nim = client({ hooks: { onAttempt: ({ host }) => void hosts.push(host) }, ...options });
  return { nim, hosts };
}

describe('endpoint discovery on 127.0.0.1', () => {
  it('uses the static list until the allocation service answers, then the endpoints it names', async () => {
    lbs.allocate([a.url, b.url]);
    const { nim, hosts } = recordingClient();
    expect(nim.endpoints()).toMatchObject({ source: 'static', discovery: 'idle' });
    await get(nim);
    expect(hosts).toEqual([fallback.url]);
    await waitFor(() => nim.endpoints().source === 'discovered', 'the discovered set');
    expect(nim.endpoints()).toMatchObject({ discoveredFrom: lbs.url, discovery: 'ok', selection: 'scored' });
    expect(urlsOf(nim)).toEqual([a.url, b.url]);
    await calls(nim, 10);
    expect(hosts.slice(1).every((host) => host === a.url || host === b.url)).toBe(true);
    expect(a.calls + b.calls).toBe(10);
    expect([fallback, a, b].map((endpoint) => endpoint.badSignatures)).toEqual([0, 0, 0]);
    expect(Object.fromEntries(lbs.requests[0]!)).toEqual({ k: appKey, sv: constraints.specVersion, biz: '1', p: 'js' });
    // Metrics and logs carry the endpoint.
    const busiest = a.calls >= b.calls ? a.url : b.url;
    expect(nim.metrics().byHost[busiest]!.ok).toBeGreaterThan(0);
    expect(lines.some((line) => line.startsWith('debug nim attempt') && line.includes(`host=${busiest} `))).toBe(true);
    expect(lines.some((line) => line.includes(appSecret))).toBe(false);
  });

  it('sends the md5 of its answer back, keeps the set on 304, and reloads after ttl', async () => {
    lbs.allocate([a.url], 1);
    const nim = client();
    await get(nim);
    await waitFor(() => nim.endpoints().source === 'discovered', 'the discovered set');
    const first = nim.endpoints().discoveredAt;
    await waitFor(() => lbs.requests.length >= 2, 'the reload after ttl 1 s', 5_000);
    expect(lbs.requests[0]!.has('md5')).toBe(false);
    expect(lbs.requests[1]!.get('md5')).toBe(lbs.md5);
    expect(nim.endpoints().discoveredAt).toBe(first); // the 304 kept the set

    lbs.allocate([b.url], 1);
    await waitFor(() => urlsOf(nim).join() === b.url, 'the changed answer');
    await calls(nim, 5);
    expect(b.calls).toBe(5);
  });

  it('never sends a call to an endpoint whose health path fails', async () => {
    a.healthStatus = 503;
    lbs.allocate([a.url, b.url]);
    const nim = client();
    await get(nim);
    await waitFor(() => nim.endpoints().source === 'discovered', 'the discovered set');
    expect(urlsOf(nim)).toEqual([b.url]);
    await calls(nim, 20);
    expect(a.calls).toBe(0);
    expect(b.calls).toBe(20);
    expect(lines).toContain(
      `info nim endpoint skipped endpoint=${a.url}: ${constraints.discovery.healthPath} HTTP 503`,
    );
  });

  it('moves the traffic from a slow endpoint to a fast one', async () => {
    a.latencyMs = 50;
    lbs.allocate([a.url, b.url]);
    const nim = client();
    await get(nim);
    await waitFor(() => nim.endpoints().source === 'discovered', 'the discovered set');
    await calls(nim, 10); // warm-up
    const before = { a: a.calls, b: b.calls };
    await calls(nim, 40);
    const fast = b.calls - before.b;
    expect(fast + (a.calls - before.a)).toBe(40);
    expect(fast / 40).toBeGreaterThanOrEqual(0.9);
    const [slow, quick] = nim.endpoints().endpoints;
    expect(slow!.latencyMs!).toBeGreaterThan(quick!.latencyMs!);
  });

  it('moves the traffic off an endpoint that goes down within one window, fails no call, and returns after recovery', async () => {
    b.latencyMs = 25; // so that a clearly carries the traffic before and after
    lbs.allocate([a.url, b.url]);
    const { nim, hosts } = recordingClient();
    await get(nim);
    await waitFor(() => nim.endpoints().source === 'discovered', 'the discovered set');
    await calls(nim, 10);
    expect(hosts.at(-1)).toBe(a.url);

    await a.kill();
    const killedAt = hosts.length;
    const started = Date.now();
    const { failed } = await calls(nim, 20);
    expect(failed).toBe(0);
    const after = hosts.slice(killedAt);
    const lastOnA = after.lastIndexOf(a.url);
    // At most the attempt that found it down (a new connection per attempt may find it once more).
    expect(after.filter((host) => host === a.url).length).toBeLessThanOrEqual(2);
    expect(after.slice(lastOnA + 1).every((host) => host === b.url)).toBe(true);
    expect(Date.now() - started).toBeLessThan(windowMs * 4);

    await a.revive();
    const pending: Array<Promise<unknown>> = [];
    await waitFor(
      () => {
        pending.push(get(nim).catch(() => undefined));
        return hosts.at(-1) === a.url;
      },
      'the traffic back on the recovered primary',
      windowMs * 8,
    );
    await Promise.all(pending);
  });

  it('fails no call and warns once when the allocation service is down from the start', async () => {
    const nim = client({ discovery: { urls: [await closedPortUrl()], probeIntervalMs: 100, windowMs } });
    const { failed } = await calls(nim, 20);
    await waitFor(() => nim.endpoints().discovery === 'failing', 'the failed discovery');
    await calls(nim, 20);
    expect(failed).toBe(0);
    expect(fallback.calls).toBe(40);
    expect(lines.filter((line) => line.startsWith('warn '))).toHaveLength(1);
    expect(lines.find((line) => line.startsWith('warn '))).toMatch(
      /^warn nim discovery failed, calls keep using http:\/\/127\.0\.0\.1:\d+\/nimserver: .*ECONNREFUSED/,
    );
    expect(nim.endpoints()).toMatchObject({ source: 'static', discovery: 'failing' });
  });

  it('asks the allocation service and the health paths through the caller’s fetch', async () => {
    lbs.allocate([a.url]);
    const seen: string[] = [];
    const nim = client({ fetch: (request) => (seen.push(new URL(request.url).pathname), globalThis.fetch(request)) });
    await get(nim);
    await waitFor(() => nim.endpoints().source === 'discovered', 'the discovered set');
    expect(seen).toContain('/srv-sdk/allocate');
    expect(seen).toContain(`/nimserver${constraints.discovery.healthPath}`);
  });

  it('stays off with a baseUrl or a custom fetch, and sends nothing on its own', async () => {
    const explicit = client({ discovery: undefined });
    const custom = createNimClient({ appKey, appSecret, fetch: async () => new Response('{}') });
    expect(explicit.endpoints()).toMatchObject({ source: 'static', discovery: 'off', selection: 'ordered' });
    expect(custom.endpoints()).toMatchObject({ discovery: 'off' });
    await calls(explicit, 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lbs.requests).toHaveLength(0);
    expect(fallback.probes).toBe(0);
    const byDefault = createNimClient({ appKey, appSecret });
    expect(byDefault.endpoints()).toMatchObject({ source: 'static', discovery: 'idle', selection: 'scored' });
    expect(urlsOf(byDefault)).toEqual(constraints.hosts.cn);
    await byDefault.close();
    expect(byDefault.endpoints().discovery).toBe('closed');
  });
});

describe('an allocation answer naming many endpoints', () => {
  it('probes them all without Node warning of an abort-listener leak (each probe has a signal of its own)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      // Twelve live endpoints: twelve health probes at once when the answer arrives.
      const many = await Promise.all(Array.from({ length: 12 }, () => startEndpointServer({ appKey, appSecret })));
      try {
        lbs.allocate(
          many.map((endpoint) => endpoint.url),
          1,
        );
        const nim = client();
        await get(nim);
        await waitFor(() => nim.endpoints().source === 'discovered', 'the discovered set');
        await new Promise((resolve) => setTimeout(resolve, 300)); // a probe round or two
      } finally {
        await Promise.all(clients.splice(0).map((nim) => nim.close()));
        await Promise.all(many.map((endpoint) => endpoint.close()));
      }
      expect(warnings.filter((w) => /MaxListeners|abort listeners/.test(w))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
