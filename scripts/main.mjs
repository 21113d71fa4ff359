// The main job (README command 1, after install): build, lint (the spec and the code), render what the spec yields.
import { spawnSync } from 'node:child_process';
import { quietToolEnv } from './tool-env.mjs';

const env = { ...process.env, ...quietToolEnv };

function step(title, command, args) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

step('build all packages', 'pnpm', ['exec', 'turbo', 'run', 'build']);
// The spec (Redocly), then all TypeScript/JavaScript (Biome: lint rules, the one-way imports, formatting).
step('lint', 'pnpm', ['lint']);
step('build the docs site', 'pnpm', ['exec', 'turbo', 'run', 'docs']);

// Keep this the last step: a stateful walk through every operation with @nim-api/client against the embedded
// @nim-api/sandbox (in process: create, add, page, batch get with an unknown id, delete, then the deleted group not
// found). NIM_BASE_URL is dropped so a real host set in the shell is never called. `pnpm mock` still starts Prism.
delete env.NIM_BASE_URL;
delete env.NIM_MOCK;
step('quickstart against the embedded sandbox', 'pnpm', ['example']);

console.log(`
✔ main job done. Outputs:
  packages/types/dist/      @nim-api/types (ESM + CJS + .d.ts)
  packages/client/dist/     @nim-api/client (ESM + CJS + .d.ts)
  packages/sandbox/dist/    @nim-api/sandbox (ESM + CJS + .d.ts, and the nim-sandbox CLI)
  packages/redis/dist/      @nim-api/redis (ESM + CJS + .d.ts)
  packages/docs/site/       the docs site: index.html (open it, or \`pnpm docs:serve\`), openapi.yaml, openapi.json, sdk/ (SDK reference)`);
