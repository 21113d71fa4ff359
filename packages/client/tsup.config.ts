import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  // The spec's runtime constraints are a few hundred bytes: inlining them saves loading a second package at import
  // time. @nim-api/types stays a dependency for the types; the two versions move together (changesets `fixed`).
  noExternal: ['@nim-api/types'],
});
