// A client made at a module's top level, where Cloudflare's workerd refuses I/O, timers, abort controllers and random
// numbers ("Disallowed operation called within global scope"): creating it must touch none of them; the first
// call (inside a request, where they are allowed) starts whatever it needs.
import { afterEach, describe, expect, it } from 'vitest';
import { createNimClient as createFetchClient } from '../src/index.js';
import { createNimClient as createNodeClient } from '../src/index.node.js';

const refused = (what: string) => () => {
  throw new Error(`Disallowed operation called within global scope (${what})`);
};

const originals = {
  AbortController: globalThis.AbortController,
  setTimeout: globalThis.setTimeout,
  setInterval: globalThis.setInterval,
  fetch: globalThis.fetch,
  getRandomValues: globalThis.crypto.getRandomValues,
  randomUUID: globalThis.crypto.randomUUID,
  timeout: AbortSignal.timeout,
  any: AbortSignal.any,
};

/** What workerd refuses outside a request, refused here too until `allow()`. */
function globalScope(): void {
  globalThis.AbortController = function AbortController() {
    refused('new AbortController()')();
  } as never;
  globalThis.setTimeout = refused('setTimeout') as never;
  globalThis.setInterval = refused('setInterval') as never;
  globalThis.fetch = refused('fetch') as never;
  globalThis.crypto.getRandomValues = refused('crypto.getRandomValues') as never;
  globalThis.crypto.randomUUID = refused('crypto.randomUUID') as never;
  AbortSignal.timeout = refused('AbortSignal.timeout') as never;
  AbortSignal.any = refused('AbortSignal.any') as never;
}

function allow(): void {
  globalThis.AbortController = originals.AbortController;
  globalThis.setTimeout = originals.setTimeout;
  globalThis.setInterval = originals.setInterval;
  globalThis.fetch = originals.fetch;
  globalThis.crypto.getRandomValues = originals.getRandomValues;
  globalThis.crypto.randomUUID = originals.randomUUID;
  AbortSignal.timeout = originals.timeout;
  AbortSignal.any = originals.any;
}

afterEach(allow);

const okList = () => new Response(JSON.stringify({ code: 200, msg: 'success', data: { conversation_groups: [] } }));

describe.each([
  ['fetch build', createFetchClient],
  ['Node build', createNodeClient],
])('createNimClient at a Worker’s top level (%s)', (_name, createNimClient) => {
  it.each([
    ['discovery off (a baseUrl)', { baseUrl: 'https://api.example.test' }],
    ['discovery on', { discovery: {} }],
    ['a rate limit', { baseUrl: 'https://api.example.test', rateLimit: { perSecond: 10 } }],
  ])(
    '%s: creating it touches no timer, controller, random source or fetch; the first call works',
    async (_case, extra) => {
      const requests: string[] = [];
      globalScope();
      const nim = createNimClient({
        appKey: 'k',
        appSecret: 's',
        fetch: async (request: Request) => {
          requests.push(request.url);
          return okList();
        },
        ...extra,
      });
      expect(nim.endpoints().endpoints.length).toBeGreaterThan(0);
      expect(nim.metrics()).toBeDefined();
      allow();
      await expect(nim.conversationGroups.list({ account_id: 'alice' })).resolves.toEqual({ conversation_groups: [] });
      expect(requests.some((url) => url.includes('/im/v2/conversation_groups'))).toBe(true);
      await nim.close();
    },
  );

  it('close() before any call touches nothing either', async () => {
    globalScope();
    const nim = createNimClient({ appKey: 'k', appSecret: 's', fetch: async () => okList() });
    await expect(nim.close()).resolves.toBeUndefined();
    expect(['off', 'closed']).toContain(nim.endpoints().discovery);
  });
});

// Only on the fetch build: the client-undici project swaps src/client.ts for the Node build, which has undici.
describe.skipIf(process.env.NIM_TEST_TRANSPORT === 'undici')(
  'a runtime without the Node build says so, naming the runtime',
  () => {
    it.each([
      ['workerd', { navigator: { userAgent: 'Cloudflare-Workers' } }],
      ['edge-runtime', { EdgeRuntime: 'edge-runtime' }],
    ])("transport: 'undici' on the fetch build in %s is a NimValidationError naming it", (runtime, globals) => {
      const saved = Object.keys(globals).map(
        (name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const,
      );
      for (const [name, value] of Object.entries(globals))
        Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
      try {
        expect(() => createFetchClient({ appKey: 'k', appSecret: 's', transport: 'undici' })).toThrow(
          expect.objectContaining({
            name: 'NimValidationError',
            message: expect.stringContaining(`'undici' is only in the Node build, not on ${runtime}`),
          }),
        );
      } finally {
        for (const [name, descriptor] of saved) {
          if (descriptor) Object.defineProperty(globalThis, name, descriptor);
          else delete (globalThis as Record<string, unknown>)[name];
        }
      }
    });
  },
);
