// The spec, read with the `yaml` package: operations, their named examples, and the results the client should make
// of them. Integers are read as bigint so that group ids stay exact whatever their size.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { specPath } from '../../../scripts/prism.mjs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A `{code, msg, data}` envelope as the spec's examples write it, with group ids as decimal strings. */
export interface Envelope {
  code: number;
  msg: string;
  data?: any;
}

export interface SpecOperation {
  readonly operationId: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The path template, e.g. `/im/v2/conversation_groups/{group_id}`. */
  readonly path: string;
  /** Every named example of the 200 response, `$ref`s resolved. */
  readonly examples: Readonly<Record<string, Envelope>>;
  /** The operation's `x-nim-sdk`: the client resource and method that call it. */
  readonly sdk: { readonly resource: string; readonly method: string } | undefined;
}

export const spec = parse(readFileSync(specPath, 'utf8'), { intAsBigInt: true }) as Record<string, any>;

function resolve(node: any): any {
  while (node && typeof node.$ref === 'string') {
    if (!node.$ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${node.$ref}`);
    node = node.$ref
      .slice(2)
      .split('/')
      .reduce((at: any, key: string) => at?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
  }
  return node;
}

/** As the client returns it: `group_id` (and `group_ids` items) become exact decimal strings, every other integer a number. */
export function asClientValue(value: unknown, key?: string): Json {
  if (typeof value === 'bigint') return key === 'group_id' || key === 'group_ids' ? value.toString() : Number(value);
  if (Array.isArray(value)) return value.map((item) => asClientValue(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asClientValue(v, k)]));
  }
  return value as Json;
}

/** As the wire carries it: JSON text with group ids (`group_id`, `group_ids` items) as bare (exact) integers. */
export function asWireJson(envelope: Envelope): string {
  return JSON.stringify(envelope)
    .replace(/"group_id":"(\d+)"/g, '"group_id":$1')
    .replace(/"group_ids":\[((?:"\d+",?)*)\]/g, (_, list: string) => `"group_ids":[${list.replaceAll('"', '')}]`);
}

const httpMethods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

/** Every operation of the spec, in document order. */
export const specOperations: readonly SpecOperation[] = Object.entries(spec.paths as Record<string, any>).flatMap(
  ([path, item]) =>
    httpMethods
      .filter((method) => item[method])
      .map((method) => {
        const operation = item[method];
        const content = resolve(resolve(operation.responses?.['200'])?.content?.['application/json']);
        const examples = Object.fromEntries(
          Object.entries((content?.examples ?? {}) as Record<string, unknown>).map(([name, example]) => [
            name,
            asClientValue(resolve(example).value) as unknown as Envelope,
          ]),
        );
        return {
          operationId: String(operation.operationId),
          method: method.toUpperCase(),
          path,
          examples,
          sdk: operation['x-nim-sdk'],
        };
      }),
);

export function specOperation(operationId: string): SpecOperation {
  const found = specOperations.find((operation) => operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in the spec`);
  return found;
}

/** The `data` of every named example of an operation, keyed by example name. */
export function exampleData(operationId: string): Record<string, any> {
  return Object.fromEntries(Object.entries(specOperation(operationId).examples).map(([name, e]) => [name, e.data]));
}

/** The named error examples of an operation: every example whose `code` is not 200. */
export function errorExamples(operationId: string): { name: string; code: number; msg: string }[] {
  return Object.entries(specOperation(operationId).examples)
    .filter(([, envelope]) => envelope.code !== 200)
    .map(([name, envelope]) => ({ name, code: envelope.code, msg: envelope.msg }));
}

/**
 * The operation a request (method + URL path) is for, matched against the spec's path templates; a literal segment
 * wins over a parameter (`…/actions/conversation_ids` is not a conversation id), as in OpenAPI path matching.
 */
export function operationFor(method: string, pathname: string): SpecOperation | undefined {
  const literals = (operation: SpecOperation) => operation.path.split('/').filter((s) => !s.startsWith('{')).length;
  return specOperations
    .filter((operation) => {
      if (operation.method !== method.toUpperCase()) return false;
      const pattern = operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      return new RegExp(`^${pattern}$`).test(pathname);
    })
    .sort((a, b) => literals(b) - literals(a))[0];
}
