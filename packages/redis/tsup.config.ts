import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  // Peers stay imports: the caller's @nim-api/client (one copy of its error classes) and their own ioredis.
  external: ['@nim-api/client', 'ioredis'],
});
