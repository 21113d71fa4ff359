// Runs the edge bundle in Vercel's edge-runtime (its VM: web APIs only, no eval, no Node built-ins), dispatches one
// request and prints the JSON answer.
//   node run-edge.mjs <edge-runtime package dir> <edge bundle (script)>
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [edgeDir, bundle] = process.argv.slice(2);
const { EdgeRuntime } = createRequire(join(edgeDir, 'package.json'))('edge-runtime');
const runtime = new EdgeRuntime({ initialCode: await readFile(bundle, 'utf8') });
const response = await runtime.dispatchFetch('http://edge.test/');
await response.waitUntil();
const text = await response.text();
if (response.status !== 200) throw new Error(`the edge function answered ${response.status}: ${text.slice(0, 2000)}`);
console.log(text);
