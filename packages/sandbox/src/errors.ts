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

  constructor(issues: readonly string[], options?: { cause?: unknown }) {
    super(`invalid sandbox options: ${issues.join('; ')}`, options);
    this.issues = issues;
  }
}

/**
 * A value for a message: strings, numbers and the like JSON-ish and cut to 40 characters; arrays, objects and
 * functions by what they are (`an array of 2`), never by running their own `toString`.
 * @example
 * ```ts
 * quote('x'.repeat(100)); // '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'
 * quote([]);              // 'an empty array'
 * ```
 */
export function quote(value: unknown): string {
  let text: string;
  try {
    if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
    if (typeof value === 'function') return 'a function';
    if (typeof value === 'object' && value !== null) return 'an object';
    text = typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    text = 'a value that cannot be shown'; // a revoked Proxy
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Runs `read` over the caller's options: a getter or a Proxy of theirs that throws becomes a
 * {@link NimSandboxOptionsError} (the original as its `cause`), like every other problem with them.
 * @example
 * ```ts
 * const settings = readingOptions('listen options', () => check(options));
 * ```
 */
export function readingOptions<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof NimSandboxOptionsError) throw error;
    const reason = error instanceof Error ? error.message : quote(error);
    throw new NimSandboxOptionsError([`${what} could not be read (a getter or Proxy threw): ${reason.slice(0, 100)}`], {
      cause: error,
    });
  }
}

/**
 * Thrown when the runtime the sandbox runs on cannot do what was asked: `sandbox.listen()` and `sandbox.dispatcher`
 * need Node's `http` and undici (Node, Bun, Deno), not Cloudflare's workerd, Vercel's edge runtime or a browser,
 * where `sandbox.fetch` serves in process. `runtime` names the runtime found, `feature` what it cannot run.
 * @example
 * ```ts
 * try {
 *   await sandbox.listen();
 * } catch (error) {
 *   if (error instanceof NimSandboxUnsupportedError) console.log(error.runtime); // 'workerd'
 * }
 * ```
 */
export class NimSandboxUnsupportedError extends Error {
  override readonly name = 'NimSandboxUnsupportedError';
  /** The runtime found: `workerd`, `edge-runtime`, `browser`, `deno`, `bun`, `node` or `unknown`. */
  readonly runtime: string;
  /** What it cannot run, e.g. `sandbox.listen()`. */
  readonly feature: string;

  constructor(feature: string, runtime: string, instead: string) {
    super(
      `${feature} cannot run on ${runtime}: it needs Node's http module and undici (Node, Bun or Deno). ${instead}`,
    );
    this.runtime = runtime;
    this.feature = feature;
  }
}
