// Size of the @nim-api/client runtime as an edge application would ship it: esbuild bundles the fetch build's ESM
// entry (packages/client/dist/index.js, so run the build first), minified, for Node (builtins external), then gzip -9
// (node:zlib). `withDeps` includes openapi-fetch and any runtime import of @nim-api/types; `withoutDeps` marks
// every package import external (the client's own code only).
//
// Used by the size-budget test (packages/release-checks) and reusable by the benchmark suite:
//   import { measureBundleSize, clientSizeBudget } from '../../scripts/bundle-size.mjs';
// CLI: `pnpm size` (node scripts/bundle-size.mjs [--json]).
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const clientEntry = fileURLToPath(new URL('../packages/client/dist/index.js', import.meta.url));

/**
 * Budget for `withDeps` in bytes (min+gzip, openapi-fetch included), failing the size test when exceeded.
 *
 * The issues asked for at most 6 kB (6144 B). That cap is not held: openapi-fetch alone is 2.6 kB, and the
 * client's own code — 13 error classes, validation from the spec, exact int64 ids, signing (a plain-JS SHA-1,
 * +0.4 kB, that saves ~160 µs of CPU per call over WebCrypto), the retry loop with per-attempt deadlines,
 * host fail-over, rate limiting, logging, hooks, metrics with Prometheus output and the ten resource methods —
 * measured 7.7–8.2 kB after a reduction pass (10,273 B → 10,084 B before the SHA-1); 10,486 B on 2026-11-26.
 * The hardening of issue 11 (every input and option checked and copied, every code-200 answer checked against the
 * spec's response shapes, a linear int64-preserving JSON scan) added 3,290 B: 13,776 B on 2026-12-01. Endpoint
 * discovery of issue 13 (the allocation client with a bounded reader, health probes, sliding-window scores, the
 * endpoint set, the background service with its one-warn-per-outage logging, the `discovery` option checks) added
 * 3,369 B; issue 14 (the light request openapi-fetch builds instead of a WHATWG Request, transport selection and its
 * validation, node:crypto SHA-1 where it exists, the nonce pool) about 1 kB. What is measured is the fetch build
 * (`dist/index.js`), the one edge runtimes and browsers load; Node's build (`dist/index.node.js`, the `node` export
 * condition) adds the undici transport and loads undici itself on demand, so it is not part of this figure. The
 * budget is the measured 18,204 B (2026-12-01, all three) plus ~4 % headroom; the limiter interface of issue 15
 * (`rateLimit` taking a limiter object, its checks and guard) brought it to 18,679 B. The hardening after an outside
 * probe (2026-12-02: the 16 MiB body limit, never-sent marks for synchronous throws, the permit wait ended by the
 * caller's signal, checked discovery fields, normal-form base URLs) brought it to 19,420 B: budget 19,500 B.
 * Issue 20 (where a signed request may go: the https rule with its loopback and allowHttp exceptions, discovered
 * endpoints vetted against the spec's endpointHosts and `discovery.allowedHosts`, `nim.endpoints().rejected` with its
 * warn line, refusals before sending typed and not retried) added 1,367 B: 20,787 B, budget 20,900 B. The
 * ecosystem tests (2026-12-07: a fetch build asked for `transport: 'undici'` names the runtime it runs on) added ~100 B.
 * Issue 25: `toPrometheus()` as histograms in seconds by operation and host (~+270 B) and the retry loop's
 * OpenTelemetry hook points (~+120 B); OpenTelemetry itself (~1.2 kB) is in the Node build only, like undici.
 * Issue 21 (the generated operation layer: the operation table and one generic resource builder, ~+710 B for the same
 * seven group operations) and issue 22 (the eight conversation operations through it, 49 B each: the per-operation
 * figure is scripts/bundle-per-operation.mjs) brought it to 22,587 B (2026-12-07): budget 22,700 B.
 */
export const clientSizeBudget = 22_700;

async function bundle(entry, external) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node', // a server SDK: node: builtins stay external, openapi-fetch resolves its ESM build
    target: 'es2022',
    treeShaking: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    metafile: true,
    ...(external ? { packages: 'external' } : {}),
  });
  const code = result.outputFiles[0].contents;
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
  };
}

/**
 * @param {{ entry?: string }} [options]
 * @returns {Promise<{ withDeps: number, withoutDeps: number, details: {
 *   withDeps: { minified: number, gzip: number, inputs: string[] },
 *   withoutDeps: { minified: number, gzip: number, inputs: string[] } } }>}
 *   `withDeps` / `withoutDeps`: min+gzip bytes; `details`: minified bytes and bundled files too
 */
export async function measureBundleSize({ entry = clientEntry } = {}) {
  const [withDeps, withoutDeps] = await Promise.all([bundle(entry, false), bundle(entry, true)]);
  return { withDeps: withDeps.gzip, withoutDeps: withoutDeps.gzip, details: { withDeps, withoutDeps } };
}

/** One line for logs: `@nim-api/client: 2345 B min+gzip with openapi-fetch (budget 6144 B), 789 B without`. */
export function formatBundleSize({ withDeps, withoutDeps, details }, budget = clientSizeBudget) {
  return (
    `@nim-api/client: ${withDeps} B min+gzip with deps (budget ${budget} B; ${details.withDeps.minified} B minified), ` +
    `${withoutDeps} B min+gzip without deps (${details.withoutDeps.minified} B minified)`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const size = await measureBundleSize();
  if (process.argv.includes('--json')) console.log(JSON.stringify({ ...size, budget: clientSizeBudget }, null, 2));
  else console.log(formatBundleSize(size));
  if (size.withDeps > clientSizeBudget) {
    console.error(`over budget by ${size.withDeps - clientSizeBudget} B`);
    process.exitCode = 1;
  }
}
