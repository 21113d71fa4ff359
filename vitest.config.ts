import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'packages/client/vitest.undici.config.ts'],
    reporters: ['default', './scripts/vitest-summary-reporter.ts'],
  },
});
