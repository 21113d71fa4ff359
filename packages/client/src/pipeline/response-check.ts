import { responseShapes, type ResponseShape } from '@nim-api/types';
import { describe, isWellFormed } from '../observability/describe.js';
import { toGroupId } from '../protocol/int64.js';

/** A code-200 answer whose `data` is not what the spec (and so the types) promise; names the field. */
export class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
}

const { named, byOperation } = responseShapes;

function problem(value: unknown, shape: ResponseShape, path: string): string | undefined {
  if ('ref' in shape) return problem(value, named[shape.ref]!, path);
  switch (shape.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return `${path} must be an object (got ${describe(value)})`;
      const fields = value as Record<string, unknown>;
      for (const key of shape.required) if (fields[key] === undefined) return `${path}.${key} is missing`;
      // Only the spec's fields are checked; unknown extra fields pass through untouched.
      for (const key in shape.properties) {
        const field = fields[key];
        if (field === undefined) continue;
        const found = problem(field, shape.properties[key]!, `${path}.${key}`);
        if (found) return found;
      }
      return undefined;
    }
    case 'array': {
      if (!Array.isArray(value)) return `${path} must be an array (got ${describe(value)})`;
      for (let index = 0; index < value.length; index += 1) {
        const found = problem(value[index], shape.items, `${path}[${index}]`);
        if (found) return found;
      }
      return undefined;
    }
    case 'string':
      if (typeof value !== 'string') return `${path} must be a string (got ${describe(value)})`;
      return isWellFormed(value) ? undefined : `${path} must be valid Unicode (it holds a lone surrogate)`;
    case 'integer':
      return Number.isInteger(value) ? undefined : `${path} must be an integer (got ${describe(value)})`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${path} must be a boolean (got ${describe(value)})`;
    case 'groupId':
      // The exact-id parse turns every integer after "group_id" into its decimal string; a number left here was
      // written otherwise (1.0, 1e0, 1.000000000000000000001) and would reach the caller as a number.
      return typeof value !== 'string' || toGroupId(value) === undefined
        ? `${path} must be a positive int64 group id written as an integer (got ${describe(value)})`
        : undefined;
  }
}

/**
 * Checks the `data` of a code-200 answer of `operationId` against the shape the spec gives it (generated into
 * `@nim-api/types`): required fields present, known fields of the right type, group ids positive int64. Throws
 * {@link ResponseShapeError} naming the first field that is wrong. Linear in the size of `data`.
 */
export function checkResponseData(operationId: string, data: unknown): void {
  const shape = byOperation[operationId];
  const found = shape && problem(data, shape, 'data');
  if (found) throw new ResponseShapeError(found);
}
