import { constraints, type OperationId } from '@nim-api/types';
import { spec } from '../generated/spec.js';

/**
 * A JSON Schema of the spec (prose dropped, `$ref`s pointing at `#/$defs/…`).
 * @example
 * ```ts
 * const schema: JsonSchema = { $ref: '#/$defs/AccountId' };
 * ```
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * One parameter of an operation, as the spec declares it.
 * @example
 * ```ts
 * const limit: SpecParameter | undefined = operation.parameters.find((p) => p.name === 'limit');
 * ```
 */
export interface SpecParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly schema: JsonSchema;
}

/**
 * One operation of the spec: what the router matches and the validator checks.
 * @example
 * ```ts
 * const create: SpecOperation | undefined = specOperations.find((o) => o.method === 'POST');
 * ```
 */
export interface SpecOperation {
  readonly operationId: OperationId;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The path template, e.g. `/im/v2/conversation_groups/{group_id}`. */
  readonly path: string;
  readonly parameters: readonly SpecParameter[];
  readonly requestBody?: { readonly required: boolean; readonly schema: JsonSchema };
}

/**
 * The limits the spec documents (`x-nim-limits`), e.g. `groupsPerConversation: 5`.
 * @example
 * ```ts
 * const window = specLimits.checkSumValiditySeconds * 1000; // ms a CheckSum stays valid
 * ```
 */
export const specLimits: {
  readonly groupsPerConversation: number;
  readonly groupsPerAccount: number;
  readonly conversationsPerGroup: number;
  readonly checkSumValiditySeconds: number;
  readonly callsPerSecondPerApi: number;
} = spec.limits;

/**
 * Every operation of the spec, in document order.
 * @example
 * ```ts
 * const ids = specOperations.map((o) => o.operationId);
 * ```
 */
export const specOperations = spec.operations as readonly SpecOperation[];

/**
 * The component schemas, keyed by name (the `$defs` every `$ref` points into).
 * @example
 * ```ts
 * const pattern = specSchemas.AccountId?.pattern;
 * ```
 */
export const specSchemas = spec.schemas as Readonly<Record<string, JsonSchema>>;

/**
 * The signing headers of the spec's security requirement: `AppKey`, `Nonce`, `CurTime`, `CheckSum`.
 * @example
 * ```ts
 * const [appKeyHeader] = securityHeaders; // 'AppKey'
 * ```
 */
export const securityHeaders = spec.securityHeaders as readonly string[];

/**
 * The spec's version (`info.version`).
 * @example
 * ```ts
 * console.log(`sandbox of spec ${specVersion}`);
 * ```
 */
export const specVersion: string = spec.version;

const messages = spec.messages as Readonly<Record<string, string>>;

/**
 * The message the spec's examples give a code (`msg` of the envelope); "success" for 200.
 * @example
 * ```ts
 * messageOf(116404); // 'conversation group not found'
 * ```
 */
export function messageOf(code: number): string {
  if (code === 200) return spec.successMessage;
  return messages[code] ?? 'error';
}

/**
 * The page sizes the paginated operations take (the spec's `limit` bounds, from the generated constraints).
 * @example
 * ```ts
 * const { minimum, maximum } = pageLimitBounds; // 1, 100
 * ```
 */
export const pageLimitBounds: { readonly minimum: number; readonly maximum: number } = constraints.pageLimit;

/**
 * Endpoint discovery as the spec states it (`x-nim-discovery`): the allocation service's path, the IM health path
 * and the bounds of `ttl`, in seconds.
 * @example
 * ```ts
 * if (url.pathname === specDiscovery.healthPath) return health();
 * ```
 */
export const specDiscovery: {
  readonly allocatePath: string;
  readonly healthPath: string;
  readonly ttlSeconds: { readonly default: number; readonly minimum: number; readonly maximum: number };
} = spec.discovery;
