// Running tools: the release checks' helpers (async, output captured, whole process group killed on timeout,
// npm/pnpm settings of the parent run left out, telemetry off).
export { bin, cleanEnv, run, runOk, tscPath, workspaceRoot, type RunResult } from '../../release-checks/src/run.js';
