import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiOf } from '../support/api.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

describe('the nim-sandbox CLI', () => {
  it('prints its URL and credentials, logs one line per request, and stops on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      [cli, '--app-key', 'cli-key', '--seed', '4', '--first-group-id', '9007199254740993'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const deadline = Date.now() + 15_000;
      while (!/AppSecret\s+\S+/.test(output) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const appSecret = /AppSecret\s+([0-9a-f]{32})/.exec(output)?.[1];
      expect(url, output).toBeDefined();
      expect(output).toMatch(/AppKey\s+cli-key/);
      const api = apiOf(
        { fetch: (request) => fetch(request), base: url! },
        { appKey: 'cli-key', appSecret: appSecret! },
      );
      const created = await api.create({ account_id: 'alice', name: 'From the CLI' });
      expect(created.text).toContain('"group_id":9007199254740993');
      while (!/createConversationGroup/.test(output) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(output).toMatch(
        /POST\s+createConversationGroup\s+account=alice signature=valid code=200 http=200 trace=[0-9a-f]{32}/,
      );
      // A value with a line break is quoted: one request stays one line.
      await api.raw('GET', '/im/v2/conversation_groups?account_id=a%0AFAKE%20LINE');
      while (!/account="a\\nFAKE LINE"/.test(output) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(output).toMatch(/listConversationGroups\s+account="a\\nFAKE LINE" signature=valid code=414/);
      expect(output).not.toMatch(/^FAKE LINE/m);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses bad arguments with a usage text (exit 2)', async () => {
    const refused = async (args: string[], message: RegExp) => {
      const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000); // a CLI that starts serving instead
      expect(await exited, args.join(' ')).toBe(2);
      clearTimeout(timer);
      expect(output).toMatch(message);
    };
    await refused(['--port', 'abc'], /--port must be a whole number[\s\S]*usage: nim-sandbox/);
    await refused(['--accounts', ',,'], /--accounts must name at least one account id[\s\S]*usage: nim-sandbox/);
  });
});
