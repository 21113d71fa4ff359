import { seedOr } from '../support/fc-seed.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as fetchBuild from '../../src/index.js';
import * as nodeBuild from '../../src/index.node.js';
import { isLightRequest, NimRequest, toRequest } from '../../src/http/light-request.js';
import { defaultTransport } from '../support/transport.js';

describe('NimRequest, the request openapi-fetch builds for the client', () => {
  it('keeps url, method, headers (the same object), body and signal as given', () => {
    const headers = new Headers({ a: '1' });
    const signal = new AbortController().signal;
    const request = new NimRequest('http://127.0.0.1:9/x?y=1', { method: 'post', headers, body: '{"a":1}', signal });
    expect([request.url, request.method, request.body, request.signal, request.redirect]).toEqual([
      'http://127.0.0.1:9/x?y=1',
      'POST',
      '{"a":1}',
      signal,
      'follow',
    ]);
    expect(request.headers).toBe(headers);
  });

  it('counts as a Request for openapi-fetch, and so does a WHATWG Request; other values do not', () => {
    expect(new NimRequest('http://h/') instanceof NimRequest).toBe(true);
    expect(new Request('http://h/') instanceof NimRequest).toBe(true);
    for (const value of [{}, null, 'http://h/', { url: 'http://h/', headers: new Headers() }])
      expect(value instanceof NimRequest).toBe(false);
    expect(isLightRequest(new Request('http://h/'))).toBe(false);
  });

  it('becomes an equal WHATWG Request for a caller’s fetch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE'),
        fc.string({ maxLength: 50 }),
        fc.webPath(),
        async (method, text, path) => {
          const body = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify({ text });
          const light = new NimRequest(`http://127.0.0.1:9${path}`, {
            method,
            body,
            headers: new Headers({ Nonce: 'n' }),
          });
          const real = toRequest(light);
          expect(real).toBeInstanceOf(Request);
          expect([real.url, real.method, real.headers.get('nonce')]).toEqual([new URL(light.url).href, method, 'n']);
          expect(await real.text()).toBe(body ?? '');
          expect(await light.clone().text()).toBe(body ?? '');
        },
      ),
      { numRuns: 100, seed: seedOr(14) },
    );
  });

  it('clones with headers of its own', () => {
    const request = new NimRequest('http://h/', { headers: new Headers({ a: '1' }) });
    const copy = request.clone();
    copy.headers.set('a', '2');
    expect(request.headers.get('a')).toBe('1');
  });
});

describe('the Node build', () => {
  it('exports everything the fetch build does, the same error classes', () => {
    expect(Object.keys(nodeBuild).sort()).toEqual(Object.keys(fetchBuild).sort());
    expect(nodeBuild.NimError).toBe(fetchBuild.NimError);
  });

  // In the project client-undici the fetch build's client.ts is swapped for the Node build's (vitest.undici.config.ts).
  it.skipIf(defaultTransport === 'undici')('has a createNimClient of its own', () => {
    expect(nodeBuild.createNimClient).not.toBe(fetchBuild.createNimClient);
  });
});
