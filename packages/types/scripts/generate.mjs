// Generates src/generated/* from the spec. `--check` fails (exit 1) when a committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderConstraints } from './render-constraints.mjs';
import { renderOperations } from './render-operations.mjs';
import { renderReadmeMethods } from './render-readme-methods.mjs';
import { renderResponseShapes } from './render-response-shapes.mjs';
import { renderTypes } from './render-types.mjs';

const outputs = [
  ['../src/generated/openapi.ts', renderTypes],
  ['../src/generated/constraints.ts', renderConstraints],
  ['../src/generated/response-shapes.ts', renderResponseShapes],
  ['../src/generated/operations.ts', renderOperations],
  // The README's method table: its rows for the operations of the generated layer.
  ['../../client/README.md', renderReadmeMethods],
];

let stale = 0;
for (const [relative, render] of outputs) {
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
