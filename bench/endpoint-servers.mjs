// Stand-ins for bench/endpoints.mjs, on 127.0.0.1 (free ports): IM endpoints with a health path, injected latency
// and a kill switch, and NetEase's allocation service. The endpoints do not check signatures (the test suite does);
// here only routing is measured.
import { createServer } from 'node:http';

const healthPath = '/health/liveness.action';
const groupEnvelope =
  '{"code":200,"msg":"success","data":{"group_id":1001,"name":"Work","create_time":1,"update_time":1}}';

async function listen(server, port = 0) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server.address().port;
}

/** An endpoint at `http://127.0.0.1:<port>/nimserver`; `latencyMs` delays every answer, `kill()` drops it. */
export async function startEndpoint({ latencyMs = 0 } = {}) {
  const sockets = new Set();
  const endpoint = { latencyMs, calls: 0, probes: 0 };
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const probe = path === `/nimserver${healthPath}`;
    if (probe) endpoint.probes += 1;
    else endpoint.calls += 1;
    const timer = setTimeout(
      () => res.writeHead(200, { 'content-type': 'application/json' }).end(probe ? '{"status":"UP"}' : groupEnvelope),
      endpoint.latencyMs,
    );
    res.on('close', () => clearTimeout(timer));
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  endpoint.url = `http://127.0.0.1:${port}/nimserver`;
  endpoint.kill = async () => {
    if (!server.listening) return;
    const closed = new Promise((resolve) => server.close(resolve));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  endpoint.close = endpoint.kill;
  return endpoint;
}

/** The allocation service: answers `endpoints` (first = default.endpoint) with `ttl`, 304 when the md5 matches. */
export async function startAllocation(endpoints, ttl = 30) {
  const md5 = `md5-${endpoints.length}-${endpoints.join('|').length}`;
  const service = { requests: 0 };
  const server = createServer((req, res) => {
    service.requests += 1;
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const body =
      query.get('md5') === md5
        ? { code: 304 }
        : { code: 200, data: { 'default.endpoint': endpoints[0], 'backup.endpoints': endpoints.slice(1), ttl, md5 } };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  const port = await listen(server);
  service.url = `http://127.0.0.1:${port}/srv-sdk/allocate`;
  service.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return service;
}

/** An allocation URL where nothing listens (connection refused). */
export async function refusingUrl() {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/srv-sdk/allocate`;
}

/** An allocation service that accepts connections and never answers (a black hole); `close()` it. */
export async function hangingAllocation() {
  const sockets = new Set();
  const server = createServer(() => undefined);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/srv-sdk/allocate`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
