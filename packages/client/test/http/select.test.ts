import { seedOr } from '../support/fc-seed.js';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { NimValidationError } from '../../src/index.js';
import { createNimClient } from '../../src/index.node.js';
import { selectTransport } from '../../src/http/select.js';

const credentials = { appKey: 'select-app-key', appSecret: 'select-secret' };
const okFetch = vi.fn(async () => new Response('{"code":200,"msg":"success","data":{"conversation_groups":[]}}'));
const dispatcher = { dispatch: () => true };
const undiciStub = () => async () => new Response('');

function refusal(make: () => unknown): NimValidationError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(NimValidationError);
    return error as NimValidationError;
  }
  throw new Error('expected a NimValidationError');
}

describe('choosing the transport', () => {
  it.each([
    ['nothing given, Node build on Node', {}, 'undici'],
    ['a fetch', { fetch: okFetch }, 'fetch'],
    ['a dispatcher', { dispatcher }, 'undici'],
    ["transport 'fetch'", { transport: 'fetch' }, 'fetch'],
    ["transport 'fetch' and a fetch", { transport: 'fetch', fetch: okFetch }, 'fetch'],
    ["transport 'undici' and a dispatcher", { transport: 'undici', dispatcher }, 'undici'],
  ] as const)('with %s: %s', (_name, options, expected) => {
    expect(selectTransport({ ...credentials, ...options }, undiciStub).name).toBe(expected);
  });

  it('is the fetch path in the build for edge runtimes and browsers, whatever the runtime', () => {
    expect(selectTransport(credentials, undefined).name).toBe('fetch');
  });

  it.each([
    [
      "transport 'undici' with a fetch",
      { transport: 'undici', fetch: okFetch },
      'transport',
      'cannot use the fetch option',
    ],
    [
      "transport 'fetch' with a dispatcher",
      { transport: 'fetch', dispatcher },
      'dispatcher',
      'is for the undici transport',
    ],
    ['a dispatcher with a fetch', { dispatcher, fetch: okFetch }, 'dispatcher', 'is for the undici transport'],
  ] as const)('refuses %s with a NimValidationError that says why', (_name, options, path, words) => {
    const error = refusal(() => createNimClient({ ...credentials, ...options }));
    expect(error.issues.find((issue) => issue.path === path)?.message).toContain(words);
    expect(error.message).not.toContain(credentials.appSecret);
  });

  it("refuses transport 'undici' in the fetch build, naming the Node build", () => {
    // selectTransport without an undici factory is what the fetch build's createNimClient does.
    const error = refusal(() => selectTransport({ ...credentials, transport: 'undici' }, undefined));
    expect(error.issues[0]).toMatchObject({ path: 'transport' });
    expect(error.issues[0]!.message).toContain('Node build');
  });

  it('refuses any other transport, fetch or dispatcher value, quoting it cut short, and sends nothing', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 200 }).filter((s) => s !== 'undici' && s !== 'fetch'),
      fc.constantFrom('UNDICI', 'Fetch', ' fetch', 'http', '', null, 0, 1n, NaN, Symbol('t'), {}, [], () => 'fetch'),
    );
    fc.assert(
      fc.property(hostile, fc.constantFrom('transport', 'fetch', 'dispatcher'), (value, option) => {
        if (option === 'fetch' && typeof value === 'function') return; // a function is a fetch
        okFetch.mockClear();
        const error = refusal(() =>
          createNimClient({
            ...credentials,
            fetch: option === 'dispatcher' ? undefined : okFetch,
            [option]: value,
          } as never),
        );
        expect(error.issues.some((issue) => issue.path === option)).toBe(true);
        expect(error.message.length).toBeLessThan(600);
        expect(okFetch).not.toHaveBeenCalled();
      }),
      { numRuns: 200, seed: seedOr(1414) },
    );
  });

  it("falls back to fetch when undici cannot be loaded, unless transport: 'undici' asked for it", () => {
    const cause = Object.assign(new Error("Cannot find module 'undici'"), { code: 'MODULE_NOT_FOUND' });
    const missing = () => ({ missing: cause });
    expect(selectTransport(credentials, missing).name).toBe('fetch');
    const error = refusal(() => selectTransport({ ...credentials, transport: 'undici' }, missing));
    expect(error).toBeInstanceOf(NimValidationError);
    expect(error.message).toContain('undici package cannot be loaded');
    // The original error is kept, not dropped.
    expect(error.cause).toBe(cause);
  });

  it('lists every conflict at once', () => {
    const error = refusal(() =>
      createNimClient({ ...credentials, transport: 'nope' as never, fetch: 42 as never, dispatcher: {} as never }),
    );
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['dispatcher', 'fetch', 'transport']);
  });
});
