// The entry Node resolves `@nim-api/client` to (the `node` condition of package.json `exports`): everything of the
// fetch build, with a createNimClient that can send with undici. Only this file and what it imports reach undici,
// so the build for edge runtimes and browsers never loads it. An explicit export wins over `export *`.
export * from './index.js';
export { createNimClient } from './client.node.js';
