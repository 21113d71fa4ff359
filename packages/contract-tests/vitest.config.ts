import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'contract',
    include: ['test/**/*.test.ts'],
    // Starts the Prism mock once for every file, hands its URL over with `provide`, stops it at the end.
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 15_000,
    hookTimeout: 45_000,
  },
});
