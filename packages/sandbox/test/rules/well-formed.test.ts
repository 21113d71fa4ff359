import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { isWellFormed } from '../../src/rules/well-formed.js';
import { inProcess } from '../support/api.js';
import { fcParams } from '../support/fc.js';
import { over, served } from '../support/servers.js';
import { buildRequest, call, parseExact } from '../support/signed.js';

describe('text the real API refuses', () => {
  it('a lone surrogate in a body (a JSON escape) is 414, nothing stored; a surrogate pair is fine', async () => {
    const sandbox = createSandbox();
    const api = inProcess(sandbox);
    const refused = await api.raw('POST', '/im/v2/conversation_groups', {
      rawBody: '{"account_id":"alice","name":"a\\ud800b"}',
    });
    expect(refused.json).toMatchObject({
      code: 414,
      msg: 'parameter error: name holds a lone surrogate (not Unicode text)',
    });
    const extension = await api.raw('POST', '/im/v2/conversation_groups', {
      rawBody: '{"account_id":"alice","name":"ok","server_extension":"\\udc00"}',
    });
    expect(extension.json.code).toBe(414);
    expect(sandbox.snapshot().accounts).toEqual({});
    expect((await api.create({ account_id: 'alice', name: 'smile 😀' })).json.code).toBe(200);
  });

  it('a body that is not UTF-8, and %-escapes that are not, are 414 (in process and over HTTP)', async () => {
    const sandbox = createSandbox();
    const server = await served(sandbox);
    for (const target of [{ fetch: sandbox.fetch, base: 'http://sandbox.test' }, over(server)]) {
      const bytes = new Uint8Array([
        ...new TextEncoder().encode('{"account_id":"alice","name":"'),
        0xed,
        0xa0,
        0x80,
        0x22,
        0x7d,
      ]);
      const request = buildRequest(target.base, sandbox, 'POST', '/im/v2/conversation_groups', { rawBody: 'x' });
      const response = await target.fetch(new Request(request, { body: bytes }));
      expect(parseExact(await response.text())).toMatchObject({
        code: 414,
        msg: 'parameter error: the body is not UTF-8',
      });
      const query = await call(target, sandbox, 'GET', '/im/v2/conversation_groups?account_id=%ED%A0%80');
      expect(query.json).toMatchObject({ code: 414, msg: 'parameter error: the query is not UTF-8' });
      const path = await call(target, sandbox, 'GET', '/im/v2/conversation_groups/%FF?account_id=alice');
      expect(path.json.code).toBe(414);
    }
    expect(sandbox.snapshot().accounts).toEqual({});
  });

  it('whatever name a caller sends, what is stored reads back as well-formed JSON text (property)', async () => {
    const sandbox = createSandbox();
    const api = inProcess(sandbox);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 20 }), async (name) => {
        sandbox.reset();
        const created = await api.raw('POST', '/im/v2/conversation_groups', {
          rawBody: JSON.stringify({ account_id: 'alice', name }),
        });
        expect([200, 414]).toContain(created.json.code);
        const listed = await api.list('alice');
        for (const group of listed.json.data.conversation_groups) expect(isWellFormed(group.name as string)).toBe(true);
        if (!isWellFormed(name)) expect(created.json.code).toBe(414);
      }),
      fcParams(91, 100),
    );
  });
});
