// Renders the operation table: per operationId what a client, a server or a test needs to call it — method, path
// template, parameters with the check each gets, the result's lists and int64 fields, retry safety, the SDK name,
// pagination and chunking — plus the code→error-class table. Every fact is read from the spec (`x-nim-*` extensions
// for the SDK's); an operation without `x-nim-sdk` fails the generation with a message naming it.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { specUrl } from './render-types.mjs';

const banner = `/**
 * GENERATED FILE — DO NOT EDIT.
 * The operation table read from openapi/conversation-groups.yaml (\`pnpm generate\`).
 */

`;

const httpMethods = ['get', 'post', 'patch', 'put', 'delete'];
const schemaName = (ref) => ref.replace('#/components/schemas/', '');

/** Reads the spec and returns the table (throws a message naming the operation and what it lacks). */
export async function readOperationTable() {
  const spec = parse(await readFile(specUrl, 'utf8'));
  const resolve = (node) => {
    while (node?.$ref) {
      node = node.$ref
        .slice(2)
        .split('/')
        .reduce((at, key) => at?.[key], spec);
    }
    return node;
  };

  /** Whether `schema` is GroupId, by reference (directly or through allOf). */
  const isGroupId = (schema) =>
    schema?.$ref === '#/components/schemas/GroupId' || resolve(schema)?.['x-nim-js-type'] === 'decimal-string';
  const isGroupIdList = (schema) => resolve(schema)?.type === 'array' && isGroupId(resolve(schema).items);

  /** The check a field gets, from its schema: the named schemas first, then its type and bounds. */
  function checkOf(schema, where) {
    const ref = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);
    const named = ref && schemaName(ref);
    const target = { ...resolve(ref ? { $ref: ref } : schema), ...(schema.allOf ? schema : {}) };
    if (named === 'AccountId') return { kind: 'account' };
    if (named === 'ConversationId') return { kind: 'conversationId' };
    if (isGroupId(schema)) return { kind: 'groupId' };
    if (target.type === 'array') {
      if (isGroupId(target.items)) return { kind: 'groupIds' };
      if (target.items?.$ref === '#/components/schemas/ConversationId') {
        return { kind: 'conversationIds', ...(target.maxItems === undefined ? {} : { max: target.maxItems }) };
      }
    }
    if (target.type === 'string') return { kind: 'string', ...(target.minLength > 0 ? { nonEmpty: true } : {}) };
    if (target.type === 'boolean') return { kind: 'boolean' };
    if (target.type === 'integer' && Array.isArray(target.enum)) return { kind: 'enum', values: target.enum };
    if (target.type === 'integer') return { kind: 'integer', min: target.minimum, max: target.maximum };
    if (target.type === 'object') return { kind: 'object' };
    throw new Error(`${where}: no check for its schema (${JSON.stringify(schema)}); extend render-operations.mjs`);
  }

  const table = {};
  const int64Fields = new Set();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of httpMethods) {
      const operation = item[method];
      if (!operation) continue;
      const id = operation.operationId;
      const sdk = operation['x-nim-sdk'];
      if (!sdk?.resource || !sdk?.method) {
        throw new Error(
          `operation ${id ?? `${method.toUpperCase()} ${path}`} lacks x-nim-sdk: { resource, method } — every operation names its client method (docs/adding-an-operation.md)`,
        );
      }
      const params = [];
      for (const reference of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = resolve(reference);
        if (parameter.in === 'header') continue;
        params.push({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required === true,
          ...checkOf(parameter.schema, `${id} ${parameter.name}`),
        });
        if (isGroupId(parameter.schema) || isGroupIdList(parameter.schema)) int64Fields.add(parameter.name);
      }
      const bodySchema = resolve(operation.requestBody?.content?.['application/json']?.schema);
      for (const [name, schema] of Object.entries(bodySchema?.properties ?? {})) {
        params.push({
          name,
          in: 'body',
          required: (bodySchema.required ?? []).includes(name),
          ...checkOf(schema, `${id} body ${name}`),
        });
      }
      // The result: `data` of the 200 envelope, its non-empty anyOf branch.
      const envelope = resolve(operation.responses['200'].content['application/json'].schema);
      const dataBranches = envelope.properties.data.anyOf ?? [envelope.properties.data];
      const dataRef =
        dataBranches.find((branch) => branch.$ref !== '#/components/schemas/EmptyObject') ?? dataBranches[0];
      const data = resolve(dataRef);
      const lists = [];
      const int64 = [];
      const visit = (schema, seen) => {
        const name = schema.$ref && schemaName(schema.$ref);
        if (name && seen.has(name)) return;
        const target = resolve(schema);
        for (const [field, property] of Object.entries(target.properties ?? {})) {
          if (isGroupId(property) || isGroupIdList(property)) int64.push(field);
          const resolved = resolve(property);
          if (resolved.type === 'array' && !isGroupId(resolved.items)) visit(resolved.items, new Set([...seen, name]));
          else if (resolved.type === 'object') visit(property, new Set([...seen, name]));
        }
      };
      visit(dataRef, new Set());
      for (const [field, property] of Object.entries(data.properties ?? {})) {
        if (resolve(property).type === 'array' && !property['x-nim-keep-absent']) lists.push(field);
      }
      for (const field of int64) int64Fields.add(field);
      const pagination = operation['x-nim-pagination'];
      if (pagination) {
        for (const key of ['tokenIn', 'tokenOut', 'hasMore', 'items', 'iterator']) {
          if (typeof pagination[key] !== 'string') throw new Error(`operation ${id}: x-nim-pagination lacks ${key}`);
        }
        if (!params.some((p) => p.name === pagination.tokenIn))
          throw new Error(`operation ${id}: x-nim-pagination.tokenIn ${pagination.tokenIn} is no parameter`);
      }
      let chunk;
      if (operation['x-nim-chunk']) {
        const { field, helpers = [] } = operation['x-nim-chunk'];
        // The chunk size is the list's maxItems: `field` is a dotted path into the body schema.
        let schema = bodySchema;
        for (const key of field.split('.')) schema = resolve(schema?.properties?.[key]);
        const size = schema?.maxItems ?? operation['x-nim-chunk'].size;
        if (!Number.isInteger(size))
          throw new Error(`operation ${id}: x-nim-chunk.field ${field} has no maxItems (or give size)`);
        chunk = { field, size, helpers };
      }
      table[id] = {
        method: method.toUpperCase(),
        path,
        sdk: { resource: sdk.resource, method: sdk.method },
        unsafe: operation['x-nim-unsafe'] === true,
        params,
        lists,
        int64: [...new Set(int64)],
        ...(pagination ? { pagination } : {}),
        ...(chunk ? { chunk } : {}),
      };
    }
  }
  const seenNames = new Map();
  for (const [id, { sdk }] of Object.entries(table)) {
    const name = `${sdk.resource}.${sdk.method}`;
    if (seenNames.has(name)) throw new Error(`x-nim-sdk ${name} names both ${seenNames.get(name)} and ${id}`);
    seenNames.set(name, id);
  }
  const errorClasses = {};
  for (const [className, codes] of Object.entries(spec['x-nim-error-classes'] ?? {})) {
    for (const code of codes) errorClasses[code] = className;
  }
  if (!Object.keys(errorClasses).length) throw new Error('spec lacks x-nim-error-classes');
  return { table, int64Fields: [...int64Fields].sort(), errorClasses };
}

/** @returns {Promise<string>} the generated module text */
export async function renderOperations() {
  const { table, int64Fields, errorClasses } = await readOperationTable();
  const ids = Object.keys(table);
  return `${banner}/** How a parameter is checked before it is sent (from its schema). */
export type ParamCheck =
  | { readonly kind: 'account' | 'conversationId' | 'groupId' | 'groupIds' | 'boolean' | 'object' }
  | { readonly kind: 'conversationIds'; readonly max?: number }
  | { readonly kind: 'string'; readonly nonEmpty?: true }
  | { readonly kind: 'enum'; readonly values: readonly number[] }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number };

/** One parameter of an operation: where it goes and how it is checked. */
export type OperationParam = { readonly name: string; readonly in: 'path' | 'query' | 'body'; readonly required: boolean } & ParamCheck;

/** One operation of the spec, as a client, a server or a test needs it. */
export interface OperationSpec {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path template, e.g. \`/im/v2/conversation_groups/{group_id}\`. */
  readonly path: string;
  /** \`x-nim-sdk\`: \`nim.<resource>.<method>\`. */
  readonly sdk: { readonly resource: string; readonly method: string };
  /** \`x-nim-unsafe\`: not idempotent, never retried after it may have run. */
  readonly unsafe: boolean;
  readonly params: readonly OperationParam[];
  /** The array fields of the result; an absent one becomes \`[]\`. */
  readonly lists: readonly string[];
  /** The result's int64 fields (schema GroupId or a list of it), anywhere in it. */
  readonly int64: readonly string[];
  /** \`x-nim-pagination\`. */
  readonly pagination?: { readonly tokenIn: string; readonly tokenOut: string; readonly hasMore: string; readonly items: string; readonly iterator: string };
  /** \`x-nim-chunk\`: the hand-written helpers that send \`field\` in chunks of \`size\` (its maxItems). */
  readonly chunk?: { readonly field: string; readonly size: number; readonly helpers: readonly string[] };
}

/** Every operationId of the spec, in document order. */
export const operationIds = ${JSON.stringify(ids)} as const;

/** The operation table, per operationId. */
export const operationTable = ${JSON.stringify(table, null, 2)} as const satisfies Record<(typeof operationIds)[number], OperationSpec>;

/** Every field name that carries an int64 (GroupId or a list of it) in a parameter or a result. */
export const int64Fields = ${JSON.stringify(int64Fields)} as const;

/** \`x-nim-error-classes\`: the error class of \`@nim-api/client\` a business code becomes (others: NimApiError). */
export const errorClasses = ${JSON.stringify(errorClasses, null, 2)} as const satisfies Record<number, string>;
`;
}
