import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'ecosystem',
    include: ['test/**/*.test.ts'],
    // Installs the runtimes (cached), packs and installs the tarballs, compiles and bundles, starts the loopback
    // server once; `provide`s it to every file.
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 420_000,
  },
});
