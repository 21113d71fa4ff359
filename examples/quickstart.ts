/**
 * Quickstart: every conversation-group operation once through `@nim-api/client`, printed one line per call.
 *
 *   pnpm example
 *       starts the embedded Prism mock (made from openapi/conversation-groups.yaml, the stand-in for the real
 *       Yunxin server), runs against it and stops it.
 *
 *   NIM_BASE_URL=https://open.yunxinapi.com NIM_APP_KEY=… NIM_APP_SECRET=… NIM_ACCOUNT_ID=alice pnpm example
 *       the same calls against a real host (it creates a group "Quickstart" and deletes it at the end).
 *
 * NIM_MOCK=1 marks a NIM_BASE_URL that is a Prism mock you started yourself (`pnpm mock`).
 */
import {
  conversationId,
  createNimClient,
  isNimError,
  NimApiError,
  traceIdOf,
  type ConversationGroup,
  type FailedConversation,
} from '@nim-api/client';

type Prism = { url: string; stop: () => Promise<void> };

const given = process.env.NIM_BASE_URL?.trim() || undefined;
let prism: Prism | undefined;
if (!given) {
  // Only needed without NIM_BASE_URL: a script of this repository, not part of the client.
  const { startPrism } = await import('../scripts/prism.mjs');
  prism = await startPrism({ mode: 'mock' });
}
const baseUrl = given ?? prism!.url;
const againstMock = prism !== undefined || process.env.NIM_MOCK === '1';

const appKey = process.env.NIM_APP_KEY || (againstMock ? 'quickstart-app-key' : '');
const appSecret = process.env.NIM_APP_SECRET || (againstMock ? 'quickstart-app-secret' : '');
if (!appKey || !appSecret) {
  console.error('Set NIM_APP_KEY and NIM_APP_SECRET (or leave NIM_BASE_URL unset to use the embedded mock).');
  process.exit(2);
}
const account = process.env.NIM_ACCOUNT_ID || 'alice';

// The mock has no state: it answers every call with the spec's `success` example. For the second page of a
// group's conversations it is told to answer with the spec's `lastPage` example, so the walk ends as on a server.
const mockFetch = (request: Request): Promise<Response> => {
  if (new URL(request.url).searchParams.get('page_token') === 'page-2') request.headers.set('Prefer', 'example=lastPage');
  return fetch(request);
};

const nim = createNimClient({ appKey, appSecret, baseUrl, ...(againstMock ? { fetch: mockFetch } : {}) });

const stopMock = async () => {
  await prism?.stop();
  prism = undefined;
};
process.once('SIGINT', () => void stopMock().then(() => process.exit(130)));
process.once('SIGTERM', () => void stopMock().then(() => process.exit(143)));

// ── printing ────────────────────────────────────────────────────────────────────────────────────────────────────
const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);
const describeGroup = (group: ConversationGroup) => `group ${group.group_id} "${group.name}"`;
const describeFailures = (failed: readonly { error_code: number; error_msg?: string | undefined }[], idOf: (i: number) => string) =>
  failed.map((failure, i) => `      ✖ ${idOf(i)}: ${failure.error_code} ${failure.error_msg ?? ''}`.trimEnd());
const conversationFailures = (failed: readonly FailedConversation[]) => describeFailures(failed, (i) => failed[i]!.conversation_id);

let failures = 0;

/** Runs one call and prints `✔ method  summary  trace <id>` (plus one line per partial failure), or the error. */
async function step<T extends object>(
  method: string,
  call: (traceId: string) => Promise<T>,
  summary: (result: T) => { line: string; details?: string[] },
): Promise<T | undefined> {
  // Every call gets its own trace id; traceIdOf(result) reads it back (for iterateConversations, which yields
  // items, the one passed in is the one every page was sent with).
  const traceId = crypto.randomUUID().replaceAll('-', '');
  try {
    const result = await call(traceId);
    const { line, details = [] } = summary(result);
    console.log(`  ✔ ${method.padEnd(21)} ${line.padEnd(64)} ${dim(`trace ${traceIdOf(result) ?? traceId}`)}`);
    for (const detail of details) console.log(detail);
    return result;
  } catch (error) {
    failures += 1;
    if (error instanceof NimApiError) {
      console.log(`  ✖ ${method.padEnd(21)} ${`${error.name} ${error.code} ${error.msg}`.padEnd(64)} ${dim(`trace ${error.traceId}`)}`);
    } else if (isNimError(error)) {
      console.log(`  ✖ ${method.padEnd(21)} ${error.name}: ${error.message}`);
    } else {
      throw error;
    }
    return undefined;
  }
}

// ── the calls ───────────────────────────────────────────────────────────────────────────────────────────────────
console.log(`@nim-api/client quickstart — ${baseUrl}${againstMock ? ' (Prism mock of openapi/conversation-groups.yaml)' : ''}`);
console.log(`account ${account}${againstMock ? dim(' · the mock answers every call with the spec\'s example, whatever the input') : ''}\n`);

try {
  const conversations = [conversationId.p2p(account, 'bob'), conversationId.team(account, 6001), conversationId.superTeam(account, 7001)];

  const created = await step(
    'create',
    (traceId) => nim.conversationGroups.create({ account_id: account, name: 'Quickstart', conversation_ids: conversations }, { traceId }),
    (r) => ({
      line: `${describeGroup(r.conversation_group)}: ${r.success_list.length} added, ${r.failed_list.length} failed`,
      details: conversationFailures(r.failed_list),
    }),
  );
  // Without a group the calls below have nothing to work on.
  if (!created) throw new Error('create failed; nothing to continue with');
  const groupId = created.conversation_group.group_id;

  await step(
    'update',
    (traceId) => nim.conversationGroups.update(groupId, { account_id: account, name: 'Quickstart (renamed)' }, { traceId }),
    (r) => ({ line: `renamed: ${describeGroup(r.conversation_group)}` }),
  );
  await step(
    'addConversations',
    (traceId) =>
      nim.conversationGroups.addConversations(groupId, { account_id: account, conversation_ids: [conversationId.p2p(account, 'dave')] }, { traceId }),
    (r) => ({ line: `${r.success_list.length} added, ${r.failed_list.length} failed`, details: conversationFailures(r.failed_list) }),
  );
  await step(
    'removeConversations',
    (traceId) =>
      nim.conversationGroups.removeConversations(groupId, { account_id: account, conversation_ids: [conversationId.p2p(account, 'dave')] }, { traceId }),
    (r) => ({ line: `${r.success_list.length} removed, ${r.failed_list.length} failed`, details: conversationFailures(r.failed_list) }),
  );
  await step(
    'get',
    (traceId) => nim.conversationGroups.get(groupId, { account_id: account }, { traceId }),
    (group) => ({ line: `${describeGroup(group)}, updated ${new Date(group.update_time).toISOString()}` }),
  );
  await step(
    'batchGet',
    // 1002 most likely does not exist: it shows how a partial failure comes back.
    (traceId) => nim.conversationGroups.batchGet({ account_id: account, group_ids: [groupId, '1002'] }, { traceId }),
    (r) => ({
      line: `${r.success_list.length} found (${r.success_list.map((g) => g.group_id).join(', ') || 'none'}), ${r.failed_list.length} failed`,
      details: describeFailures(r.failed_list, (i) => `group ${r.failed_list[i]!.group_id}`),
    }),
  );
  await step(
    'list',
    (traceId) => nim.conversationGroups.list({ account_id: account }, { traceId }),
    (r) => ({
      line: `${r.conversation_groups.length} groups`,
      details: r.conversation_groups.map((g) => `      · ${describeGroup(g)}`),
    }),
  );
  await step(
    'listConversations',
    (traceId) => nim.conversationGroups.listConversations(groupId, { account_id: account, limit: 2 }, { traceId }),
    (page) => ({
      line: `page of ${page.items.length}: ${page.items.map((c) => c.conversation_id).join(', ')}${page.has_more ? ` · next_token ${page.next_token}` : ''}`,
    }),
  );
  await step(
    'iterateConversations',
    async (traceId) => {
      const all = [];
      for await (const conversation of nim.conversationGroups.iterateConversations(groupId, { account_id: account, limit: 2 }, { traceId })) {
        all.push(conversation.conversation_id);
      }
      return all;
    },
    (all) => ({ line: `${all.length} conversations over all pages: ${all.join(', ')}` }),
  );
  await step(
    'delete',
    (traceId) => nim.conversationGroups.delete(groupId, { account_id: account }, { traceId }),
    () => ({ line: `deleted group ${groupId}` }),
  );
} catch (error) {
  failures += 1;
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
} finally {
  await stopMock();
}

console.log(failures === 0 ? '\n✔ every operation answered' : `\n✖ ${failures} call(s) failed`);
process.exitCode = failures === 0 ? 0 : 1;
