/**
 * GENERATED FILE — DO NOT EDIT.
 * The operation table read from openapi/conversation-groups.yaml (`pnpm generate`).
 */

/** How a parameter is checked before it is sent (from its schema). */
export type ParamCheck =
  | { readonly kind: 'account' | 'conversationId' | 'groupId' | 'groupIds' | 'boolean' | 'object' }
  | { readonly kind: 'conversationIds'; readonly max?: number }
  | { readonly kind: 'string'; readonly nonEmpty?: true }
  | { readonly kind: 'enum'; readonly values: readonly number[] }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number };

/** One parameter of an operation: where it goes and how it is checked. */
export type OperationParam = { readonly name: string; readonly in: 'path' | 'query' | 'body'; readonly required: boolean } & ParamCheck;

/** One operation of the spec, as a client, a server or a test needs it. */
export interface OperationSpec {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path template, e.g. `/im/v2/conversation_groups/{group_id}`. */
  readonly path: string;
  /** `x-nim-sdk`: `nim.<resource>.<method>`. */
  readonly sdk: { readonly resource: string; readonly method: string };
  /** `x-nim-unsafe`: not idempotent, never retried after it may have run. */
  readonly unsafe: boolean;
  readonly params: readonly OperationParam[];
  /** The array fields of the result; an absent one becomes `[]`. */
  readonly lists: readonly string[];
  /** The result's int64 fields (schema GroupId or a list of it), anywhere in it. */
  readonly int64: readonly string[];
  /** `x-nim-pagination`. */
  readonly pagination?: { readonly tokenIn: string; readonly tokenOut: string; readonly hasMore: string; readonly items: string; readonly iterator: string };
  /** `x-nim-chunk`: the hand-written helpers that send `field` in chunks of `size` (its maxItems). */
  readonly chunk?: { readonly field: string; readonly size: number; readonly helpers: readonly string[] };
}

/** Every operationId of the spec, in document order. */
export const operationIds = ["listConversationGroups","createConversationGroup","getConversationGroup","updateConversationGroup","deleteConversationGroup","batchGetConversationGroups","listGroupConversations","listConversations","createConversation","getConversation","batchGetConversations","updateConversation","deleteConversation","batchDeleteConversations","stickTopConversation"] as const;

/** The operation table, per operationId. */
export const operationTable = {
  "listConversationGroups": {
    "method": "GET",
    "path": "/im/v2/conversation_groups",
    "sdk": {
      "resource": "conversationGroups",
      "method": "list"
    },
    "unsafe": false,
    "params": [
      {
        "name": "account_id",
        "in": "query",
        "required": true,
        "kind": "account"
      }
    ],
    "lists": [
      "conversation_groups"
    ],
    "int64": [
      "group_id"
    ]
  },
  "createConversationGroup": {
    "method": "POST",
    "path": "/im/v2/conversation_groups",
    "sdk": {
      "resource": "conversationGroups",
      "method": "create"
    },
    "unsafe": true,
    "params": [
      {
        "name": "account_id",
        "in": "body",
        "required": true,
        "kind": "account"
      },
      {
        "name": "name",
        "in": "body",
        "required": true,
        "kind": "string",
        "nonEmpty": true
      },
      {
        "name": "server_extension",
        "in": "body",
        "required": false,
        "kind": "string"
      },
      {
        "name": "conversation_ids",
        "in": "body",
        "required": false,
        "kind": "conversationIds",
        "max": 100
      }
    ],
    "lists": [
      "success_list",
      "failed_list"
    ],
    "int64": [
      "group_id"
    ]
  },
  "getConversationGroup": {
    "method": "GET",
    "path": "/im/v2/conversation_groups/{group_id}",
    "sdk": {
      "resource": "conversationGroups",
      "method": "get"
    },
    "unsafe": false,
    "params": [
      {
        "name": "group_id",
        "in": "path",
        "required": true,
        "kind": "groupId"
      },
      {
        "name": "account_id",
        "in": "query",
        "required": true,
        "kind": "account"
      }
    ],
    "lists": [],
    "int64": [
      "group_id"
    ]
  },
  "updateConversationGroup": {
    "method": "PATCH",
    "path": "/im/v2/conversation_groups/{group_id}",
    "sdk": {
      "resource": "conversationGroups",
      "method": "update"
    },
    "unsafe": false,
    "params": [
      {
        "name": "group_id",
        "in": "path",
        "required": true,
        "kind": "groupId"
      },
      {
        "name": "account_id",
        "in": "body",
        "required": true,
        "kind": "account"
      },
      {
        "name": "name",
        "in": "body",
        "required": false,
        "kind": "string",
        "nonEmpty": true
      },
      {
        "name": "server_extension",
        "in": "body",
        "required": false,
        "kind": "string"
      },
      {
        "name": "conversations",
        "in": "body",
        "required": false,
        "kind": "object"
      }
    ],
    "lists": [
      "success_list",
      "failed_list"
    ],
    "int64": [
      "group_id"
    ],
    "chunk": {
      "field": "conversations.conversation_ids",
      "size": 100,
      "helpers": [
        "addConversations",
        "removeConversations"
      ]
    }
  },
  "deleteConversationGroup": {
    "method": "DELETE",
    "path": "/im/v2/conversation_groups/{group_id}",
    "sdk": {
      "resource": "conversationGroups",
      "method": "delete"
    },
    "unsafe": false,
    "params": [
      {
        "name": "group_id",
        "in": "path",
        "required": true,
        "kind": "groupId"
      },
      {
        "name": "account_id",
        "in": "query",
        "required": true,
        "kind": "account"
      }
    ],
    "lists": [],
    "int64": []
  },
  "batchGetConversationGroups": {
    "method": "GET",
    "path": "/im/v2/conversation_groups/actions/group_ids",
    "sdk": {
      "resource": "conversationGroups",
      "method": "batchGet"
    },
    "unsafe": false,
    "params": [
      {
        "name": "account_id",
        "in": "query",
        "required": true,
        "kind": "account"
      },
      {
        "name": "group_ids",
        "in": "query",
        "required": true,
        "kind": "groupIds"
      }
    ],
    "lists": [
      "success_list",
      "failed_list",
      "fail_list"
    ],
    "int64": [
      "group_id"
    ]
  },
  "listGroupConversations": {
    "method": "GET",
    "path": "/im/v2/conversation_groups/{group_id}/conversations",
    "sdk": {
      "resource": "conversationGroups",
      "method": "listConversations"
    },
    "unsafe": false,
    "params": [
      {
        "name": "group_id",
        "in": "path",
        "required": true,
        "kind": "groupId"
      },
      {
        "name": "account_id",
        "in": "query",
        "required": true,
        "kind": "account"
      },
      {
        "name": "page_token",
        "in": "query",
        "required": false,
        "kind": "string"
      },
      {
        "name": "limit",
        "in": "query",
        "required": false,
        "kind": "integer",
        "min": 1,
        "max": 100
      }
    ],
    "lists": [
      "items"
    ],
    "int64": [],
    "pagination": {
      "tokenIn": "page_token",
      "tokenOut": "next_token",
      "hasMore": "has_more",
      "items": "items",
      "iterator": "iterateConversations"
    }
  },
  "listConversations": {
    "method": "GET",
    "path": "/im/v2.1/conversations",
    "sdk": {
      "resource": "conversations",
      "method": "list"
    },
    "unsafe": false,
    "params": [
      {
        "name": "account_id",
        "in": "query",
        "required": true,
        "kind": "account"
      },
      {
        "name": "page_token",
        "in": "query",
        "required": false,
        "kind": "string"
      },
      {
        "name": "limit",
        "in": "query",
        "required": false,
        "kind": "integer",
        "min": 1,
        "max": 100
      }
    ],
    "lists": [
      "items"
    ],
    "int64": [
      "group_ids"
    ],
    "pagination": {
      "tokenIn": "page_token",
      "tokenOut": "next_token",
      "hasMore": "has_more",
      "items": "items",
      "iterator": "iterate"
    }
  },
  "createConversation": {
    "method": "POST",
    "path": "/im/v2.1/conversations",
    "sdk": {
      "resource": "conversations",
      "method": "create"
    },
    "unsafe": true,
    "params": [
      {
        "name": "conversation_id",
        "in": "body",
        "required": true,
        "kind": "conversationId"
      }
    ],
    "lists": [
      "group_ids"
    ],
    "int64": [
      "group_ids"
    ]
  },
  "getConversation": {
    "method": "GET",
    "path": "/im/v2.1/conversations/{conversation_id}",
    "sdk": {
      "resource": "conversations",
      "method": "get"
    },
    "unsafe": false,
    "params": [
      {
        "name": "conversation_id",
        "in": "path",
        "required": true,
        "kind": "conversationId"
      }
    ],
    "lists": [
      "group_ids"
    ],
    "int64": [
      "group_ids"
    ]
  },
  "batchGetConversations": {
    "method": "POST",
    "path": "/im/v2.1/conversations/actions/conversation_ids",
    "sdk": {
      "resource": "conversations",
      "method": "batchGet"
    },
    "unsafe": false,
    "params": [
      {
        "name": "conversation_ids",
        "in": "body",
        "required": true,
        "kind": "conversationIds",
        "max": 100
      }
    ],
    "lists": [
      "success_list",
      "failed_list"
    ],
    "int64": [
      "group_ids"
    ]
  },
  "updateConversation": {
    "method": "PATCH",
    "path": "/im/v2/conversations/{conversation_id}",
    "sdk": {
      "resource": "conversations",
      "method": "update"
    },
    "unsafe": false,
    "params": [
      {
        "name": "conversation_id",
        "in": "path",
        "required": true,
        "kind": "conversationId"
      },
      {
        "name": "server_extension",
        "in": "body",
        "required": true,
        "kind": "string"
      }
    ],
    "lists": [
      "group_ids"
    ],
    "int64": [
      "group_ids"
    ]
  },
  "deleteConversation": {
    "method": "DELETE",
    "path": "/im/v2/conversations/{conversation_id}",
    "sdk": {
      "resource": "conversations",
      "method": "delete"
    },
    "unsafe": false,
    "params": [
      {
        "name": "conversation_id",
        "in": "path",
        "required": true,
        "kind": "conversationId"
      },
      {
        "name": "clear_message",
        "in": "query",
        "required": false,
        "kind": "boolean"
      }
    ],
    "lists": [],
    "int64": []
  },
  "batchDeleteConversations": {
    "method": "DELETE",
    "path": "/im/v2/conversations/actions/conversation_ids",
    "sdk": {
      "resource": "conversations",
      "method": "batchDelete"
    },
    "unsafe": false,
    "params": [
      {
        "name": "conversation_ids",
        "in": "query",
        "required": true,
        "kind": "conversationIds",
        "max": 100
      },
      {
        "name": "clear_message",
        "in": "query",
        "required": false,
        "kind": "boolean"
      }
    ],
    "lists": [
      "success_list",
      "failed_list"
    ],
    "int64": []
  },
  "stickTopConversation": {
    "method": "POST",
    "path": "/im/v2/conversations/{conversation_id}/actions/stick_top_conversation",
    "sdk": {
      "resource": "conversations",
      "method": "stickTop"
    },
    "unsafe": false,
    "params": [
      {
        "name": "conversation_id",
        "in": "path",
        "required": true,
        "kind": "conversationId"
      },
      {
        "name": "top_type",
        "in": "body",
        "required": true,
        "kind": "enum",
        "values": [
          1,
          2
        ]
      }
    ],
    "lists": [
      "group_ids"
    ],
    "int64": [
      "group_ids"
    ]
  }
} as const satisfies Record<(typeof operationIds)[number], OperationSpec>;

/** Every field name that carries an int64 (GroupId or a list of it) in a parameter or a result. */
export const int64Fields = ["group_id","group_ids"] as const;

/** `x-nim-error-classes`: the error class of `@nim-api/client` a business code becomes (others: NimApiError). */
export const errorClasses = {
  "403": "NimAuthError",
  "414": "NimParamError",
  "416": "NimRateLimitError",
  "102404": "NimNotFoundError",
  "108404": "NimNotFoundError",
  "110304": "NimLimitExceededError",
  "110404": "NimNotFoundError",
  "116404": "NimNotFoundError",
  "116435": "NimLimitExceededError",
  "116437": "NimLimitExceededError"
} as const satisfies Record<number, string>;
