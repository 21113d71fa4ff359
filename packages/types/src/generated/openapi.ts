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
    "/im/v2.1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Page through the conversations of an account
         * @description Returns one page of the conversations (分页查询会话列表) owned by `account_id`, each with the ids of the
         *     groups that hold it (`group_ids`). Pass the `next_token` of a page as `page_token` to get the next one
         *     while `has_more` is true. Source: the official Go server SDK v1.0.0
         *     (`conversation_v2_url_context.go` for the `v2.1` path; `conversation_v2_service_impl.go` sends the query
         *     `account_id`, `page_token` when it has one and `limit` when it is above 0; `conversation_v2_responses.go`
         *     reads `has_more`, `next_token`, `items`). The order of the items and the range of `limit` are UNCONFIRMED
         *     (the sandbox lists the conversations stuck to the top first, then by `update_time`, newest first).
         */
        get: operations["listConversations"];
        put?: never;
        /**
         * Create a conversation
         * @description Creates the conversation (创建会话) `conversation_id` for its owner, the account before the first `|`, and
         *     answers it. The body is `conversation_id` alone: the owner is read from the id, there is no `account_id`.
         *     Source: the official Go server SDK v1.0.0 (`src/im/v2/conversation/conversation_v2_url_context.go` for the
         *     `v2.1` path, `conversation_v2_requests.go` for the body, `conversation_v2_responses.go` for the answer).
         *     What a create of a conversation that already exists answers is UNCONFIRMED (the sandbox answers the existing
         *     conversation, unchanged). Not idempotent as far as anyone knows: not retried after a timeout.
         */
        post: operations["createConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/im/v2.1/conversations/{conversation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The conversation (会话 ID), `owner|type|target`, URL-encoded in the path: `alice|1|bob` is sent as
                 *     `alice%7C1%7Cbob`. Its owner is the account the call acts for.
                 * @example alice|1|bob
                 */
                conversation_id: components["parameters"]["ConversationIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get one conversation
         * @description Returns one conversation (查询会话信息) as `data`, with `group_ids`, the groups that hold it, and
         *     `stick_top`. No `account_id`: the owner is the id's first part. Source: the official Go server SDK v1.0.0
         *     (`conversation_v2_url_context.go` for the `v2.1` path, `conversation_v2_responses.go` for the answer).
         */
        get: operations["getConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/im/v2.1/conversations/actions/conversation_ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get several conversations
         * @description Returns several conversations (批量查询会话信息). Ids that could not be read are listed one by one in
         *     `failed_list` while `code` is 200. Source: the official Go server SDK v1.0.0, which sends `POST` to the
         *     `v2.1` path with the ids in a JSON body (`conversation_v2_url_context.go`, `conversation_v2_requests.go`)
         *     and reads `success_list` (conversations) and `failed_list` (`conversation_id`, `error_code`, `error_msg`)
         *     (`conversation_v2_responses.go`). The vendor's API explorer (yunxin-im.apifox.cn, "批量查询会话信息")
         *     shows an older form, `GET /im/v2/conversations/actions/conversation_ids?conversation_ids=…`; this document
         *     follows the SDK. The maximum count (100 here) is UNCONFIRMED.
         */
        post: operations["batchGetConversations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/im/v2/conversations/{conversation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The conversation (会话 ID), `owner|type|target`, URL-encoded in the path: `alice|1|bob` is sent as
                 *     `alice%7C1%7Cbob`. Its owner is the account the call acts for.
                 * @example alice|1|bob
                 */
                conversation_id: components["parameters"]["ConversationIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a conversation
         * @description Deletes a conversation (删除会话); `clear_message=true` also clears its messages. Source: the official Go
         *     server SDK v1.0.0 (`conversation_v2_url_context.go` for the `v2` path; `conversation_v2_service_impl.go`
         *     sends `clear_message=true` only when asked, never `false`; `conversation_v2_responses.go`: nothing is read
         *     from `data`). Whether the deleted conversation leaves the groups that held it is UNCONFIRMED: the sandbox
         *     takes it out of them by default (option `unconfirmed.deleteConversationLeavesGroups`), because a
         *     conversation's `group_ids` are kept on the conversation.
         */
        delete: operations["deleteConversation"];
        options?: never;
        head?: never;
        /**
         * Update a conversation's extension
         * @description Sets the conversation's `server_extension` (更新会话) and moves its `update_time`. Source: the official
         *     Go server SDK v1.0.0 (`conversation_v2_url_context.go` for the `v2` path; `conversation_v2_requests.go`:
         *     the body is `server_extension` alone, always sent; `conversation_v2_responses.go`: the answer the SDK reads
         *     has no `stick_top` and no `group_ids`, the vendor's API explorer (yunxin-im.apifox.cn, "更新会话") shows
         *     the whole conversation, and so does the sandbox). The maximum length of `server_extension` is UNCONFIRMED.
         */
        patch: operations["updateConversation"];
        trace?: never;
    };
    "/im/v2/conversations/actions/conversation_ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete several conversations
         * @description Deletes several conversations (批量删除会话), item by item: `success_list` names the ids deleted,
         *     `failed_list` the others with their error, while `code` is 200. Source: the official Go server SDK v1.0.0
         *     (`conversation_v2_url_context.go` for the `v2` path; `conversation_v2_service_impl.go` joins the ids with
         *     commas into one `conversation_ids` query value, percent-encoded as a whole — `|` is `%7C`, `,` is `%2C` —
         *     and sends `clear_message=true` only when asked; `conversation_v2_responses.go` reads `success_list` and
         *     `failed_list`). The maximum count (100 here) is UNCONFIRMED; the groups the conversations leave: as for
         *     "Delete a conversation".
         */
        delete: operations["batchDeleteConversations"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/im/v2/conversations/{conversation_id}/actions/stick_top_conversation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The conversation (会话 ID), `owner|type|target`, URL-encoded in the path: `alice|1|bob` is sent as
                 *     `alice%7C1%7Cbob`. Its owner is the account the call acts for.
                 * @example alice|1|bob
                 */
                conversation_id: components["parameters"]["ConversationIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stick a conversation to the top, or unstick it
         * @description Sticks the conversation to the top of its owner's list (置顶会话), or unsticks it, and moves its
         *     `update_time`. Source: the official Go server SDK v1.0.0 (`conversation_v2_url_context.go` for the `v2`
         *     path; `conversation_v2_requests.go`: the body is `top_type`, an integer; `conversation_v2_responses.go`
         *     reads `type`, `conversation_id`, `sender_id`, `receiver_id`, `stick_top`, `sort_order`, `update_time`). The
         *     values of `top_type` are UNCONFIRMED (the SDK names none): 1 sticks and 2 unsticks here, as `type` 1 adds
         *     and 2 removes in "Update a group".
         */
        post: operations["stickTopConversation"];
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
        /**
         * @description The conversation's type, the middle part of its id — 1 one-to-one, 2 advanced team, 3 super team.
         * @example 1
         * @enum {integer}
         */
        ConversationType: 1 | 2 | 3;
        /**
         * @description Free-form extension of the conversation (会话扩展字段), often JSON text. Maximum length UNCONFIRMED.
         * @example {"note":"vip"}
         */
        ConversationExtension: string;
        /**
         * @description A conversation (会话) of its owner, as the official Go server SDK v1.0.0 reads it
         *     (`src/im/v2/conversation/conversation_v2_responses.go`, `ConversationInfo`). Every field but
         *     `conversation_id` may be missing (the SDK reads them all as optional); `group_ids` are the groups that
         *     hold the conversation, exact int64 ids like `group_id`. The vendor's API explorer (yunxin-im.apifox.cn)
         *     shows more fields (`last_message`, `unread_count`, `create_time`, …); they pass through unchecked.
         */
        Conversation: {
            /**
             * @description A conversation id (会话 ID), `owner_id|conversation_type|other_id` for a one-to-one conversation or
             *     `owner_id|conversation_type|team_id` for a team. Sent raw in JSON bodies. That `owner_id` must equal the
             *     request's `account_id` is UNCONFIRMED (error 110302 suggests it); the pattern does not enforce it.
             */
            conversation_id: components["schemas"]["ConversationId"];
            /**
             * @description An IM account id (云信账号 ID, accid): 1–32 letters, digits, `_`, `@`, `.` or `-`. The server lower-cases
             *     letters.
             */
            sender_id?: components["schemas"]["AccountId"];
            /**
             * @description The other account (one-to-one) or the team id (teams), the id's last part.
             * @example bob
             */
            receiver_id?: string;
            /** @description The conversation's type, the middle part of its id — 1 one-to-one, 2 advanced team, 3 super team. */
            type?: components["schemas"]["ConversationType"];
            /** @description Whether the conversation is stuck to the top of its owner's list. */
            stick_top?: boolean;
            /**
             * @description The groups that hold the conversation (at most 5), exact int64 ids. UNCONFIRMED whether the server
             *     sends an empty list or leaves the field out for a conversation in no group. The official Go SDK decodes
             *     every answer through `map[string]interface{}` first (`src/im/v2/util/result_utils.go`), so it rounds
             *     ids above 2^53; read them exactly, as `group_id` (`x-nim-js-type: decimal-string` on `GroupId`).
             */
            group_ids?: components["schemas"]["GroupId"][];
            /** @description Free-form extension of the conversation (会话扩展字段), often JSON text. Maximum length UNCONFIRMED. */
            server_extension?: components["schemas"]["ConversationExtension"];
            /**
             * Format: int64
             * @description The sort key of the conversation; read by the Go SDK from a stick-top answer. Meaning UNCONFIRMED.
             */
            sort_order?: number;
            /** @description A point in time, in milliseconds since the Unix epoch (UNCONFIRMED unit; seconds would be 10 digits). */
            update_time?: components["schemas"]["Timestamp"];
        };
        /** @description Body of `createConversation` (Go SDK `conversation_v2_requests.go`). */
        CreateConversationRequest: {
            /**
             * @description A conversation id (会话 ID), `owner_id|conversation_type|other_id` for a one-to-one conversation or
             *     `owner_id|conversation_type|team_id` for a team. Sent raw in JSON bodies. That `owner_id` must equal the
             *     request's `account_id` is UNCONFIRMED (error 110302 suggests it); the pattern does not enforce it.
             */
            conversation_id: components["schemas"]["ConversationId"];
        };
        /** @description Body of `updateConversation` (Go SDK `conversation_v2_requests.go`; it always sends the field). */
        UpdateConversationRequest: {
            /** @description Free-form extension of the conversation (会话扩展字段), often JSON text. Maximum length UNCONFIRMED. */
            server_extension: components["schemas"]["ConversationExtension"];
        };
        /** @description Body of `batchGetConversations` (Go SDK `conversation_v2_requests.go`). */
        BatchGetConversationsRequest: {
            /** @description The conversations to read, at least 1 and at most 100 (UNCONFIRMED). */
            conversation_ids: components["schemas"]["ConversationIdList"];
        };
        /** @description Body of `stickTopConversation` (Go SDK `conversation_v2_requests.go`). */
        StickTopConversationRequest: {
            /**
             * @description 1 sticks the conversation to the top, 2 unsticks it (values UNCONFIRMED).
             * @enum {integer}
             */
            top_type: 1 | 2;
        };
        /** @description The conversations found and, one by one, the ids that were not. */
        BatchGetConversationsResult: {
            /** @description The conversations found. */
            success_list?: components["schemas"]["Conversation"][];
            /** @description The ids that could not be read, each with its error (e.g. 110404). */
            failed_list?: components["schemas"]["FailedConversation"][];
        };
        /** @description The conversations deleted and, one by one, the ids that were not. */
        BatchDeleteConversationsResult: {
            /** @description The ids deleted. */
            success_list?: components["schemas"]["ConversationId"][];
            /** @description The ids not deleted, each with its error (e.g. 110404). */
            failed_list?: components["schemas"]["FailedConversation"][];
        };
        /** @description One page of an account's conversations (Go SDK `ListConversationsResponseV2`). */
        ConversationPage: {
            /** @description Whether another page follows. */
            has_more: boolean;
            /** @description Pass as `page_token` to get the next page; empty or absent on the last page. */
            next_token?: string;
            /** @description The conversations of this page. */
            items: components["schemas"]["Conversation"][];
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
        /** @description Envelope of `createConversation`, `updateConversation`, `getConversation` and `stickTopConversation`. */
        ConversationResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The conversation when `code` is 200, an empty object otherwise. */
            data?: components["schemas"]["Conversation"] | components["schemas"]["EmptyObject"];
        };
        /** @description Envelope of `deleteConversation`. */
        DeleteConversationResponse: {
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
        /** @description Envelope of `batchDeleteConversations`. */
        BatchDeleteConversationsResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The result when `code` is 200, an empty object otherwise. */
            data?: components["schemas"]["BatchDeleteConversationsResult"] | components["schemas"]["EmptyObject"];
        };
        /** @description Envelope of `batchGetConversations`. */
        BatchGetConversationsResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The result when `code` is 200, an empty object otherwise. */
            data?: components["schemas"]["BatchGetConversationsResult"] | components["schemas"]["EmptyObject"];
        };
        /** @description Envelope of `listConversations`. */
        ConversationPageResponse: {
            /**
             * @description 200 on success; otherwise a business error code, e.g. 414 parameter error, 403 authentication failed,
             *     416 rate limited, 500 server error, 102404 account not found, 116404 group not found.
             */
            code: components["schemas"]["ResponseCode"];
            /** @description "success", or the error message. */
            msg: components["schemas"]["ResponseMessage"];
            /** @description The page when `code` is 200, an empty object otherwise. */
            data?: components["schemas"]["ConversationPage"] | components["schemas"]["EmptyObject"];
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
        /**
         * @description The conversation (会话 ID), `owner|type|target`, URL-encoded in the path: `alice|1|bob` is sent as
         *     `alice%7C1%7Cbob`. Its owner is the account the call acts for.
         * @example alice|1|bob
         */
        ConversationIdPath: components["schemas"]["ConversationId"];
        /**
         * @description The account that owns the conversations (云信账号 ID).
         * @example alice
         */
        ConversationOwnerQuery: components["schemas"]["AccountId"];
        /**
         * @description The conversations, comma-separated in one value; the official Go SDK percent-encodes the whole value
         *     (`alice%7C1%7Cbob%2Calice%7C2%7C6001`). At most 100 (UNCONFIRMED).
         * @example [
         *       "alice|1|bob",
         *       "alice|2|6001"
         *     ]
         */
        ConversationIdsQuery: components["schemas"]["ConversationId"][];
        /**
         * @description `true` also clears the conversation's messages (清除会话消息). The official Go SDK sends it only as `true`,
         *     never `false`.
         * @example true
         */
        ClearMessage: boolean;
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
    listConversations: {
        parameters: {
            query: {
                /**
                 * @description The account that owns the conversations (云信账号 ID).
                 * @example alice
                 */
                account_id: components["parameters"]["ConversationOwnerQuery"];
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
            path?: never;
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
                    "application/json": components["schemas"]["ConversationPageResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    createConversation: {
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
                "application/json": components["schemas"]["CreateConversationRequest"];
            };
        };
        responses: {
            /**
             * @description Envelope. `code` 200 carries the conversation; any other `code` is a business error and `data` is an
             *     empty object.
             */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    getConversation: {
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
                 * @description The conversation (会话 ID), `owner|type|target`, URL-encoded in the path: `alice|1|bob` is sent as
                 *     `alice%7C1%7Cbob`. Its owner is the account the call acts for.
                 * @example alice|1|bob
                 */
                conversation_id: components["parameters"]["ConversationIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Envelope with the conversation as `data` on success. */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    batchGetConversations: {
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
                "application/json": components["schemas"]["BatchGetConversationsRequest"];
            };
        };
        responses: {
            /** @description Envelope with `success_list` and `failed_list` on success. */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchGetConversationsResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    deleteConversation: {
        parameters: {
            query?: {
                /**
                 * @description `true` also clears the conversation's messages (清除会话消息). The official Go SDK sends it only as `true`,
                 *     never `false`.
                 * @example true
                 */
                clear_message?: components["parameters"]["ClearMessage"];
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
                 * @description The conversation (会话 ID), `owner|type|target`, URL-encoded in the path: `alice|1|bob` is sent as
                 *     `alice%7C1%7Cbob`. Its owner is the account the call acts for.
                 * @example alice|1|bob
                 */
                conversation_id: components["parameters"]["ConversationIdPath"];
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
                    "application/json": components["schemas"]["DeleteConversationResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    updateConversation: {
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
                 * @description The conversation (会话 ID), `owner|type|target`, URL-encoded in the path: `alice|1|bob` is sent as
                 *     `alice%7C1%7Cbob`. Its owner is the account the call acts for.
                 * @example alice|1|bob
                 */
                conversation_id: components["parameters"]["ConversationIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConversationRequest"];
            };
        };
        responses: {
            /** @description Envelope with the updated conversation on success. */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    batchDeleteConversations: {
        parameters: {
            query: {
                /**
                 * @description The conversations, comma-separated in one value; the official Go SDK percent-encodes the whole value
                 *     (`alice%7C1%7Cbob%2Calice%7C2%7C6001`). At most 100 (UNCONFIRMED).
                 * @example [
                 *       "alice|1|bob",
                 *       "alice|2|6001"
                 *     ]
                 */
                conversation_ids: components["parameters"]["ConversationIdsQuery"];
                /**
                 * @description `true` also clears the conversation's messages (清除会话消息). The official Go SDK sends it only as `true`,
                 *     never `false`.
                 * @example true
                 */
                clear_message?: components["parameters"]["ClearMessage"];
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
                    "application/json": components["schemas"]["BatchDeleteConversationsResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
    stickTopConversation: {
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
                 * @description The conversation (会话 ID), `owner|type|target`, URL-encoded in the path: `alice|1|bob` is sent as
                 *     `alice%7C1%7Cbob`. Its owner is the account the call acts for.
                 * @example alice|1|bob
                 */
                conversation_id: components["parameters"]["ConversationIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StickTopConversationRequest"];
            };
        };
        responses: {
            /** @description Envelope with the conversation on success. */
            200: {
                headers: {
                    "X-custom-traceid": components["headers"]["TraceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationResponse"];
                };
            };
            "5XX": components["responses"]["GatewayError"];
        };
    };
}
