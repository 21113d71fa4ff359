import type { Middleware } from 'openapi-fetch';

import { NimValidationError } from '../errors/errors.js';
import { sha1Hex } from './sha1.js';

const hexByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += hexByte[byte];
  return hex;
}

/**
 * The request signature: lowercase hex SHA-1 of `appSecret + nonce + curTime` (synchronous: node:crypto where the
 * runtime has it, plain JavaScript elsewhere, so it runs on Node, Bun, Deno and edge runtimes without a
 * thread-pool round trip per attempt).
 *
 * @example
 * ```ts
 * checksum('abcdef123456', '4tgggergigwow323t23t', '1443592222');
 * // → '2a5be7297876a281b888aead8752a54e1f9ab04a'
 * ```
 */
export function checksum(appSecret: string, nonce: string, curTime: string): string {
  if (typeof appSecret !== 'string' || typeof nonce !== 'string' || typeof curTime !== 'string') {
    // The values are not quoted: one of them is the AppSecret.
    throw new NimValidationError([{ path: 'checksum', message: 'appSecret, nonce and curTime must be strings' }]);
  }
  return sha1Hex(appSecret + nonce + curTime);
}

// Nonces are cut from a pool of CSPRNG bytes (one getRandomValues call per 256 nonces: ~0.4 µs a nonce instead of
// ~3 µs); every byte is used once, the pool is refilled with fresh bytes when it runs out.
const nonceHexLength = 32;
const poolBytes = 4096;
let noncePool = '';
let nonceOffset = 0;

/** A cryptographically random nonce: 32 hex characters (the API accepts up to 128), never reused. */
export function createNonce(): string {
  if (nonceOffset === noncePool.length) {
    noncePool = toHex(crypto.getRandomValues(new Uint8Array(poolBytes)));
    nonceOffset = 0;
  }
  return noncePool.slice(nonceOffset, (nonceOffset += nonceHexLength));
}

/** A trace id like the official SDKs send: a dash-less UUID v4 (122 random bits from the same pool as nonces). */
export function createTraceId(): string {
  const hex = createNonce();
  // UUID v4 layout: version nibble 4 at index 12, variant 8–b at index 16.
  return `${hex.slice(0, 12)}4${hex.slice(13, 16)}${'89ab'[parseInt(hex[16]!, 16) & 3]}${hex.slice(17)}`;
}

/** The header that carries the trace id. */
export const traceIdHeader = 'X-custom-traceid';
const jsonContentType = 'application/json;charset=utf-8';

/**
 * The openapi-fetch middleware that signs a request. openapi-fetch runs it once per call, and the retry loop
 * makes one call per attempt, so every attempt gets a fresh Nonce, CurTime and CheckSum. Signed headers overwrite
 * whatever the caller set; the trace id set by the retry loop (or the caller) is kept.
 */
export function createSigningMiddleware(appKey: string, appSecret: string, now: () => number = Date.now): Middleware {
  return {
    onRequest({ request }) {
      const nonce = createNonce();
      const curTime = String(Math.floor(now() / 1000));
      const headers = request.headers;
      headers.set('AppKey', appKey);
      headers.set('Nonce', nonce);
      headers.set('CurTime', curTime);
      headers.set('CheckSum', checksum(appSecret, nonce, curTime));
      if (!headers.has(traceIdHeader)) headers.set(traceIdHeader, createTraceId());
      if (request.body === null) headers.delete('Content-Type');
      else headers.set('Content-Type', jsonContentType);
      return request;
    },
  };
}
