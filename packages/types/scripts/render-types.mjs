// Renders the spec to TypeScript with openapi-typescript. Shared by `generate` and the drift test.
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

// NIM_SPEC_PATH: another spec file (a temp copy, e.g. the adding-an-operation walk and the bundle measurement).
export const specUrl = process.env.NIM_SPEC_PATH
  ? new URL(`file://${process.env.NIM_SPEC_PATH}`)
  : new URL('../../../openapi/conversation-groups.yaml', import.meta.url);

const banner = `/**
 * GENERATED FILE — DO NOT EDIT.
 * Produced by openapi-typescript from openapi/conversation-groups.yaml (\`pnpm generate\`).
 * Edit the spec and regenerate instead; the test run fails when this file is stale.
 */

`;

/** @returns {Promise<string>} the generated module text */
export async function renderTypes() {
  const ast = await openapiTS(specUrl, {
    alphabetize: false,
    // int64 ids above 2^53 do not fit a JS number: the spec marks them `x-nim-js-type: decimal-string`.
    transform(schema) {
      if (schema['x-nim-js-type'] === 'decimal-string') {
        return ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
      }
      return undefined;
    },
  });
  return banner + astToString(ast);
}
