// The loopback server every runtime calls: the workspace's sandbox (it checks every signature) behind node:http on
// 127.0.0.1 and a free port, plus the browser check's page and bundle on the same origin. An account named
// `slow_…` is answered after 5 s, for the typed-timeout check.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox } from '@nim-api/sandbox';

export interface Loopback {
  readonly url: string;
  readonly appKey: string;
  readonly appSecret: string;
  /** Files served as they are (the browser page and bundle), by path. */
  readonly files: Map<string, { type: string; body: string }>;
  close(): Promise<void>;
}

const slowMs = 5_000;

async function bodyOf(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

export async function startLoopback(): Promise<Loopback> {
  const sandbox = createSandbox();
  const files = new Map<string, { type: string; body: string }>();
  const pending = new Set<ReturnType<typeof setTimeout>>();
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
      const file = files.get(url.pathname);
      if (file) {
        response.writeHead(200, { 'content-type': file.type });
        response.end(file.body);
        return;
      }
      const body = await bodyOf(request);
      if (/slow_/.test(url.search) || (body && /slow_/.test(body.toString('utf8')))) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            pending.delete(timer);
            resolve();
          }, slowMs);
          pending.add(timer);
        });
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const answer = await sandbox.fetch(
        new Request(url, {
          method: request.method,
          headers,
          body: body && request.method !== 'GET' ? new Uint8Array(body) : undefined,
        }),
      );
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    }
  });
  // Keep-alive sockets of the runtimes must not hold close() up.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
    files,
    close: async () => {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
