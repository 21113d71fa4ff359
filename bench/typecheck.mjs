// 6. Type-check cost for a consumer: wall time of `tsc --noEmit` on typecheck/consumer.ts (all nine methods and
// iterateConversations against the BUILT declarations, dist/index.d.ts) vs typecheck/empty.ts with the same options
// (the repo's tsconfig.base.json: strict, NodeNext, @types/node). Fresh tsc processes, alternating.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { quietToolEnv } from '../scripts/tool-env.mjs';
import { interleave, paired, root, summary } from './lib.mjs';

const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
const project = (name) => join(root, 'bench/typecheck', `tsconfig.${name}.json`);

function typecheck(name) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [tsc, '-p', project(name)], { cwd: root, env: { ...process.env, ...quietToolEnv }, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`tsc -p ${project(name)} failed:\n${child.stdout}${child.stderr}`);
  return ms;
}

export async function run({ quick }) {
  const rounds = quick ? 2 : 5;
  const r = await interleave({ consumer: 'consumer', empty: 'empty' }, rounds, typecheck);
  return {
    rounds,
    wallMs: { consumer: summary(r.consumer), empty: summary(r.empty) },
    /** Seconds the consumer file adds, per pair of neighbouring runs. Target ≤ 1.5 s. */
    addedS: summary(paired(r.consumer, r.empty, (c, e) => (c - e) / 1000)),
  };
}
