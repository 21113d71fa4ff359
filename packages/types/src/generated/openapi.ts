/**
 * GENERATED FILE — DO NOT EDIT.
 * Produced by openapi-typescript from openapi/conversation-groups.yaml (`pnpm generate`).
 * Edit the spec and regenerate instead; the test run fails when this file is stale.
 */

export interface paths {
    "/im/v2/conversation_groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List all groups of an account
         * @description Returns every conversation group (查询所有会话分组) owned by `account_id`. Not paginated.
         */
        get: operations["listConversationGroups"];
        put?: never;
        /**
         * Create a conversation group
         * @description Creates a group (创建会话分组) for `account_id` and optionally files up to 100 conversations in it.
         *     Conversations that could not be added are reported one by one in `failed_list` while `code` is 200:
         *     the call can half succeed. Not idempotent: retrying after a timeout can create a second group.
         */
        post: operations["createConversationGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/im/v2/conversation_groups/{group_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the group (会话分组 ID).
                 * @example 9007199254740991
                 */
                group_id: components["parameters"]["GroupIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get one group
         * @description Returns one group (查询会话分组) of `account_id`; `data` is the group object itself.
         */
        get: operations["getConversationGroup"];
        put?: never;
        post?: never;
        /**
         * Delete a group
         * @description Deletes a group (删除会话分组). The conversations themselves are kept; only the grouping goes.
         */
        delete: operations["deleteConversationGroup"];
        options?: never;
        head?: never;
        /**
         * Update a group, add or remove conversations
         * @description Renames a group, changes its extension, and adds (`conversations.type` 1) or removes (type 2)
         *     conversations (更新会话分组). There is no separate add/remove endpoint. Per-conversation failures are
         *     reported in `failed_list` while `code` is 200.
         */
        patch: operations["updateConversationGroup"];
        trace?: never;
    };
    "/im/v2/conversation_groups/actions/group_ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get several groups
         * @description Returns several groups of `account_id` (批量查询会话分组). Ids that could not be read are listed one by one
         *     in `failed_list` while `code` is 200.
         */
        get: operations["batchGetConversationGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/im/v2/conversation_groups/{group_id}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the group (会话分组 ID).
                 * @example 9007199254740991
                 */
                group_id: components["parameters"]["GroupIdPath"];
            };
            cookie?: never;
        };
        /**
         * Page through the conversations of a group
         * @description Returns one page of the conversations filed in a group (分页查询分组内会话). Pass the `next_token` of a
         *     page as `page_token` to get the next one while `has_more` is true. Added to the API on 2026-02-10;
         *     the parameter and result shapes are UNCONFIRMED and follow the v2 pagination convention.
         */
        get: operations["listGroupConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description An IM account id (云信账号 ID, accid): 1–32 letters, digits, `_`, `@`, `.` or `-`. The server lower-cases
         *     letters.
         * @example alice
         */
        AccountId: string;
        /**
         * Format: int64
         * @description The id of a conversation group (会话分组 ID), a 64-bit integer. Values above 2^53 do not fit a JavaScript
         *     `number`; `x-nim-js-type: decimal-string` tells the TypeScript generator to carry it as an exact decimal
         *     string, which `@nim-api/client` reads and writes without rounding. (The examples stay at or below
         *     2^53 − 1 because the mock server parses them as JavaScript numbers.)
         * @example 9007199254740991
         */
        GroupId: string;
        /**
         * Format: int64
         * @description A point in time, in milliseconds since the Unix epoch (UNCONFIRMED unit; seconds would be 10 digits).
         * @example 1764115200000
         */
        Timestamp: number;
        /**
         * @description A conversation id (会话 ID), `owner_id|conversation_type|other_id` for a one-to-one conversation or
         *     `owner_id|conversation_type|team_id` for a team. Sent raw in JSON bodies. That `owner_id` must equal the
         *     request's `account_id` is UNCONFIRMED (error 110302 suggests it); the pattern does not enforce it.
         * @example alice|1|bob
         */
        ConversationId: `${string}|${1 | 2 | 3}|${string}`;
        /** @description Conversation ids, at most 100 per call. */
        ConversationIdList: components["schemas"]["ConversationId"][];
        /**
         * @description The group's name (会话分组名称). Maximum length UNCONFIRMED and not enforced here.
         * @example Work
         */
        GroupName: string;
        /**
         * @description Free-form extension of the group (会话分组扩展字段), often JSON text. Maximum length UNCONFIRMED.
         * @example {"color":"blue"}
         */
        ServerExtension: string;
        /** @description A conversation group (会话分组). */
        ConversationGroup: {
            /**
             * @description The id of a conversation group (会话分组 ID), a 64-bit integer. Values above 2^53 do not fit a JavaScript
             *     `number`; `x-nim-js-type: decimal-string` tells the TypeScript generator to carry it as an exact decimal
             *     string, which `@nim-api/client` reads and writes without rounding. (The examples stay at or below
             *     2^53 − 1 because the mock server parses them as JavaScript numbers.)
             */
            group_id: components["schemas"]["GroupId"];
            /** @description The group's name (会话分组名称). Maximum length UNCONFIRMED and not enforced here. */
            name: components["schemas"]["GroupName"];
            /** @description Free-form extension of the group (会话分组扩展字段), often JSON text. Maximum length UNCONFIRMED. */
            server_extension?: components["schemas"]["ServerExtension"];
            /** @description A point in time, in milliseconds since the Unix epoch (UNCONFIRMED unit; seconds would be 10 digits). */
            create_time: components["schemas"]["Timestamp"];
            /** @description A point in time, in milliseconds since the Unix epoch (UNCONFIRMED unit; seconds would be 10 digits). */
            update_time: components["schemas"]["Timestamp"];
            /**
             * @description An IM account id (云信账号 ID, accid): 1–32 letters, digits, `_`, `@`, `.` or `-`. The server lower-cases
             *     letters.
             */
            account_id?: components["schemas"]["AccountId"];
            /** @description The group's conversations, when the server includes them (UNCONFIRMED; optional). */
            conversation_ids?: components["schemas"]["ConversationId"][];
        };
        /** @description A conversation that could not be added or removed, with the reason. */
        FailedConversation: {
            /**
             * @description A conversation id (会话 ID), `owner_id|conversation_type|other_id` for a one-to-one conversation or
             *     `owner_id|conversation_type|team_id` for a team. Sent raw in JSON bodies. That `owner_id` must equal the
             *     request's `account_id` is UNCONFIRMED (error 110302 suggests it); the pattern does not enforce it.
             */
            conversation_id: components["schemas"]["ConversationId"];
            /** @description The error code for this conversation, e.g. 110304 (already in 5 groups). */
            error_code: number;
            /** @description The error message for this conversation. */
            error_msg?: string;
        };
        /**
         * @description A group id that could not be read, with the reason. The Go SDK reads `{group_id, error_code, error_msg}`,
         *     the Java SDK `{group_id, code, msg}` (UNCONFIRMED which); both spellings are accepted.
         */
        FailedGroup: {
            /**
             * @description The id of a conversation group (会话分组 ID), a 64-bit integer. Values above 2^53 do not fit a JavaScript
             *     `number`; `x-nim-js-type: decimal-string` tells the TypeScript generator to carry it as an exact decimal
             *     string, which `@nim-api/client` reads and writes without rounding. (The examples stay at or below
             *     2^53 − 1 because the mock server parses them as JavaScript numbers.)
             */
            group_id: components["schemas"]["GroupId"];
            /** @description The error code for this group, e.g. 116404. */
            error_code?: number;
            /** @description The error message for this group. */
            error_msg?: string;
            /** @description The Java SDK's spelling of `error_code` (UNCONFIRMED). */
            code?: number;
            /** @description The Java SDK's spelling of `error_msg` (UNCONFIRMED). */
            msg?: string;
        };
        /**
         * @description One conversation of a group page. Only `conversation_id` is relied on; other fields the server sends are
         *     passed through (shape UNCONFIRMED).
         */
        GroupConversation: {
            /**
             * @description A conversation id (会话 ID), `owner_id|conversation_type|other_id` for a one-to-one conversation or
             *     `owner_id|conversation_type|team_id` for a team. Sent raw in JSON bodies. That `owner_id` must equal the
             *     request's `account_id` is UNCONFIRMED (error 110302 suggests it); the pattern does not enforce it.
             */
            conversation_id: components["schemas"]["ConversationId"];
        } & {
            [key: string]: unknown;
        };
        /** @description Body of `createConversationGroup`. */
        CreateConversationGroupRequest: {
            /**
             * @description An IM account id (云信账号 ID, accid): 1–32 letters, digits, `_`, `@`, `.` or `-`. The server lower-cases
             *     letters.
             */
            account_id: components["schemas"]["AccountId"];
            /** @description The group's name (会话分组名称). Maximum length UNCONFIRMED and not enforced here. */
            name: components["schemas"]["GroupName"];
            /** @description Free-form extension of the group (会话分组扩展字段), often JSON text. Maximum length UNCONFIRMED. */
            server_extension?: components["schemas"]["ServerExtension"];
            /** @description Conversation ids, at most 100 per call. */
            conversation_ids?: components["schemas"]["ConversationIdList"];
        };
        /** @description Conversations to add to or remove from the group. */
        ConversationChange: {
            /**
             * @description 1 adds the conversations, 2 removes them.
             * @enum {integer}
             */
            type: 1 | 2;
            /** @description Conversation ids, at most 100 per call. */
            conversation_ids: components["schemas"]["ConversationIdList"];
        };
        /**
         * @description Body of `updateConversationGroup`. Fields left out are not changed. That an update takes at most 100
         *     conversation ids is UNCONFIRMED (likely, as for create).
         */
        UpdateConversationGroupRequest: {
            /**
             * @description An IM account id (云信账号 ID, accid): 1–32 letters, digits, `_`, `@`, `.` or `-`. The server lower-cases
             *     letters.
             */
            account_id: components["schemas"]["AccountId"];
            /** @description The group's name (会话分组名称). Maximum length UNCONFIRMED and not enforced here. */
            name?: components["schemas"]["GroupName"];
            /** @description Free-form extension of the group (会话分组扩展字段), often JSON text. Maximum length UNCONFIRMED. */
            server_extension?: components["schemas"]["ServerExtension"];
            /** @description Conversations to add to or remove from the group. */
            conversations?: components["schemas"]["ConversationChange"];
        };
        /**
         * @description Result of a create or update: the group as it now is and the outcome per conversation. `success_list`
         *     and `failed_list` may be missing when no conversations were sent (UNCONFIRMED).
         */
        ConversationGroupMutation: {
            /** @description A conversation group (会话分组). */
            conversation_group: components["schemas"]["ConversationGroup"];
            /** @description The conversations that were added or removed. */
            success_list?: components["schemas"]["ConversationId"][];
            /** @description The conversations that were not, each with its error. */
            failed_list?: components["schemas"]["FailedConversation"][];
        };
        /** @description The groups found and, one by one, the ids that were not. */
        BatchGetConversationGroupsResult: {
            /** @description The groups found. */
            success_list?: components["schemas"]["ConversationGroup"][];
            /** @description The ids that could not be read, each with its error. */
            failed_list?: components["schemas"]["FailedGroup"][];
            /** @description The Java SDK's name for `failed_list` (UNCONFIRMED; accepted too). */
            fail_list?: components["schemas"]["FailedGroup"][];
        };
        /** @description Every group of the account. */
        ConversationGroupList: {
            /** @description The groups, in the server's order. */
            conversation_groups: components["schemas"]["ConversationGroup"][];
        };
        /** @description One page of a group's conversations (v2 pagination convention; UNCONFIRMED). */
        GroupConversationPage: {
            /** @description Whether another page follows. */
            has_more: boolean;
            /** @description Pass as `page_token` to get the next page; empty or absent on the last page. */
            next_token?: string;
            /** @description The conversations of this page. */
            items: components["schemas"]["GroupConversation"][];
        };
        /** @description The empty `data` object sent with an error code (or by a call that returns nothing). */
        EmptyObject: Record<string, never>;
        /**
         * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
         *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
         * @example 200
         */
        ResponseCode: number;
        /**
         * @description "success", or the error message.
         * @example success
         */
        ResponseMessage: string;
        /** @description Envelope of `createConversationGroup`. */
        CreateConversationGroupResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The result when `code` is 200, an empty object otherwise. */
            data?: components["schemas"]["ConversationGroupMutation"] | components["schemas"]["EmptyObject"];
        };
        /** @description Envelope of `updateConversationGroup`. */
        UpdateConversationGroupResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The result when `code` is 200, an empty object otherwise. */
            data?: components["schemas"]["ConversationGroupMutation"] | components["schemas"]["EmptyObject"];
        };
        /** @description Envelope of `deleteConversationGroup`. */
        DeleteConversationGroupResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The empty `data` object sent with an error code (or by a call that returns nothing). */
            data?: components["schemas"]["EmptyObject"];
        };
        /** @description Envelope of `getConversationGroup`. */
        GetConversationGroupResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The group when `code` is 200, an empty object otherwise. */
            data?: components["schemas"]["ConversationGroup"] | components["schemas"]["EmptyObject"];
        };
        /** @description Envelope of `batchGetConversationGroups`. */
        BatchGetConversationGroupsResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The result when `code` is 200, an empty object otherwise. */
            data?: components["schemas"]["BatchGetConversationGroupsResult"];
        };
        /** @description Envelope of `listConversationGroups`. */
        ListConversationGroupsResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The result when `code` is 200, an empty object otherwise. */
            data?: components["schemas"]["ConversationGroupList"] | components["schemas"]["EmptyObject"];
        };
        /** @description Envelope of `listGroupConversations`. */
        ListGroupConversationsResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The page when `code` is 200, an empty object otherwise. */
            data?: components["schemas"]["GroupConversationPage"] | components["schemas"]["EmptyObject"];
        };
    };
    responses: {
        /**
         * @description A gateway or transport failure (HTTP 502, 503, 504, …). Business errors never use a non-200 status;
         *     this body is whatever the gateway sends, often an HTML page.
         */
        GatewayError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example <html><body><h1>502 Bad Gateway</h1></body></html> */
                "text/html": string;
            };
        };
    };
    parameters: {
        /**
         * @description A trace id the caller chooses (自定义追踪 ID), carried into the server's logs. The official SDKs send a
         *     dash-less UUID on every call; `@nim-api/client` does the same and keeps it across retries.
         * @example 7f9c2ba4e88f4d5cbc2a7c5c1d3e9a10
         */
        TraceId: string;
        /**
         * @description The account that owns the groups (云信账号 ID).
         * @example alice
         */
        AccountIdQuery: components["schemas"]["AccountId"];
        /**
         * @description The id of the group (会话分组 ID).
         * @example 9007199254740991
         */
        GroupIdPath: components["schemas"]["GroupId"];
        /**
         * @description The ids of the groups to read, comma-separated (`group_ids=1001,1002`). The maximum count is
         *     UNCONFIRMED and not enforced here.
         * @example [
         *       1001,
         *       1002
         *     ]
         */
        GroupIdsQuery: components["schemas"]["GroupId"][];
        /**
         * @description The `next_token` of the previous page; omit it for the first page. UNCONFIRMED name.
         * @example page-2
         */
        PageToken: string;
        /**
         * @description Page size. UNCONFIRMED range; the v2 convention is 1–100.
         * @example 20
         */
        Limit: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The trace id of the request (UNCONFIRMED that the gateway echoes it).
         * @example 7f9c2ba4e88f4d5cbc2a7c5c1d3e9a10
         */
        TraceId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listConversationGroups: {
        parameters: {
            query: {
                /**
                 * @description The account that owns the groups (云信账号 ID).
                 * @example alice
                 */
                account_id: components["parameters"]["AccountIdQuery"];
            };
            header?: {
                /**
                 * @description A trace id the caller chooses (自定义追踪 ID), carried into the server's logs. The official SDKs send a
                 *     dash-less UUID on every call; `@nim-api/client` does the same and keeps it across retries.
                 * @example 7f9c2ba4e88f4d5cbc2a7c5c1d3e9a10
                 */
                "X-custom-traceid"?: components["parameters"]["TraceId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Envelope with `data.conversation_groups` on success. */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListConversationGroupsResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    createConversationGroup: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A trace id the caller chooses (自定义追踪 ID), carried into the server's logs. The official SDKs send a
                 *     dash-less UUID on every call; `@nim-api/client` does the same and keeps it across retries.
                 * @example 7f9c2ba4e88f4d5cbc2a7c5c1d3e9a10
                 */
                "X-custom-traceid"?: components["parameters"]["TraceId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConversationGroupRequest"];
            };
        };
        responses: {
            /**
             * @description Envelope. `code` 200 carries the new group and the per-conversation outcome; any other `code` is a
             *     business error and `data` is an empty object.
             */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateConversationGroupResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    getConversationGroup: {
        parameters: {
            query: {
                /**
                 * @description The account that owns the groups (云信账号 ID).
                 * @example alice
                 */
                account_id: components["parameters"]["AccountIdQuery"];
            };
            header?: {
                /**
                 * @description A trace id the caller chooses (自定义追踪 ID), carried into the server's logs. The official SDKs send a
                 *     dash-less UUID on every call; `@nim-api/client` does the same and keeps it across retries.
                 * @example 7f9c2ba4e88f4d5cbc2a7c5c1d3e9a10
                 */
                "X-custom-traceid"?: components["parameters"]["TraceId"];
            };
            path: {
                /**
                 * @description The id of the group (会话分组 ID).
                 * @example 9007199254740991
                 */
                group_id: components["parameters"]["GroupIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Envelope with the group as `data` on success. */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetConversationGroupResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    deleteConversationGroup: {
        parameters: {
            query: {
                /**
                 * @description The account that owns the groups (云信账号 ID).
                 * @example alice
                 */
                account_id: components["parameters"]["AccountIdQuery"];
            };
            header?: {
                /**
                 * @description A trace id the caller chooses (自定义追踪 ID), carried into the server's logs. The official SDKs send a
                 *     dash-less UUID on every call; `@nim-api/client` does the same and keeps it across retries.
                 * @example 7f9c2ba4e88f4d5cbc2a7c5c1d3e9a10
                 */
                "X-custom-traceid"?: components["parameters"]["TraceId"];
            };
            path: {
                /**
                 * @description The id of the group (会话分组 ID).
                 * @example 9007199254740991
                 */
                group_id: components["parameters"]["GroupIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Envelope; `data` is an empty object (or absent) on success. */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteConversationGroupResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    updateConversationGroup: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A trace id the caller chooses (自定义追踪 ID), carried into the server's logs. The official SDKs send a
                 *     dash-less UUID on every call; `@nim-api/client` does the same and keeps it across retries.
                 * @example 7f9c2ba4e88f4d5cbc2a7c5c1d3e9a10
                 */
                "X-custom-traceid"?: components["parameters"]["TraceId"];
            };
            path: {
                /**
                 * @description The id of the group (会话分组 ID).
                 * @example 9007199254740991
                 */
                group_id: components["parameters"]["GroupIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConversationGroupRequest"];
            };
        };
        responses: {
            /** @description Envelope with the updated group and the per-conversation outcome on success. */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateConversationGroupResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    batchGetConversationGroups: {
        parameters: {
            query: {
                /**
                 * @description The account that owns the groups (云信账号 ID).
                 * @example alice
                 */
                account_id: components["parameters"]["AccountIdQuery"];
                /**
                 * @description The ids of the groups to read, comma-separated (`group_ids=1001,1002`). The maximum count is
                 *     UNCONFIRMED and not enforced here.
                 * @example [
                 *       1001,
                 *       1002
                 *     ]
                 */
                group_ids: components["parameters"]["GroupIdsQuery"];
            };
            header?: {
                /**
                 * @description A trace id the caller chooses (自定义追踪 ID), carried into the server's logs. The official SDKs send a
                 *     dash-less UUID on every call; `@nim-api/client` does the same and keeps it across retries.
                 * @example 7f9c2ba4e88f4d5cbc2a7c5c1d3e9a10
                 */
                "X-custom-traceid"?: components["parameters"]["TraceId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Envelope with `success_list` and `failed_list` on success. */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchGetConversationGroupsResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    listGroupConversations: {
        parameters: {
            query: {
                /**
                 * @description The account that owns the groups (云信账号 ID).
                 * @example alice
                 */
                account_id: components["parameters"]["AccountIdQuery"];
                /**
                 * @description The `next_token` of the previous page; omit it for the first page. UNCONFIRMED name.
                 * @example page-2
                 */
                page_token?: components["parameters"]["PageToken"];
                /**
                 * @description Page size. UNCONFIRMED range; the v2 convention is 1–100.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: {
                /**
                 * @description A trace id the caller chooses (自定义追踪 ID), carried into the server's logs. The official SDKs send a
                 *     dash-less UUID on every call; `@nim-api/client` does the same and keeps it across retries.
                 * @example 7f9c2ba4e88f4d5cbc2a7c5c1d3e9a10
                 */
                "X-custom-traceid"?: components["parameters"]["TraceId"];
            };
            path: {
                /**
                 * @description The id of the group (会话分组 ID).
                 * @example 9007199254740991
                 */
                group_id: components["parameters"]["GroupIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Envelope with one page on success. */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListGroupConversationsResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
}
