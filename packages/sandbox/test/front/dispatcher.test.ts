// The undici front: the same pipeline as sandbox.fetch, driven through undici's dispatch-handler protocol — by
// Node's own fetch (`{ dispatcher }`) and by hand, for the cases a real client hits (resets, hangs, aborts).
import fc from 'fast-check';
import { fcParams } from '../support/fc.js';
import { describe, expect, it } from 'vitest';
import { createSandbox, type SandboxDispatchHandler, type SandboxDispatchOptions } from '../../src/index.js';
import { parseExact, signedHeaders } from '../support/signed.js';

type Sandbox = ReturnType<typeof createSandbox>;
const origin = 'https://sandbox.invalid';

/** Node's fetch through the sandbox's dispatcher (the `dispatcher` init field is undici's, not in lib.dom). */
function fetchVia(sandbox: Sandbox, path: string, init: RequestInit = {}) {
  return fetch(`${origin}${path}`, { ...init, dispatcher: sandbox.dispatcher } as RequestInit);
}

function signedJson(sandbox: Sandbox): Record<string, string> {
  return { ...signedHeaders(sandbox), 'content-type': 'application/json;charset=utf-8' };
}

interface Recorded {
  readonly events: string[];
  status?: number;
  headers: Record<string, string>;
  body: string;
  error?: unknown;
  abort?: (reason?: unknown) => void;
}

/** Dispatches by hand and resolves when the handler got its last callback (complete or error). */
function dispatchRaw(
  sandbox: Sandbox,
  options: SandboxDispatchOptions,
  onConnect?: (abort: (reason?: unknown) => void) => void,
): Promise<Recorded> {
  return new Promise((resolve) => {
    const recorded: Recorded = { events: [], headers: {}, body: '' };
    const handler: SandboxDispatchHandler = {
      onConnect(abort) {
        recorded.events.push('connect');
        recorded.abort = abort;
        onConnect?.(abort);
      },
      onHeaders(status, rawHeaders) {
        recorded.events.push('headers');
        recorded.status = status;
        for (let i = 0; i < rawHeaders.length; i += 2)
          recorded.headers[rawHeaders[i]!.toString().toLowerCase()] = rawHeaders[i + 1]!.toString();
        return true;
      },
      onData(chunk) {
        recorded.events.push('data');
        recorded.body += chunk.toString();
        return true;
      },
      onComplete() {
        recorded.events.push('complete');
        resolve(recorded);
      },
      onError(error) {
        recorded.events.push('error');
        recorded.error = error;
        resolve(recorded);
      },
    };
    expect(sandbox.dispatcher.dispatch(options, handler)).toBe(true);
  });
}

describe('sandbox.dispatcher', () => {
  it("serves a stateful walk to Node's fetch: create, get, delete, then 116404", async () => {
    const sandbox = createSandbox({ accounts: ['alice'], seed: 1 });
    const created = await fetchVia(sandbox, '/im/v2/conversation_groups', {
      method: 'POST',
      headers: signedJson(sandbox),
      body: JSON.stringify({ account_id: 'alice', name: 'Work', conversation_ids: ['alice|1|bob'] }),
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('x-custom-traceid')).toMatch(/^[0-9a-f]{32}$/);
    const groupId = parseExact(await created.text()).data.conversation_group.group_id;
    const got = parseExact(
      await (
        await fetchVia(sandbox, `/im/v2/conversation_groups/${groupId}?account_id=alice`, {
          headers: signedJson(sandbox),
        })
      ).text(),
    );
    expect(got).toMatchObject({ code: 200, data: { group_id: groupId, name: 'Work' } });
    await fetchVia(sandbox, `/im/v2/conversation_groups/${groupId}?account_id=alice`, {
      method: 'DELETE',
      headers: signedJson(sandbox),
    });
    const gone = parseExact(
      await (
        await fetchVia(sandbox, `/im/v2/conversation_groups/${groupId}?account_id=alice`, {
          headers: signedJson(sandbox),
        })
      ).text(),
    );
    expect(gone.code).toBe(116404);
    expect(sandbox.requests.map((r) => [r.operation, r.signature, r.code])).toEqual([
      ['createConversationGroup', 'valid', 200],
      ['getConversationGroup', 'valid', 200],
      ['deleteConversationGroup', 'valid', 200],
      ['getConversationGroup', 'valid', 116404],
    ]);
  });

  it('reads headers given as a flat array, as pairs or as an object, names in any case', async () => {
    const sandbox = createSandbox({ accounts: ['alice'] });
    const signed = signedHeaders(sandbox);
    const entries = Object.entries({ ...signed, 'X-Custom-TraceId': 'trace-1' });
    const forms: unknown[] = [
      entries.flat(),
      entries,
      Object.fromEntries(entries.map(([name, value]) => [name.toUpperCase(), value])),
      new Map(entries),
    ];
    for (const headers of forms) {
      const reply = await dispatchRaw(sandbox, {
        origin,
        path: '/im/v2/conversation_groups?account_id=alice',
        method: 'GET',
        headers,
      });
      expect(reply.events).toEqual(['connect', 'headers', 'data', 'complete']);
      expect(JSON.parse(reply.body).code).toBe(200);
      expect(reply.headers['x-custom-traceid']).toBe('trace-1');
      expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(reply.body));
    }
  });

  it('reads a body given as a string, as bytes or as an async iterable, and caps its size (414)', async () => {
    const sandbox = createSandbox({ accounts: ['alice'], limits: { maxBodyBytes: 1024 } });
    const json = JSON.stringify({ account_id: 'alice', name: 'Work' });
    async function* chunks() {
      yield json.slice(0, 5);
      yield new TextEncoder().encode(json.slice(5));
    }
    for (const body of [json, new TextEncoder().encode(json), chunks()]) {
      const reply = await dispatchRaw(sandbox, {
        origin,
        path: '/im/v2/conversation_groups',
        method: 'POST',
        headers: signedJson(sandbox),
        body,
      });
      expect(parseExact(reply.body).code).toBe(200);
    }
    const big = JSON.stringify({ account_id: 'alice', name: 'x'.repeat(2000) });
    const refused = await dispatchRaw(sandbox, {
      origin,
      path: '/im/v2/conversation_groups',
      method: 'POST',
      headers: signedJson(sandbox),
      body: big,
    });
    expect(parseExact(refused.body).code).toBe(414);
  });

  it('resets like a socket (ECONNRESET), and a hang ends only when the caller aborts', async () => {
    const sandbox = createSandbox({
      faults: [
        { operation: 'health', kind: 'reset' },
        { operation: 'listConversationGroups', kind: 'hang', times: 2 },
      ],
    });
    const reset = await dispatchRaw(sandbox, { origin, path: '/health/liveness.action', method: 'GET' });
    expect(reset.events).toEqual(['connect', 'error']);
    expect(reset.error).toMatchObject({ code: 'ECONNRESET' });

    const reason = new Error('caller gave up');
    const hung = dispatchRaw(
      sandbox,
      { origin, path: '/im/v2/conversation_groups?account_id=alice', method: 'GET', headers: signedHeaders(sandbox) },
      (abort) => {
        setTimeout(() => abort(reason), 30);
      },
    );
    const settled = await hung;
    expect(settled.events).toEqual(['connect', 'error']);
    expect(settled.error).toBe(reason);

    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('deadline')), 30);
    await expect(
      fetchVia(sandbox, '/im/v2/conversation_groups?account_id=alice', {
        headers: signedHeaders(sandbox),
        signal: controller.signal,
      }),
    ).rejects.toThrow('deadline');
  });

  it('ends a latency fault early on abort, and answers 502 with the gateway page', async () => {
    const sandbox = createSandbox({
      faults: [
        { operation: 'health', kind: 'latency', ms: 60_000 },
        { operation: 'listConversationGroups', kind: 502 },
      ],
    });
    const started = Date.now();
    const slow = await dispatchRaw(sandbox, { origin, path: '/health/liveness.action', method: 'GET' }, (abort) =>
      setTimeout(() => abort(), 20),
    );
    expect(slow.events).toEqual(['connect', 'error']);
    expect(Date.now() - started).toBeLessThan(5_000);
    const gateway = await dispatchRaw(sandbox, {
      origin,
      path: '/im/v2/conversation_groups?account_id=alice',
      method: 'GET',
      headers: signedHeaders(sandbox),
    });
    expect(gateway.status).toBe(502);
    expect(gateway.headers['content-type']).toMatch(/text\/html/);
  });

  it('an abort before the pipeline starts still ends a latency fault at once (no timer left behind)', async () => {
    const sandbox = createSandbox({ faults: [{ operation: 'health', kind: 'latency', ms: 60_000 }] });
    const reply = await dispatchRaw(sandbox, { origin, path: '/health/liveness.action', method: 'GET' }, (abort) =>
      abort(new Error('at once')),
    );
    expect(reply.events).toEqual(['connect', 'error']);
    await expect.poll(() => sandbox.requests.length, { timeout: 2_000 }).toBe(1);
    expect(sandbox.requests[0]).toMatchObject({ operation: 'health', fault: 'latency', status: undefined });
  });

  it('keeps the event loop alive while a hang is pending and lets go when the caller aborts', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;
    const sandbox = createSandbox({ faults: [{ operation: 'health', kind: 'hang' }] });
    let abort: ((reason?: unknown) => void) | undefined;
    const reply = dispatchRaw(sandbox, { origin, path: '/health/liveness.action', method: 'GET' }, (a) => (abort = a));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Counted around the abort only: other timers of the worker come and go meanwhile.
    const during = timers();
    abort!(new Error('gave up'));
    expect((await reply).events).toEqual(['connect', 'error']);
    expect(timers()).toBe(during - 1); // the hang held one timer, and let it go
  });

  it("ends a hang when the options' signal aborts", async () => {
    const sandbox = createSandbox({ faults: [{ operation: 'health', kind: 'hang' }] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('signal')), 20);
    const reply = await dispatchRaw(sandbox, {
      origin,
      path: '/health/liveness.action',
      method: 'GET',
      signal: controller.signal,
    });
    expect(reply.events).toEqual(['connect', 'error']);
    expect((reply.error as Error).message).toBe('signal');
  });

  it('an already aborted signal in the options gets an error and nothing reaches the pipeline', async () => {
    const sandbox = createSandbox();
    const signal = AbortSignal.abort(new Error('early'));
    const reply = await dispatchRaw(sandbox, { origin, path: '/health/liveness.action', method: 'GET', signal });
    expect(reply.events).toEqual(['error']);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('ends a request whose handler throws with one onError of that error, and no crash (as undici does)', async () => {
    const sandbox = createSandbox({ seed: 1 });
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    try {
      for (const step of ['onConnect', 'onHeaders', 'onData', 'onComplete'] as const) {
        const thrown = new Error(`${step} failed`);
        const events: string[] = [];
        const errors: unknown[] = [];
        const handler: SandboxDispatchHandler = {
          onConnect: () => void events.push('connect'),
          onHeaders: () => (events.push('headers'), true),
          onData: () => (events.push('data'), true),
          onComplete: () => void events.push('complete'),
          onError: (error) => void (events.push('error'), errors.push(error)),
          [step]: () => {
            events.push(step);
            throw thrown;
          },
        };
        sandbox.dispatcher.dispatch({ origin, path: '/health/liveness.action', method: 'GET' }, handler);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(errors, step).toEqual([thrown]);
        expect(events.at(-1)).toBe('error');
        expect(events.filter((e) => e === 'error')).toHaveLength(1);
        if (step !== 'onComplete') expect(events).not.toContain('complete');
      }
      // An onError that throws too is the caller's to keep: still no crash.
      sandbox.dispatcher.dispatch(
        { origin, path: '/health/liveness.action', method: 'GET' },
        {
          onHeaders: () => {
            throw new Error('a');
          },
          onError: () => {
            throw new Error('b');
          },
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(crashes).toEqual([]);
    } finally {
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
    }
  });

  it('throws a TypeError at once for options or a handler that are not objects (undici: InvalidArgumentError)', () => {
    const { dispatcher } = createSandbox();
    const handler: SandboxDispatchHandler = { onError: () => {} };
    expect(() => dispatcher.dispatch(null as never, handler)).toThrow(/^dispatch options must be an object, got null$/);
    expect(() =>
      dispatcher.dispatch({ origin, path: '/health/liveness.action', method: 'GET' }, null as never),
    ).toThrow(/^handler must be an object, got null$/);
    expect(() => dispatcher.dispatch(null as never, handler)).toThrow(TypeError);
    expect(() => dispatcher.dispatch({ origin, method: 'GET' } as never, handler)).toThrow(/path must be a string/);
    expect(() => dispatcher.dispatch({ origin, path: '/' } as never, handler)).toThrow(/method must be a string/);
  });

  it('gives onError, not a 500, for what the caller got wrong: the body, a header, the origin', async () => {
    const sandbox = createSandbox({ accounts: ['alice'] });
    const post = (body: unknown, extra: Partial<SandboxDispatchOptions> = {}) =>
      dispatchRaw(sandbox, {
        origin,
        path: '/im/v2/conversation_groups',
        method: 'POST',
        headers: signedJson(sandbox),
        body,
        ...extra,
      });
    const cases: [Promise<Recorded>, RegExp][] = [
      [post(12345), /^body must be a string, bytes or an \(async\) iterable of chunks, got 12345$/],
      [post({ account_id: 'alice', name: 'x' }), /^body must be .* got an object$/],
      [
        post(
          (function* () {
            yield 1;
          })(),
        ),
        /^body chunks must be strings or bytes, got 1$/,
      ],
      [
        post(
          (async function* () {
            yield '{"a';
            throw new Error('stream broke');
          })(),
        ),
        /^the request body failed while being read: stream broke$/,
      ],
      [
        post('{}', {
          headers: {
            ...signedJson(sandbox),
            'X-custom-traceid': {
              toString() {
                throw new Error('no text');
              },
            },
          },
        }),
        /^header "X-custom-traceid" cannot be read as text$/,
      ],
      [post('{}', { origin: '::::' }), /^invalid origin "::::"$/],
    ];
    for (const [pending, message] of cases) {
      const reply = await pending;
      expect(reply.events.at(-1), String(message)).toBe('error');
      expect(reply.error).toBeInstanceOf(TypeError);
      expect((reply.error as Error).message).toMatch(message);
      expect(reply.body).toBe('');
    }
    expect(sandbox.requests.map((r) => r.code).filter((code) => code === 500)).toEqual([]);
  });

  it('ends every dispatch with exactly one of complete or error, whatever it is given (property)', async () => {
    const sandbox = createSandbox({ accounts: ['alice'], seed: 3 });
    const headers = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 }),
      fc.dictionary(
        fc.string({ maxLength: 10 }),
        fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 5 }))),
      ),
    );
    const bodies = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    const paths = fc.oneof(
      fc.constantFrom(
        '/im/v2/conversation_groups',
        '/im/v2/conversation_groups/1?account_id=alice',
        '/health/liveness.action',
        '/srv-sdk/allocate?k=x',
        '/nope',
      ),
      fc.webPath(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT'),
        paths,
        headers,
        bodies,
        async (method, path, headerList, body) => {
          const reply = await dispatchRaw(sandbox, {
            origin,
            path: path.startsWith('/') ? path : `/${path}`,
            method,
            headers: headerList,
            body,
          });
          const terminal = reply.events.filter((event) => event === 'complete' || event === 'error');
          expect(terminal).toHaveLength(1);
          expect(reply.events.at(-1)).toBe(terminal[0]);
          expect([200, 404, 405]).toContain(reply.status);
        },
      ),
      fcParams(17, 200),
    );
  });
});
