// Runs the Worker bundle in workerd through Miniflare (the engine under `wrangler dev`), dispatches one request to it
// and prints the Worker's JSON answer. Started by the ecosystem test with the node24 runtime (Miniflare needs ≥ 22).
//   node run-workerd.mjs <miniflare package dir> <worker bundle (ESM)>
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [miniflareDir, bundle] = process.argv.slice(2);
const { Miniflare } = await import(pathToFileURL(join(miniflareDir, 'dist/src/index.js')).href);
const mf = new Miniflare({
  modules: [{ type: 'ESModule', path: 'worker.js', contents: await readFile(bundle, 'utf8') }],
  compatibilityDate: '2026-07-30',
  // Workers code reaches the loopback server like any origin.
  outboundService: undefined,
  log: undefined,
});
try {
  const response = await mf.dispatchFetch('http://worker.test/');
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the Worker answered ${response.status}: ${text.slice(0, 2000)}`);
  console.log(text);
} finally {
  await mf.dispose();
}
