import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts', 'src/portable.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
  },
  {
    // The `nim-sandbox` bin: ESM only, self-contained (its own copy of the library), shebang kept by tsup.
    entry: { cli: 'src/front/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'es2022',
  },
]);
