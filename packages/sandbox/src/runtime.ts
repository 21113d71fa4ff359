/**
 * The JavaScript runtime this code runs on, for messages that name it: `workerd` (Cloudflare Workers), `edge-runtime`
 * (Vercel's Edge Runtime), `deno`, `bun`, `node`, `browser`, else `unknown`. Reads globals only, never throws.
 * @example
 * ```ts
 * detectRuntime(); // 'workerd' inside a Worker
 * ```
 */
export function detectRuntime(): string {
  const g = globalThis as {
    EdgeRuntime?: unknown;
    Deno?: unknown;
    Bun?: unknown;
    process?: { versions?: { node?: unknown } };
    navigator?: { userAgent?: unknown };
    document?: unknown;
  };
  try {
    if (typeof g.navigator?.userAgent === 'string' && g.navigator.userAgent.startsWith('Cloudflare-Workers'))
      return 'workerd';
    if (typeof g.EdgeRuntime === 'string') return 'edge-runtime';
    if (g.Deno !== undefined) return 'deno';
    if (g.Bun !== undefined) return 'bun';
    if (typeof g.process?.versions?.node === 'string') return 'node';
    if (g.document !== undefined) return 'browser';
  } catch {}
  return 'unknown';
}
