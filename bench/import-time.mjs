// 5. Import time: a fresh `node` that does `await import('@nim-api/client')` vs a fresh `node` that imports nothing,
// runs alternating. The child starts in packages/client, so the bare specifier resolves through the package's own
// `exports` (self-reference) to the built dist/index.js — exactly what a consumer's import loads. Judged on the
// CPU time the import adds (see spawnNodeMeasured); wall time is reported beside it.
import { quietToolEnv } from '../scripts/tool-env.mjs';
import { clientDir, interleave, paired, spawnNodeMeasured, summary } from './lib.mjs';

const { NODE_OPTIONS: _ignored, ...env } = { ...process.env, ...quietToolEnv };

function fresh(source) {
  const { wallMs, cpuMs, stdout } = spawnNodeMeasured(source, { esm: true, cwd: clientDir, env });
  return { wallMs, cpuMs, inProcessMs: stdout.trim() ? Number(stdout) : 0 };
}

export async function run({ quick }) {
  const variants = {
    client: `const t = performance.now(); await import('@nim-api/client'); process.stdout.write(String(performance.now() - t));`,
    empty: ``,
  };
  const runs = quick ? 4 : 31;
  fresh(variants.client); // warm the file-system cache
  const r = await interleave(variants, runs, fresh);
  const of = (rows, key) => rows.map((row) => row[key]);
  return {
    runs,
    processCpuMs: { client: summary(of(r.client, 'cpuMs')), empty: summary(of(r.empty, 'cpuMs')) },
    processWallMs: { client: summary(of(r.client, 'wallMs')), empty: summary(of(r.empty, 'wallMs')) },
    /** CPU time the import adds to a fresh process, per pair of neighbouring runs. Target ≤ 20 ms. */
    addedCpuMs: summary(paired(of(r.client, 'cpuMs'), of(r.empty, 'cpuMs'), (c, e) => c - e)),
    addedWallMs: summary(paired(of(r.client, 'wallMs'), of(r.empty, 'wallMs'), (c, e) => c - e)),
    /** `performance.now()` around the `import()` inside the child (module loading only, wall). */
    inProcessImportMs: summary(of(r.client, 'inProcessMs')),
  };
}
