// The code samples in the spec (x-codeSamples) are code: the TypeScript ones must type-check against the BUILT
// client (packages/client/dist, resolved as `@nim-api/client`), the curl ones must sign correctly and send what
// the spec describes.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deref, operations, repoRoot, sampleOf, spec, type Operation } from './support/spec.js';

const run = promisify(execFile);
const docsDir = fileURLToPath(new URL('../', import.meta.url));
const samplesDir = `${docsDir}.tmp/samples/`;
const builtClient = `${repoRoot}packages/client/dist/index.d.ts`;
/** Wider lines are cut off in the site's code panel (about 60 characters fit at a 1400-pixel window). */
const maxLineLength = 60;

describe('the code samples of the spec', () => {
  it('give every operation of the spec one TypeScript sample (kept in the spec) and one curl sample (rendered from it)', () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      expect(
        op.codeSamples.map((s) => `${s.lang}/${s.label}`),
        `${op.operationId}: add its TypeScript sample to x-codeSamples`,
      ).toEqual(['TypeScript/TypeScript', 'Shell/curl']);
    }
  });

  it.each(operations.flatMap((op) => op.codeSamples.map((s) => [op.operationId, s.label, s.source] as const)))(
    '%s (%s) has no line wider than the code panel',
    (_id, _label, source) => {
      const wide = source.split('\n').filter((line) => line.length > maxLineLength);
      expect(wide).toEqual([]);
    },
  );
});

describe('the TypeScript samples', () => {
  let program: ts.Program;
  const fileOf = (name: string) => `${samplesDir}${name}.ts`;
  // A copy of the create sample with the method renamed: proves the check can fail.
  const renamed = 'renamed-method';

  beforeAll(async () => {
    expect(existsSync(builtClient), `${builtClient} is missing: run \`pnpm build\` first`).toBe(true);
    await rm(samplesDir, { recursive: true, force: true });
    await mkdir(samplesDir, { recursive: true });
    for (const op of operations) await writeFile(fileOf(op.operationId), sampleOf(op, 'TypeScript'));
    const create = sampleOf(operations.find((op) => op.operationId === 'createConversationGroup')!, 'TypeScript');
    expect(create).toContain('.create(');
    await writeFile(fileOf(renamed), create.replace('.create(', '.createGroup('));

    // The repository's compiler settings (strict, NodeNext, noUncheckedIndexedAccess, …).
    const base = ts.readConfigFile(`${repoRoot}tsconfig.base.json`, ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, docsDir);
    program = ts.createProgram({
      rootNames: [...operations.map((op) => fileOf(op.operationId)), fileOf(renamed)],
      options: { ...options, noEmit: true },
    });
  }, 60_000);

  const problems = (file: string) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!d.file || d.start === undefined) return text;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${line + 1}:${character + 1} TS${d.code} ${text}`;
    });

  it('resolve @nim-api/client to the built declarations in packages/client/dist', () => {
    const files = program.getSourceFiles().map((f) => f.fileName);
    expect(files).toContain(builtClient);
  });

  it.each(operations.map((op) => [op.operationId, op] as const))(
    '%s type-checks against the built client',
    (id, op) => {
      expect(readFileSync(builtClient, 'utf8'), `the built client declares no nim.${op.sdkResource}`).toMatch(
        new RegExp(`readonly ${op.sdkResource}: `),
      );
      expect(sampleOf(op, 'TypeScript'), `${id}'s sample uses nim.${op.sdkResource}`).toMatch(
        new RegExp(`\\.${op.sdkResource}\\b`),
      );
      expect(problems(fileOf(id))).toEqual([]);
    },
  );

  it('fail the check when a method is renamed', () => {
    const found = problems(fileOf(renamed));
    expect(found.join('\n')).toMatch(/TS(2339|2551) Property 'createGroup' does not exist/);
  });
});

describe('the curl samples', () => {
  // The known-answer vector of /work/shared/reference/api-notes.md (computed with sha1sum and Python's hashlib).
  const vector = { secret: 'abcdef123456', nonce: '4tgggergigwow323t23t', curTime: '1443592222' };
  const expected = '2a5be7297876a281b888aead8752a54e1f9ab04a';

  it.each(operations.map((op) => op.operationId))('%s computes the CheckSum of the known-answer vector', async (id) => {
    const source = sampleOf(operations.find((op) => op.operationId === id)!, 'curl');
    const line = /^CHECKSUM=\$\([\s\S]*?\)$/m.exec(source)?.[0];
    expect(line, 'a CHECKSUM=$(…) assignment').toBeDefined();
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', `${line}\nprintf %s "$CHECKSUM"`], {
      env: { PATH: process.env.PATH, NIM_APP_SECRET: vector.secret, NONCE: vector.nonce, CURTIME: vector.curTime },
    });
    expect(stdout).toBe(expected);
  });

  it('match the shell line of the guide (info.description), which prints the same CheckSum', async () => {
    const block = /```sh\n([\s\S]*?)```/.exec(spec.info.description)?.[1];
    expect(block, 'a ```sh block in info.description').toBeDefined();
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', block!], {
      env: { PATH: process.env.PATH, NIM_APP_SECRET: vector.secret, NONCE: vector.nonce, CURTIME: vector.curTime },
    });
    expect(stdout.split(' ')[0]).toBe(expected);
  });

  describe('run against a loopback server that checks what they send', () => {
    const appKey = 'docs-sample-app-key';
    const appSecret = 'docs-sample-app-secret';
    let server: Server;
    let base: string;
    const received: { method: string; url: URL; headers: IncomingMessage['headers']; body: string }[] = [];
    let answer: unknown = {};

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          received.push({ method: req.method ?? '', url: new URL(req.url ?? '/', base), headers: req.headers, body });
          res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
          res.end(JSON.stringify(answer));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await run('curl', ['--version']).catch(() => {
        throw new Error('curl is not installed (the curl samples are run with it)');
      });
    });

    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    const pathPattern = (op: Operation) => new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);

    // One at a time: each run is matched to the one request it made.
    it.each(operations.map((op) => op.operationId))('%s sends a signed request the spec accepts', async (id) => {
      const op = operations.find((o) => o.operationId === id)!;
      const source = sampleOf(op, 'curl');
      expect(source).toMatch(/^BASE=https:\/\/open\.yunxinapi\.com$/m);
      received.length = 0;
      answer = op.successExample;
      const started = Math.floor(Date.now() / 1000);
      const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', source.replace(/^BASE=.*$/m, `BASE=${base}`)], {
        env: { PATH: process.env.PATH, NIM_APP_KEY: appKey, NIM_APP_SECRET: appSecret },
        timeout: 10_000,
      });
      expect(JSON.parse(stdout)).toEqual(op.successExample);
      expect(received).toHaveLength(1);
      const [request] = received;

      expect(request!.method).toBe(op.method);
      expect(request!.url.pathname).toMatch(pathPattern(op));

      const { appkey, nonce, curtime, checksum } = request!.headers as Record<string, string>;
      expect(appkey).toBe(appKey);
      expect(nonce).toMatch(/^[0-9a-f]{1,128}$/);
      expect(Math.abs(Number(curtime) - started)).toBeLessThanOrEqual(60);
      expect(checksum).toBe(
        createHash('sha1')
          .update(appSecret + nonce + curtime)
          .digest('hex'),
      );
      expect(request!.headers['x-custom-traceid']).toMatch(/^[0-9a-f]{32}$/);

      for (const param of op.parameters.filter((p) => p.in === 'query' && p.required)) {
        expect(request!.url.searchParams.get(param.name), `query ${param.name}`).toBeTruthy();
      }
      for (const name of request!.url.searchParams.keys()) {
        expect(
          op.parameters.some((p) => p.in === 'query' && p.name === name),
          `query ${name} is in the spec`,
        ).toBe(true);
      }

      if (op.requestBody) {
        expect(request!.headers['content-type']).toBe('application/json;charset=utf-8');
        const body = JSON.parse(request!.body);
        const schema = deref(op.requestBody.content['application/json'].schema);
        for (const name of schema.required ?? []) expect(body, `body.${name}`).toHaveProperty(name);
        for (const name of Object.keys(body))
          expect(schema.properties, `body.${name} is in the spec`).toHaveProperty(name);
      } else {
        expect(request!.body).toBe('');
      }
    });
  });
});
