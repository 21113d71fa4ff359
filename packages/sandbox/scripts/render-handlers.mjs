// Renders src/handlers/index.ts: the registry of the sandbox's hand-written handlers, one per operationId of the
// spec, each imported from the file named after it (createConversationGroup → create-conversation-group.ts). A new
// operation needs only its handler file: a missing one fails the build, naming the file.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { specUrl } from './render-spec.mjs';

const kebab = (id) => id.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** @returns {Promise<string>} the generated module text */
export async function renderHandlers() {
  const spec = parse(await readFile(specUrl, 'utf8'));
  const ids = Object.values(spec.paths)
    .flatMap((item) => ['get', 'put', 'post', 'patch', 'delete'].map((method) => item[method]?.operationId))
    .filter(Boolean)
    .sort();
  const imports = ids.map((id) => `import { ${id} } from './${kebab(id)}.js';`).join('\n');
  return `/**
 * GENERATED FILE — DO NOT EDIT (\`pnpm generate\`, scripts/render-handlers.mjs).
 * One handler per operationId of openapi/conversation-groups.yaml, from the file named after it.
 */
import type { OperationId } from '@nim-api/types';
import type { Handler } from './context.js';
${imports}

/**
 * One handler per operationId of the spec, keyed by the generated \`OperationId\`: an operation added to the spec
 * does not build until its handler file exists.
 * @example
 * \`\`\`ts
 * const result = handlers[operation.operationId](context);
 * \`\`\`
 */
export const handlers: Readonly<Record<OperationId, Handler>> = {
${ids.map((id) => `  ${id},`).join('\n')}
};
`;
}
