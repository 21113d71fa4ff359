// vitest globalSetup of the `redis` project: one redis-server for the tests that do not stop or pause Redis
// (those start their own). Its port reaches the tests through `inject('redisPort')`.
import type { TestProject } from 'vitest/node';
import { startRedisServer, type RedisServer } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisPort: number;
  }
}

let server: RedisServer | undefined;

export async function setup(project: TestProject) {
  server = await startRedisServer();
  project.provide('redisPort', server.port);
}

export async function teardown() {
  await server?.stop();
}
