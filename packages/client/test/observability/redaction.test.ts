import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNimClient, type NimClient } from '../../src/client.js';
import {
  NimApiError,
  NimConnectionError,
  NimHttpError,
  NimResponseError,
  NimTimeoutError,
  NimValidationError,
} from '../../src/errors/errors.js';
import type { NimLogger } from '../../src/config/options.js';
import { maxExcerptLength, redact } from '../../src/observability/redaction.js';
import { closedPortUrl, startWireServer, type WireServer } from '../support/wire-server.js';

describe('redact()', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redact('a=SECRET b=SECRET c=other', ['SECRET', 'other'])).toBe('a=[redacted] b=[redacted] c=[redacted]');
  });

  it('ignores empty secrets', () => {
    expect(redact('text', ['', 'x'])).toBe('te[redacted]t');
  });

  it('masks a CheckSum written as a header line, a JSON field or a query parameter, in any letter case', () => {
    const sum = '2a5be7297876a281b888aead8752a54e1f9ab04a';
    expect(redact(`CheckSum: ${sum}`, [])).toBe('CheckSum: [redacted]');
    expect(redact(`checksum:${sum}\n`, [])).toBe('checksum:[redacted]\n');
    expect(redact(`{"CheckSum":"${sum}"}`, [])).toBe('{"CheckSum":"[redacted]"}');
    expect(redact(`?CHECKSUM=${sum.toUpperCase()}&x=1`, [])).toBe('?CHECKSUM=[redacted]&x=1');
  });

  it(`cuts the text to ${maxExcerptLength} characters plus an ellipsis`, () => {
    const cut = redact('x'.repeat(10_000), []);
    expect(cut).toBe(`${'x'.repeat(maxExcerptLength)}…`);
    expect(redact('short', [])).toBe('short');
    expect(redact('y'.repeat(maxExcerptLength), [])).toBe('y'.repeat(maxExcerptLength));
    expect(redact('z'.repeat(100), [], 10)).toBe(`${'z'.repeat(10)}…`);
  });

  it('never lets a secret through, wherever it sits in text of any length', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{8,40}$/);
    fc.assert(
      fc.property(secret, fc.array(fc.string({ maxLength: 700 }), { maxLength: 6 }), (value, parts) => {
        const text = parts.join(value);
        const safe = redact(`${value}${text}${value}`, [value]);
        return !safe.includes(value) && safe.length <= maxExcerptLength + 1;
      }),
      { numRuns: 300 },
    );
  });

  it('does not change the caller’s string (strings are values) and returns a new one', () => {
    const original = 'token SECRET';
    const safe = redact(original, ['SECRET']);
    expect(original).toBe('token SECRET');
    expect(safe).toBe('token [redacted]');
  });
});

describe('the AppSecret and the CheckSum never leave the client', () => {
  const appSecret = 's3cr3t-VALUE-xyz';
  const appKey = 'secret-test-app-key';
  let server: WireServer;
  let nim: NimClient;
  const lines: string[] = [];
  const logger: NimLogger = {
    debug: (line) => void lines.push(`debug ${line}`),
    info: (line) => void lines.push(`info ${line}`),
    warn: (line) => void lines.push(`warn ${line}`),
    error: (line) => void lines.push(`error ${line}`),
  };
  const sentCheckSums = () => server.requests.map((request) => request.headers.checksum as string);

  /** Every printable form of a value, as a caller, a logger or an error tracker might print it. */
  function printed(value: unknown): string[] {
    const forms = [
      inspect(value, { depth: 10 }),
      inspect(value, { depth: 10, showHidden: true }),
      JSON.stringify(value) ?? '',
      String(value),
    ];
    if (value instanceof Error) forms.push(value.message, value.stack ?? '', inspect(value.cause, { depth: 10 }));
    return forms;
  }

  function expectClean(texts: string[]): void {
    const checkSums = sentCheckSums();
    expect(checkSums.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).not.toContain(appSecret);
      for (const sum of checkSums) expect(text).not.toContain(sum);
    }
  }

  beforeAll(async () => {
    server = await startWireServer({ appKey, appSecret });
    nim = createNimClient({ appKey, appSecret, baseUrl: server.url, logger, retryDelayMs: () => 0, maxRetries: 1 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    lines.length = 0;
  });

  it('not in util.inspect(nim), JSON.stringify(nim) or the metrics', async () => {
    await nim.conversationGroups.list({ account_id: 'alice' });
    expectClean([
      ...printed(nim),
      ...printed(nim.raw),
      ...printed(nim.conversationGroups),
      nim.metrics().toPrometheus(),
      ...printed(nim.metrics()),
    ]);
  });

  it('not in a validation error', async () => {
    const error = await nim.conversationGroups.get('abc', { account_id: 'alice' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimValidationError);
    await nim.conversationGroups.list({ account_id: 'alice' }); // so that a CheckSum was sent to compare with
    expectClean([...printed(error), ...lines]);
  });

  it('not in an API error whose msg echoes the secret and the CheckSum', async () => {
    server.reply((request) => ({
      body: {
        code: 414,
        msg: `bad signature: secret ${appSecret}, CheckSum: ${String(request.headers.checksum)}`,
        data: {},
      },
    }));
    const error = await nim.conversationGroups.get('1001', { account_id: 'alice' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimApiError);
    expect((error as NimApiError).msg).toContain('[redacted]');
    expectClean([...printed(error), ...lines]);
  });

  it('not in an HTTP error whose HTML body echoes the secret and a CheckSum header line (after a retry)', async () => {
    const page = (request: { headers: Record<string, unknown> }) => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body:
        `<html><body><h1>502 Bad Gateway</h1><pre>AppKey: ${appKey}\nCheckSum: ${String(request.headers.checksum)}\n` +
        `AppSecret: ${appSecret}\n{"CheckSum":"${String(request.headers.checksum)}"}</pre>${appSecret}</body></html>`,
    });
    server.reply(page, page);
    const error = await nim.conversationGroups.get('1001', { account_id: 'alice' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimHttpError);
    expect(server.requests).toHaveLength(2);
    expect((error as NimHttpError).bodyExcerpt).toContain('[redacted]');
    expect(lines.some((line) => line.startsWith('warn '))).toBe(true);
    expectClean([...printed(error), ...lines]);
  });

  it('not in a response error whose body is a JSON echo of the request', async () => {
    server.reply((request) => ({
      body: { echo: { headers: { CheckSum: request.headers.checksum }, secret: appSecret } },
    }));
    const error = await nim.conversationGroups.list({ account_id: 'alice' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimResponseError);
    expectClean([...printed(error), ...lines]);
  });

  it('not in a timeout', async () => {
    server.fallback({ hang: true });
    const error = await nim.conversationGroups
      .get('1001', { account_id: 'alice' }, { timeoutMs: 40 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimTimeoutError);
    expectClean([...printed(error), ...lines]);
  });

  it('not in a connection error to a closed port', async () => {
    const closed = createNimClient({
      appKey,
      appSecret,
      baseUrl: await closedPortUrl(),
      logger,
      maxRetries: 1,
      retryDelayMs: () => 0,
    });
    const error = await closed.conversationGroups.list({ account_id: 'alice' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimConnectionError);
    await nim.conversationGroups.list({ account_id: 'alice' });
    expectClean([...printed(error), ...printed(closed), ...lines]);
  });

  it('not in the log line of a hook that throws with the secret in its message', async () => {
    const hooked = createNimClient({
      appKey,
      appSecret,
      baseUrl: server.url,
      logger,
      hooks: {
        onAttempt: () => {
          throw new Error(`hook saw ${appSecret}`);
        },
      },
    });
    await hooked.conversationGroups.list({ account_id: 'alice' });
    expect(lines.some((line) => line.startsWith('error ') && line.includes('[redacted]'))).toBe(true);
    expectClean(lines);
  });

  it('not in any log line of successful calls, while the lines do carry the trace id', async () => {
    await nim.conversationGroups.list({ account_id: 'alice' }, { traceId: 'trace-logged' });
    await nim.conversationGroups.create({ account_id: 'alice', name: appSecret });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toContain('trace-logged');
    expectClean(lines);
  });
});
