/**
 * GENERATED FILE — DO NOT EDIT.
 * Shapes of successful response data read from openapi/conversation-groups.yaml (`pnpm generate`).
 */

/** A response field's shape: an object's required and known fields, an array's items, a scalar, or a named shape. */
export type ResponseShape =
  | { readonly type: 'object'; readonly required: readonly string[]; readonly properties: { readonly [field: string]: ResponseShape } }
  | { readonly type: 'array'; readonly items: ResponseShape }
  | { readonly type: 'string' | 'integer' | 'boolean' | 'groupId' }
  | { readonly ref: string };

/** The `data` of a code-200 answer, per operationId, and the named shapes it refers to. */
export const responseShapes: {
  readonly byOperation: { readonly [operationId: string]: ResponseShape };
  readonly named: { readonly [name: string]: ResponseShape };
} = {
  "byOperation": {
    "createConversationGroup": {
      "ref": "ConversationGroupMutation"
    },
    "listConversationGroups": {
      "ref": "ConversationGroupList"
    },
    "updateConversationGroup": {
      "ref": "ConversationGroupMutation"
    },
    "deleteConversationGroup": {
      "ref": "EmptyObject"
    },
    "getConversationGroup": {
      "ref": "ConversationGroup"
    },
    "batchGetConversationGroups": {
      "ref": "BatchGetConversationGroupsResult"
    },
    "listGroupConversations": {
      "ref": "GroupConversationPage"
    },
    "createConversation": {
      "ref": "Conversation"
    },
    "listConversations": {
      "ref": "ConversationPage"
    },
    "getConversation": {
      "ref": "Conversation"
    },
    "batchGetConversations": {
      "ref": "BatchGetConversationsResult"
    },
    "updateConversation": {
      "ref": "Conversation"
    },
    "deleteConversation": {
      "ref": "EmptyObject"
    },
    "batchDeleteConversations": {
      "ref": "BatchDeleteConversationsResult"
    },
    "stickTopConversation": {
      "ref": "Conversation"
    }
  },
  "named": {
    "BatchDeleteConversationsResult": {
      "type": "object",
      "required": [],
      "properties": {
        "success_list": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "failed_list": {
          "type": "array",
          "items": {
            "ref": "FailedConversation"
          }
        }
      }
    },
    "BatchGetConversationGroupsResult": {
      "type": "object",
      "required": [],
      "properties": {
        "success_list": {
          "type": "array",
          "items": {
            "ref": "ConversationGroup"
          }
        },
        "failed_list": {
          "type": "array",
          "items": {
            "ref": "FailedGroup"
          }
        },
        "fail_list": {
          "type": "array",
          "items": {
            "ref": "FailedGroup"
          }
        }
      }
    },
    "BatchGetConversationsResult": {
      "type": "object",
      "required": [],
      "properties": {
        "success_list": {
          "type": "array",
          "items": {
            "ref": "Conversation"
          }
        },
        "failed_list": {
          "type": "array",
          "items": {
            "ref": "FailedConversation"
          }
        }
      }
    },
    "Conversation": {
      "type": "object",
      "required": [
        "conversation_id"
      ],
      "properties": {
        "conversation_id": {
          "type": "string"
        },
        "sender_id": {
          "type": "string"
        },
        "receiver_id": {
          "type": "string"
        },
        "type": {
          "type": "integer"
        },
        "stick_top": {
          "type": "boolean"
        },
        "group_ids": {
          "type": "array",
          "items": {
            "type": "groupId"
          }
        },
        "server_extension": {
          "type": "string"
        },
        "sort_order": {
          "type": "integer"
        },
        "update_time": {
          "type": "integer"
        }
      }
    },
    "ConversationGroup": {
      "type": "object",
      "required": [
        "group_id",
        "name",
        "create_time",
        "update_time"
      ],
      "properties": {
        "group_id": {
          "type": "groupId"
        },
        "name": {
          "type": "string"
        },
        "server_extension": {
          "type": "string"
        },
        "create_time": {
          "type": "integer"
        },
        "update_time": {
          "type": "integer"
        },
        "account_id": {
          "type": "string"
        },
        "conversation_ids": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "ConversationGroupList": {
      "type": "object",
      "required": [
        "conversation_groups"
      ],
      "properties": {
        "conversation_groups": {
          "type": "array",
          "items": {
            "ref": "ConversationGroup"
          }
        }
      }
    },
    "ConversationGroupMutation": {
      "type": "object",
      "required": [
        "conversation_group"
      ],
      "properties": {
        "conversation_group": {
          "ref": "ConversationGroup"
        },
        "success_list": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "failed_list": {
          "type": "array",
          "items": {
            "ref": "FailedConversation"
          }
        }
      }
    },
    "ConversationPage": {
      "type": "object",
      "required": [
        "has_more",
        "items"
      ],
      "properties": {
        "has_more": {
          "type": "boolean"
        },
        "next_token": {
          "type": "string"
        },
        "items": {
          "type": "array",
          "items": {
            "ref": "Conversation"
          }
        }
      }
    },
    "EmptyObject": {
      "type": "object",
      "required": [],
      "properties": {}
    },
    "FailedConversation": {
      "type": "object",
      "required": [
        "conversation_id",
        "error_code"
      ],
      "properties": {
        "conversation_id": {
          "type": "string"
        },
        "error_code": {
          "type": "integer"
        },
        "error_msg": {
          "type": "string"
        }
      }
    },
    "FailedGroup": {
      "type": "object",
      "required": [
        "group_id"
      ],
      "properties": {
        "group_id": {
          "type": "groupId"
        },
        "error_code": {
          "type": "integer"
        },
        "error_msg": {
          "type": "string"
        },
        "code": {
          "type": "integer"
        },
        "msg": {
          "type": "string"
        }
      }
    },
    "GroupConversation": {
      "type": "object",
      "required": [
        "conversation_id"
      ],
      "properties": {
        "conversation_id": {
          "type": "string"
        }
      }
    },
    "GroupConversationPage": {
      "type": "object",
      "required": [
        "has_more",
        "items"
      ],
      "properties": {
        "has_more": {
          "type": "boolean"
        },
        "next_token": {
          "type": "string"
        },
        "items": {
          "type": "array",
          "items": {
            "ref": "GroupConversation"
          }
        }
      }
    }
  }
};
