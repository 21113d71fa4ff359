// The sandbox's own SHA-1, HMAC-SHA-1 and base64url (no node:crypto, so it runs on workerd and edge) against
// Node's, on any input.
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64urlLatin1, hmacSha1, sameText, sha1, sha1Hex, toBase64url, toHex } from '../../src/rules/digest.js';

const seed = Number(process.env.FC_SEED ?? 20261207);
const runs = { seed, numRuns: 300 };

describe('digest (FC_SEED=%s)'.replace('%s', String(seed)), () => {
  it('sha1 equals node:crypto for any bytes, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(toHex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
      }),
      runs,
    );
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });

  it('sha1Hex of any text (UTF-8) equals node:crypto', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        expect(sha1Hex(text)).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
      }),
      runs,
    );
  });

  it('hmacSha1 equals node:crypto for any key (short or over a block) and text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.string({ maxLength: 80 }), (key, text) => {
        expect(toHex(hmacSha1(key, text))).toBe(createHmac('sha1', key).update(text, 'utf8').digest('hex'));
      }),
      runs,
    );
  });

  it('base64url equals Buffer, and reads back; what is not base64url reads as undefined', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => {
        const text = toBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64urlLatin1(text)).toBe(Buffer.from(bytes).toString('latin1'));
      }),
      runs,
    );
    expect(fromBase64urlLatin1('a+b/')).toBeUndefined();
    expect(fromBase64urlLatin1('abcde')).toBeUndefined();
  });

  it('sameText is equality', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        expect(sameText(a, b)).toBe(a === b);
        expect(sameText(a, a)).toBe(true);
      }),
      runs,
    );
  });
});
