import { seedOr } from '../support/fc-seed.js';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  createNimClient,
  isNimError,
  NimConnectionError,
  NimTimeoutError,
  NimValidationError,
} from '../../src/index.js';

const credentials = { appKey: 'option-app-key', appSecret: 'option-app-secret' };
const group = { group_id: 1001, name: 'Work', create_time: 1, update_time: 2 };
const answer = (data: unknown = group) => new Response(JSON.stringify({ code: 200, msg: 'success', data }));

function recordingClient(respond: (request: Request) => Promise<Response> | Response = () => answer(), options = {}) {
  const sent: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    sent.push(request);
    return respond(request);
  });
  return { nim: createNimClient({ ...credentials, fetch, retryDelayMs: () => 0, ...options }), sent };
}

const hostile = fc.oneof(
  fc.constantFrom(
    null,
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    2 ** 31,
    -1,
    1.5,
    '',
    'abc',
    '5',
    true,
    [],
    {},
    Symbol('s'),
    10n,
    () => 1,
  ),
  fc.string({ maxLength: 3 }),
  fc.double(),
);

describe('options of a call', () => {
  it.each([
    ['maxRetries', [Number.NaN, 'abc', -1, 1.5, 11, Infinity, 3n]],
    ['timeoutMs', [Infinity, 2 ** 31, Number.NaN, 0, -5, 1.5, '100', 10n, Symbol('t')]],
    ['retryUnsafe', ['yes', 1, null]],
    ['signal', [{ aborted: false }, 'signal', null, new AbortController()]],
    ['traceId', ['', 'a b', 'x'.repeat(129), 5]],
  ] as const)('%s: an unusable value is refused before anything is sent', async (name, values) => {
    const { nim, sent } = recordingClient();
    for (const value of values) {
      const error = await nim.conversationGroups
        .get('1', { account_id: 'alice' }, { [name]: value } as never)
        .catch((e: unknown) => e);
      expect(error, `${name}: ${String(value)}`).toBeInstanceOf(NimValidationError);
      expect((error as NimValidationError).issues.map((issue) => issue.path)).toEqual([`options.${name}`]);
    }
    expect(sent).toEqual([]);
  });

  it('options that are not an object (null, a string) are refused, whatever the method', async () => {
    const { nim, sent } = recordingClient();
    for (const options of [null, 'fast', 5]) {
      await expect(nim.conversationGroups.list({ account_id: 'alice' }, options as never)).rejects.toBeInstanceOf(
        NimValidationError,
      );
      await expect(nim.conversationGroups.get('1', { account_id: 'alice' }, options as never)).rejects.toBeInstanceOf(
        NimValidationError,
      );
    }
    expect(sent).toEqual([]);
  });
});

describe('options of createNimClient', () => {
  const names = [
    'baseUrl',
    'region',
    'fetch',
    'timeoutMs',
    'maxRetries',
    'retryUnsafe',
    'hostCooldownMs',
    'rateLimit',
    'logger',
    'hooks',
    'retryDelayMs',
  ];

  it('any hostile value of any option is a NimValidationError naming it, never a TypeError, never the secret', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), hostile, (name, value) => {
        let outcome: unknown;
        try {
          createNimClient({ ...credentials, [name]: value } as never);
          outcome = 'created';
        } catch (error) {
          outcome = error;
        }
        if (outcome === 'created') return; // the value happened to be valid (e.g. maxRetries 5)
        expect(isNimError(outcome, 'NimValidationError')).toBe(true);
        expect((outcome as NimValidationError).issues[0]!.path.startsWith(name)).toBe(true);
        expect((outcome as Error).message).not.toContain(credentials.appSecret);
      }),
      { seed: seedOr(1201), numRuns: 600 },
    );
  });

  it('a logger whose methods throw never changes the outcome of a call', async () => {
    const throwing = () => {
      throw new Error('logger down');
    };
    const { nim } = recordingClient(undefined, {
      logger: { debug: throwing, info: throwing, warn: throwing, error: throwing },
    });
    await expect(nim.conversationGroups.get('1', { account_id: 'alice' })).resolves.toMatchObject({ group_id: '1001' });
  });

  it('a back-off function that returns NaN, a negative number or throws falls back to the default policy', async () => {
    for (const retryDelayMs of [
      () => Number.NaN,
      () => -1,
      () => {
        throw new Error('x');
      },
    ]) {
      const { nim, sent } = recordingClient(() => new Response('busy', { status: 503 }), {
        retryDelayMs,
        maxRetries: 1,
        timeoutMs: 1_000,
      });
      await expect(nim.conversationGroups.get('1', { account_id: 'alice' })).rejects.toMatchObject({
        name: 'NimHttpError',
        attempts: 2,
      });
      expect(sent).toHaveLength(2);
    }
  });
});

describe('baseUrl and discovery URLs', () => {
  it('sends to the normal form of a base URL the URL parser accepts (https:host, a backslash, upper case)', async () => {
    for (const [given, sentTo] of [
      ['https:nim.test:8080', 'https://nim.test:8080/im/v2/conversation_groups/1'],
      ['HTTPS://NIM.TEST/a\\b/', 'https://nim.test/a/b/im/v2/conversation_groups/1'],
      ['http:127.0.0.1:8080', 'http://127.0.0.1:8080/im/v2/conversation_groups/1'],
    ]) {
      const { nim, sent } = recordingClient(undefined, { baseUrl: given });
      await nim.conversationGroups.get('1', { account_id: 'alice' });
      expect(sent[0]!.url.split('?')[0]).toBe(sentTo);
    }
  });

  it('never quotes the password of a refused URL, and refuses an AppSecret with a lone surrogate', () => {
    const refused = (options: object) => {
      try {
        createNimClient({ ...credentials, ...options } as never);
      } catch (e) {
        return e as NimValidationError;
      }
      throw new Error('accepted');
    };
    for (const options of [
      { baseUrl: 'http://user:PW_SECRET@127.0.0.1:1' },
      { baseUrl: ['https://u:PW_SECRET@a.test'] },
      { discovery: { urls: ['https://u:PW_SECRET@a.test/x'] } },
    ]) {
      const error = refused(options);
      expect(error.message).not.toContain('PW_SECRET');
      expect(error.message).toContain('…@');
    }
    expect(refused({ appSecret: 'secret\uD800' }).issues).toEqual([
      { path: 'appSecret', message: 'must be a non-empty string of valid Unicode' },
    ]);
  });

  it('refuses discovery URLs with credentials (they could never be sent, and would be logged) and unknown discovery fields', () => {
    for (const discovery of [
      { urls: ['http://user:secret@127.0.0.1:9/allocate'] },
      { url: 'http://127.0.0.1:9/allocate' },
    ]) {
      expect(() =>
        createNimClient({ ...credentials, baseUrl: 'http://127.0.0.1:9', discovery: discovery as never }),
      ).toThrow(NimValidationError);
    }
    const error = (() => {
      try {
        createNimClient({ ...credentials, discovery: { url: 'x' } as never });
      } catch (e) {
        return e as NimValidationError;
      }
      throw new Error('accepted');
    })();
    expect(error.issues).toEqual([{ path: 'discovery."url"', message: 'is not an option (misspelt?)' }]);
  });
});

describe('what a custom fetch or a body can do', () => {
  it.each([null, undefined, 'down', 42, Object.freeze({ reason: 'frozen' })])(
    'a fetch rejecting with %s is a NimConnectionError with it as cause',
    async (thrown) => {
      const { nim } = recordingClient(() => Promise.reject(thrown), { maxRetries: 0 });
      const error = await nim.conversationGroups.get('1', { account_id: 'alice' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NimConnectionError);
      expect((error as Error).cause).toBe(thrown);
    },
  );

  it('a body stream that fails with a code-less Error is a NimConnectionError (the request was sent)', async () => {
    const body = new ReadableStream({ pull: (controller) => controller.error(new Error('stream broke')) });
    const { nim } = recordingClient(() => new Response(body), { maxRetries: 0 });
    await expect(nim.conversationGroups.get('1', { account_id: 'alice' })).rejects.toMatchObject({
      name: 'NimConnectionError',
      requestSent: true,
    });
  });

  it('a fetch that ignores the signal and never settles still times out at the deadline', async () => {
    const { nim } = recordingClient(() => new Promise<Response>(() => undefined), { maxRetries: 1, timeoutMs: 30 });
    await expect(nim.conversationGroups.get('1', { account_id: 'alice' })).rejects.toBeInstanceOf(NimTimeoutError);
  });

  it('a fetch resolving with something that is not a Response is a NimResponseError', async () => {
    const { nim } = recordingClient(() => ({ status: 200 }) as never, { maxRetries: 0 });
    await expect(nim.conversationGroups.get('1', { account_id: 'alice' })).rejects.toMatchObject({
      name: 'NimResponseError',
    });
  });

  it('a fetch that throws synchronously sent nothing: requestSent false, so even a create may be repeated', async () => {
    const fetch = () => {
      throw new Error('bad proxy settings');
    };
    const nim = createNimClient({ ...credentials, fetch, maxRetries: 0 });
    await expect(nim.conversationGroups.create({ account_id: 'alice', name: 'Work' })).rejects.toMatchObject({
      name: 'NimConnectionError',
      requestSent: false,
    });
  });

  it('a group id written 1.0 or 1e0 is a NimResponseError, never a number typed as a string', async () => {
    for (const written of ['1.0', '1e0', '1.000000000000000000001']) {
      const body = `{"code":200,"msg":"success","data":{"group_id":${written},"name":"x","server_extension":"","create_time":1,"update_time":1}}`;
      const { nim } = recordingClient(() => new Response(body), { maxRetries: 0 });
      await expect(nim.conversationGroups.get('1', { account_id: 'alice' })).rejects.toMatchObject({
        name: 'NimResponseError',
        message: expect.stringMatching(/group_id/),
      });
    }
  });

  it('a body over 16 MiB is a NimResponseError, whether its size is declared or not, and it is not parsed', async () => {
    const huge = JSON.stringify({ code: 200, msg: 'success', data: group }) + ' '.repeat(16 * 1024 * 1024);
    const declared = recordingClient(
      () => new Response('{}', { headers: { 'content-length': String(17 * 1024 * 1024) } }),
      { maxRetries: 0 },
    );
    const chunked = recordingClient(() => new Response(new Blob([huge]).stream()), { maxRetries: 0 });
    for (const { nim } of [declared, chunked]) {
      await expect(nim.conversationGroups.get('1', { account_id: 'alice' })).rejects.toMatchObject({
        name: 'NimResponseError',
        message: expect.stringMatching(/larger than 16 MiB/),
      });
    }
  });

  it('a valid envelope followed by 8 MB of whitespace resolves (the scan is linear)', async () => {
    const padded = JSON.stringify({ code: 200, msg: 'success', data: group }) + ' '.repeat(8 * 1024 * 1024);
    const { nim } = recordingClient(() => new Response(padded), { timeoutMs: 5_000 });
    await expect(nim.conversationGroups.get('1', { account_id: 'alice' })).resolves.toMatchObject({ group_id: '1001' });
  });
});

describe('hooks', () => {
  it('an async hook that rejects is reported to the logger, never an unhandled rejection, and the call succeeds', async () => {
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    const { nim } = recordingClient(undefined, {
      logger: { debug: () => undefined, info: log, warn: log, error: log },
      hooks: { onAttempt: async () => Promise.reject(new Error('span exporter down')) },
    });
    await expect(nim.conversationGroups.get('1', { account_id: 'alice' })).resolves.toMatchObject({ group_id: '1001' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lines).toEqual(['nim hook onAttempt threw: Error: span exporter down']);
  });
});
