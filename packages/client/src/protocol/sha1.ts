// SHA-1 for the CheckSum (a protocol requirement, not a security choice of ours), synchronous: WebCrypto's async
// digest costs a thread-pool round trip (~50 µs per attempt, bench/README.md). node:crypto where the runtime has it
// (~3 µs), found through process.getBuiltinModule so that no bundler for edge runtimes sees a `node:` import;
// FIPS 180-4 in plain JavaScript (~10 µs) everywhere else.
const encoder = new TextEncoder();
const words = new Int32Array(80);

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** The plain-JavaScript SHA-1 of the UTF-8 bytes of `text`, as 40 lowercase hex characters (any runtime). */
export function plainSha1Hex(text: string): string {
  const data = encoder.encode(text);
  // The message, a 0x80 byte, zero padding and the 64-bit bit length, in 64-byte blocks.
  const blocks = new Uint8Array(((data.length + 72) >>> 6) << 6);
  blocks.set(data);
  blocks[data.length] = 0x80;
  const view = new DataView(blocks.buffer);
  view.setUint32(blocks.length - 8, Math.floor(data.length / 0x20000000));
  view.setUint32(blocks.length - 4, data.length * 8);

  let h0 = 0x67452301,
    h1 = 0xefcdab89,
    h2 = 0x98badcfe,
    h3 = 0x10325476,
    h4 = 0xc3d2e1f0;
  for (let offset = 0; offset < blocks.length; offset += 64) {
    for (let i = 0; i < 16; i++) words[i] = view.getInt32(offset + i * 4);
    for (let i = 16; i < 80; i++) words[i] = rotl(words[i - 3]! ^ words[i - 8]! ^ words[i - 14]! ^ words[i - 16]!, 1);
    let a = h0,
      b = h1,
      c = h2,
      d = h3,
      e = h4;
    for (let i = 0; i < 80; i++) {
      const f =
        i < 20
          ? ((b & c) | (~b & d)) + 0x5a827999
          : i < 40
            ? (b ^ c ^ d) + 0x6ed9eba1
            : i < 60
              ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
              : (b ^ c ^ d) + 0xca62c1d6;
      const next = (rotl(a, 5) + f + e + words[i]!) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = next;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return [h0, h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

interface NodeCrypto {
  /** One-shot digest, Node ≥ 20.12: no Hash object per call. */
  hash?(algorithm: 'sha1', data: string, outputEncoding: 'hex'): string;
  createHash(algorithm: 'sha1'): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
}

/** node:crypto's SHA-1 of `text` as hex, or `undefined` where the runtime has no node:crypto. */
export function nodeSha1(): ((text: string) => string) | undefined {
  const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  let nodeCrypto: NodeCrypto | undefined;
  try {
    nodeCrypto = getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  } catch {
    // A runtime that has the function but not the module.
  }
  if (typeof nodeCrypto?.hash === 'function') return (text) => nodeCrypto.hash!('sha1', text, 'hex');
  return nodeCrypto?.createHash
    ? (text) => nodeCrypto.createHash('sha1').update(text, 'utf8').digest('hex')
    : undefined;
}

let chosen: ((text: string) => string) | undefined;

/** The SHA-1 digest of the UTF-8 bytes of `text`, as 40 lowercase hex characters: node:crypto or plain JS. */
export function sha1Hex(text: string): string {
  return (chosen ??= nodeSha1() ?? plainSha1Hex)(text);
}
