// The in-process fetch front: what a real `fetch` refuses (the caller's mistakes) is refused the same way — a
// rejected TypeError — and never answered as a server error (500).
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { buildRequest } from '../support/signed.js';

describe('sandbox.fetch', () => {
  it('rejects like fetch for a Request whose body was used or whose body stream fails, and answers nothing', async () => {
    const sandbox = createSandbox({ accounts: ['alice'] });
    const used = buildRequest('http://sandbox.test', sandbox, 'POST', '/im/v2/conversation_groups', {
      body: { account_id: 'alice', name: 'W' },
    });
    await used.text();
    await expect(sandbox.fetch(used)).rejects.toThrow(TypeError);
    await expect(fetch(used)).rejects.toThrow(TypeError); // what the real one does

    const locked = buildRequest('http://sandbox.test', sandbox, 'POST', '/im/v2/conversation_groups', {
      body: { account_id: 'alice', name: 'W' },
    });
    locked.body!.getReader();
    await expect(sandbox.fetch(locked)).rejects.toThrow(TypeError);

    const broken = new ReadableStream({
      pull(controller) {
        controller.error(new Error('the stream broke'));
      },
    });
    const signed = buildRequest('http://sandbox.test', sandbox, 'POST', '/im/v2/conversation_groups', { body: {} });
    const failing = new Request(signed.url, {
      method: 'POST',
      headers: signed.headers,
      body: broken,
      duplex: 'half',
    } as RequestInit);
    const rejection = await sandbox.fetch(failing).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(TypeError);
    expect(((rejection as Error).cause as Error).message).toBe('the stream broke');
    expect(sandbox.requests.map((r) => r.code)).not.toContain(500);
  });
});
