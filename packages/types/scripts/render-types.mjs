// Renders the spec to TypeScript with openapi-typescript. Shared by `generate` and the drift test.
import { readFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { parse } from 'yaml';

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

/** The schema a local `$ref` (`#/components/schemas/X`) points to. */
function resolve(spec, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
}

/**
 * A property written `{ $ref }` gets no comment from openapi-typescript, so an editor's hover shows only its type.
 * Copies the referenced schema's description beside the `$ref` (OpenAPI 3.1 allows it; openapi-typescript then
 * emits it as the property's JSDoc). A property's own description wins.
 */
function describeReferencedProperties(spec) {
  const visit = (schema) => {
    if (!schema || typeof schema !== 'object') return;
    for (const property of Object.values(schema.properties ?? {})) {
      if (property?.$ref && property.description === undefined) {
        const target = resolve(spec, property.$ref);
        if (typeof target?.description === 'string') property.description = target.description;
      }
      visit(property);
    }
    for (const key of ['items', 'additionalProperties']) visit(schema[key]);
    for (const key of ['allOf', 'anyOf', 'oneOf']) for (const part of schema[key] ?? []) visit(part);
  };
  for (const schema of Object.values(spec.components?.schemas ?? {})) visit(schema);
  return spec;
}

/** @returns {Promise<string>} the generated module text */
export async function renderTypes() {
  const spec = describeReferencedProperties(parse(await readFile(specUrl, 'utf8')));
  const ast = await openapiTS(spec, {
    alphabetize: false,
    transform(schema) {
      // int64 ids above 2^53 do not fit a JS number: the spec marks them `x-nim-js-type: decimal-string`.
      if (schema['x-nim-js-type'] === 'decimal-string') {
        return ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
      }
      // A narrower TypeScript type than JSON Schema can say (a template literal for conversation ids), written
      // in the spec as TypeScript source; printed as is.
      if (typeof schema['x-nim-ts-type'] === 'string') {
        return ts.factory.createTypeReferenceNode(ts.factory.createIdentifier(schema['x-nim-ts-type']));
      }
      return undefined;
    },
  });
  return banner + astToString(ast);
}
