import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'redis',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // One file at a time: the failover test puts its workers under CPU pressure on purpose (a busy loop on their
    // core), and the load and timing tests beside it would measure that pressure instead of the limiter.
    fileParallelism: false,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
