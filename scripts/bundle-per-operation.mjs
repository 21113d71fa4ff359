// What one more plain operation costs the client's bundle (issue 21: ≤ 80 B min+gzip each). Builds the client's
// fetch entry twice from source — once on the spec as it is, once on a copy of it without the operations of one
// `x-nim-sdk` resource (default: conversations) — and prints both sizes and the cost per operation. The types
// package is regenerated from the copy for the second build and from the spec again at the end.
// Usage: node scripts/bundle-per-operation.mjs [resource]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { measureBundleSize } from './bundle-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const resource = process.argv[2] ?? 'conversations';
const specPath = join(root, 'openapi/conversation-groups.yaml');
const entry = join(root, 'packages/client/src/index.ts');

function regenerateTypes(env) {
  const options = { cwd: join(root, 'packages/types'), env: { ...process.env, ...env }, stdio: 'ignore' };
  execFileSync('node', ['scripts/generate.mjs'], options);
  execFileSync('pnpm', ['exec', 'tsup', '--silent'], options);
}

const spec = parse(readFileSync(specPath, 'utf8'));
let removed = 0;
for (const [path, item] of Object.entries(spec.paths)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    if (item[method]?.['x-nim-sdk']?.resource === resource) {
      delete item[method];
      removed += 1;
    }
  }
  if (!['get', 'post', 'put', 'patch', 'delete'].some((method) => item[method])) delete spec.paths[path];
}
const dir = mkdtempSync(join(tmpdir(), 'nim-bundle-'));
const without = join(dir, 'spec.yaml');
writeFileSync(without, stringify(spec));
try {
  const full = await measureBundleSize({ entry });
  regenerateTypes({ NIM_SPEC_PATH: without });
  const fewer = await measureBundleSize({ entry });
  const perOperation = Math.round((full.withDeps - fewer.withDeps) / removed);
  console.log(
    `without the ${removed} ${resource} operations: ${fewer.withDeps} B min+gzip; with them: ${full.withDeps} B; ${perOperation} B per operation`,
  );
} finally {
  regenerateTypes({});
  rmSync(dir, { recursive: true, force: true });
}
