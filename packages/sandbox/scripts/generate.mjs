// Writes src/generated/spec.ts from the spec. `--check` fails (exit 1) when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderSpec } from './render-spec.mjs';

const file = fileURLToPath(new URL('../src/generated/spec.ts', import.meta.url));
const fresh = await renderSpec();
if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== fresh) {
    console.error(`${file} does not match openapi/conversation-groups.yaml. Run \`pnpm generate\` and commit.`);
    process.exit(1);
  }
} else {
  await writeFile(file, fresh);
  console.log(`wrote ${file}`);
}
