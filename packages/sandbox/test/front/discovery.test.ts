import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { served } from '../support/servers.js';

describe('endpoint discovery and health', () => {
  it('answers /srv-sdk/allocate with its own origin by default, then 304 for the same md5', async () => {
    const sandbox = createSandbox();
    const server = await served(sandbox);
    const url = `${server.url}/srv-sdk/allocate?k=${sandbox.appKey}&sv=1.0.0&biz=1&p=node`;
    const first = await (await fetch(url)).json();
    expect(first).toEqual({
      code: 200,
      data: {
        'default.endpoint': server.url,
        'backup.endpoints': [],
        ttl: 30,
        md5: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
    expect(await (await fetch(`${url}&md5=${first.data.md5}`)).json()).toEqual({ code: 304 });
    expect(await (await fetch(`${url}&md5=stale`)).json()).toEqual(first);
  });

  it('in process, answers the origin the request was addressed to (so a host mocked with MSW/nock stays mocked)', async () => {
    const sandbox = createSandbox();
    for (const answer of [
      await sandbox.fetch(`https://lbs.netease.im/srv-sdk/allocate?k=${sandbox.appKey}&biz=1`),
      await fetch(`https://lbs.netease.im/srv-sdk/allocate?k=${sandbox.appKey}&biz=1`, {
        dispatcher: sandbox.dispatcher,
      } as RequestInit),
    ]) {
      expect((await answer.json()).data['default.endpoint']).toBe('https://lbs.netease.im');
    }
    const ownOrigin = await sandbox.fetch(`${sandbox.baseUrl}/srv-sdk/allocate?k=${sandbox.appKey}&biz=1`);
    expect((await ownOrigin.json()).data['default.endpoint']).toBe(sandbox.baseUrl);
    expect(sandbox.baseUrl).toBe('https://sandbox.invalid');
  });

  it('answers the configured endpoints and ttl; 403 for an unknown AppKey, 414 without one', async () => {
    const endpoints = ['http://127.0.0.1:1', 'http://127.0.0.1:2', 'http://127.0.0.1:3'];
    const sandbox = createSandbox({ appKey: 'app', discovery: { endpoints, ttl: 600 } });
    const ask = async (query: string) => (await sandbox.fetch(`http://lbs.test/srv-sdk/allocate?${query}`)).json();
    expect((await ask('k=app&biz=1')).data).toMatchObject({
      'default.endpoint': endpoints[0],
      'backup.endpoints': endpoints.slice(1),
      ttl: 600,
    });
    expect(await ask('k=other')).toMatchObject({ code: 403 });
    expect(await ask('biz=1')).toMatchObject({ code: 414 });
    expect(sandbox.requests.map((r) => r.operation)).toEqual(['allocate', 'allocate', 'allocate']);
  });

  it('answers /health/liveness.action with 200, and can fail it like any operation', async () => {
    const sandbox = createSandbox({ faults: [{ operation: 'health', kind: 503, times: 2 }] });
    const status = async () => (await sandbox.fetch('http://ep.test/health/liveness.action')).status;
    expect([await status(), await status(), await status()]).toEqual([503, 503, 200]);
    expect((await sandbox.fetch('http://ep.test/health/liveness.action', { method: 'POST' })).status).toBe(405);
  });
});
