import { createHash, timingSafeEqual } from 'node:crypto';
import { securityHeaders, specLimits } from '../spec/spec.js';

/**
 * What the signature check found: `valid`, or why not. The request log carries it.
 * @example
 * ```ts
 * const verdicts = sandbox.requests.map((r) => r.signature); // ['valid', 'expired', …]
 * ```
 */
export type SignatureVerdict = 'valid' | 'missing' | 'unknown-app-key' | 'bad-checksum' | 'expired' | 'unchecked';

const [appKeyHeader = 'AppKey', nonceHeader = 'Nonce', curTimeHeader = 'CurTime', checkSumHeader = 'CheckSum'] = securityHeaders;
const validityMs = specLimits.checkSumValiditySeconds * 1000;
const curTimeShape = /^[0-9]{1,12}$/;
const checkSumShape = /^[0-9a-fA-F]{40}$/;

/** The secret of an AppKey, or `undefined` for an AppKey the sandbox does not know. */
export type SecretLookup = (appKey: string) => string | undefined;

/**
 * Checks the four signing headers: a known AppKey, a Nonce (≤ 128 characters), a CurTime within the CheckSum's
 * validity (5 minutes either way) and `CheckSum = sha1(AppSecret + Nonce + CurTime)` in hex (letter case ignored).
 * @example
 * ```ts
 * const verdict = checkSignature((name) => request.headers.get(name) ?? undefined, (key) => secrets.get(key), Date.now());
 * if (verdict !== 'valid') return envelope(403);
 * ```
 */
export function checkSignature(header: (name: string) => string | undefined, secretOf: SecretLookup, now: number): { verdict: SignatureVerdict; appKey: string | undefined } {
  const appKey = header(appKeyHeader);
  const nonce = header(nonceHeader);
  const curTime = header(curTimeHeader);
  const checkSum = header(checkSumHeader);
  if (!appKey || !nonce || !curTime || !checkSum) return { verdict: 'missing', appKey };
  const secret = secretOf(appKey);
  if (secret === undefined) return { verdict: 'unknown-app-key', appKey };
  if (nonce.length > 128 || !curTimeShape.test(curTime) || !checkSumShape.test(checkSum)) return { verdict: 'bad-checksum', appKey };
  const expected = createHash('sha1').update(secret + nonce + curTime).digest();
  if (!timingSafeEqual(expected, Buffer.from(checkSum, 'hex'))) return { verdict: 'bad-checksum', appKey };
  if (Math.abs(now - Number(curTime) * 1000) > validityMs) return { verdict: 'expired', appKey };
  return { verdict: 'valid', appKey };
}
