import { defineConfig } from 'tsup';

export default defineConfig({
  // `index`: the fetch build (edge runtimes, browsers, Bun, Deno); `index.node`: the same plus the undici transport,
  // which package.json `exports` gives to Node (`node` condition). Both share one set of declarations (index.d.ts).
  entry: { index: 'src/index.ts', 'index.node': 'src/index.node.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  target: 'es2022',
  // The undici transport finds undici with createRequire(import.meta.url); the CJS build needs that shimmed.
  shims: true,
  removeNodeProtocol: false,
  // The spec's runtime constraints are a few hundred bytes: inlining them saves loading a second package at import
  // time. @nim-api/types stays a dependency for the types; the two versions move together (changesets `fixed`).
  noExternal: ['@nim-api/types'],
});
