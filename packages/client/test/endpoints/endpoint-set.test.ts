import { seedOr } from '../support/fc-seed.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEndpointSet, type Selection } from '../../src/endpoints/endpoint-set.js';

const primary = 'https://primary.example';
const backup = 'https://backup.example';
const third = 'https://third.example';
const window = { buckets: 12, bucketMs: 5_000 };

function setOf(urls: string[], selection: Selection, cooldownMs = 30_000) {
  const clock = { now: 1_000_000 };
  return { clock, set: createEndpointSet({ urls, selection, cooldownMs, window, now: () => clock.now }) };
}

// The ordered selection is how the client always chose from a fixed list; these are the old HostPool's rules.
describe('an ordered endpoint set (discovery off)', () => {
  it('picks the primary while it is healthy', () => {
    const { set } = setOf([primary, backup], 'ordered');
    expect(set.pick()).toBe(primary);
    set.markSuccess(primary, 5);
    expect(set.pick()).toBe(primary);
  });

  it('skips a failed endpoint for the cooldown, then prefers it again', () => {
    const { set, clock } = setOf([primary, backup], 'ordered', 30_000);
    set.markFailure(primary, 5);
    expect(set.pick()).toBe(backup);
    clock.now += 29_999;
    expect(set.pick()).toBe(backup);
    clock.now += 1;
    expect(set.pick()).toBe(primary);
  });

  it('forgets a failure as soon as the endpoint answers', () => {
    const { set } = setOf([primary, backup], 'ordered');
    set.markFailure(primary, 5);
    set.markSuccess(primary, 5);
    expect(set.pick()).toBe(primary);
  });

  it('restarts the cooldown on a new failure', () => {
    const { set, clock } = setOf([primary, backup], 'ordered', 1000);
    set.markFailure(primary, 5);
    clock.now += 900;
    set.markFailure(primary, 5);
    clock.now += 900;
    expect(set.pick()).toBe(backup);
    clock.now += 100;
    expect(set.pick()).toBe(primary);
  });

  it('goes down the list in order', () => {
    const { set } = setOf([primary, backup, third], 'ordered');
    set.markFailure(primary, 5);
    set.markFailure(backup, 5);
    expect(set.pick()).toBe(third);
  });

  it('when every endpoint is cooling down, picks the one whose cooldown ends first', () => {
    const { set, clock } = setOf([primary, backup, third], 'ordered', 1000);
    set.markFailure(backup, 5);
    clock.now += 10;
    set.markFailure(third, 5);
    clock.now += 10;
    set.markFailure(primary, 5);
    expect(set.pick()).toBe(backup);
  });

  it('never cools down a single endpoint', () => {
    const { set } = setOf([primary], 'ordered');
    set.markFailure(primary, 5);
    expect(set.pick()).toBe(primary);
  });

  it('ignores latency: a slow primary keeps the traffic', () => {
    const { set } = setOf([primary, backup], 'ordered');
    set.markSuccess(primary, 500);
    set.markSuccess(backup, 1);
    expect(set.pick()).toBe(primary);
  });

  it('uses Date.now by default', () => {
    const set = createEndpointSet({ urls: [primary, backup], selection: 'ordered', cooldownMs: 60_000, window });
    set.markFailure(primary, 5);
    expect(set.pick()).toBe(backup);
  });
});

describe('a scored endpoint set (discovery on)', () => {
  it('sends calls to the endpoint with the better score', () => {
    const { set } = setOf([primary, backup], 'scored');
    set.markSuccess(primary, 51);
    set.markSuccess(backup, 1);
    expect(set.pick()).toBe(backup);
  });

  it('keeps list order among endpoints that score about the same', () => {
    const { set } = setOf([primary, backup], 'scored');
    set.markSuccess(primary, 1.3);
    set.markSuccess(backup, 1.1);
    expect(set.pick()).toBe(primary);
  });

  it('still skips a failed endpoint for the cooldown, and after it prefers the endpoint without failures in the window', () => {
    const { set, clock } = setOf([primary, backup], 'scored', 1_000);
    set.markSuccess(primary, 1);
    set.markSuccess(backup, 1);
    set.markFailure(primary, 1);
    expect(set.pick()).toBe(backup);
    clock.now += 1_000;
    expect(set.pick()).toBe(backup);
    // Recovery: once the failure has left the window, the primary wins again (list order among equals).
    clock.now += 60_000;
    set.recordProbe(primary, true, 1);
    set.markSuccess(backup, 1);
    expect(set.pick()).toBe(primary);
  });

  it('lets a probe move the score but neither start nor end a cooldown', () => {
    const { set } = setOf([primary, backup], 'scored');
    set.recordProbe(backup, false, 1);
    set.markFailure(primary, 1);
    expect(set.pick()).toBe(backup);
    set.recordProbe(primary, true, 1);
    expect(set.pick()).toBe(backup);
    expect(set.states()[1]).toMatchObject({ samples: 1, successRatio: 0 });
  });

  it('counts calls, not probes, as traffic', () => {
    const { set, clock } = setOf([primary, backup, third], 'scored');
    const round = clock.now;
    clock.now += 1;
    set.markSuccess(primary, 1);
    set.markFailure(backup, 1);
    set.recordProbe(third, true, 1);
    expect(set.idleSince(round)).toEqual([third]);
  });

  it('keeps the history of endpoints that stay when the set is replaced, and drops the others', () => {
    const { set } = setOf([primary, backup], 'scored');
    set.markSuccess(primary, 7);
    set.replace([third, primary], { kind: 'discovered', at: 5, from: 'https://lbs.example' });
    expect(set.urls()).toEqual([third, primary]);
    expect(set.states().map((state) => [state.url, state.samples])).toEqual([
      [third, 0],
      [primary, 1],
    ]);
    expect(set.source()).toEqual({ kind: 'discovered', at: 5, from: 'https://lbs.example' });
    set.markSuccess(backup, 1); // an attempt that began before the change
    expect(set.has(backup)).toBe(false);
    set.replace([], { kind: 'static' });
    expect(set.urls()).toEqual([third, primary]);
  });

  it('describes every endpoint and marks the one the next call goes to', () => {
    const { set, clock } = setOf([primary, backup], 'scored', 1_000);
    set.markSuccess(primary, 10);
    set.markFailure(primary, 1);
    expect(set.states()).toEqual([
      {
        url: primary,
        score: 10 + 500,
        successRatio: 0.5,
        latencyMs: 10,
        samples: 2,
        coolingDownUntil: clock.now + 1_000,
        preferred: false,
      },
      {
        url: backup,
        score: undefined,
        successRatio: undefined,
        latencyMs: undefined,
        samples: 0,
        coolingDownUntil: undefined,
        preferred: true,
      },
    ]);
  });

  it('never picks an endpoint that is cooling down while another is not, for any history', () => {
    const action = fc.record({
      endpoint: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom('success', 'failure', 'probeOk', 'probeFail'),
      ms: fc.integer({ min: 0, max: 300 }),
      advanceMs: fc.integer({ min: 0, max: 3_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 60 }),
        fc.constantFrom<Selection>('ordered', 'scored'),
        (actions, selection) => {
          const urls = [primary, backup, third];
          const { set, clock } = setOf(urls, selection, 2_000);
          for (const { endpoint, kind, ms, advanceMs } of actions) {
            clock.now += advanceMs;
            const url = urls[endpoint]!;
            if (kind === 'success') set.markSuccess(url, ms);
            else if (kind === 'failure') set.markFailure(url, ms);
            else set.recordProbe(url, kind === 'probeOk', ms);
            const states = set.states();
            const picked = set.pick();
            expect(urls).toContain(picked);
            expect(states.filter((state) => state.preferred).map((state) => state.url)).toEqual([picked]);
            const free = states.filter((state) => state.coolingDownUntil === undefined);
            if (free.length) expect(free.map((state) => state.url)).toContain(picked);
            if (selection === 'ordered' && free.length) expect(picked).toBe(free[0]!.url);
          }
        },
      ),
      { seed: seedOr(1304), numRuns: 300 },
    );
  });
});
