import * as generatedValidators from '../generated/validators.js';
import { type JsonSchema, type SpecOperation, type SpecParameter, specSchemas } from '../spec/spec.js';

/**
 * What a request carries, before any check: path parameters (decoded), the query, the headers and the JSON body.
 * @example
 * ```ts
 * const parts: RequestParts = { pathParams: { group_id: '1' }, query: url.searchParams, header, body: undefined };
 * ```
 */
export interface RequestParts {
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly header: (name: string) => string | undefined;
  /** The parsed JSON body, or `undefined` when there was none. */
  readonly body: unknown;
}

/**
 * A request the spec's schemas accept: its parameters by name (int64 values as exact decimal strings, other integers
 * as numbers) and a fresh copy of the body's known fields. Or the first problem found.
 * @example
 * ```ts
 * const checked: Validation = validateRequest(operation, parts);
 * if (checked.ok) console.log(checked.params.group_id);
 * ```
 */
export type Validation =
  | {
      readonly ok: true;
      readonly params: Readonly<Record<string, unknown>>;
      readonly body: Readonly<Record<string, unknown>> | undefined;
    }
  | { readonly ok: false; readonly problem: string };

/** A problem as ajv reports it (the fields read here). */
interface ErrorObject {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** A validator compiled at generate time (scripts/render-validators.mjs: ajv standalone code, no `new Function`). */
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: readonly ErrorObject[] | null;
}

const validators = generatedValidators as unknown as Readonly<Record<string, ValidateFunction | undefined>>;

function generated(name: string): ValidateFunction {
  const validate = validators[name];
  if (!validate) throw new Error(`no validator ${name} was generated: run \`pnpm generate\``);
  return validate;
}

const decimalInteger = /^-?[0-9]+$/;
const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

interface CompiledOperation {
  readonly params: ValidateFunction;
  readonly body: ValidateFunction | undefined;
  readonly bodyFields: readonly string[];
}

const compiledOperations = new Map<string, CompiledOperation>();

function resolved(schema: JsonSchema): JsonSchema {
  let node = schema;
  while (typeof node.$ref === 'string') node = specSchemas[(node.$ref as string).replace('#/$defs/', '')] ?? {};
  return node;
}

/**
 * A parameter's text as the value its schema describes: decimal integers become numbers for the check, and int64
 * ones keep their exact decimal text (a number rounds above 2^53); `true`/`false` become booleans; anything else
 * stays text for the schema to refuse.
 */
function coerce(schema: JsonSchema, text: string): { check: unknown; value: unknown } {
  const target = resolved(schema);
  if (target.type === 'integer' && decimalInteger.test(text)) {
    const exact = BigInt(text);
    if (target.format === 'int64') {
      if (exact < int64Min || exact > int64Max) return { check: text, value: text };
      return { check: Number(exact), value: exact.toString() };
    }
    return { check: Number(exact), value: Number(exact) };
  }
  if (target.type === 'boolean' && (text === 'true' || text === 'false'))
    return { check: text === 'true', value: text === 'true' };
  return { check: text, value: text };
}

function rawValues(parameter: SpecParameter, parts: RequestParts): string[] | undefined {
  if (parameter.in === 'path') {
    const value = parts.pathParams[parameter.name];
    return value === undefined ? undefined : [value];
  }
  if (parameter.in === 'header') {
    const value = parts.header(parameter.name);
    return value === undefined ? undefined : [value];
  }
  const values = parts.query.getAll(parameter.name);
  return values.length ? values : undefined;
}

function describe(error: ErrorObject | undefined, prefix: string): string {
  if (!error) return 'invalid';
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((key) => (/^[0-9]+$/.test(key) ? `[${key}]` : `.${key}`))
    .join('');
  const where = `${prefix}${path}`.replace(/^\./, '');
  return `${where || 'body'} ${error.message ?? 'is invalid'}`;
}

/** A parameter's problem; a missing one is named with where it belongs (`query parameter account_id is required`). */
function describeParameter(error: ErrorObject | undefined, operation: SpecOperation): string {
  if (error?.keyword === 'required') {
    const name = String((error.params as { missingProperty?: unknown }).missingProperty);
    const where = operation.parameters.find((p) => p.name === name)?.in ?? 'query';
    return `${where} parameter ${name} is required`;
  }
  return describe(error, '');
}

function compile(operation: SpecOperation): CompiledOperation {
  const bodySchema = operation.requestBody?.schema;
  return {
    params: generated(`params_${operation.operationId}`),
    body: bodySchema ? generated(`body_${operation.operationId}`) : undefined,
    bodyFields: bodySchema ? Object.keys((resolved(bodySchema).properties as object | undefined) ?? {}) : [],
  };
}

/**
 * Checks a request against the operation's parameters and request body in the spec (the spec's own schemas,
 * compiled by ajv at generate time), before anything is looked up.
 * @example
 * ```ts
 * const checked = validateRequest(operation, { pathParams: {}, query, header: (n) => headers.get(n) ?? undefined, body });
 * if (!checked.ok) return envelope(414, checked.problem);
 * ```
 */
export function validateRequest(operation: SpecOperation, parts: RequestParts): Validation {
  let compiled = compiledOperations.get(operation.operationId);
  if (!compiled) compiledOperations.set(operation.operationId, (compiled = compile(operation)));

  const check: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  for (const parameter of operation.parameters) {
    const texts = rawValues(parameter, parts);
    if (texts === undefined) continue;
    const schema = resolved(parameter.schema);
    if (schema.type === 'array') {
      // style form, explode false: `a=1,2`; repeated `a=1&a=2` is taken too.
      const items = (schema.items as JsonSchema | undefined) ?? {};
      const coerced = texts.flatMap((text) => text.split(',')).map((text) => coerce(items, text));
      check[parameter.name] = coerced.map((c) => c.check);
      params[parameter.name] = coerced.map((c) => c.value);
    } else {
      const coerced = coerce(schema, texts[0]!);
      check[parameter.name] = coerced.check;
      params[parameter.name] = coerced.value;
    }
  }
  if (!compiled.params(check)) return { ok: false, problem: describeParameter(compiled.params.errors?.[0], operation) };

  if (!operation.requestBody) return { ok: true, params, body: undefined };
  if (parts.body === undefined) {
    return operation.requestBody.required
      ? { ok: false, problem: 'the request body is missing' }
      : { ok: true, params, body: undefined };
  }
  if (!compiled.body!(parts.body)) return { ok: false, problem: describe(compiled.body!.errors?.[0], '') };
  // Only the fields the spec names go on, copied: never the parsed object itself.
  const source = parts.body as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const field of compiled.bodyFields) if (Object.hasOwn(source, field)) body[field] = source[field];
  return { ok: true, params, body };
}

const namedValidators = new Map<string, ValidateFunction>();

/**
 * Whether `value` fits the spec's component schema `name` (e.g. `AccountId`); the problem when it does not.
 * @example
 * ```ts
 * schemaProblem('AccountId', 'al ice'); // 'must match pattern "^[A-Za-z0-9_@.-]{1,32}$"'
 * ```
 */
export function schemaProblem(name: string, value: unknown): string | undefined {
  let validate = namedValidators.get(name);
  if (!validate) {
    if (!specSchemas[name]) throw new Error(`the spec has no schema ${name}`);
    namedValidators.set(name, (validate = generated(`schema_${name}`)));
  }
  return validate(value) ? undefined : describe(validate.errors?.[0], '').replace(/^body /, '');
}
