// Generates src/generated/openapi.ts from the spec. `--check` fails (exit 1) when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderTypes } from './render-types.mjs';

const outFile = fileURLToPath(new URL('../src/generated/openapi.ts', import.meta.url));
const fresh = await renderTypes();

if (process.argv.includes('--check')) {
  const committed = await readFile(outFile, 'utf8').catch(() => '');
  if (committed !== fresh) {
    console.error(`${outFile} does not match openapi/conversation-groups.yaml. Run \`pnpm generate\` and commit.`);
    process.exit(1);
  }
  console.log('types are up to date with the spec');
} else {
  await writeFile(outFile, fresh);
  console.log(`wrote ${outFile}`);
}
