// Running tools from the release checks: async, output captured, quiet environment.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- plain .mjs helper without declarations
import { quietToolEnv } from '../../../scripts/tool-env.mjs';

export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const bin = (name: string) => fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));
export const tscPath = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));

/**
 * The parent environment without npm/pnpm settings inherited from `pnpm test` (a registry, a userconfig, …),
 * plus the quiet-tool settings. Every child gets exactly the npm configuration the test gives it.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm|pnpm)_(config|package|lifecycle)_/i.test(key) || /^PNPM_/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...quietToolEnv, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  output: string;
  ms: number;
}

/** Runs a command to completion (never rejects for a non-zero exit; check `code`). */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? workspaceRoot,
      env: options.env ?? cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group: a timeout ends the whole tree
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      output += chunk;
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, options.timeoutMs ?? 60_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, output, ms: Date.now() - started });
    });
  });
}

/** Like {@link run} but throws with the full output unless the exit code is 0. */
export async function runOk(...params: Parameters<typeof run>): Promise<RunResult> {
  const result = await run(...params);
  if (result.code !== 0) {
    throw new Error(
      `\`${params[0]} ${params[1].join(' ')}\` exited ${result.code ?? result.signal} after ${result.ms} ms:\n${result.output}`,
    );
  }
  return result;
}
