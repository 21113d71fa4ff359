// The built site in a real browser (Debian chromium driven by playwright-core), served from 127.0.0.1: every
// operation and both of its code samples are rendered, the search finds "conversation", the SDK reference (TypeDoc,
// site/sdk/) is linked from the guide, documents the three packages and its search finds the client's options, and
// nothing but the local server is asked for anything. Leaves screenshots in test-artifacts/.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDir, startStaticServer } from '../scripts/static-server.mjs';
import { operations, repoRoot, sampleOf, spec, type Operation } from './support/spec.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = join(repoRoot, 'test-artifacts');
const screenshot = join(artifacts, 'docs-screenshot.png');
const operationScreenshot = join(artifacts, 'docs-operation.png');
const sdkScreenshot = join(artifacts, 'docs-sdk-reference.png');

let server: Awaited<ReturnType<typeof startStaticServer>> | undefined;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;
let page: Page;
/** Every URL the browser asked for, from Playwright's events and from the DevTools protocol. */
const requested = new Set<string>();
const pageErrors: string[] = [];

/** Whether a URL stays on the local server (data: URLs and the page's own blob: URLs make no request at all). */
function isLocal(raw: string, origin: string) {
  if (raw.startsWith('data:')) return true;
  const url = new URL(raw.startsWith('blob:') ? raw.slice(5) : raw);
  return url.origin === origin;
}

/** Code text as rendered (trailing spaces and blank lines at the end dropped). */
const normalize = (text: string) =>
  text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();

beforeAll(async () => {
  expect(
    existsSync(chromiumPath),
    `${chromiumPath} is missing: bash scripts/bootstrap.sh installs Debian's chromium`,
  ).toBe(true);
  expect(existsSync(join(siteDir, 'index.html')), 'the site is built by the global setup (turbo run docs)').toBe(true);
  server = await startStaticServer();
  userDataDir = await mkdtemp(join(tmpdir(), 'nim-docs-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true, // playwright passes --headless
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
    serviceWorkers: 'block',
  });
  context.on('request', (request) => requested.add(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  // The protocol also reports what Playwright's events leave out (the favicon, for one).
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (event) => requested.add(event.request.url));
  await cdp.send('Network.enable');
  await page.goto(server.url, { waitUntil: 'load' });
}, 60_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await server?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

/** A heading by its text (its accessible name also carries the text of its "link to …" anchor). */
const headingNamed = (text: string) => page.locator('h1, h2').filter({ has: page.getByText(text, { exact: true }) });

/** The section of one operation, reached the way a reader does: through the sidebar. */
async function openOperation(op: Operation): Promise<Locator> {
  const sidebar = page.getByTestId('menu-item-label');
  const item = sidebar.getByText(op.summary, { exact: true });
  if (!(await item.isVisible())) await sidebar.getByText(op.tag, { exact: true }).click(); // expands the tag
  await item.click();
  const section = page.locator('[data-item-kind="httpItem"]', { has: headingNamed(op.summary) });
  await expect.poll(() => section.count(), { timeout: 10_000, message: op.operationId }).toBe(1);
  await section.waitFor({ state: 'visible', timeout: 10_000 });
  return section;
}

/** The rendered request samples of a section, as text. */
async function codeBlocksOf(section: Locator): Promise<string[]> {
  return (await section.locator('[data-component-name="CodeBlock/CodeBlock"]').allInnerTexts()).map(normalize);
}

describe('the docs site in chromium', () => {
  it('shows the title, the guide and the download links of the bundled spec', async () => {
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().innerText(), { timeout: 10_000 })
      .toContain(spec.info.title);
    for (const heading of [
      'Signing',
      'Responses: HTTP 200 with a code',
      'Errors and partial failures',
      'Conversation ids',
      'Limits',
      'Hosts',
    ]) {
      await expect.poll(() => headingNamed(heading).count(), { timeout: 5_000, message: heading }).toBe(1);
    }
    for (const file of ['openapi.yaml', 'openapi.json']) {
      expect(await page.locator(`a[href="${file}"]`).count(), `a link to ${file}`).toBeGreaterThan(0);
    }
    // The links lead to the bundle, with every operation.
    const bundled = await (await fetch(new URL('openapi.json', server!.url))).json();
    const ids = Object.values(bundled.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      (item) => Object.values(item).flatMap((op) => (op.operationId ? [op.operationId] : [])),
    );
    expect(ids.sort()).toEqual(operations.map((op) => op.operationId).sort());
    const yaml = await (await fetch(new URL('openapi.yaml', server!.url))).text();
    expect(yaml).toMatch(/^openapi: 3\.1\.0$/m);
  });

  it('shows the https rule and the vendor domains of x-nim-discovery in the Hosts section', async () => {
    // The section Redoc rendered from the spec's description: everything after the "Hosts" heading up to the next one.
    const hosts = async () => {
      const text = await page.locator('body').innerText();
      const start = text.lastIndexOf('\nHosts\n'); // the first is the sidebar's entry
      return start === -1 ? '' : text.slice(start, text.indexOf('\nTest your code\n', start));
    };
    await expect.poll(hosts, { timeout: 10_000 }).toContain('https only.');
    const shown = await hosts();
    for (const { host } of spec['x-nim-discovery'].endpointHosts as Array<{ host: string }>)
      expect(shown).toContain(host);
    for (const words of ['127.0.0.0/8', 'allowHttp: true', 'never probed, never called'])
      expect(shown).toContain(words);
  });

  it('saves a full-page screenshot of the front page', async () => {
    // Redoc renders the sections near the viewport only: grow the window until the page stops growing.
    let height = 0;
    for (let round = 0; round < 6; round++) {
      const scrollHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      if (scrollHeight <= height) break;
      height = Math.min(scrollHeight, 16_000);
      await page.setViewportSize({ width: 1400, height });
      await page.waitForTimeout(300);
    }
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    console.log(`docs screenshot: ${screenshot}`);
    expect(existsSync(screenshot)).toBe(true);
  });

  it('shows the guide "Conversations and their groups" of the Conversations tag', async () => {
    await page.getByTestId('menu-item-label').getByText('Conversations', { exact: true }).click();
    await expect
      .poll(() => page.getByText('Conversations and their groups', { exact: true }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText('Which groups is this conversation in?', { exact: true }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
  });

  it('renders all fifteen operations with their TypeScript samples', async () => {
    expect(operations).toHaveLength(15);
    for (const op of operations) {
      const section = await openOperation(op);
      const expected = normalize(sampleOf(op, 'TypeScript'));
      await expect.poll(() => codeBlocksOf(section), { timeout: 10_000, message: op.operationId }).toContain(expected);
      if (op.operationId === 'createConversationGroup') {
        await page.screenshot({ path: operationScreenshot });
        console.log(`docs screenshot of one operation: ${operationScreenshot}`);
      }
    }
  });

  it('switches every operation to its curl sample', async () => {
    const [first] = operations;
    const section = await openOperation(first!);
    // The language picker of the request sample; the choice holds for every operation.
    await section.getByRole('button', { name: 'TypeScript', exact: true }).click();
    await page.getByRole('menuitem', { name: 'curl', exact: true }).click();
    for (const op of operations) {
      const opened = await openOperation(op);
      const expected = normalize(sampleOf(op, 'curl'));
      await expect.poll(() => codeBlocksOf(opened), { timeout: 10_000, message: op.operationId }).toContain(expected);
    }
  });

  it('finds "conversation" with the search', async () => {
    await page.getByTestId('search-trigger').click();
    await page.getByPlaceholder('Search docs...').fill('conversation');
    const dialog = page.getByTestId('search-dialog');
    const results = dialog.locator('a[href]');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const texts = await results.allInnerTexts();
    expect(texts.join('\n')).toContain('Create a conversation group');
    expect(texts.every((text) => /conversation/i.test(text))).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('links the SDK reference from the guide and its navigation', async () => {
    await page.goto(server!.url, { waitUntil: 'load' });
    // The guide's section is an entry of the sidebar too.
    await page.getByTestId('menu-item-label').getByText('SDK reference', { exact: true }).click();
    await expect.poll(() => headingNamed('SDK reference').count(), { timeout: 5_000 }).toBe(1);
    const link = page.locator('a[href="sdk/index.html"]').first();
    await link.click();
    await page.waitForURL(/\/sdk\/index\.html$/, { timeout: 10_000 });
    await expect
      .poll(() => page.locator('h1').first().innerText(), { timeout: 10_000 })
      .toContain('nim-api SDK reference');
    // Back to the HTTP API from the SDK pages' header.
    expect(await page.locator('a.tsd-nav-link', { hasText: 'HTTP API' }).getAttribute('href')).toBe('../index.html');
  });

  it('documents the client, the sandbox and @nim-api/redis in the SDK reference', async () => {
    await page.goto(new URL('sdk/index.html', server!.url).href, { waitUntil: 'load' });
    // The sidebar is filled in by TypeDoc's script.
    const nav = page.locator('#tsd-nav-container');
    for (const name of ['@nim-api/client', '@nim-api/sandbox', '@nim-api/redis']) {
      await expect
        .poll(() => nav.getByText(name, { exact: true }).count(), { timeout: 10_000, message: name })
        .toBeGreaterThan(0);
    }
    // One page each, generated from the TSDoc: the client's options with unit and default, its errors, the sandbox
    // and the Redis limiter.
    const pages: [string, string[]][] = [
      [
        'interfaces/_nim-api_client.NimClientOptions.html',
        ['timeoutMs', 'maxRetries', 'rateLimit', 'hooks', 'transport', 'discovery', '10000'],
      ],
      ['interfaces/_nim-api_client.NimClient.html', ['conversationGroups', 'metrics', 'endpoints', 'raw', 'close']],
      ['classes/_nim-api_client.NimApiError.html', ['code', 'NimApiErrorCode', 'traceId']],
      ['functions/_nim-api_sandbox.createSandbox.html', ['createSandbox']],
      ['interfaces/_nim-api_sandbox.SandboxOptions.html', ['faults', 'rateLimit', 'unconfirmed']],
      ['interfaces/_nim-api_sandbox.Sandbox.html', ['fetch', 'dispatcher', 'listen', 'requests', 'snapshot', 'reset']],
      ['functions/_nim-api_redis.createRedisRateLimiter.html', ['createRedisRateLimiter', 'perSecond']],
    ];
    for (const [path, names] of pages) {
      const response = await page.goto(new URL(`sdk/${path}`, server!.url).href, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      const text = await page.locator('.col-content').innerText();
      for (const name of names) expect(text, `${path} shows ${name}`).toContain(name);
    }
    await page.goto(new URL('sdk/interfaces/_nim-api_client.NimClientOptions.html', server!.url).href, {
      waitUntil: 'load',
    });
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: sdkScreenshot, fullPage: true });
    console.log(`docs screenshot of the SDK reference: ${sdkScreenshot}`);
    expect(existsSync(sdkScreenshot)).toBe(true);
  });

  it('finds timeoutMs, maxRetries, rateLimit, createRedisRateLimiter and hooks with the SDK reference’s search', async () => {
    await page.goto(new URL('sdk/index.html', server!.url).href, { waitUntil: 'load' });
    for (const name of ['timeoutMs', 'maxRetries', 'rateLimit', 'createRedisRateLimiter', 'hooks']) {
      await page.locator('#tsd-search-trigger').click();
      const input = page.locator('#tsd-search-input');
      await input.fill('');
      await input.fill(name);
      const results = page.locator('#tsd-search-results li');
      // The results follow the input after a short debounce: wait for this name's.
      await expect
        .poll(async () => (await results.allInnerTexts()).some((text) => text.includes(name)), {
          timeout: 10_000,
          message: name,
        })
        .toBe(true);
      await page.keyboard.press('Escape');
    }
    // The result for the client's option leads to its documentation: unit and default.
    await page.locator('#tsd-search-trigger').click();
    await page.locator('#tsd-search-input').fill('');
    await page.locator('#tsd-search-input').fill('timeoutMs');
    await page.locator('#tsd-search-results li', { hasText: 'NimClientOptions.timeoutMs' }).first().click();
    await page.waitForURL(/NimClientOptions\.html#timeoutms$/i, { timeout: 10_000 });
    const member = page.locator('section.tsd-member', { has: page.locator('[id="timeoutms"]') });
    await expect.poll(() => member.count(), { timeout: 5_000 }).toBe(1);
    const text = await member.innerText();
    expect(text).toContain('milliseconds');
    expect(text).toMatch(/Default\s+10000/);
  });

  it('asks nothing of any host but 127.0.0.1 and logs no errors', () => {
    const origin = new URL(server!.url).origin;
    expect(requested.size).toBeGreaterThan(0);
    expect([...requested].filter((url) => !isLocal(url, origin))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
