// The server side of the stub: which operation a request is, bodies with int64 group ids as raw JSON numbers,
// and well-formed answers for every operation (what a correct server says to a valid request).
import type { OperationId } from '@nim-api/types';
import { type Responder, type SentRequest, tick } from './recording-fetch.js';

export const groupsPath = '/im/v2/conversation_groups';

/** The spec's operation a request is, from its method and path. */
export function operationOf(request: Pick<SentRequest, 'method' | 'path'>): OperationId | undefined {
  const { method } = request;
  // A baseUrl may carry a path of its own (`https://host/base`).
  const path = request.path.slice(Math.max(0, request.path.indexOf(`${groupsPath}`)));
  if (path === groupsPath) return method === 'POST' ? 'createConversationGroup' : method === 'GET' ? 'listConversationGroups' : undefined;
  if (path === `${groupsPath}/actions/group_ids`) return method === 'GET' ? 'batchGetConversationGroups' : undefined;
  if (/^\/im\/v2\/conversation_groups\/[^/]+\/conversations$/.test(path)) return method === 'GET' ? 'listGroupConversations' : undefined;
  if (/^\/im\/v2\/conversation_groups\/[^/]+$/.test(path)) {
    return ({ GET: 'getConversationGroup', PATCH: 'updateConversationGroup', DELETE: 'deleteConversationGroup' } as const)[
      method as 'GET' | 'PATCH' | 'DELETE'
    ];
  }
  return undefined;
}

/** JSON text in which bigints become raw JSON numbers (how the server writes int64 group ids). */
export function jsonText(value: unknown, indent = ''): string {
  const marked = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `\u0000int64:${item}` : item), indent);
  return marked.replace(/"\\u0000int64:(-?\d+)"/g, '$1');
}

export const envelopeText = (data: unknown, code = 200, msg = 'success') =>
  jsonText(data === undefined ? { code, msg } : { code, msg, data });

export function textResponse(text: string, status = 200, headers: Record<string, string> = { 'content-type': 'application/json' }) {
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

/** A correct `data` for each operation; `listGroupConversations` serves two pages (token `page-2`). */
export function goodData(operation: OperationId, request: SentRequest): unknown {
  const account = request.query.account_id ?? (request.body as { account_id?: string } | undefined)?.account_id ?? 'alice';
  switch (operation) {
    case 'createConversationGroup':
    case 'updateConversationGroup':
      return { conversation_group: wireGroup(), success_list: [], failed_list: [] };
    case 'deleteConversationGroup':
      return {};
    case 'getConversationGroup':
      return wireGroup();
    case 'batchGetConversationGroups':
      return { success_list: [wireGroup()], failed_list: [] };
    case 'listConversationGroups':
      return { conversation_groups: [wireGroup(), wireGroup(1n, 'Home')] };
    case 'listGroupConversations':
      return request.query.page_token === 'page-2'
        ? { has_more: false, items: [{ conversation_id: `${account}|2|6001` }] }
        : { has_more: true, next_token: 'page-2', items: [{ conversation_id: `${account}|1|bob`, unread: 3 }] };
  }
}

/** A server that answers every request correctly (after yielding to the event loop). */
export const goodResponder: Responder = async ({ request }) => {
  const sent = await request;
  await tick();
  const operation = operationOf(sent);
  if (!operation) return textResponse('<html>404</html>', 404, { 'content-type': 'text/html' });
  return textResponse(envelopeText(goodData(operation, sent)));
};
