import fc from 'fast-check';
import { fcParams } from '../support/fc.js';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { checkSignature } from '../../src/rules/signature.js';
import { checkSum } from '../support/signed.js';

const secret = 'abcdef123456';
const lookup = (key: string) => (key === 'app' ? secret : undefined);
const headersOf = (h: Record<string, string>) => (name: string) => h[name];

describe('checkSignature', () => {
  it('accepts the known-answer vector of the spec', () => {
    const headers = {
      AppKey: 'app',
      Nonce: '4tgggergigwow323t23t',
      CurTime: '1443592222',
      CheckSum: '2a5be7297876a281b888aead8752a54e1f9ab04a',
    };
    expect(checkSignature(headersOf(headers), lookup, 1443592222_000).verdict).toBe('valid');
    expect(
      checkSignature(headersOf({ ...headers, CheckSum: headers.CheckSum.toUpperCase() }), lookup, 1443592222_000)
        .verdict,
    ).toBe('valid');
  });

  it('says why a signature is refused: missing header, unknown AppKey, bad CheckSum, CurTime outside 5 minutes', () => {
    const now = 1_800_000_000_000;
    const curTime = String(now / 1000);
    const good = { AppKey: 'app', Nonce: 'n1', CurTime: curTime, CheckSum: checkSum(secret, 'n1', curTime) };
    for (const name of Object.keys(good)) {
      const without = { ...good } as Record<string, string>;
      delete without[name];
      expect(checkSignature(headersOf(without), lookup, now).verdict, name).toBe('missing');
    }
    expect(checkSignature(headersOf({ ...good, AppKey: 'other' }), lookup, now).verdict).toBe('unknown-app-key');
    expect(checkSignature(headersOf({ ...good, Nonce: 'n2' }), lookup, now).verdict).toBe('bad-checksum');
    expect(checkSignature(headersOf({ ...good, CheckSum: 'zz' }), lookup, now).verdict).toBe('bad-checksum');
    expect(checkSignature(headersOf({ ...good, Nonce: 'n'.repeat(129) }), lookup, now).verdict).toBe('bad-checksum');
    expect(checkSignature(headersOf(good), lookup, now + 300_000).verdict).toBe('valid');
    expect(checkSignature(headersOf(good), lookup, now + 301_000).verdict).toBe('expired');
    expect(checkSignature(headersOf(good), lookup, now - 301_000).verdict).toBe('expired');
  });

  it('calls a rightly signed CurTime far from now expired, whatever its form: negative, far future, milliseconds', () => {
    const now = 1_800_000_000_000;
    for (const curTime of ['-5', '0', '99999999999999999999', String(now), String(now / 1000 + 3600)]) {
      const headers = { AppKey: 'app', Nonce: 'n1', CurTime: curTime, CheckSum: checkSum(secret, 'n1', curTime) };
      expect(checkSignature(headersOf(headers), lookup, now).verdict, curTime).toBe('expired');
      expect(checkSignature(headersOf({ ...headers, Nonce: 'n2' }), lookup, now).verdict, curTime).toBe('bad-checksum');
    }
    for (const curTime of ['abc', '1e9', '1.5', ' 1']) {
      const headers = { AppKey: 'app', Nonce: 'n1', CurTime: curTime, CheckSum: checkSum(secret, 'n1', curTime) };
      expect(checkSignature(headersOf(headers), lookup, now).verdict, curTime).toBe('bad-checksum');
    }
  });

  it('is valid exactly for sha1(secret + nonce + curtime), whatever the nonce and time (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 128, unit: 'grapheme-ascii' }),
        fc.integer({ min: 1, max: 4_000_000_000 }),
        fc.stringMatching(/^[0-9a-f]{40}$/),
        (nonce, seconds, other) => {
          const curTime = String(seconds);
          const right = checkSum(secret, nonce, curTime);
          const header = (sum: string) => headersOf({ AppKey: 'app', Nonce: nonce, CurTime: curTime, CheckSum: sum });
          expect(checkSignature(header(right), lookup, seconds * 1000).verdict).toBe('valid');
          if (other.toLowerCase() !== right)
            expect(checkSignature(header(other), lookup, seconds * 1000).verdict).toBe('bad-checksum');
        },
      ),
      fcParams(12, 200),
    );
  });
});

describe('signatures through the sandbox', () => {
  it('answers 403 (the code the spec names for authentication) before anything else, and logs the verdict', async () => {
    const sandbox = createSandbox({ appKey: 'app', appSecret: secret, accounts: ['alice'] });
    const expired = String(Math.floor(Date.now() / 1000) - 600);
    const cases: [Record<string, string>, string][] = [
      [{}, 'missing'],
      [{ AppKey: 'nope', Nonce: 'n', CurTime: expired, CheckSum: checkSum(secret, 'n', expired) }, 'unknown-app-key'],
      [{ AppKey: 'app', Nonce: 'n', CurTime: expired, CheckSum: checkSum(secret, 'n', expired) }, 'expired'],
      [{ AppKey: 'app', Nonce: 'n', CurTime: expired, CheckSum: checkSum('wrong', 'n', expired) }, 'bad-checksum'],
    ];
    for (const [headers, verdict] of cases) {
      // A malformed account too: the signature is checked first.
      const response = await sandbox.fetch(
        new Request('http://sandbox.test/im/v2/conversation_groups?account_id=bad%20id', { headers }),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ code: 403, msg: 'authentication failed', data: {} });
      expect(sandbox.requests.at(-1)).toMatchObject({
        operation: 'listConversationGroups',
        signature: verdict,
        code: 403,
        status: 200,
      });
    }
    expect(JSON.stringify(sandbox.requests)).not.toContain(secret);
  });
});
