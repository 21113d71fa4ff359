/**
 * Quickstart: a stateful walk through every conversation-group operation with `@nim-api/client`, one line per call,
 * and a conversation (`nim.conversations`) that shows the groups holding it.
 *
 *   pnpm example
 *       runs against the embedded `@nim-api/sandbox` (in process, no server, no network): a stateful stand-in for
 *       the Yunxin API made from openapi/conversation-groups.yaml. Create, add, page, batch get with one unknown id,
 *       delete, then `get` of the deleted group failing with NimNotFoundError.
 *
 *   NIM_BASE_URL=https://open.yunxinapi.com NIM_APP_KEY=… NIM_APP_SECRET=… NIM_ACCOUNT_ID=alice pnpm example
 *       the same walk against a real host (it creates a group "Quickstart" and deletes it at the end).
 *
 * NIM_MOCK=1 marks a NIM_BASE_URL that is a Prism mock you started yourself (`pnpm mock`): stateless, it answers
 * every call with the spec's examples.
 */
import {
  conversationId,
  createNimClient,
  isNimError,
  NimApiError,
  NimNotFoundError,
  traceIdOf,
  type ConversationGroup,
  type FailedConversation,
} from '@nim-api/client';
import { createSandbox } from '@nim-api/sandbox';

const given = process.env.NIM_BASE_URL?.trim() || undefined;
const againstMock = given !== undefined && process.env.NIM_MOCK === '1';
// No host given: the sandbox, in process. Its AppKey and AppSecret are made up for this run.
const sandbox = given ? undefined : createSandbox({ accounts: [process.env.NIM_ACCOUNT_ID || 'alice'] });

const appKey = sandbox?.appKey ?? (process.env.NIM_APP_KEY || (againstMock ? 'quickstart-app-key' : ''));
const appSecret = sandbox?.appSecret ?? (process.env.NIM_APP_SECRET || (againstMock ? 'quickstart-app-secret' : ''));
if (!appKey || !appSecret) {
  console.error('Set NIM_APP_KEY and NIM_APP_SECRET (or leave NIM_BASE_URL unset to use the embedded sandbox).');
  process.exit(2);
}
const account = process.env.NIM_ACCOUNT_ID || 'alice';

// The mock has no state: it answers every call with the spec's `success` example. For the second page of a
// group's conversations it is told to answer with the spec's `lastPage` example, so the walk ends as on a server.
const mockFetch = (request: Request): Promise<Response> => {
  if (new URL(request.url).searchParams.get('page_token') === 'page-2')
    request.headers.set('Prefer', 'example=lastPage');
  return fetch(request);
};

const nim = createNimClient({
  appKey,
  appSecret,
  ...(given ? { baseUrl: given } : {}),
  // The sandbox's own origin as base URL: errors then name it, not the production host the client defaults to.
  ...(sandbox ? { baseUrl: sandbox.baseUrl, fetch: sandbox.fetch } : againstMock ? { fetch: mockFetch } : {}),
});

// ── printing ────────────────────────────────────────────────────────────────────────────────────────────────────
const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);
const describeGroup = (group: ConversationGroup) => `group ${group.group_id} "${group.name}"`;
const describeFailures = (
  failed: readonly { error_code: number; error_msg?: string | undefined }[],
  idOf: (i: number) => string,
) => failed.map((failure, i) => `      ✖ ${idOf(i)}: ${failure.error_code} ${failure.error_msg ?? ''}`.trimEnd());
const conversationFailures = (failed: readonly FailedConversation[]) =>
  describeFailures(failed, (i) => failed[i]!.conversation_id);

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
      console.log(
        `  ✖ ${method.padEnd(21)} ${`${error.name} ${error.code} ${error.msg}`.padEnd(64)} ${dim(`trace ${error.traceId}`)}`,
      );
    } else if (isNimError(error)) {
      console.log(`  ✖ ${method.padEnd(21)} ${error.name}: ${error.message}`);
    } else {
      throw error;
    }
    return undefined;
  }
}

// ── the walk ────────────────────────────────────────────────────────────────────────────────────────────────────
const where = sandbox
  ? 'the embedded @nim-api/sandbox (in process, stateful, made from openapi/conversation-groups.yaml)'
  : `${given}${againstMock ? ' (Prism mock of openapi/conversation-groups.yaml)' : ''}`;
console.log(`@nim-api/client quickstart — ${where}`);
console.log(
  `account ${account}${againstMock ? dim(" · the mock answers every call with the spec's example, whatever the input") : ''}\n`,
);

try {
  const conversations = [
    conversationId.p2p(account, 'bob'),
    conversationId.team(account, 6001),
    conversationId.superTeam(account, 7001),
  ];

  // The conversation alice–bob itself (the conversations resource): the groups that hold it show on it below.
  await step(
    'conversations.create',
    (traceId) => nim.conversations.create({ conversation_id: conversations[0]! }, { traceId }),
    (r) => ({ line: `conversation ${r.conversation_id}, in ${r.group_ids.length} groups` }),
  );

  const created = await step(
    'create',
    (traceId) =>
      nim.conversationGroups.create(
        { account_id: account, name: 'Quickstart', conversation_ids: conversations },
        { traceId },
      ),
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
    (traceId) =>
      nim.conversationGroups.update(groupId, { account_id: account, name: 'Quickstart (renamed)' }, { traceId }),
    (r) => ({ line: `renamed: ${describeGroup(r.conversation_group)}` }),
  );
  // 150 more: the client sends them in two calls (the API takes at most 100 per call) and merges the answers.
  const more = Array.from({ length: 150 }, (_, i) =>
    conversationId.p2p(account, `friend${String(i).padStart(3, '0')}`),
  );
  await step(
    'addConversations',
    (traceId) =>
      nim.conversationGroups.addConversations(groupId, { account_id: account, conversation_ids: more }, { traceId }),
    (r) => ({
      line: `${r.success_list.length} added, ${r.failed_list.length} failed`,
      details: conversationFailures(r.failed_list),
    }),
  );
  await step(
    'listConversations',
    (traceId) => nim.conversationGroups.listConversations(groupId, { account_id: account, limit: 100 }, { traceId }),
    (page) => ({
      line: `page of ${page.items.length} (${page.items
        .slice(0, 2)
        .map((c) => c.conversation_id)
        .join(', ')}${page.items.length > 2 ? ', …' : ''})${page.has_more ? ', has_more' : ''}`,
    }),
  );
  await step(
    'iterateConversations',
    async (traceId) => {
      const all = [];
      for await (const conversation of nim.conversationGroups.iterateConversations(
        groupId,
        { account_id: account, limit: 100 },
        { traceId },
      )) {
        all.push(conversation.conversation_id);
      }
      return all;
    },
    (all) => ({
      line: `${all.length} conversations over all pages (${all.slice(0, 2).join(', ')}${all.length > 2 ? ', …' : ''})`,
    }),
  );
  await step(
    'removeConversations',
    (traceId) =>
      nim.conversationGroups.removeConversations(
        groupId,
        { account_id: account, conversation_ids: more.slice(0, 50) },
        { traceId },
      ),
    (r) => ({
      line: `${r.success_list.length} removed, ${r.failed_list.length} failed`,
      details: conversationFailures(r.failed_list),
    }),
  );
  await step(
    'get',
    (traceId) => nim.conversationGroups.get(groupId, { account_id: account }, { traceId }),
    (group) => ({ line: `${describeGroup(group)}, updated ${new Date(group.update_time).toISOString()}` }),
  );
  await step(
    'conversations.get',
    (traceId) => nim.conversations.get(conversations[0]!, { traceId }),
    (r) => ({ line: `conversation ${r.conversation_id} is in groups ${r.group_ids.join(', ') || 'none'}` }),
  );
  await step(
    'batchGet',
    // 1002 does not exist in the sandbox (and most likely not on a real account): a partial failure comes back.
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
    'delete',
    (traceId) => nim.conversationGroups.delete(groupId, { account_id: account }, { traceId }),
    () => ({ line: `deleted group ${groupId}` }),
  );

  // The group is gone: reading it fails with NimNotFoundError (116404). A stateless mock still answers.
  try {
    await nim.conversationGroups.get(groupId, { account_id: account });
    if (againstMock)
      console.log(
        `  · ${'get (deleted)'.padEnd(21)} ${dim('the mock is stateless: it still answers with its example')}`,
      );
    else {
      failures += 1;
      console.log(`  ✖ ${'get (deleted)'.padEnd(21)} the deleted group ${groupId} was still answered`);
    }
  } catch (error) {
    if (!(error instanceof NimNotFoundError)) throw error;
    console.log(
      `  ✔ ${'get (deleted)'.padEnd(21)} ${`${error.name} ${error.code} (as expected)`.padEnd(64)} ${dim(`trace ${error.traceId}`)}`,
    );
  }
} catch (error) {
  failures += 1;
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
}

if (sandbox)
  console.log(
    dim(
      `\nthe sandbox saw ${sandbox.requests.length} requests, every signature ${sandbox.requests.every((r) => r.signature === 'valid') ? 'valid' : 'NOT valid'}`,
    ),
  );
console.log(failures === 0 ? '\n✔ every operation answered' : `\n✖ ${failures} call(s) failed`);
process.exitCode = failures === 0 ? 0 : 1;
