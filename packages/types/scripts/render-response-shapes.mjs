// Renders, per operationId, the shape of the `data` a code-200 answer carries, read from the spec's response
// schemas, so the client checks what it returns against the spec instead of a hand-copied list of fields.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { specUrl } from './render-types.mjs';

const banner = `/**
 * GENERATED FILE — DO NOT EDIT.
 * Shapes of successful response data read from openapi/conversation-groups.yaml (\`pnpm generate\`).
 */

`;

const refName = (ref) => ref.replace('#/components/schemas/', '');

/** The compact shape of one schema; named component schemas stay references so the file stays small. */
function shapeOf(schema, schemas) {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    const target = schemas[name];
    // Scalars are inlined; objects and arrays are referenced by name.
    return target.type === 'object' || target.type === 'array' ? { ref: name } : shapeOf(target, schemas);
  }
  if (schema.anyOf) {
    // `data` is `anyOf [result, EmptyObject]`: a code-200 answer carries the result.
    const results = schema.anyOf.filter((branch) => branch.$ref !== '#/components/schemas/EmptyObject');
    if (results.length !== 1) throw new Error('expected exactly one non-empty branch in anyOf');
    return shapeOf(results[0], schemas);
  }
  if (schema['x-nim-js-type'] === 'decimal-string') return { type: 'groupId' };
  switch (schema.type) {
    case 'object':
      return {
        type: 'object',
        required: schema.required ?? [],
        properties: Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([key, value]) => [key, shapeOf(value, schemas)]),
        ),
      };
    case 'array':
      return { type: 'array', items: shapeOf(schema.items, schemas) };
    case 'string':
    case 'integer':
    case 'boolean':
      return { type: schema.type };
    default:
      throw new Error(`unsupported schema type ${JSON.stringify(schema.type)}`);
  }
}

/** @returns {Promise<string>} the generated module text */
export async function renderResponseShapes() {
  const spec = parse(await readFile(specUrl, 'utf8'));
  const { schemas } = spec.components;
  const byOperation = {};
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (!operation?.operationId) continue;
      const envelope = operation.responses['200'].content['application/json'].schema;
      byOperation[operation.operationId] = shapeOf(schemas[refName(envelope.$ref)].properties.data, schemas);
    }
  }
  // Every named shape reachable from an operation, rendered once, in name order.
  const named = {};
  const collect = (shape) => {
    if (shape.ref && !(shape.ref in named)) {
      named[shape.ref] = shapeOf({ ...schemas[shape.ref] }, schemas);
      collect(named[shape.ref]);
    }
    if (shape.items) collect(shape.items);
    for (const field of Object.values(shape.properties ?? {})) collect(field);
  };
  Object.values(byOperation).forEach(collect);
  const sortedNamed = Object.fromEntries(
    Object.keys(named)
      .sort()
      .map((name) => [name, named[name]]),
  );
  return `${banner}/** A response field's shape: an object's required and known fields, an array's items, a scalar, or a named shape. */
export type ResponseShape =
  | { readonly type: 'object'; readonly required: readonly string[]; readonly properties: { readonly [field: string]: ResponseShape } }
  | { readonly type: 'array'; readonly items: ResponseShape }
  | { readonly type: 'string' | 'integer' | 'boolean' | 'groupId' }
  | { readonly ref: string };

/** The \`data\` of a code-200 answer, per operationId, and the named shapes it refers to. */
export const responseShapes: {
  readonly byOperation: { readonly [operationId: string]: ResponseShape };
  readonly named: { readonly [name: string]: ResponseShape };
} = ${JSON.stringify({ byOperation, named: sortedNamed }, null, 2)};
`;
}
