// 3. Signing cost per attempt: a nonce + the CheckSum. The client's way (WebCrypto: getRandomValues + the exported
// `checksum`, i.e. crypto.subtle.digest('SHA-1')) and, for context only, node:crypto (randomBytes + createHash),
// which the client does not use because it must also run on edge runtimes without node:crypto.
import { createHash, randomBytes } from 'node:crypto';
import { appSecret, handNonce, importClient, interleave, paired, summary } from './lib.mjs';

export async function run({ quick }) {
  const { checksum } = await importClient();
  const variants = {
    webCrypto: async () => {
      const nonce = handNonce();
      return checksum(appSecret, nonce, String(Math.floor(Date.now() / 1000)));
    },
    nodeCrypto: async () => {
      const nonce = randomBytes(16).toString('hex');
      return createHash('sha1').update(appSecret + nonce + String(Math.floor(Date.now() / 1000))).digest('hex');
    },
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
    usPerAttempt: { webCrypto: summary(r.webCrypto), nodeCrypto: summary(r.nodeCrypto) },
    /** WebCrypto ÷ node:crypto. */
    ratio: summary(paired(r.webCrypto, r.nodeCrypto, (w, n) => w / n)),
  };
}
