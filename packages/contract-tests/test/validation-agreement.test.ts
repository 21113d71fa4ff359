// The client's input validation agrees with the spec: for inputs at and just past the spec's limits, the client
// sends what Prism (validating against the spec) accepts and refuses (NimValidationError, nothing sent) what Prism
// refuses with 422. Where the client is stricter on purpose, the case says so and why.
import { NimValidationError, type ConversationId, type NimClient } from '@nim-api/client';
import { expect, inject, it } from 'vitest';
import { account, groupId } from './contracts.js';
import { harness, successExamples } from './harness.js';

const prismUrl = inject('prismUrl');

const ids = (count: number, owner = account) => Array.from({ length: count }, (_, i) => `${owner}|1|user${i}` as const);
const groupPath = '/im/v2/conversation_groups/{group_id}' as const;
const pagePath = '/im/v2/conversation_groups/{group_id}/conversations' as const;

interface AgreementCase {
  readonly title: string;
  /** What Prism, i.e. the spec, does with the request. */
  readonly spec: 'accepts' | 'refuses';
  /** Set when the client refuses although the spec accepts — a deliberate choice, with the reason. */
  readonly clientStricter?: string;
  readonly call: (nim: NimClient) => Promise<unknown>;
  /** The same request through nim.raw, which does not validate. */
  readonly raw: (nim: NimClient) => Promise<{ response: Response }>;
}

const create = (body: {
  account_id: string;
  name: string;
  conversation_ids?: ConversationId[];
}): Pick<AgreementCase, 'call' | 'raw'> => ({
  call: (nim) => nim.conversationGroups.create(body),
  raw: (nim) => nim.raw.POST('/im/v2/conversation_groups', { body }),
});
const get = (group_id: string, account_id = account): Pick<AgreementCase, 'call' | 'raw'> => ({
  call: (nim) => nim.conversationGroups.get(group_id, { account_id }),
  raw: (nim) => nim.raw.GET(groupPath, { params: { path: { group_id }, query: { account_id } } }),
});
const page = (query: { limit?: number; page_token?: string }): Pick<AgreementCase, 'call' | 'raw'> => ({
  call: (nim) => nim.conversationGroups.listConversations(groupId, { account_id: account, ...query }),
  raw: (nim) =>
    nim.raw.GET(pagePath, { params: { path: { group_id: groupId }, query: { account_id: account, ...query } } }),
});
const add = (conversation_ids: ConversationId[]): Pick<AgreementCase, 'call' | 'raw'> => ({
  call: (nim) => nim.conversationGroups.addConversations(groupId, { account_id: account, conversation_ids }),
  raw: (nim) =>
    nim.raw.PATCH(groupPath, {
      params: { path: { group_id: groupId } },
      body: { account_id: account, conversations: { type: 1, conversation_ids } },
    }),
});

const cases: AgreementCase[] = [
  { title: 'create with only account_id and name', spec: 'accepts', ...create({ account_id: account, name: 'W' }) },
  {
    title: 'create with 100 conversation ids',
    spec: 'accepts',
    ...create({ account_id: account, name: 'W', conversation_ids: ids(100) }),
  },
  {
    title: 'create with conversation_ids: [] (optional, no minItems in the spec)',
    spec: 'accepts',
    ...create({ account_id: account, name: 'W', conversation_ids: [] }),
  },
  {
    title: 'create with 101 conversation ids',
    spec: 'refuses',
    ...create({ account_id: account, name: 'W', conversation_ids: ids(101) }),
  },
  { title: 'create with an empty name', spec: 'refuses', ...create({ account_id: account, name: '' }) },
  {
    title: 'create with conversation type 4',
    spec: 'refuses',
    ...create({ account_id: account, name: 'W', conversation_ids: ['alice|4|bob' as ConversationId] }),
  },
  {
    title: "create with another account's conversation",
    spec: 'accepts',
    clientStricter: 'the owner must be account_id (server error 110302); the spec leaves it UNCONFIRMED',
    ...create({ account_id: account, name: 'W', conversation_ids: ['bob|1|alice'] }),
  },
  { title: 'account_id of 32 characters', spec: 'accepts', ...get(groupId, 'a'.repeat(32)) },
  { title: 'account_id of 33 characters', spec: 'refuses', ...get(groupId, 'a'.repeat(33)) },
  { title: 'account_id with a space', spec: 'refuses', ...get(groupId, 'al ice') },
  { title: 'group id 1', spec: 'accepts', ...get('1') },
  { title: 'group id 2^53 − 1', spec: 'accepts', ...get('9007199254740991') },
  { title: 'group id 0', spec: 'refuses', ...get('0') },
  { title: 'page limit 1', spec: 'accepts', ...page({ limit: 1 }) },
  { title: 'page limit 100', spec: 'accepts', ...page({ limit: 100 }) },
  { title: 'page limit 0', spec: 'refuses', ...page({ limit: 0 }) },
  { title: 'page limit 101', spec: 'refuses', ...page({ limit: 101 }) },
  { title: 'an empty page_token', spec: 'accepts', ...page({ page_token: '' }) },
  {
    title: 'addConversations with no ids',
    spec: 'accepts',
    clientStricter: 'an empty change is refused as a caller mistake',
    ...add([]),
  },
  {
    title: 'update with nothing to change',
    spec: 'accepts',
    clientStricter: 'an update without name or server_extension is refused as a caller mistake',
    call: (nim) => nim.conversationGroups.update(groupId, { account_id: account }),
    raw: (nim) => nim.raw.PATCH(groupPath, { params: { path: { group_id: groupId } }, body: { account_id: account } }),
  },
  {
    title: 'batchGet with no ids',
    spec: 'refuses',
    call: (nim) => nim.conversationGroups.batchGet({ account_id: account, group_ids: [] }),
    raw: (nim) =>
      nim.raw.GET('/im/v2/conversation_groups/actions/group_ids', {
        params: { query: { account_id: account, group_ids: [] } },
      }),
  },
];

it.each(cases)('$title: spec $spec', async ({ spec, clientStricter, call, raw }) => {
  const { nim, exchanges } = harness(prismUrl, successExamples);
  const { response } = await raw(nim);
  expect(response.status, 'what Prism says about the raw request').toBe(spec === 'accepts' ? 200 : 422);

  const sentBefore = exchanges.length;
  const outcome = await call(nim).then(
    () => 'sent',
    (error: unknown) => {
      if (error instanceof NimValidationError) return 'refused';
      throw error;
    },
  );
  const expected = spec === 'refuses' || clientStricter ? 'refused' : 'sent';
  expect(outcome, clientStricter ?? `the spec ${spec} this input`).toBe(expected);
  if (outcome === 'refused') expect(exchanges.length, 'a refused call sends nothing').toBe(sentBefore);
  else expect(exchanges.slice(sentBefore).every((exchange) => exchange.status === 200)).toBe(true);
});
