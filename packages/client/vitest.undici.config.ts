import { fileURLToPath } from 'node:url';
import { defineProject, type Plugin } from 'vitest/config';

// The client suites a second time, on the undici transport: the same test files, with `src/client.ts` swapped for
// the Node build's `src/client.node.ts` (what Node users get), so every client made without a `fetch` sends with
// undici. `vitest.config.ts` runs them on the fetch path (the build edge runtimes load).
const fetchBuild = fileURLToPath(new URL('./src/client.ts', import.meta.url));
const nodeBuild = fileURLToPath(new URL('./src/client.node.ts', import.meta.url));

const nodeBuildOfTheClient: Plugin = {
  name: 'nim-node-build-of-the-client',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!source.endsWith('client.js') || importer === nodeBuild) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === fetchBuild ? nodeBuild : null;
  },
};

export default defineProject({
  plugins: [nodeBuildOfTheClient],
  test: {
    name: 'client-undici',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fc-global.ts'],
    // It stubs the global fetch for clients made without `fetch`: that is the fetch transport's business (project
    // client); on Node's default, undici, such a client never calls the global fetch.
    exclude: ['test/hostile/client-options.test.ts'],
    // Read by test/support/soak.mts (a child process) and test/support/transport.ts.
    env: { NIM_TEST_TRANSPORT: 'undici' },
  },
});
