import type { Socket } from 'node:net';
import { gatewayPage } from './wire.js';

/**
 * What the HTTP front does with its connections: a cap on how many are open, and an idle timer on each connection
 * that has no request in flight (Node's own timers leave a silent socket open, and check the others only every 30 s).
 * @example
 * ```ts
 * const guard: ConnectionGuard = createConnectionGuard({ idleTimeoutMs: 5000, maxConnections: 512 });
 * server.on('connection', (socket) => guard.admit(socket));
 * ```
 */
export interface ConnectionGuard {
  /** A new connection: admitted (closing the longest-idle one at the cap), or answered 503 and closed. */
  admit(socket: Socket): void;
  /** A request starts on `socket`; `false` when the socket was refused (the request is dropped). */
  begin(socket: Socket): boolean;
  /** A request on `socket` is done (answered, or the caller went away). */
  end(socket: Socket): void;
  /** Ends every connection (the server closes). */
  closeAll(): void;
  /** How many connections are open. */
  readonly size: number;
}

interface Tracked {
  inFlight: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const busyPage = gatewayPage(503);
const busyAnswer =
  busyPage.kind === 'response'
    ? `HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: ${busyPage.headers['content-type']}\r\nContent-Length: ${Buffer.byteLength(busyPage.body)}\r\n\r\n${busyPage.body}`
    : '';

/**
 * Creates the guard of one server.
 * @example
 * ```ts
 * const guard = createConnectionGuard({ idleTimeoutMs: 5000, maxConnections: 512 });
 * ```
 */
export function createConnectionGuard(limits: {
  readonly idleTimeoutMs: number;
  readonly maxConnections: number;
}): ConnectionGuard {
  // Insertion order is age: the first idle one found is the longest open of the idle ones.
  const open = new Map<Socket, Tracked>();
  const refused = new WeakSet<Socket>();

  const arm = (socket: Socket, tracked: Tracked) => {
    clearTimeout(tracked.timer);
    tracked.timer = setTimeout(() => {
      if (tracked.inFlight === 0) socket.destroy();
    }, limits.idleTimeoutMs);
    tracked.timer.unref?.();
  };

  return {
    admit(socket) {
      if (open.size >= limits.maxConnections) {
        let idle: Socket | undefined;
        for (const [candidate, tracked] of open) {
          if (tracked.inFlight === 0) {
            idle = candidate;
            break;
          }
        }
        if (idle) {
          idle.destroy();
          const tracked = open.get(idle);
          if (tracked) clearTimeout(tracked.timer);
          open.delete(idle);
        } else {
          refused.add(socket);
          socket.on('error', () => {});
          socket.end(busyAnswer);
          setTimeout(() => socket.destroy(), 1000).unref?.();
          return;
        }
      }
      const tracked: Tracked = { inFlight: 0, timer: undefined };
      open.set(socket, tracked);
      arm(socket, tracked);
      socket.once('close', () => {
        clearTimeout(tracked.timer);
        open.delete(socket);
      });
    },
    begin(socket) {
      if (refused.has(socket)) return false;
      const tracked = open.get(socket);
      if (tracked) {
        tracked.inFlight += 1;
        clearTimeout(tracked.timer);
        tracked.timer = undefined;
      }
      return true;
    },
    end(socket) {
      const tracked = open.get(socket);
      if (!tracked) return;
      tracked.inFlight = Math.max(0, tracked.inFlight - 1);
      if (tracked.inFlight === 0 && !socket.destroyed) arm(socket, tracked);
    },
    closeAll() {
      for (const [socket, tracked] of open) {
        clearTimeout(tracked.timer);
        socket.destroy();
      }
      open.clear();
    },
    get size() {
      return open.size;
    },
  };
}
