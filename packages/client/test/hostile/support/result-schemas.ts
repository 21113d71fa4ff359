// What each method promises to resolve with, checked with ajv against the spec's own schemas
// (openapi/conversation-groups.yaml, read at run time). Two readings are applied to the spec, both from the
// README: a schema marked `x-nim-js-type: decimal-string` (GroupId) is an exact decimal string within its
// integer range; and `EmptyObject` keeps only `type: object` ("unknown extra fields pass through").
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;

const specUrl = new URL('../../../../../openapi/conversation-groups.yaml', import.meta.url);
const spec = parse(readFileSync(specUrl, 'utf8')) as { components: { schemas: Record<string, Schema> } };

const int64Range = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** GroupId as the client hands it out: a decimal string within `minimum`…int64 max. */
function decimalString(schema: Schema): Schema {
  const min = typeof schema.minimum === 'number' ? BigInt(schema.minimum) : int64Range.min;
  return { type: 'string', pattern: '^-?[0-9]+$', 'x-decimal-range': [String(min), String(int64Range.max)] };
}

function rewrite(schema: Schema): Schema {
  if (schema['x-nim-js-type'] === 'decimal-string') return decimalString(schema);
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) copy[key] = rewrite(value as Schema);
    else copy[key] = value;
  }
  return copy;
}

const schemas = rewrite(spec.components.schemas as Schema) as Record<string, Schema>;
delete schemas.EmptyObject!.maxProperties;

const ajv = new Ajv({ strict: false, allErrors: false });
ajv.addKeyword({
  keyword: 'x-decimal-range',
  type: 'string',
  validate: ([min, max]: [string, string], data: string) => {
    if (!/^(0|-?[1-9][0-9]*)$/.test(data)) return false;
    const value = BigInt(data);
    return value >= BigInt(min) && value <= BigInt(max);
  },
});
ajv.addSchema({ $id: 'spec', components: { schemas } });

const ref = (name: string): Schema => ({ $ref: `spec#/components/schemas/${name}` });
const change = { allOf: [ref('ConversationGroupMutation'), { required: ['success_list', 'failed_list'] }] };

/** The resolved value of each public method (for `iterateConversations`: each item it yields). */
const resultSchemas = {
  create: change,
  update: change,
  addConversations: change,
  removeConversations: change,
  delete: ref('EmptyObject'),
  get: ref('ConversationGroup'),
  batchGet: {
    type: 'object',
    required: ['success_list', 'failed_list'],
    properties: {
      success_list: { type: 'array', items: ref('ConversationGroup') },
      failed_list: { type: 'array', items: { allOf: [ref('FailedGroup'), { required: ['error_code', 'error_msg'] }] } },
    },
  },
  list: ref('ConversationGroupList'),
  listConversations: ref('GroupConversationPage'),
  iterateConversations: { type: 'array', items: ref('GroupConversation') },
} as const;

export type MethodName = keyof typeof resultSchemas;
export const methodNames = Object.keys(resultSchemas) as MethodName[];

const compiled = new Map<MethodName, ValidateFunction>();

/** `undefined` when `value` is what `method` promises; otherwise where and how it is not. */
export function resultProblem(method: MethodName, value: unknown): string | undefined {
  let validate = compiled.get(method);
  if (!validate) compiled.set(method, (validate = ajv.compile(resultSchemas[method])));
  if (validate(value)) return undefined;
  const [first] = validate.errors ?? [];
  return `${first?.instancePath || '(root)'} ${first?.message ?? 'does not match'}${first?.params ? ` ${JSON.stringify(first.params)}` : ''}`;
}
