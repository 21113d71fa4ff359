// Starts one Prism mock from openapi/conversation-groups.yaml (request validation on, `--errors`) for the whole
// contract project and stops it afterwards — vitest calls the returned teardown whether tests passed or failed.
import type { TestProject } from 'vitest/node';
import { startPrism } from '../../../scripts/prism.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Prism mock, e.g. `http://127.0.0.1:41234`. */
    prismUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let prism: Awaited<ReturnType<typeof startPrism>>;
  try {
    prism = await startPrism({ mode: 'mock' });
  } catch (error) {
    // startPrism's message carries Prism's own log; print it in full before vitest shortens the error.
    console.error(error instanceof Error ? error.message : error);
    throw error;
  }
  project.provide('prismUrl', prism.url);
  return async () => {
    await prism.stop();
  };
}
