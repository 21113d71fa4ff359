// examples/opentelemetry.ts keeps working (issue 25): against the sandbox over HTTP, each call is a CLIENT span under
// the app's span with instrumentation-undici's HTTP span under it, the deleted group's `get` is an error span, the
// trace id is the X-custom-traceid, and the Prometheus text follows.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

it('examples/opentelemetry.ts prints the span tree, the metrics and the Prometheus text', async () => {
  const { stdout } = await promisify(execFile)(tsx, ['examples/opentelemetry.ts'], { cwd: root, timeout: 60_000 });
  const [, traceId, sameId] = /X-custom-traceid ([0-9a-f]{32}) = the trace id ([0-9a-f]{32})/.exec(stdout) ?? [];
  expect(traceId).toBeDefined();
  expect(traceId).toBe(sameId);
  expect(stdout).toMatch(
    /^GET \/groups\/work \[INTERNAL\]\s*\n {2}createConversationGroup \[CLIENT\] .*nim\.code=200.*\n {4}POST \[CLIENT\]/m,
  );
  expect(stdout).toMatch(/^ {2}deleteConversationGroup \[CLIENT\] .*\n {4}DELETE \[CLIENT\]/m);
  expect(stdout).toMatch(
    /^ {2}getConversationGroup \[CLIENT\] ERROR .*nim\.code=116404.*error\.type=NimNotFoundError.*\n {4}GET \[CLIENT\]/m,
  );
  expect(stdout).toMatch(/^http\.client\.request\.duration \(s\): 3 series$/m);
  expect(stdout).toMatch(/^# TYPE nim_client_attempts_total counter$/m);
}, 60_000);
