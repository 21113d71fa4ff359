import { securityHeaders, specLimits } from '../spec/spec.js';
import { sha1Hex } from './digest.js';

/**
 * What the signature check found, in this order: `missing` (a header is absent or empty), `unknown-app-key`,
 * `bad-checksum` (not `sha1(AppSecret + Nonce + CurTime)`, or a header of the wrong shape: a Nonce over 128
 * characters, a CurTime that is not a decimal integer, a CheckSum that is not 40 hex digits), `expired` (rightly
 * signed, but CurTime is more than 5 minutes from now: negative, far future, or milliseconds instead of seconds),
 * else `valid`; `unchecked` when the request never got that far. The request log carries it.
 * @example
 * ```ts
 * const verdicts = sandbox.requests.map((r) => r.signature); // ['valid', 'expired', …]
 * ```
 */
export type SignatureVerdict = 'valid' | 'missing' | 'unknown-app-key' | 'bad-checksum' | 'expired' | 'unchecked';

const [appKeyHeader = 'AppKey', nonceHeader = 'Nonce', curTimeHeader = 'CurTime', checkSumHeader = 'CheckSum'] =
  securityHeaders;
const validityMs = specLimits.checkSumValiditySeconds * 1000;
// Any decimal integer, signed: a rightly signed `-5` or a milliseconds value is `expired`, not `bad-checksum`.
const curTimeShape = /^-?[0-9]{1,20}$/;
const checkSumShape = /^[0-9a-fA-F]{40}$/;

/** Compares two 40-digit hex strings in constant time (no early exit on the first difference). */
function sameHex(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * The secret of an AppKey, or `undefined` for an AppKey the sandbox does not know.
 * @example
 * ```ts
 * const secretOf: SecretLookup = (key) => (key === appKey ? appSecret : undefined);
 * ```
 */
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
export function checkSignature(
  header: (name: string) => string | undefined,
  secretOf: SecretLookup,
  now: number,
): { verdict: SignatureVerdict; appKey: string | undefined } {
  const appKey = header(appKeyHeader);
  const nonce = header(nonceHeader);
  const curTime = header(curTimeHeader);
  const checkSum = header(checkSumHeader);
  if (!appKey || !nonce || !curTime || !checkSum) return { verdict: 'missing', appKey };
  const secret = secretOf(appKey);
  if (secret === undefined) return { verdict: 'unknown-app-key', appKey };
  if (nonce.length > 128 || !curTimeShape.test(curTime) || !checkSumShape.test(checkSum))
    return { verdict: 'bad-checksum', appKey };
  if (!sameHex(sha1Hex(secret + nonce + curTime), checkSum.toLowerCase())) return { verdict: 'bad-checksum', appKey };
  if (Math.abs(now - Number(curTime) * 1000) > validityMs) return { verdict: 'expired', appKey };
  return { verdict: 'valid', appKey };
}
