/**
 * Thrown by `createSandbox` (and `listen`) for options it cannot use; `issues` lists every problem, one line each.
 * Values are quoted cut short; the AppSecret never appears.
 * @example
 * ```ts
 * try {
 *   createSandbox({ limits: { groupsPerAccount: -1 } });
 * } catch (error) {
 *   if (error instanceof NimSandboxOptionsError) console.error(error.issues);
 * }
 * ```
 */
export class NimSandboxOptionsError extends Error {
  override readonly name = 'NimSandboxOptionsError';
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(`invalid sandbox options: ${issues.join('; ')}`);
    this.issues = issues;
  }
}

/**
 * A value for a message: JSON-ish, cut to 40 characters.
 * @example
 * ```ts
 * quote('x'.repeat(100)); // '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'
 * ```
 */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
