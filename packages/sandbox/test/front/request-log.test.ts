import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { inProcess } from '../support/api.js';

describe('sandbox.requests', () => {
  it('is a frozen copy of the log: changing it changes nothing, and it is the same array until the log changes', async () => {
    const sandbox = createSandbox({ seed: 1 });
    const api = inProcess(sandbox);
    await api.list('alice');
    const seen = sandbox.requests;
    expect(Object.isFrozen(seen)).toBe(true);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(() => (seen as unknown[]).push({})).toThrow(TypeError);
    expect(() => ((seen[0] as { code: number }).code = 1)).toThrow(TypeError);
    expect(sandbox.requests).toBe(seen); // cached: reading it often costs nothing
    await api.list('bob');
    expect(sandbox.requests).not.toBe(seen);
    expect(sandbox.requests.map((r) => r.account)).toEqual(['alice', 'bob']);
    expect(seen.map((r) => r.account)).toEqual(['alice']); // an earlier read stays as it was
    sandbox.reset();
    expect(sandbox.requests).toEqual([]);
    expect(seen).toHaveLength(1);
  });
});
