// A Node stand-in for the conversation service of NetEase's official Go server SDK v1.0.0
// (github.com/netease-im/yunxin-server-sdk-golang, src/im/v2/conversation/), written from reading its source — none
// of its code is copied, and the SDK is neither built nor run. It is deliberately NOT made from our spec: it is an
// independent witness of what the vendor's SDK sends and reads, so the tests can hold the spec and the sandbox to it.
//
// What each part reproduces, and where the SDK says so:
// - paths, with their mixed v2/v2.1 prefixes: conversation_v2_url_context.go;
// - which input goes into the path, the query or the JSON body, and when optional query fields are sent:
//   conversation_v2_requests.go (`json:"-"` fields are not in the body) and conversation_v2_service_impl.go;
// - how the path and query are written on the wire: core/yunxin_api_http_client.go `buildPath` (the id is put into
//   the path raw; Go's net/url then escapes it as URL.EscapedPath does, `|` → `%7C`) and core/yunxin_http_client.go
//   `buildURL` (`key=url.QueryEscape(value)` joined with `&`, so `,` → `%2C`);
// - a body only for POST/PUT/PATCH/DELETE with data, `Content-Type: application/json;charset=UTF-8`, the headers
//   AppKey, CurTime, Nonce (a dash-less UUID), CheckSum, X-custom-traceid and `User-Agent:
//   yunxin-server-sdk-golang/v1.0.0`: core/yunxin_http_client.go, core/http/http_types.go, core/version/;
// - what it reads from an answer (`code`, `msg`, then `data` into the response struct): im/v2/util/result_utils.go
//   and the structs of conversation_v2_responses.go, listed in `goReads` below.
import { createHash, randomUUID } from 'node:crypto';

/** Go's `url.QueryEscape`: unreserved bytes stay, a space becomes `+`, every other byte `%XX` (upper-case hex). */
export function goQueryEscape(value: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(value)) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.~-]/.test(char)) out += char;
    else if (char === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** What Go's net/url sends for a path set raw (`URL.EscapedPath`): unreserved and `$&+,/:;=@` stay, the rest `%XX`. */
export function goEscapePath(path: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(path)) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~$&+,/:;=@-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Go's `json.Marshal` of a string-keyed struct: JSON with `<`, `>`, `&`, U+2028 and U+2029 escaped. */
function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** One request as the Go SDK builds it. */
export interface GoRequest {
  /** The SDK's method name (ConversationV2Service). */
  readonly call: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The SDK's URL constant, e.g. `/im/v2.1/conversations/{conversation_id}`. */
  readonly uri: string;
  /** Path parameters, put into `uri` raw (`buildPath`). */
  readonly pathParams: Readonly<Record<string, string>>;
  /** Query parameters in the order the SDK fills its map (Go itself iterates a map in random order). */
  readonly query: readonly (readonly [string, string])[];
  /** The JSON body, or `undefined` when none is sent. */
  readonly body: string | undefined;
}

const path = (uri: string, params: Readonly<Record<string, string>>) =>
  Object.entries(params).reduce((at, [name, value]) => at.replace(`{${name}}`, value), uri);

/** The wire form of a request: escaped path and query, as `net/http` sends them. */
export function wireTarget(request: GoRequest): string {
  const query = request.query.map(([key, value]) => `${key}=${goQueryEscape(value)}`).join('&');
  return goEscapePath(path(request.uri, request.pathParams)) + (query ? `?${query}` : '');
}

/**
 * The eight calls of `ConversationV2Service`, building exactly what `conversation_v2_service_impl.go` sends.
 * @example
 * ```ts
 * const request = goConversations.getConversation('alice|1|bob'); // GET /im/v2.1/conversations/alice%7C1%7Cbob
 * ```
 */
export const goConversations = {
  createConversation: (conversationId: string): GoRequest => ({
    call: 'CreateConversation',
    method: 'POST',
    uri: '/im/v2.1/conversations',
    pathParams: {},
    query: [],
    body: goJson({ conversation_id: conversationId }),
  }),
  updateConversation: (conversationId: string, serverExtension: string): GoRequest => ({
    call: 'UpdateConversation',
    method: 'PATCH',
    uri: '/im/v2/conversations/{conversation_id}',
    pathParams: { conversation_id: conversationId },
    query: [],
    // `ServerExtension string` without omitempty: always sent, '' included.
    body: goJson({ server_extension: serverExtension }),
  }),
  deleteConversation: (conversationId: string, clearMessage?: boolean): GoRequest => ({
    call: 'DeleteConversation',
    method: 'DELETE',
    uri: '/im/v2/conversations/{conversation_id}',
    pathParams: { conversation_id: conversationId },
    // Only `true` is ever sent.
    query: clearMessage === true ? [['clear_message', 'true']] : [],
    body: undefined,
  }),
  batchDeleteConversations: (conversationIds: readonly string[], clearMessage?: boolean): GoRequest => ({
    call: 'BatchDeleteConversations',
    method: 'DELETE',
    uri: '/im/v2/conversations/actions/conversation_ids',
    pathParams: {},
    query: [
      ['conversation_ids', conversationIds.join(',')],
      ...(clearMessage === true ? ([['clear_message', 'true']] as const) : []),
    ],
    body: undefined,
  }),
  getConversation: (conversationId: string): GoRequest => ({
    call: 'GetConversation',
    method: 'GET',
    uri: '/im/v2.1/conversations/{conversation_id}',
    pathParams: { conversation_id: conversationId },
    query: [],
    body: undefined,
  }),
  batchGetConversations: (conversationIds: readonly string[]): GoRequest => ({
    call: 'BatchGetConversations',
    method: 'POST',
    uri: '/im/v2.1/conversations/actions/conversation_ids',
    pathParams: {},
    query: [],
    body: goJson({ conversation_ids: conversationIds }),
  }),
  listConversations: (accountId: string, pageToken = '', limit = 0): GoRequest => ({
    call: 'ListConversations',
    method: 'GET',
    uri: '/im/v2.1/conversations',
    pathParams: {},
    // page_token only when not empty, limit only when above 0.
    query: [
      ['account_id', accountId],
      ...(pageToken !== '' ? ([['page_token', pageToken]] as const) : []),
      ...(limit > 0 ? ([['limit', String(limit)]] as const) : []),
    ],
    body: undefined,
  }),
  stickTopConversation: (conversationId: string, topType: number | null): GoRequest => ({
    call: 'StickTopConversation',
    method: 'POST',
    uri: '/im/v2/conversations/{conversation_id}/actions/stick_top_conversation',
    pathParams: { conversation_id: conversationId },
    query: [],
    // `TopType *int` without omitempty: a nil pointer is sent as null.
    body: goJson({ top_type: topType }),
  }),
} as const;

/** A Go type a response field is decoded into. */
export type GoType = 'string' | 'int' | 'int64' | 'bool' | '[]int64' | '[]string' | '[]FailedItem' | '[]Conversation';

const conversationInfo: Readonly<Record<string, GoType>> = {
  conversation_id: 'string',
  sender_id: 'string',
  receiver_id: 'string',
  type: 'int',
  stick_top: 'bool',
  group_ids: '[]int64',
  server_extension: 'string',
  update_time: 'int64',
};

/**
 * The fields each response struct of `conversation_v2_responses.go` reads from `data`, and their Go types.
 * `ConversationInfo` and `ConversationItem` (the items of the batches and of the list) read the same fields as
 * `GetConversationResponseV2`; `FailedItem` reads `conversation_id`, `error_code`, `error_msg`.
 */
export const goReads: Readonly<Record<keyof typeof goConversations, Readonly<Record<string, GoType>>>> = {
  createConversation: conversationInfo,
  updateConversation: {
    conversation_id: 'string',
    sender_id: 'string',
    receiver_id: 'string',
    type: 'int',
    server_extension: 'string',
    update_time: 'int64',
  },
  deleteConversation: {},
  batchDeleteConversations: { success_list: '[]string', failed_list: '[]FailedItem' },
  getConversation: conversationInfo,
  batchGetConversations: { success_list: '[]Conversation', failed_list: '[]FailedItem' },
  listConversations: { has_more: 'bool', next_token: 'string', items: '[]Conversation' },
  stickTopConversation: {
    type: 'int',
    conversation_id: 'string',
    sender_id: 'string',
    receiver_id: 'string',
    stick_top: 'bool',
    sort_order: 'int64',
    update_time: 'int64',
  },
};

const failedItem: Readonly<Record<string, GoType>> = {
  conversation_id: 'string',
  error_code: 'int',
  error_msg: 'string',
};

/**
 * Problems decoding `data` into a struct the way `encoding/json` would (a wrong JSON type is an unmarshal error),
 * plus every field the struct reads that the answer leaves out (Go would leave it nil/zero). Empty when the answer
 * carries every field, each of a type Go accepts.
 */
export function goDecodeProblems(reads: Readonly<Record<string, GoType>>, data: unknown, at = 'data'): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [`${at} is not an object`];
  const problems: string[] = [];
  const isInteger = (v: unknown) => (typeof v === 'string' ? /^-?\d+$/.test(v) : Number.isInteger(v));
  for (const [field, type] of Object.entries(reads)) {
    const where = `${at}.${field}`;
    if (!(field in data)) {
      problems.push(`${where} is missing`);
      continue;
    }
    const value = (data as Record<string, unknown>)[field];
    const listOf = (check: (item: unknown, index: number) => string[]) =>
      Array.isArray(value) ? value.flatMap(check) : [`${where} is not an array`];
    switch (type) {
      case 'string':
        if (typeof value !== 'string') problems.push(`${where} is not a string`);
        break;
      case 'bool':
        if (typeof value !== 'boolean') problems.push(`${where} is not a bool`);
        break;
      case 'int':
      case 'int64':
        // Exact integers arrive as decimal strings from `parseWithExactInt64` below.
        if (!isInteger(value)) problems.push(`${where} is not an integer`);
        break;
      case '[]int64':
        problems.push(...listOf((item, i) => (isInteger(item) ? [] : [`${where}[${i}] is not an integer`])));
        break;
      case '[]string':
        problems.push(...listOf((item, i) => (typeof item === 'string' ? [] : [`${where}[${i}] is not a string`])));
        break;
      case '[]FailedItem':
        problems.push(...listOf((item, i) => goDecodeProblems(failedItem, item, `${where}[${i}]`)));
        break;
      case '[]Conversation':
        problems.push(...listOf((item, i) => goDecodeProblems(conversationInfo, item, `${where}[${i}]`)));
        break;
    }
  }
  return problems;
}

/** JSON.parse with every integer beyond 2^53 kept as its exact decimal text (the reading `group_ids` needs). */
export function parseWithExactInt64(text: string): any {
  // Integers outside a string, of 16 digits or more, are quoted before parsing; shorter ones are exact anyway.
  return JSON.parse(
    text.replace(/("(?:[^"\\]|\\.)*")|(-?\d{16,})(?=[,\]}\s])/g, (match, str, big) => (str ? str : `"${big}"`)),
  );
}

/** The signing credentials. */
export interface GoCredentials {
  readonly appKey: string;
  readonly appSecret: string;
}

/** What came back: the HTTP status, the raw text, the parsed envelope and Prism's violations header (if any). */
export interface GoReply {
  readonly status: number;
  readonly text: string;
  readonly envelope: { code: number; msg: string; data?: any } | undefined;
  readonly violations: string | null;
  readonly method: string;
  readonly target: string;
}

/**
 * Sends a request the way the Go SDK's HTTP client does: signed headers, a dash-less UUID nonce and trace id, its
 * User-Agent, and a JSON body only when there is one.
 */
export async function goSend(
  base: string,
  credentials: GoCredentials,
  request: GoRequest,
  extraHeaders: Record<string, string> = {},
): Promise<GoReply> {
  const curTime = String(Math.floor(Date.now() / 1000));
  const nonce = randomUUID().replaceAll('-', '');
  const headers: Record<string, string> = {
    AppKey: credentials.appKey,
    CurTime: curTime,
    Nonce: nonce,
    CheckSum: createHash('sha1')
      .update(credentials.appSecret + nonce + curTime)
      .digest('hex'),
    'X-custom-traceid': randomUUID().replaceAll('-', ''),
    'User-Agent': 'yunxin-server-sdk-golang/v1.0.0',
    ...extraHeaders,
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json;charset=UTF-8';
  const target = wireTarget(request);
  const response = await fetch(base.replace(/\/+$/, '') + target, {
    method: request.method,
    headers,
    body: request.body,
  });
  const text = await response.text();
  let envelope: GoReply['envelope'];
  try {
    envelope = parseWithExactInt64(text);
  } catch {
    envelope = undefined;
  }
  return {
    status: response.status,
    text,
    envelope,
    violations: response.headers.get('sl-violations'),
    method: request.method,
    target,
  };
}
