#!/usr/bin/env node
// Measures the HTTP front of the sandbox against hostile clients on 127.0.0.1, with its DEFAULT listen options:
// silent sockets, slow headers (slowloris), many idle connections, and unsigned 1 MiB bodies. The sandbox runs in a
// child process (so its RSS is its own); every phase is bounded in time and every socket is closed at the end.
//
//   node packages/sandbox/scripts/measure-http-front.mjs [--dist path/to/dist/index.js] [--json]
//
// --dist points at another build (e.g. one of an older commit) to compare; the default is this package's dist.
import { fork } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { dist: { type: 'string' }, json: { type: 'boolean' }, serve: { type: 'string' } },
  strict: true,
});

if (values.serve) {
  // The child: serve the sandbox, answer RSS questions over IPC.
  const { createSandbox } = await import(pathToFileURL(values.serve).href);
  const server = await createSandbox().listen();
  process.on('message', (message) => {
    if (message === 'rss') {
      globalThis.gc?.();
      process.send({ rss: process.memoryUsage().rss });
    }
  });
  process.send({ url: server.url });
} else {
  await measure();
}

async function measure() {
  const dist = values.dist ?? fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const child = fork(fileURLToPath(import.meta.url), ['--serve', dist], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages = [];
  const waiters = [];
  child.on('message', (message) => (waiters.length ? waiters.shift()(message) : messages.push(message)));
  const next = () =>
    messages.length ? Promise.resolve(messages.shift()) : new Promise((resolve) => waiters.push(resolve));
  const { url } = await next();
  const port = Number(new URL(url).port);
  const rss = async () => {
    child.send('rss');
    return (await next()).rss;
  };
  const mib = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const sockets = new Set();
  const open = () =>
    new Promise((resolve) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      sockets.add(socket);
      const state = { socket, closedAfter: undefined, data: '' };
      socket.on('data', (chunk) => (state.data += chunk));
      socket.on('error', () => {});
      socket.on('close', () => {
        state.closedAfter = Date.now() - started;
        sockets.delete(socket);
      });
      socket.once('connect', () => resolve(state));
      socket.once('error', () => resolve(state));
    });
  const waitClosed = async (states, boundMs) => {
    const deadline = Date.now() + boundMs;
    while (Date.now() < deadline && states.some((s) => s.closedAfter === undefined))
      await new Promise((r) => setTimeout(r, 50));
    const closed = states.filter((s) => s.closedAfter !== undefined).map((s) => s.closedAfter);
    return {
      closed: closed.length,
      of: states.length,
      maxMs: closed.length ? Math.max(...closed) : undefined,
      stillOpenAfterMs: closed.length < states.length ? boundMs : undefined,
    };
  };
  const results = { dist, baselineRssMiB: mib(await rss()) };

  // 1. Silent sockets: connect, send nothing.
  const silent = await Promise.all(Array.from({ length: 50 }, open));
  results.silentSockets = await waitClosed(silent, 20_000);

  // 2. Slowloris: a header line every 500 ms, never finished.
  const slow = await Promise.all(Array.from({ length: 20 }, open));
  const drip = setInterval(() => {
    for (const s of slow)
      if (s.closedAfter === undefined) s.socket.write(`X-Slow-${Math.random().toString(36).slice(2, 6)}: 1\r\n`);
  }, 500);
  for (const s of slow) s.socket.write('GET /health/liveness.action HTTP/1.1\r\nHost: x\r\n');
  results.slowHeaders = await waitClosed(slow, 20_000);
  clearInterval(drip);

  // 3. Many idle connections, then a real request: is it answered, and how many idle ones are left open?
  const many = await Promise.all(Array.from({ length: 2000 }, open));
  await new Promise((r) => setTimeout(r, 500));
  const t0 = Date.now();
  let realRequest;
  try {
    const response = await fetch(`${url}/health/liveness.action`, { signal: AbortSignal.timeout(5000) });
    realRequest = `HTTP ${response.status} in ${Date.now() - t0} ms`;
  } catch (error) {
    realRequest = `failed: ${error.cause?.code ?? error.message}`;
  }
  const openAfterHalfSecond = many.filter((s) => s.closedAfter === undefined).length;
  results.manyConnections = {
    opened: many.length,
    stillOpenAfter500ms: openAfterHalfSecond,
    realRequest,
    rssMiB: mib(await rss()),
    ...(await waitClosed(many, 20_000)),
  };
  for (const s of many) s.socket.destroy();

  // 4. 300 unsigned requests with 1 MiB bodies each, all at once.
  const before = await rss();
  const bodies = await Promise.all(Array.from({ length: 300 }, open));
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (const s of bodies) {
    s.socket.write(
      `POST /im/v2/conversation_groups HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${chunk.length}\r\n\r\n`,
    );
    s.socket.write(chunk);
  }
  let peak = before;
  const sampler = setInterval(async () => {
    peak = Math.max(peak, await rss());
  }, 100);
  const bigBodies = await waitClosed(bodies, 20_000);
  await new Promise((r) => setTimeout(r, 300));
  clearInterval(sampler);
  const after = await rss();
  results.unsignedBigBodies = {
    ...bigBodies,
    answered403: bodies.filter((s) => /"code":403/.test(s.data)).length,
    rssBeforeMiB: mib(before),
    rssPeakMiB: mib(peak),
    rssAfterMiB: mib(after),
    rssGrowthMiB: mib(Math.max(peak, after) - before),
  };

  for (const socket of sockets) socket.destroy();
  child.kill();
  if (values.json) console.log(JSON.stringify(results, null, 2));
  else {
    const line = (name, r) =>
      `${name.padEnd(26)} ${r.closed}/${r.of} closed${r.maxMs !== undefined ? `, last after ${r.maxMs} ms` : ''}${r.stillOpenAfterMs ? `, ${r.of - r.closed} still open after ${r.stillOpenAfterMs} ms` : ''}`;
    console.log(`sandbox build: ${results.dist}\nRSS at start: ${results.baselineRssMiB} MiB`);
    console.log(line('50 silent sockets', results.silentSockets));
    console.log(line('20 slow-header sockets', results.slowHeaders));
    const m = results.manyConnections;
    console.log(
      `${line('2000 idle connections', m)}; open after 0.5 s: ${m.stillOpenAfter500ms}; a real request meanwhile: ${m.realRequest}; RSS ${m.rssMiB} MiB`,
    );
    const b = results.unsignedBigBodies;
    console.log(
      `${line('300 unsigned 1 MiB bodies', b)}; answered 403: ${b.answered403}; RSS ${b.rssBeforeMiB} → peak ${b.rssPeakMiB} → ${b.rssAfterMiB} MiB (+${b.rssGrowthMiB} MiB)`,
    );
  }
  process.exit(0);
}
