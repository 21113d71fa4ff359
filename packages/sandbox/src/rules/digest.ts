// SHA-1, HMAC-SHA-1 and base64url in plain TypeScript, synchronous, on any runtime: the signature check, page
// tokens and the allocation answer's fingerprint need them on a request's path, where Web Crypto is asynchronous and
// `node:crypto` is absent (Cloudflare's workerd, Vercel's edge runtime, a browser).

const encoder = new TextEncoder();

// One message schedule for every call: the digests run synchronously, one at a time.
const w = new Uint32Array(80);

/**
 * The SHA-1 digest (FIPS 180-4) of some bytes.
 * @example
 * ```ts
 * sha1(new TextEncoder().encode('abc')); // Uint8Array(20) a9 99 3e 36 …
 * ```
 */
export function sha1(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  // The message, a 1 bit, zeros up to 56 mod 64 bytes, then the length in bits as a 64-bit big-endian number.
  const blocks = ((length + 8) >> 6) + 1;
  const padded = new Uint8Array(blocks << 6);
  padded.set(bytes);
  padded[length] = 0x80;
  const bitsHigh = Math.floor(length / 0x2000_0000);
  const bitsLow = (length << 3) >>> 0;
  const end = padded.length;
  padded[end - 8] = bitsHigh >>> 24;
  padded[end - 7] = bitsHigh >>> 16;
  padded[end - 6] = bitsHigh >>> 8;
  padded[end - 5] = bitsHigh;
  padded[end - 4] = bitsLow >>> 24;
  padded[end - 3] = bitsLow >>> 16;
  padded[end - 2] = bitsLow >>> 8;
  padded[end - 1] = bitsLow;

  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  for (let block = 0; block < end; block += 64) {
    for (let t = 0, i = block; t < 16; t += 1, i += 4)
      w[t] = (padded[i]! << 24) | (padded[i + 1]! << 16) | (padded[i + 2]! << 8) | padded[i + 3]!;
    for (let t = 16; t < 80; t += 1) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let t = 0; t < 80; t += 1) {
      const f =
        t < 20
          ? ((b & c) | (~b & d)) + 0x5a827999
          : t < 40
            ? (b ^ c ^ d) + 0x6ed9eba1
            : t < 60
              ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
              : (b ^ c ^ d) + 0xca62c1d6;
      const next = (((a << 5) | (a >>> 27)) + f + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  const out = new Uint8Array(20);
  const words = [h0, h1, h2, h3, h4];
  for (let i = 0; i < 5; i += 1) {
    const h = words[i]!;
    out[i * 4] = h >>> 24;
    out[i * 4 + 1] = h >>> 16;
    out[i * 4 + 2] = h >>> 8;
    out[i * 4 + 3] = h;
  }
  return out;
}

const hexDigits = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Bytes as lower-case hex.
 * @example
 * ```ts
 * toHex(new Uint8Array([0, 255])); // '00ff'
 * ```
 */
export function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += hexDigits[byte];
  return text;
}

/**
 * The SHA-1 of a text's UTF-8 bytes, in lower-case hex (what `CheckSum` is made of).
 * @example
 * ```ts
 * sha1Hex('abc'); // 'a9993e364706816aba3e25717850c26c9cd0d89d'
 * ```
 */
export function sha1Hex(text: string): string {
  return toHex(sha1(encoder.encode(text)));
}

/**
 * HMAC-SHA-1 (RFC 2104) of a text's UTF-8 bytes under a key.
 * @example
 * ```ts
 * const mac = hmacSha1(crypto.getRandomValues(new Uint8Array(32)), 'walk.20');
 * ```
 */
export function hmacSha1(key: Uint8Array, text: string): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha1(key) : key);
  const message = encoder.encode(text);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 20);
  for (let i = 0; i < 64; i += 1) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha1(inner), 64);
  return sha1(outer);
}

const base64urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Bytes as base64url without padding.
 * @example
 * ```ts
 * toBase64url(new TextEncoder().encode('a.1')); // 'YS4x'
 * ```
 */
export function toBase64url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c += 1) text += base64urlAlphabet[(n >> (18 - 6 * c)) & 63];
  }
  return text;
}

/**
 * base64url text (with or without padding) as a latin1 string, one character per byte; `undefined` when it is
 * not base64url.
 * @example
 * ```ts
 * fromBase64urlLatin1('YS4x'); // 'a.1'
 * ```
 */
export function fromBase64urlLatin1(text: string): string | undefined {
  const body = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) return undefined;
  let out = '';
  let bits = 0;
  let value = 0;
  for (const char of body) {
    value = (value << 6) | base64urlAlphabet.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

/**
 * Compares two texts in constant time for their length (no early exit on the first difference).
 * @example
 * ```ts
 * sameText(expectedMac, givenMac); // true or false, in the same time either way
 * ```
 */
export function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i % Math.max(b.length, 1));
  return difference === 0;
}
