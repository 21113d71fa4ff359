// The test server's rules (test/support/frequency-control.ts): the load proof is only as strict as they are.
import { describe, expect, it } from 'vitest';
import { createFrequencyControl } from './support/frequency-control.js';

describe('the frequency control of the quota server', () => {
  it('accepts perSecond calls in any 1 000 ms window, refuses the next and blocks for blockMs', () => {
    const control = createFrequencyControl({ perSecond: 100, blockMs: 1000 });
    for (let i = 0; i < 100; i += 1) expect(control.admit('k', i * 9.99)).toEqual({ accepted: true });
    expect(control.admit('k', 999)).toEqual({ accepted: false, blockedMs: 1000 });
    expect(control.admit('k', 1500)).toEqual({ accepted: false, blockedMs: 499 });
    expect(control.admit('k', 1998)).toEqual({ accepted: false, blockedMs: 1 });
    expect(control.admit('k', 1999)).toEqual({ accepted: true });
  });

  it('is a sliding window: a call 1 000 ms after the oldest one counted is accepted again', () => {
    const control = createFrequencyControl({ perSecond: 3 });
    for (const at of [0, 400, 800]) expect(control.admit('k', at).accepted).toBe(true);
    expect(control.admit('k', 1000).accepted).toBe(true); // the call at 0 has left the window
    const strict = createFrequencyControl({ perSecond: 3 });
    for (const at of [0, 400, 800]) strict.admit('k', at);
    expect(strict.admit('k', 999).accepted).toBe(false);
  });

  it('keeps keys apart, and blocks a key on demand', () => {
    const control = createFrequencyControl({ perSecond: 1, blockMs: 500 });
    expect(control.admit('a', 0).accepted).toBe(true);
    expect(control.admit('b', 0).accepted).toBe(true);
    control.block('c', 10);
    expect(control.admit('c', 20)).toEqual({ accepted: false, blockedMs: 490 });
  });
});
