// Where a signed request may go (issue 20), through the public API, on both transports (this file runs in the
// `client` project, fetch, and `client-undici`). Base URLs: https, plain http only to loopback hosts or with
// allowHttp (then one warn line naming the host). Discovered endpoints: https on a host under the spec's
// endpointHosts (or discovery.allowedHosts), loopback ones when the allocation URL is loopback; anything else never
// probed, never called, listed in nim.endpoints().rejected with one warn line per answer. The spaces are generated:
// schemes, host shapes (IPv4 forms, IPv6, IDN, lookalikes), userinfo, ports, trailing dots, mixed case.
import { createSandbox } from '@nim-api/sandbox';
import { constraints } from '@nim-api/types';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createNimClient, NimValidationError, type NimClient } from '../../src/index.js';
import { fakeNetwork } from '../support/fake-network.js';
import { defaultTransport } from '../support/transport.js';

const seed = Number(process.env.FC_SEED ?? 20_261_207);
const sandbox = createSandbox({ accounts: ['alice'], seed: 1 });
const credentials = { appKey: sandbox.appKey, appSecret: sandbox.appSecret };
beforeEach(() => sandbox.reset());

function lines() {
  const logged: Record<'debug' | 'info' | 'warn' | 'error', string[]> = { debug: [], info: [], warn: [], error: [] };
  const logger = {
    debug: (line: string) => void logged.debug.push(line),
    info: (line: string) => void logged.info.push(line),
    warn: (line: string) => void logged.warn.push(line),
    error: (line: string) => void logged.error.push(line),
  };
  return { logged, logger };
}

const refusal = (make: () => unknown): NimValidationError | undefined => {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(NimValidationError);
    return error as NimValidationError;
  }
  return undefined;
};

// Hosts with the verdict written by hand, not computed: the URL parser's forms of 127.0.0.0/8, ::1 and localhost are
// loopback; everything else (other addresses, IPv4-mapped IPv6, lookalike names) is not.
const loopbackHosts = [
  '127.0.0.1',
  '127.255.1.2',
  '127.1',
  '0x7f.0.0.1',
  '2130706433',
  '0177.0.0.1',
  '[::1]',
  '[0:0:0:0:0:0:0:1]',
  'localhost',
  'LOCALHOST',
  'localhost.',
  'ｌｏｃａｌｈｏｓｔ',
];
const remoteHosts = [
  '128.0.0.1',
  '126.255.255.255',
  '10.0.0.1',
  '169.254.169.254',
  '[::2]',
  '[::ffff:127.0.0.1]',
  'localhost.attacker.example',
  '127.0.0.1.nip.io',
  'open.yunxinapi.com',
  'API-SG.YunxinAPI.com',
  'пример.рф',
  'xn--e1afmkfd.xn--p1ai',
  'localhost-evil',
  'example.com.',
];

describe('base URLs: https, plain http only to loopback or with allowHttp', () => {
  const baseUrlCase = fc.record({
    scheme: fc.constantFrom('https', 'HTTPS', 'hTTps', 'http', 'HTTP', 'Http', 'ftp', 'ws', 'file'),
    slashes: fc.constantFrom('//', ''),
    host: fc.oneof(
      fc.constantFrom(...loopbackHosts).map((host) => ({ host, loopback: true })),
      fc.constantFrom(...remoteHosts).map((host) => ({ host, loopback: false })),
    ),
    userinfo: fc.constantFrom('', '', '', 'user@', 'user:pw@', ':pw@'),
    port: fc.constantFrom('', ':1', ':443', ':8080', ':65535'),
    path: fc.constantFrom('', '/', '/nimserver', '/a/b//'),
    allowHttp: fc.boolean(),
    asList: fc.boolean(),
  });

  it('accepts exactly what the rule allows, warns once for allowHttp, and sends with that scheme on the wire', async () => {
    await fc.assert(
      fc.asyncProperty(baseUrlCase, async (c) => {
        const given = `${c.scheme}:${c.slashes}${c.userinfo}${c.host.host}${c.port}${c.path}`;
        const scheme = c.scheme.toLowerCase();
        // `file:` with a host and no slashes is a path; it is refused either way.
        const valid =
          c.userinfo === '' && (scheme === 'https' || (scheme === 'http' && (c.host.loopback || c.allowHttp)));
        const { logged, logger } = lines();
        const network = fakeNetwork(sandbox, () => ({ code: 304 }));
        const make = () =>
          createNimClient({
            ...credentials,
            baseUrl: c.asList ? [given] : given,
            allowHttp: c.allowHttp,
            logger,
            maxRetries: 0,
            ...network.transport,
          });
        const error = refusal(make);
        expect(error === undefined, `${given} allowHttp=${c.allowHttp}: ${error?.message}`).toBe(valid);
        if (error) {
          expect(error.issues.map((issue) => issue.path)).toEqual([c.asList ? 'baseUrl[0]' : 'baseUrl']);
          expect(error.message).not.toContain('pw@');
          expect(network.seen).toEqual([]);
          return;
        }
        const plainRemote = scheme === 'http' && !c.host.loopback;
        expect(logged.warn, given).toHaveLength(plainRemote ? 1 : 0);
        if (plainRemote) expect(logged.warn[0]).toContain(new URL(given).host);
        const nim = make();
        await nim.conversationGroups.list({ account_id: 'alice' }).catch(() => undefined);
        expect(network.seen).toHaveLength(1);
        expect(network.seen[0]!.split(' ')[1]!.startsWith(`${scheme}://${new URL(given).host}`)).toBe(true);
      }),
      { seed, numRuns: 250 },
    );
  });

  it('refuses null, an empty string, an empty list and anything but a URL string or list — never the default host', () => {
    for (const baseUrl of [
      null,
      '',
      [],
      42,
      {},
      ['https://ok.yunxinapi.com', null],
      new URL('https://open.yunxinapi.com'),
    ]) {
      const error = refusal(() => createNimClient({ ...credentials, baseUrl: baseUrl as never, discovery: false }));
      expect(error, String(baseUrl)).toBeDefined();
      expect(error!.issues[0]!.path).toMatch(/^baseUrl/);
    }
  });

  it('names the rule in the refusal of the vendor host over http, however it is spelled', () => {
    for (const baseUrl of [
      'http://open.yunxinapi.com',
      'http:open.yunxinapi.com',
      'HTTP://API-SG.YUNXINAPI.COM/nimserver',
      'http://api-sg-bak.yunxinapi.com/nimserver',
    ]) {
      const error = refusal(() => createNimClient({ ...credentials, baseUrl }));
      expect(error?.issues).toEqual([
        { path: 'baseUrl', message: expect.stringContaining('must be https (plain http only to') },
      ]);
    }
  });

  it('refuses allowHttp that is not a boolean, and warns on the console when no logger is given', () => {
    expect(refusal(() => createNimClient({ ...credentials, allowHttp: 'yes' as never }))?.issues).toEqual([
      { path: 'allowHttp', message: 'must be true or false (got "yes")' },
    ]);
    const warned: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args.join(' '));
    try {
      createNimClient({
        ...credentials,
        baseUrl: ['https://a.yunxinapi.com', 'http://gw.corp.example:8080'],
        allowHttp: true,
      });
    } finally {
      console.warn = original;
    }
    expect(warned).toEqual([expect.stringContaining('over plain http to gw.corp.example:8080')]);
  });

  it('holds discovery URLs to the same rule: the answer decides where signed calls go', () => {
    const error = refusal(() =>
      createNimClient({ ...credentials, discovery: { urls: ['http://lbs.corp.example/srv-sdk/allocate'] } }),
    );
    expect(error?.issues).toEqual([{ path: 'discovery.urls[0]', message: expect.stringContaining('must be https') }]);
    const { logged, logger } = lines();
    createNimClient({
      ...credentials,
      discovery: { urls: ['http://lbs.corp.example/srv-sdk/allocate'] },
      allowHttp: true,
      logger,
    });
    expect(logged.warn).toEqual([expect.stringContaining('lbs.corp.example')]);
    expect(() =>
      createNimClient({ ...credentials, discovery: { urls: ['http://127.0.0.1:9/srv-sdk/allocate'] } }),
    ).not.toThrow();
  });

  it('checks discovery.allowedHosts: host names or *.domain', () => {
    for (const bad of [
      'https://im.corp.example',
      'im.corp.example:443',
      '*',
      '*.',
      'a/b',
      'user@host',
      '',
      5,
      '*.*.corp.example',
    ]) {
      const error = refusal(() => createNimClient({ ...credentials, discovery: { allowedHosts: [bad as never] } }));
      expect(error?.issues[0]?.path, String(bad)).toBe('discovery.allowedHosts[0]');
    }
    expect(
      refusal(() => createNimClient({ ...credentials, discovery: { allowedHosts: 'corp.example' as never } }))
        ?.issues[0]?.path,
    ).toBe('discovery.allowedHosts');
    expect(() =>
      createNimClient({
        ...credentials,
        discovery: { allowedHosts: ['IM.Corp.Example.', '*.corp.example', '[::1]', '10.0.0.7'] },
      }),
    ).not.toThrow();
  });
});

/** Starts discovery with a call, waits for its first answer to be applied, closes the client. */
async function discover(nim: NimClient) {
  await nim.conversationGroups.list({ account_id: 'alice' }).catch(() => undefined);
  await expect.poll(() => nim.endpoints().discovery, { timeout: 5_000 }).toMatch(/^(ok|failing)$/);
  const snapshot = nim.endpoints();
  await nim.close();
  return snapshot;
}

describe('discovered endpoints: https on an allowed host, or never probed nor called', () => {
  const vendorAllocation = constraints.discovery.allocationUrls.cn[0];
  const loopbackAllocation = 'http://127.0.0.1:9/srv-sdk/allocate';
  // Each candidate gets its own port, so a request shows which candidate it went to.
  const hostShape = fc.constantFrom(
    { host: (i: number) => `e${i}.yunxinapi.com`, allowed: true },
    { host: (i: number) => `E${i}.YunxinAPI.COM`, allowed: true },
    { host: (i: number) => `e${i}.yunxinapi.com.`, allowed: true },
    { host: (i: number) => `ｅ${i}．yunxinapi．com`, allowed: true }, // fullwidth: the URL parser maps it to ASCII
    { host: (i: number) => `a.e${i}.yunxinapi.com`, allowed: true },
    { host: () => 'yunxinapi.com', allowed: false }, // the domain itself is not under it
    { host: (i: number) => `e${i}.yunxinapi.com.attacker.example`, allowed: false },
    { host: (i: number) => `e${i}-yunxinapi.com`, allowed: false },
    { host: (i: number) => `e${i}yunxinapi.com`, allowed: false },
    { host: (i: number) => `e${i}.yunxinapі.com`, allowed: false }, // a Cyrillic і
    { host: (i: number) => `e${i}.yunxinapi.co`, allowed: false },
    { host: (i: number) => `e${i}.yunxinapi.com..`, allowed: false },
    { host: () => '169.254.169.254', allowed: false },
    { host: () => '[fd00::1]', allowed: false },
    { host: (i: number) => `e${i}.corp.example`, allowed: 'widened' as const },
    { host: () => '127.0.0.1', allowed: 'loopback' as const },
    { host: () => '[::1]', allowed: 'loopback' as const },
    { host: () => 'localhost', allowed: 'loopback' as const },
  );
  const candidate = fc.record({
    scheme: fc.constantFrom('https', 'https', 'https', 'http', 'HTTPS', 'ftp'),
    shape: hostShape,
    userinfo: fc.constantFrom('', '', '', 'u:secret@'),
    path: fc.constantFrom('', '/nimserver', '/nimserver/'),
  });
  const answerCase = fc.record({
    candidates: fc.array(candidate, { minLength: 1, maxLength: 6 }),
    loopbackAllocation: fc.boolean(),
    widen: fc.boolean(),
  });

  it('uses only what the rule allows; the rest is listed as rejected, with one warn line for the answer', async () => {
    await fc.assert(
      fc.asyncProperty(answerCase, async (c) => {
        const allocation = c.loopbackAllocation ? loopbackAllocation : vendorAllocation;
        const urls = c.candidates.map((x, i) => `${x.scheme}://${x.userinfo}${x.shape.host(i)}:${20_000 + i}${x.path}`);
        const expected = c.candidates.map((x) => {
          if (x.userinfo !== '' || !['https', 'http'].includes(x.scheme)) return false;
          const host =
            x.shape.allowed === true ||
            (x.shape.allowed === 'widened' && c.widen) ||
            (x.shape.allowed === 'loopback' && c.loopbackAllocation);
          return host && (x.scheme === 'https' || (x.scheme === 'http' && x.shape.allowed === 'loopback'));
        });
        const network = fakeNetwork(sandbox, () => ({
          code: 200,
          data: { 'default.endpoint': urls[0], 'backup.endpoints': urls.slice(1), ttl: 3600, md5: 'm' },
        }));
        const { logged, logger } = lines();
        const nim = createNimClient({
          ...credentials,
          baseUrl: 'https://open.yunxinapi.com',
          discovery: {
            urls: [allocation],
            probeIntervalMs: 3_600_000,
            ...(c.widen ? { allowedHosts: ['*.corp.example'] } : {}),
          },
          logger,
          ...network.transport,
        });
        const snapshot = await discover(nim);
        const reached = new Set(
          network.seen.map((line) => new URL(line.split(' ')[1]!).port).filter((port) => port !== ''),
        );
        c.candidates.forEach((_, i) => {
          const port = String(20_000 + i);
          if (expected[i]) expect(reached.has(port), `${urls[i]} probed`).toBe(true);
          else expect(reached.has(port), `${urls[i]} must never be asked`).toBe(false);
        });
        const rejected = expected.filter((ok) => !ok).length;
        expect(snapshot.rejected, JSON.stringify(urls)).toHaveLength(rejected);
        for (const entry of snapshot.rejected) {
          expect(entry.url).not.toContain('secret');
          expect(entry).toMatchObject({ from: allocation, reason: expect.any(String) });
        }
        const warnings = logged.warn.filter((line) => line.startsWith('nim discovery: the answer'));
        expect(warnings).toHaveLength(rejected ? 1 : 0);
        if (expected.some(Boolean)) {
          expect(snapshot.source).toBe('discovered');
          expect(snapshot.endpoints.length).toBe(expected.filter(Boolean).length);
        } else {
          expect(snapshot.source).toBe('static');
        }
      }),
      { seed, numRuns: 60 },
    );
  });

  it('skips what the issue saw go wrong: an http attacker endpoint and a metadata address', async () => {
    const named = [
      'http://attacker.example',
      'http://169.254.169.254/latest',
      'https://attacker.example',
      'https://api-cn.yunxinapi.com/nimserver',
    ];
    const network = fakeNetwork(sandbox, () => ({
      code: 200,
      data: { 'default.endpoint': named[0], 'backup.endpoints': named.slice(1), ttl: 60, md5: 'x' },
    }));
    const { logged, logger } = lines();
    const nim = createNimClient({
      ...credentials,
      discovery: { urls: [vendorAllocation], probeIntervalMs: 3_600_000 },
      logger,
      ...network.transport,
    });
    const snapshot = await discover(nim);
    expect(network.seen.filter((line) => /attacker|169\.254/.test(line))).toEqual([]);
    expect(snapshot.endpoints.map((e) => e.url)).toEqual(['https://api-cn.yunxinapi.com/nimserver']);
    expect(snapshot.rejected.map(({ url, reason }) => [url, reason])).toEqual([
      ['http://attacker.example', 'not https'],
      ['http://169.254.169.254/latest', 'not https'],
      ['https://attacker.example', expect.stringContaining('host not allowed')],
    ]);
    expect(logged.warn).toEqual([
      expect.stringMatching(/^nim discovery: the answer of .* named http:\/\/attacker\.example \(not https\)/),
    ]);
    expect(defaultTransport).toMatch(/^(undici|fetch)$/);
  });
});

describe("the rule's parts over random hosts (config/url-rules.ts)", () => {
  it('loopback is exactly 127.0.0.0/8, ::1 and localhost, in every form the URL parser reads', async () => {
    const { isLoopbackHost } = await import('../../src/config/url-rules.js');
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(
        fc.tuple(octet, octet, octet, octet),
        fc.constantFrom('dotted', 'number', 'hex'),
        ([a, b, c, d], form) => {
          const n = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
          const written =
            form === 'dotted' ? `${a}.${b}.${c}.${d}` : form === 'number' ? String(n) : `0x${n.toString(16)}`;
          return isLoopbackHost(new URL(`http://${written}/`).hostname) === (a === 127);
        },
      ),
      { seed, numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), (groups) => {
        const hostname = new URL(`http://[${groups.map((g) => g.toString(16)).join(':')}]/`).hostname;
        return isLoopbackHost(hostname) === (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('*.yunxinapi.com matches the hosts under the domain and nothing else', async () => {
    const { hostAllowed } = await import('../../src/config/url-rules.js');
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
    const host = fc.tuple(
      fc.array(label, { minLength: 0, maxLength: 3 }),
      fc.constantFrom('yunxinapi.com', 'yunxinapi.co', 'yunxinapi.com.evil', 'xyunxinapi.com', 'com'),
    );
    fc.assert(
      fc.property(host, fc.boolean(), fc.boolean(), ([labels, tail], trailingDot, upper) => {
        const written = `${[...labels, tail].join('.')}${trailingDot ? '.' : ''}`;
        const { hostname } = new URL(`https://${upper ? written.toUpperCase() : written}/`);
        return (
          hostAllowed(hostname, constraints.discovery.endpointHosts) === (tail === 'yunxinapi.com' && labels.length > 0)
        );
      }),
      { seed, numRuns: 500 },
    );
  });
});
