// 5. Import time: wall time of a fresh `node` that does `await import('@nim-api/client')` vs a fresh `node` that
// imports nothing, runs alternating. The child starts in packages/client, so the bare specifier resolves through the
// package's own `exports` (self-reference) to the built dist/index.js — exactly what a consumer's import loads.
import { spawnSync } from 'node:child_process';
import { quietToolEnv } from '../scripts/tool-env.mjs';
import { clientDir, interleave, paired, summary } from './lib.mjs';

const { NODE_OPTIONS: _ignored, ...env } = { ...process.env, ...quietToolEnv };

function spawnNode(source) {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: clientDir, env, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`node -e failed: ${child.stderr}`);
  return { wallMs, inProcessMs: child.stdout.trim() ? Number(child.stdout) : 0 };
}

export async function run({ quick }) {
  const variants = {
    client: `const t = performance.now(); await import('@nim-api/client'); process.stdout.write(String(performance.now() - t));`,
    empty: ``,
  };
  const runs = quick ? 4 : 15;
  spawnNode(variants.client); // warm the file-system cache
  const r = await interleave(variants, runs, (source) => spawnNode(source));
  const wall = (rows) => rows.map((row) => row.wallMs);
  return {
    runs,
    processWallMs: { client: summary(wall(r.client)), empty: summary(wall(r.empty)) },
    /** Wall time the import adds to a fresh process, per pair of neighbouring runs. Target ≤ 20 ms. */
    addedMs: summary(paired(wall(r.client), wall(r.empty), (c, e) => c - e)),
    /** `performance.now()` around the `import()` inside the child (module loading only). */
    inProcessImportMs: summary(r.client.map((row) => row.inProcessMs)),
  };
}
