import { quote } from './errors.js';

// The two checks every option reader needs (settings.ts for createSandbox, rules/fault-rules.ts for faults given at
// run time), in one place: a message written once reads the same wherever the option came from.

/**
 * A plain object (not null, not an array).
 * @example
 * ```ts
 * if (!isRecord(value)) issues.push(`faults[0] must be an object`);
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An optional integer option in `[min, max]`: the value, or `fallback` (and an issue pushed when it was wrong).
 * @example
 * ```ts
 * const times = integer(issues, rule.times, 'faults[0].times', 1, 1);
 * ```
 */
export function integer(
  issues: string[],
  value: unknown,
  where: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    issues.push(
      `${where} must be an integer from ${min} to ${max === Number.MAX_SAFE_INTEGER ? 'Number.MAX_SAFE_INTEGER' : max}, got ${quote(value)}`,
    );
    return fallback;
  }
  return value;
}
