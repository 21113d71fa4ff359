// Writes src/generated/spec.ts (the spec as data) and src/generated/validators.ts (its schemas compiled by ajv's
// standalone code) from the spec. `--check` fails (exit 1) when a committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderSpec } from './render-spec.mjs';
import { renderValidators } from './render-validators.mjs';

const files = [
  [fileURLToPath(new URL('../src/generated/spec.ts', import.meta.url)), renderSpec],
  [fileURLToPath(new URL('../src/generated/validators.ts', import.meta.url)), renderValidators],
];
let stale = false;
for (const [file, render] of files) {
  const fresh = await render();
  if (process.argv.includes('--check')) {
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (committed !== fresh) {
      console.error(`${file} does not match openapi/conversation-groups.yaml. Run \`pnpm generate\` and commit.`);
      stale = true;
    }
  } else {
    await writeFile(file, fresh);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
