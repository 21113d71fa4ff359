// 6. Type-check cost for a consumer: `tsc -p` (noEmit) on typecheck/consumer.ts (all nine methods and
// iterateConversations against the BUILT declarations, dist/index.d.ts) vs typecheck/empty.ts with the same options
// (the repo's tsconfig.base.json: strict, NodeNext, @types/node). Fresh tsc processes, alternating; judged on the CPU
// time the consumer adds (see spawnNodeMeasured), wall time beside it.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { quietToolEnv } from '../scripts/tool-env.mjs';
import { interleave, paired, root, spawnNodeMeasured, summary } from './lib.mjs';

const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
const project = (name) => join(root, 'bench/typecheck', `tsconfig.${name}.json`);
const env = { ...process.env, ...quietToolEnv };

// `node -e <src> <tsc> -p <project>`: process.argv is [node, tsc, -p, project], as when tsc runs itself.
const typecheck = (name) => spawnNodeMeasured('require(process.argv[1]);', { args: [tsc, '-p', project(name)], env });

export async function run({ quick }) {
  const rounds = quick ? 2 : 5;
  const r = await interleave({ consumer: 'consumer', empty: 'empty' }, rounds, typecheck);
  const of = (rows, key) => rows.map((row) => row[key] / 1000);
  return {
    rounds,
    cpuS: { consumer: summary(of(r.consumer, 'cpuMs')), empty: summary(of(r.empty, 'cpuMs')) },
    wallS: { consumer: summary(of(r.consumer, 'wallMs')), empty: summary(of(r.empty, 'wallMs')) },
    /** CPU seconds the consumer file adds, per pair of neighbouring runs. Target ≤ 1.5 s. */
    addedCpuS: summary(paired(of(r.consumer, 'cpuMs'), of(r.empty, 'cpuMs'), (c, e) => c - e)),
    addedWallS: summary(paired(of(r.consumer, 'wallMs'), of(r.empty, 'wallMs'), (c, e) => c - e)),
  };
}
