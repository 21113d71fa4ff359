// The server side of the stub: which operation a request is, bodies with int64 group ids as raw JSON numbers,
// and well-formed answers for every operation (what a correct server says to a valid request).
import { type OperationId, operationTable } from '@nim-api/types';
import { type Responder, type SentRequest, tick } from './recording-fetch.js';

export const groupsPath = '/im/v2/conversation_groups';

// Every route of the operation table, literal templates first (`actions/group_ids` is not a group id).
const routes = (Object.keys(operationTable) as OperationId[])
  .map((id) => ({ id, method: operationTable[id].method as string, template: operationTable[id].path as string }))
  .sort((a, b) => a.template.split('{').length - b.template.split('{').length)
  .map((route) => ({ ...route, pattern: new RegExp(`${route.template.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));

/** The spec's operation a request is, from its method and path (a baseUrl may carry a path of its own). */
export function operationOf(request: Pick<SentRequest, 'method' | 'path'>): OperationId | undefined {
  return routes.find((route) => route.method === request.method && route.pattern.test(request.path))?.id;
}

/** JSON text in which bigints become raw JSON numbers (how the server writes int64 group ids). */
export function jsonText(value: unknown, indent = ''): string {
  const marked = JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === 'bigint' ? `\u0000int64:${item}` : item),
    indent,
  );
  return marked.replace(/"\\u0000int64:(-?\d+)"/g, '$1');
}

export const envelopeText = (data: unknown, code = 200, msg = 'success') =>
  jsonText(data === undefined ? { code, msg } : { code, msg, data });

export function textResponse(
  text: string,
  status = 200,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  return new Response(text, { status, headers });
}

/** A group as the server sends it: `group_id` a raw int64 number. */
export const wireGroup = (groupId: bigint = 9007199254740993n, name = 'Work') => ({
  group_id: groupId,
  name,
  server_extension: '{"color":"blue"}',
  create_time: 1764115200000,
  update_time: 1764115200000,
});

/** A conversation as the server sends it: `group_ids` raw int64 numbers. */
export const wireConversation = (id = 'alice|1|bob') => ({
  conversation_id: id,
  sender_id: id.split('|')[0],
  receiver_id: id.split('|')[2],
  type: Number(id.split('|')[1]),
  stick_top: false,
  group_ids: [9007199254740993n, 1001n],
  server_extension: '',
  update_time: 1764115200000,
});

type Good = (request: SentRequest, account: string) => unknown;

// Keyed by OperationId: an operation added to the spec does not compile here until it has a correct answer.
const good = {
  createConversationGroup: () => ({ conversation_group: wireGroup(), success_list: [], failed_list: [] }),
  updateConversationGroup: () => ({ conversation_group: wireGroup(), success_list: [], failed_list: [] }),
  deleteConversationGroup: () => ({}),
  getConversationGroup: () => wireGroup(),
  batchGetConversationGroups: () => ({ success_list: [wireGroup()], failed_list: [] }),
  listConversationGroups: () => ({ conversation_groups: [wireGroup(), wireGroup(1n, 'Home')] }),
  listGroupConversations: (request, account) =>
    request.query.page_token === 'page-2'
      ? { has_more: false, items: [{ conversation_id: `${account}|2|6001` }] }
      : { has_more: true, next_token: 'page-2', items: [{ conversation_id: `${account}|1|bob`, unread: 3 }] },
  createConversation: () => wireConversation(),
  updateConversation: () => wireConversation(),
  deleteConversation: () => ({}),
  batchDeleteConversations: () => ({ success_list: ['alice|1|bob'], failed_list: [] }),
  getConversation: () => wireConversation(),
  batchGetConversations: () => ({
    success_list: [wireConversation()],
    failed_list: [{ conversation_id: 'alice|1|x', error_code: 110404 }],
  }),
  listConversations: (request) =>
    request.query.page_token === 'page-2'
      ? { has_more: false, items: [wireConversation('alice|2|6001')] }
      : { has_more: true, next_token: 'page-2', items: [wireConversation()] },
  stickTopConversation: () => ({ ...wireConversation(), stick_top: true }),
} satisfies Record<OperationId, Good>;

/** A correct `data` for each operation; the paginated ones serve two pages (token `page-2`). */
export function goodData(operation: OperationId, request: SentRequest): unknown {
  const account =
    request.query.account_id ?? (request.body as { account_id?: string } | undefined)?.account_id ?? 'alice';
  return (good as Record<OperationId, Good>)[operation](request, account);
}

/** A server that answers every request correctly (after yielding to the event loop). */
export const goodResponder: Responder = async ({ request }) => {
  const sent = await request;
  await tick();
  const operation = operationOf(sent);
  if (!operation) return textResponse('<html>404</html>', 404, { 'content-type': 'text/html' });
  return textResponse(envelopeText(goodData(operation, sent)));
};
