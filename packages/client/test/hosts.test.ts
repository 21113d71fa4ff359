import { describe, expect, it } from 'vitest';
import { HostPool } from '../src/hosts.js';

const primary = 'https://open.yunxinapi.com';
const backup = 'https://open-bak.yunxinapi.com';
const third = 'https://third.example';

function pool(hosts: string[], cooldownMs = 30_000) {
  const clock = { now: 1_000_000 };
  return { clock, hosts: new HostPool(hosts, cooldownMs, () => clock.now) };
}

describe('HostPool', () => {
  it('picks the primary while it is healthy', () => {
    const { hosts } = pool([primary, backup]);
    expect(hosts.pick()).toBe(primary);
    hosts.markSuccess(primary);
    expect(hosts.pick()).toBe(primary);
  });

  it('skips a failed host for cooldownMs, then prefers it again', () => {
    const { hosts, clock } = pool([primary, backup], 30_000);
    hosts.markFailure(primary);
    expect(hosts.pick()).toBe(backup);
    clock.now += 29_999;
    expect(hosts.pick()).toBe(backup);
    clock.now += 1;
    expect(hosts.pick()).toBe(primary);
  });

  it('forgets a failure as soon as the host answers', () => {
    const { hosts } = pool([primary, backup]);
    hosts.markFailure(primary);
    hosts.markSuccess(primary);
    expect(hosts.pick()).toBe(primary);
  });

  it('a new failure restarts the cooldown', () => {
    const { hosts, clock } = pool([primary, backup], 1000);
    hosts.markFailure(primary);
    clock.now += 900;
    hosts.markFailure(primary);
    clock.now += 900;
    expect(hosts.pick()).toBe(backup);
    clock.now += 100;
    expect(hosts.pick()).toBe(primary);
  });

  it('goes down the list in order', () => {
    const { hosts } = pool([primary, backup, third]);
    hosts.markFailure(primary);
    hosts.markFailure(backup);
    expect(hosts.pick()).toBe(third);
  });

  it('when every host is cooling down, picks the one whose cooldown ends first', () => {
    const { hosts, clock } = pool([primary, backup, third], 1000);
    hosts.markFailure(backup);
    clock.now += 10;
    hosts.markFailure(third);
    clock.now += 10;
    hosts.markFailure(primary);
    expect(hosts.pick()).toBe(backup);
  });

  it('never cools down a single host', () => {
    const { hosts } = pool([primary]);
    hosts.markFailure(primary);
    expect(hosts.pick()).toBe(primary);
  });

  it('uses Date.now by default', () => {
    const hosts = new HostPool([primary, backup], 60_000);
    hosts.markFailure(primary);
    expect(hosts.pick()).toBe(backup);
  });
});
