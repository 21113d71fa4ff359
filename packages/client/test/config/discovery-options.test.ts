import { seedOr } from '../support/fc-seed.js';
import { constraints } from '@nim-api/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNimClient, NimValidationError, type NimValidationIssue } from '../../src/index.js';
import { checkDiscovery, discoveryDefaults } from '../../src/config/discovery-options.js';

const { allocationUrls } = constraints.discovery;
const defaults = {
  probeIntervalMs: discoveryDefaults.probeIntervalMs,
  windowMs: discoveryDefaults.windowMs,
  allowedHosts: constraints.discovery.endpointHosts,
  allowHttp: false,
};
const fetch = async () => new Response('{}');

/** `checkDiscovery` as a throwing call, the way createNimClient reports its issues. */
function resolveDiscovery(options: Parameters<typeof checkDiscovery>[1]) {
  const issues: NimValidationIssue[] = [];
  const resolved = checkDiscovery(issues, options);
  if (issues.length) throw new NimValidationError(issues);
  return resolved;
}

describe('checkDiscovery', () => {
  it('is on by default, with the official allocation URLs of the region from the spec', () => {
    expect(resolveDiscovery({})).toEqual({ urls: allocationUrls.cn, ...defaults });
    expect(resolveDiscovery({ region: 'cn' })).toEqual({ urls: allocationUrls.cn, ...defaults });
    expect(resolveDiscovery({ region: 'sg' })).toEqual({ urls: allocationUrls.sg, ...defaults });
  });

  it('is off with discovery: false, an explicit baseUrl or a custom fetch', () => {
    expect(resolveDiscovery({ discovery: false })).toBeUndefined();
    expect(resolveDiscovery({ baseUrl: 'https://im.example' })).toBeUndefined();
    expect(resolveDiscovery({ fetch })).toBeUndefined();
  });

  it('is on whenever a discovery object is given, also with a baseUrl or a custom fetch', () => {
    expect(resolveDiscovery({ discovery: {}, baseUrl: 'https://im.example', fetch })).toEqual({
      urls: allocationUrls.cn,
      ...defaults,
    });
    expect(
      resolveDiscovery({ discovery: { urls: ['http://127.0.0.1:9/a'], probeIntervalMs: 100, windowMs: 1_200 } }),
    ).toEqual({
      urls: ['http://127.0.0.1:9/a'],
      probeIntervalMs: 100,
      windowMs: 1_200,
      allowedHosts: constraints.discovery.endpointHosts,
      allowHttp: false,
    });
  });

  it('refuses anything else with one NimValidationError naming every bad field', () => {
    const error = (() => {
      try {
        resolveDiscovery({
          discovery: { urls: ['https://ok.example', 'ftp://x', 5], probeIntervalMs: 0.5, windowMs: Infinity },
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NimValidationError);
    expect((error as NimValidationError).issues.map((issue) => issue.path)).toEqual([
      'discovery.urls[1]',
      'discovery.urls[2]',
      'discovery.probeIntervalMs',
      'discovery.windowMs',
    ]);
    for (const discovery of [true, null, 'on', [], 0]) {
      expect(() => resolveDiscovery({ discovery }), String(discovery)).toThrow(NimValidationError);
    }
    expect(() => resolveDiscovery({ discovery: { urls: [] } })).toThrow(/1 to 8 http\(s\) URLs/);
  });

  it('for any value returns settings within bounds or throws NimValidationError, never anything else', () => {
    const hostile = fc.oneof(
      fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true }),
      fc.record(
        {
          urls: fc.oneof(fc.array(fc.oneof(fc.webUrl(), fc.string(), fc.anything()), { maxLength: 10 }), fc.anything()),
          probeIntervalMs: fc.oneof(fc.integer(), fc.double(), fc.anything()),
          windowMs: fc.oneof(fc.integer(), fc.double(), fc.anything()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(hostile, fc.constantFrom(undefined, 'cn', 'sg'), (discovery, region) => {
        let resolved;
        try {
          resolved = resolveDiscovery({ discovery, region });
        } catch (error) {
          expect(error).toBeInstanceOf(NimValidationError);
          return;
        }
        if (resolved === undefined) {
          expect(discovery).toBe(false);
          return;
        }
        expect(resolved.urls.length).toBeGreaterThan(0);
        for (const url of resolved.urls) expect(url).toMatch(/^https?:\/\//);
        expect(Number.isInteger(resolved.probeIntervalMs) && resolved.probeIntervalMs >= 10).toBe(true);
        expect(Number.isInteger(resolved.windowMs) && resolved.windowMs >= 120).toBe(true);
      }),
      { seed: seedOr(1307), numRuns: 400 },
    );
  });

  it('is checked by createNimClient, its issues listed with those of the other options, before anything is sent', () => {
    const sent: Request[] = [];
    let error: unknown;
    try {
      createNimClient({
        appKey: 'k',
        appSecret: 's',
        timeoutMs: -1,
        fetch: async (r) => (sent.push(r), new Response('{}')),
        discovery: 'yes' as never,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NimValidationError);
    expect((error as NimValidationError).issues.map((issue) => issue.path)).toEqual(['timeoutMs', 'discovery']);
    expect(sent).toHaveLength(0);
  });

  it('survives a discovery object whose getters throw', () => {
    const hostile = Object.defineProperty({}, 'urls', {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(() => resolveDiscovery({ discovery: hostile })).toThrow(/discovery.urls could not be read/);
  });
});
