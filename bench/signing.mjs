// 3. Signing cost per attempt: a nonce + the CheckSum. The client's way (getRandomValues + the exported `checksum`,
// a synchronous plain-JS SHA-1) beside WebCrypto's async crypto.subtle.digest (the client's first implementation)
// and node:crypto (what the hand-written baseline uses; the client cannot, it must also run on edge runtimes).
import { createHash, randomBytes } from 'node:crypto';
import { appSecret, handNonce, importClient, interleave, paired, summary } from './lib.mjs';

const encoder = new TextEncoder();

export async function run({ quick }) {
  const { checksum } = await importClient();
  const curTime = () => String(Math.floor(Date.now() / 1000));
  const variants = {
    client: async () => checksum(appSecret, handNonce(), curTime()),
    webCrypto: async () => {
      const digest = await crypto.subtle.digest('SHA-1', encoder.encode(appSecret + handNonce() + curTime()));
      return Buffer.from(digest).toString('hex');
    },
    nodeCrypto: async () =>
      createHash('sha1')
        .update(appSecret + randomBytes(16).toString('hex') + curTime())
        .digest('hex'),
  };
  const ops = quick ? 1_000 : 5_000;
  const rounds = quick ? 3 : 9;
  const perOp = async (op) => {
    const started = performance.now();
    for (let i = 0; i < ops; i += 1) await op();
    return ((performance.now() - started) * 1000) / ops;
  };
  for (const op of Object.values(variants)) await perOp(op); // warm-up
  const r = await interleave(variants, rounds, perOp);
  return {
    ops,
    rounds,
    usPerAttempt: { client: summary(r.client), webCrypto: summary(r.webCrypto), nodeCrypto: summary(r.nodeCrypto) },
    /** client ÷ node:crypto. */
    ratio: summary(paired(r.client, r.nodeCrypto, (c, n) => c / n)),
  };
}
