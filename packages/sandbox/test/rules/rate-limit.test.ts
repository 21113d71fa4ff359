import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { createRateLimiter } from '../../src/rules/rate-limit.js';
import { inProcess } from '../support/api.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('createRateLimiter', () => {
  it('admits perSecond calls in any second, then blocks the operation for blockMs', () => {
    const limiter = createRateLimiter({ perSecond: 3, blockMs: 500 });
    const at = (t: number, operation = 'get') => limiter.admit(operation, t);
    expect([at(0), at(100), at(200)]).toEqual([true, true, true]);
    expect(at(300)).toBe(false); // the 4th within a second
    expect(at(300, 'list')).toBe(true); // other operations have their own window
    expect(at(799)).toBe(false); // blocked until 300 + 500
    expect(at(1100)).toBe(true); // unblocked, and the call at 0 is more than a second old
    expect(at(1150)).toBe(true); // 100 is out of the window now
    expect(at(1180)).toBe(false); // 200, 1100, 1150 are within one second
  });

  it('admits everything when off', () => {
    const limiter = createRateLimiter(undefined);
    for (let i = 0; i < 1000; i += 1) expect(limiter.admit('get', 0)).toBe(true);
  });
});

describe('the frequency control through the sandbox', () => {
  it('answers 416 past perSecond, keeps blocking for blockMs, then serves again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T00:00:00Z'));
    const sandbox = createSandbox({ rateLimit: { perSecond: 2, blockMs: 1000 } });
    const api = inProcess(sandbox);
    const codes = async () => (await api.list('alice')).json.code;
    expect([await codes(), await codes(), await codes()]).toEqual([200, 200, 416]);
    expect((await api.create({ account_id: 'alice', name: 'W' })).json.code).toBe(200); // per operation
    vi.setSystemTime(Date.now() + 999);
    expect(await codes()).toBe(416);
    vi.setSystemTime(Date.now() + 2);
    expect(await codes()).toBe(200);
    expect(sandbox.requests.filter((r) => r.code === 416)).toHaveLength(2);
    expect((await api.list('alice')).json).toMatchObject({ code: 200 });
    expect((await api.list('alice')).json).toEqual({ code: 416, msg: 'too frequently', data: {} });
  });
});
