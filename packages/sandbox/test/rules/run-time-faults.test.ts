import { writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFaultText } from '../../src/rules/fault-rules.js';
import { createSandbox, NimSandboxOptionsError, type Sandbox } from '../../src/index.js';
import { apiOf, inProcess } from '../support/api.js';
import { over, served } from '../support/servers.js';
import { call } from '../support/signed.js';

const create = (sandbox: Sandbox) => inProcess(sandbox).create({ account_id: 'alice', name: 'W' });

describe('sandbox.inject()', () => {
  it('adds a rule at run time: 416 exactly as the rate limit answers it, for `times` requests', async () => {
    const limited = createSandbox({ rateLimit: { perSecond: 1, blockMs: 60_000 } });
    await create(limited);
    const throttled = await create(limited);

    const sandbox = createSandbox();
    const fault = sandbox.inject({ operation: 'createConversationGroup', kind: 416, times: 2 });
    const first = await create(sandbox);
    const second = await create(sandbox);
    const third = await create(sandbox);
    for (const reply of [first, second]) {
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual(throttled.json); // {code: 416, msg: 'too frequently', data: {}}
      expect([...reply.headers.keys()].sort()).toEqual([...throttled.headers.keys()].sort());
      expect(reply.headers.get('retry-after')).toBeNull(); // neither the API nor the rate limit sends one
    }
    expect(third.json.code).toBe(200);
    expect(fault.hits).toBe(2);
    expect(sandbox.requests.map((r) => [r.code, r.fault])).toEqual([
      [416, 416],
      [416, 416],
      [200, undefined],
    ]);
  });

  it('answers any business code in its envelope with HTTP 200, the spec message or the given one', async () => {
    const sandbox = createSandbox();
    sandbox.inject({ operation: 'createConversationGroup', kind: { code: 116435 } });
    const full = await create(sandbox);
    expect(full.status).toBe(200);
    expect(full.json).toEqual({ code: 116435, msg: 'conversation group count exceeds the limit', data: {} });
    sandbox.inject({ operation: '*', kind: { code: 500, msg: 'busy, try later' } });
    expect((await create(sandbox)).json).toEqual({ code: 500, msg: 'busy, try later', data: {} });
    sandbox.inject({ operation: '*', kind: { code: 987654 } });
    expect((await create(sandbox)).json).toMatchObject({ code: 987654, msg: 'error' });
    expect(sandbox.requests.map((r) => r.fault)).toEqual([
      { code: 116435 },
      { code: 500, msg: 'busy, try later' },
      { code: 987654 },
    ]);
    expect(sandbox.snapshot().accounts).toEqual({}); // nothing reached the handler
  });

  it('answers HTTP 500 with a gateway page', async () => {
    const sandbox = createSandbox();
    sandbox.inject({ operation: '*', kind: 500 });
    const reply = await create(sandbox);
    expect(reply.status).toBe(500);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.text).toMatch(/500 Internal Server Error/);
  });

  it('puts injected rules before the creation rules, the most recent first; remove() and reset() take them out', async () => {
    const sandbox = createSandbox({ faults: [{ operation: '*', kind: 503, times: Infinity }] });
    expect((await create(sandbox)).status).toBe(503);
    const older = sandbox.inject({ operation: 'createConversationGroup', kind: { code: 403 }, times: Infinity });
    const newer = sandbox.inject({ operation: 'createConversationGroup', kind: 416, times: Infinity });
    expect((await create(sandbox)).json.code).toBe(416);
    newer.remove();
    newer.remove(); // twice is harmless
    expect((await create(sandbox)).json.code).toBe(403);
    expect([older.hits, newer.hits]).toEqual([1, 1]);
    sandbox.reset();
    expect((await create(sandbox)).status).toBe(503); // only the creation rule is left
    older.remove(); // after reset: nothing to do
    expect((await create(sandbox)).status).toBe(503);
  });

  it('checks the rule as the faults option is checked', () => {
    const sandbox = createSandbox();
    const problems = (rule: unknown) => {
      try {
        sandbox.inject(rule as never);
      } catch (error) {
        expect(error).toBeInstanceOf(NimSandboxOptionsError);
        return (error as NimSandboxOptionsError).issues;
      }
      return [];
    };
    expect(problems({ operation: '*', kind: { code: 200 } })).toEqual([
      'rule.kind.code must be an integer from 1 to 2147483647 other than 200, got 200',
    ]);
    expect(problems({ operation: '*', kind: { code: 403, msg: 'x'.repeat(2000) } })[0]).toMatch(
      /^rule\.kind\.msg must be a well-formed string/,
    );
    expect(problems({ operation: '*', kind: { code: 403, extra: 1 } })).toEqual([
      'rule.kind.extra is not a field of a business-code fault (code, msg)',
    ]);
    expect(problems({ operation: 'nope', kind: 416, ms: 5 })).toEqual([
      "rule.operation must be an operationId, 'health', 'allocate' or '*', got \"nope\"",
      "rule.ms only applies to kind 'latency', got kind 416",
    ]);
    expect(problems(null)).toEqual(['rule must be an object, got null']);
    const throwing = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(problems(throwing)[0]).toMatch(/the fault rule could not be read.*boom/);
  });
});

describe('the new kinds on every front', () => {
  it('416, a business code and HTTP 500 answer the same in process (fetch, dispatcher) and over HTTP', async () => {
    const sandbox = createSandbox();
    const server = await served(sandbox);
    const viaDispatcher = {
      fetch: (request: Request) => fetch(request, { dispatcher: sandbox.dispatcher } as RequestInit),
      base: 'http://sandbox.test',
    };
    for (const target of [{ fetch: sandbox.fetch }, viaDispatcher, over(server)]) {
      const api = apiOf(target, sandbox);
      sandbox.inject({ operation: 'listConversationGroups', kind: 500 });
      sandbox.inject({ operation: 'listConversationGroups', kind: { code: 403, msg: 'no entry' } });
      sandbox.inject({ operation: 'listConversationGroups', kind: 416 });
      const answers = [];
      for (let i = 0; i < 4; i += 1) {
        const reply = await api.list('alice');
        answers.push([reply.status, reply.json?.code ?? reply.text.slice(0, 40)]);
      }
      expect(answers).toEqual([
        [200, 416],
        [200, 403],
        [500, expect.stringContaining('<html>')],
        [200, 200],
      ]);
    }
  });
});

describe('the control path over HTTP (/_sandbox/…)', () => {
  it('takes rules from the sandbox own AppKey only, signed; lists, removes and resets', async () => {
    const sandbox = createSandbox({ seed: 3 });
    const server = await served(sandbox);
    const target = over(server);
    const control = (
      method: string,
      path: string,
      body?: unknown,
      credentials: { appKey: string; appSecret: string } = sandbox,
    ) => call(target, credentials, method, path, body === undefined ? {} : { body });

    expect(
      (await call(target, sandbox, 'POST', '/_sandbox/faults', { body: { operation: '*', kind: 503 }, unsigned: true }))
        .json,
    ).toMatchObject({ code: 403 });
    expect(
      (
        await control(
          'POST',
          '/_sandbox/faults',
          { operation: '*', kind: 503 },
          { appKey: sandbox.appKey, appSecret: 'wrong' },
        )
      ).json.code,
    ).toBe(403);
    expect((await control('POST', '/_sandbox/faults', { operation: '*', kind: { code: 200 } })).json).toMatchObject({
      code: 414,
      msg: expect.stringMatching(/rule\.kind\.code must be/),
    });

    const added = await control('POST', '/_sandbox/faults', [
      { operation: 'createConversationGroup', kind: 503, times: 2 },
      { operation: 'listConversationGroups', kind: { code: 102404, msg: 'gone' } },
    ]);
    expect(added.json).toEqual({ code: 200, msg: 'success', data: { ids: [1, 2] } });
    const api = apiOf(target, sandbox);
    expect((await api.create({ account_id: 'alice', name: 'W' })).status).toBe(503);
    expect((await api.list('alice')).json).toEqual({ code: 102404, msg: 'gone', data: {} });
    const listed = await control('GET', '/_sandbox/faults');
    expect(listed.json.data.faults).toEqual([
      {
        id: 2,
        label: 'code=102404',
        rule: {
          operation: 'listConversationGroups',
          kind: { code: 102404, msg: 'gone' },
          times: 1,
          after: 0,
          probability: null,
          ms: 100,
        },
        hits: 1,
      },
      {
        id: 1,
        label: '503',
        rule: { operation: 'createConversationGroup', kind: 503, times: 2, after: 0, probability: null, ms: 100 },
        hits: 1,
      },
    ]);
    expect((await control('DELETE', '/_sandbox/faults/1')).json.code).toBe(200);
    expect((await control('DELETE', '/_sandbox/faults/1')).json.code).toBe(404);
    expect((await api.create({ account_id: 'alice', name: 'W' })).json.code).toBe(200);
    expect((await control('DELETE', '/_sandbox/faults')).json.data).toEqual({ removed: 1 });
    expect(
      (await control('POST', '/_sandbox/faults', { operation: 'health', kind: 503, times: null })).json.data,
    ).toEqual({ ids: [3] });
    expect((await control('GET', '/_sandbox/faults')).json.data.faults[0].rule.times).toBeNull();
    expect((await control('DELETE', '/_sandbox/faults/3')).json.code).toBe(200);

    const requests = await control('GET', '/_sandbox/requests?operation=createConversationGroup');
    expect(requests.json.data.requests.map((r: { status: number; fault?: string }) => [r.status, r.fault])).toEqual([
      [503, '503'],
      [200, undefined],
    ]);
    expect(requests.json.data.requests[1].body).toEqual({ account_id: 'alice', name: 'W' });
    // Control calls are not requests of the API: not logged.
    expect(sandbox.requests.map((r) => r.operation)).toEqual([
      'createConversationGroup',
      'listConversationGroups',
      'createConversationGroup',
    ]);
    expect((await control('POST', '/_sandbox/reset')).json.code).toBe(200);
    expect(sandbox.requests).toEqual([]);
    expect(sandbox.snapshot().accounts).toEqual({});
    expect((await control('GET', '/_sandbox/nothing')).json.code).toBe(404);
  });
});

describe('the CLI short form of a rule', () => {
  it('parses operation:kind[:key=value…] into the shape the check takes', () => {
    expect(parseFaultText('createConversationGroup:503:times=2')).toEqual({
      operation: 'createConversationGroup',
      kind: 503,
      times: 2,
    });
    expect(parseFaultText('*:416:probability=0.25:after=1')).toEqual({
      operation: '*',
      kind: 416,
      probability: 0.25,
      after: 1,
    });
    expect(parseFaultText('getConversationGroup:code=116404:msg=a: b')).toEqual({
      operation: 'getConversationGroup',
      kind: { code: 116404, msg: 'a: b' },
    });
    expect(parseFaultText('*:latency:ms=50:times=Infinity')).toEqual({
      operation: '*',
      kind: 'latency',
      ms: 50,
      times: Infinity,
    });
    expect(Object.keys(parseFaultText('*:503:__proto__=1'))).toContain('__proto__');
  });

  it('--fault and --faults FILE start a CLI whose answers carry the faults', async () => {
    const file = join(tmpdir(), `nim-sandbox-faults-${process.pid}.json`);
    writeFileSync(file, JSON.stringify([{ operation: 'listConversationGroups', kind: { code: 116435 } }]));
    const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
    const child = spawn(
      process.execPath,
      [cli, '--app-key', 'k', '--quiet', '--fault', 'createConversationGroup:503:times=2', '--faults', file],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      const deadline = Date.now() + 15_000;
      while (!/AppSecret\s+\S+/.test(output) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const appSecret = /AppSecret\s+([0-9a-f]{32})/.exec(output)?.[1];
      expect(output).toMatch(/faults: 2 rules/);
      const api = apiOf({ fetch: (request) => fetch(request), base: url! }, { appKey: 'k', appSecret: appSecret! });
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await api.create({ account_id: 'alice', name: 'W' })).status);
      expect(statuses).toEqual([503, 503, 200]);
      expect((await api.list('alice')).json.code).toBe(116435);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a rule that does not check, with the problem named (exit 2)', async () => {
    const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
    const child = spawn(process.execPath, [cli, '--fault', 'createConversationGroup:418'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(output).toMatch(/faults\[0\]\.kind must be .* got 418/);
  });
});
