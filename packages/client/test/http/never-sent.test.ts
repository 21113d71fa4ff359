// Nothing sent is nothing sent (issue 20), through the public API on both transports (projects `client` and
// `client-undici`): a refusal by the runtime or a test's mock before any byte left is a NimConnectionError with
// requestSent false, not retried, and a create never says the group "may have been created".
import { describe, expect, it } from 'vitest';
import { createNimClient, NimConnectionError } from '../../src/index.js';
import { defaultTransport } from '../support/transport.js';

const credentials = { appKey: 'never-sent-app', appSecret: 'never-sent-secret' };
const named = (name: string, extra: object = {}) => Object.assign(new Error(`refused (${name})`), { name, ...extra });
const refusals = {
  "Deno 2's NotCapable": named('NotCapable'),
  "Deno 1's PermissionDenied": named('PermissionDenied'),
  "undici MockAgent's no-match": named('MockNotMatchedError', { code: 'UND_MOCK_ERR_MOCK_NOT_MATCHED' }),
  "nock's disableNetConnect": named('NetConnectNotAllowedError', { code: 'ENETUNREACH' }),
  "MSW's onUnhandledRequest: 'error'": named('InternalError', {
    message: '[MSW] Cannot bypass a request when using the "error" strategy',
  }),
};

/** `{ fetch }` or `{ dispatcher }` that refuses every request the way a runtime does: asynchronously, wrapped as fetch wraps. */
function refusing(reason: Error, count: { n: number }) {
  if (defaultTransport === 'fetch') {
    return {
      fetch: async () => {
        count.n += 1;
        throw new TypeError('fetch failed', { cause: reason });
      },
    };
  }
  return {
    dispatcher: {
      dispatch(_options: object, handler: { onError(error: Error): void }) {
        count.n += 1;
        queueMicrotask(() => handler.onError(reason));
        return true;
      },
    },
  };
}

describe(`a refusal before anything was sent (${defaultTransport} transport)`, () => {
  for (const [what, reason] of Object.entries(refusals)) {
    it(`${what}: requestSent false, not retried, no "may have been created"`, async () => {
      const count = { n: 0 };
      const nim = createNimClient({
        ...credentials,
        baseUrl: 'https://open.yunxinapi.com',
        retryDelayMs: () => 0,
        ...refusing(reason, count),
      });
      const error = await nim.conversationGroups.create({ account_id: 'alice', name: 'Work' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NimConnectionError);
      expect(error).toMatchObject({ requestSent: false, attempts: 1 });
      expect((error as Error).message).not.toContain('may have been created');
      expect(count.n).toBe(1);
    });
  }

  it('a connection reset is still "may have run" (the rule is narrow)', async () => {
    const count = { n: 0 };
    const reset = named('Error', { code: 'ECONNRESET' });
    const nim = createNimClient({
      ...credentials,
      baseUrl: 'https://open.yunxinapi.com',
      retryDelayMs: () => 0,
      ...refusing(reset, count),
    });
    const error = await nim.conversationGroups.create({ account_id: 'alice', name: 'Work' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NimConnectionError', requestSent: true });
    expect((error as Error).message).toContain('may have been created');
  });
});
