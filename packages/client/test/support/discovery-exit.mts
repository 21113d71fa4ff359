// Run by discovery-exit.test.ts in its own process: a client with discovery on (short ttl and probe interval, so
// timers are always pending) makes calls and is never closed. The process must still end by itself.
import { createNimClient } from '../../src/index.js';
import { startAllocationServer } from './allocation-server.js';
import { startEndpointServer } from './endpoint-server.js';

const appKey = 'exit-app-key';
const appSecret = 'exit-app-secret';
const lbs = await startAllocationServer(appKey);
const [fallback, endpoint] = await Promise.all([
  startEndpointServer({ appKey, appSecret }),
  startEndpointServer({ appKey, appSecret }),
]);
lbs.allocate([endpoint.url], 1);

const nim = createNimClient({
  appKey,
  appSecret,
  baseUrl: fallback.url,
  discovery: { urls: [lbs.url], probeIntervalMs: 50, windowMs: 1_200 },
});
for (let call = 0; call < 20; call += 1) {
  await nim.conversationGroups.get('1001', { account_id: 'alice' });
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const { source, discovery } = nim.endpoints();
await Promise.all([lbs.close(), fallback.close(), endpoint.close()]);
console.log(`EXIT ${JSON.stringify({ source, discovery })}`);
