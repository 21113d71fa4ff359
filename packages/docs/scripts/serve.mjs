// `pnpm docs:serve`: serves the built site (packages/docs/site) on 127.0.0.1 and prints its URL.
// PORT picks the port; without it a free one is used. Ctrl+C stops it.
import { existsSync } from 'node:fs';
import { siteDir, startStaticServer } from './static-server.mjs';

if (!existsSync(`${siteDir}index.html`)) {
  console.error(`No site in ${siteDir}: run \`pnpm docs\` first.`);
  process.exit(1);
}
const port = process.env.PORT ? Number(process.env.PORT) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}
const server = await startStaticServer({ port });
console.log(`Docs site: ${server.url}  (serving ${siteDir}; Ctrl+C to stop)`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
