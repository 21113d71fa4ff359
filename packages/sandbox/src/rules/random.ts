/**
 * A seeded source of randomness: the same seed gives the same faults, tokens and generated credentials.
 * @example
 * ```ts
 * const random: Random = createRandom(1);
 * const token = random.word();
 * ```
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
  /** A short base-36 word (8 characters), e.g. for opaque ids. */
  word(): string;
}

// splitmix32 spreads a small seed over the state; sfc32 is small, fast and passes PractRand for test use.
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A PRNG (sfc32) seeded with `seed`.
 * @example
 * ```ts
 * const random = createRandom(42);
 * if (random.next() < 0.1) console.log('fault');
 * ```
 */
export function createRandom(seed: number): Random {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const nextUint32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i += 1) nextUint32();
  return {
    next: () => nextUint32() / 2 ** 32,
    hex(length) {
      let out = '';
      while (out.length < length) out += nextUint32().toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
    word: () => (nextUint32().toString(36) + nextUint32().toString(36)).padEnd(8, '0').slice(0, 8),
  };
}

/**
 * A seed for when none is given (not reproducible on purpose).
 * @example
 * ```ts
 * const random = createRandom(options.seed ?? randomSeed());
 * ```
 */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
