// Writes src/generated/spec.ts (the spec as data), src/generated/validators.ts (its schemas compiled by ajv's
// standalone code) and src/handlers/index.ts (the handler registry) from the spec. `--check` fails (exit 1) when a
// committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderHandlers } from './render-handlers.mjs';
import { renderSpec } from './render-spec.mjs';
import { renderValidators } from './render-validators.mjs';

let stale = 0;
for (const [relative, render] of [
  ['../src/generated/spec.ts', renderSpec],
  ['../src/generated/validators.ts', renderValidators],
  ['../src/handlers/index.ts', renderHandlers],
]) {
  const file = fileURLToPath(new URL(relative, import.meta.url));
  const fresh = await render();
  if (process.argv.includes('--check')) {
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (committed !== fresh) {
      console.error(`${file} does not match openapi/conversation-groups.yaml. Run \`pnpm generate\` and commit.`);
      stale += 1;
    }
  } else {
    await writeFile(file, fresh);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
