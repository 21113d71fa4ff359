/**
 * GENERATED FILE — DO NOT EDIT.
 * The parts of openapi/conversation-groups.yaml the sandbox runs on (`pnpm generate`, scripts/render-spec.mjs).
 * Edit the spec and regenerate instead; the test run fails when this file is stale.
 */

/** The spec, as the sandbox runs on it. */
export const spec = {
  "version": "0.0.0",
  "successMessage": "success",
  "securityHeaders": [
    "AppKey",
    "Nonce",
    "CurTime",
    "CheckSum"
  ],
  "limits": {
    "groupsPerConversation": 5,
    "groupsPerAccount": 50,
    "conversationsPerGroup": 1000,
    "checkSumValiditySeconds": 300,
    "callsPerSecondPerApi": 100
  },
  "discovery": {
    "allocatePath": "/srv-sdk/allocate",
    "healthPath": "/health/liveness.action",
    "ttlSeconds": {
      "default": 30,
      "minimum": 1,
      "maximum": 86400
    }
  },
  "messages": {
    "403": "authentication failed",
    "414": "parameter error",
    "416": "too frequently",
    "500": "internal server error",
    "102404": "account not exist",
    "110302": "conversation and account mismatch",
    "110304": "conversation already belongs to 5 groups",
    "110404": "conversation not found",
    "116404": "conversation group not found",
    "116435": "conversation group count exceeds the limit",
    "116437": "conversation count of the group exceeds the limit"
  },
  "operations": [
    {
      "operationId": "listConversationGroups",
      "method": "GET",
      "path": "/im/v2/conversation_groups",
      "parameters": [
        {
          "name": "account_id",
          "in": "query",
          "required": true,
          "schema": {
            "$ref": "#/$defs/AccountId"
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ]
    },
    {
      "operationId": "createConversationGroup",
      "method": "POST",
      "path": "/im/v2/conversation_groups",
      "parameters": [
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/$defs/CreateConversationGroupRequest"
        }
      }
    },
    {
      "operationId": "getConversationGroup",
      "method": "GET",
      "path": "/im/v2/conversation_groups/{group_id}",
      "parameters": [
        {
          "name": "group_id",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/$defs/GroupId"
          }
        },
        {
          "name": "account_id",
          "in": "query",
          "required": true,
          "schema": {
            "$ref": "#/$defs/AccountId"
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ]
    },
    {
      "operationId": "updateConversationGroup",
      "method": "PATCH",
      "path": "/im/v2/conversation_groups/{group_id}",
      "parameters": [
        {
          "name": "group_id",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/$defs/GroupId"
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/$defs/UpdateConversationGroupRequest"
        }
      }
    },
    {
      "operationId": "deleteConversationGroup",
      "method": "DELETE",
      "path": "/im/v2/conversation_groups/{group_id}",
      "parameters": [
        {
          "name": "group_id",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/$defs/GroupId"
          }
        },
        {
          "name": "account_id",
          "in": "query",
          "required": true,
          "schema": {
            "$ref": "#/$defs/AccountId"
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ]
    },
    {
      "operationId": "batchGetConversationGroups",
      "method": "GET",
      "path": "/im/v2/conversation_groups/actions/group_ids",
      "parameters": [
        {
          "name": "account_id",
          "in": "query",
          "required": true,
          "schema": {
            "$ref": "#/$defs/AccountId"
          }
        },
        {
          "name": "group_ids",
          "in": "query",
          "required": true,
          "style": "form",
          "explode": false,
          "schema": {
            "type": "array",
            "minItems": 1,
            "items": {
              "$ref": "#/$defs/GroupId"
            }
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ]
    },
    {
      "operationId": "listGroupConversations",
      "method": "GET",
      "path": "/im/v2/conversation_groups/{group_id}/conversations",
      "parameters": [
        {
          "name": "group_id",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/$defs/GroupId"
          }
        },
        {
          "name": "account_id",
          "in": "query",
          "required": true,
          "schema": {
            "$ref": "#/$defs/AccountId"
          }
        },
        {
          "name": "page_token",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "limit",
          "in": "query",
          "required": false,
          "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ]
    },
    {
      "operationId": "listConversations",
      "method": "GET",
      "path": "/im/v2.1/conversations",
      "parameters": [
        {
          "name": "account_id",
          "in": "query",
          "required": true,
          "schema": {
            "$ref": "#/$defs/AccountId"
          }
        },
        {
          "name": "page_token",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "limit",
          "in": "query",
          "required": false,
          "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ]
    },
    {
      "operationId": "createConversation",
      "method": "POST",
      "path": "/im/v2.1/conversations",
      "parameters": [
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/$defs/CreateConversationRequest"
        }
      }
    },
    {
      "operationId": "getConversation",
      "method": "GET",
      "path": "/im/v2.1/conversations/{conversation_id}",
      "parameters": [
        {
          "name": "conversation_id",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/$defs/ConversationId"
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ]
    },
    {
      "operationId": "batchGetConversations",
      "method": "POST",
      "path": "/im/v2.1/conversations/actions/conversation_ids",
      "parameters": [
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/$defs/BatchGetConversationsRequest"
        }
      }
    },
    {
      "operationId": "updateConversation",
      "method": "PATCH",
      "path": "/im/v2/conversations/{conversation_id}",
      "parameters": [
        {
          "name": "conversation_id",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/$defs/ConversationId"
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/$defs/UpdateConversationRequest"
        }
      }
    },
    {
      "operationId": "deleteConversation",
      "method": "DELETE",
      "path": "/im/v2/conversations/{conversation_id}",
      "parameters": [
        {
          "name": "conversation_id",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/$defs/ConversationId"
          }
        },
        {
          "name": "clear_message",
          "in": "query",
          "required": false,
          "schema": {
            "type": "boolean"
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ]
    },
    {
      "operationId": "batchDeleteConversations",
      "method": "DELETE",
      "path": "/im/v2/conversations/actions/conversation_ids",
      "parameters": [
        {
          "name": "conversation_ids",
          "in": "query",
          "required": true,
          "style": "form",
          "explode": false,
          "schema": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": {
              "$ref": "#/$defs/ConversationId"
            }
          }
        },
        {
          "name": "clear_message",
          "in": "query",
          "required": false,
          "schema": {
            "type": "boolean"
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ]
    },
    {
      "operationId": "stickTopConversation",
      "method": "POST",
      "path": "/im/v2/conversations/{conversation_id}/actions/stick_top_conversation",
      "parameters": [
        {
          "name": "conversation_id",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/$defs/ConversationId"
          }
        },
        {
          "name": "X-custom-traceid",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "maxLength": 128
          }
        }
      ],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/$defs/StickTopConversationRequest"
        }
      }
    }
  ],
  "schemas": {
    "AccountId": {
      "type": "string",
      "minLength": 1,
      "maxLength": 32,
      "pattern": "^[A-Za-z0-9_@.-]{1,32}$"
    },
    "GroupId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
    },
    "Timestamp": {
      "type": "integer",
      "format": "int64"
    },
    "ConversationId": {
      "type": "string",
      "pattern": "^[A-Za-z0-9_@.-]{1,32}\\|[123]\\|[A-Za-z0-9_@.-]{1,32}$"
    },
    "ConversationIdList": {
      "type": "array",
      "maxItems": 100,
      "items": {
        "$ref": "#/$defs/ConversationId"
      }
    },
    "GroupName": {
      "type": "string",
      "minLength": 1
    },
    "ServerExtension": {
      "type": "string"
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
          "$ref": "#/$defs/GroupId"
        },
        "name": {
          "$ref": "#/$defs/GroupName"
        },
        "server_extension": {
          "$ref": "#/$defs/ServerExtension"
        },
        "create_time": {
          "$ref": "#/$defs/Timestamp"
        },
        "update_time": {
          "$ref": "#/$defs/Timestamp"
        },
        "account_id": {
          "$ref": "#/$defs/AccountId"
        },
        "conversation_ids": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ConversationId"
          }
        }
      }
    },
    "FailedConversation": {
      "type": "object",
      "required": [
        "conversation_id",
        "error_code"
      ],
      "properties": {
        "conversation_id": {
          "$ref": "#/$defs/ConversationId"
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
          "$ref": "#/$defs/GroupId"
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
      "additionalProperties": true,
      "properties": {
        "conversation_id": {
          "$ref": "#/$defs/ConversationId"
        }
      }
    },
    "CreateConversationGroupRequest": {
      "type": "object",
      "required": [
        "account_id",
        "name"
      ],
      "properties": {
        "account_id": {
          "$ref": "#/$defs/AccountId"
        },
        "name": {
          "$ref": "#/$defs/GroupName"
        },
        "server_extension": {
          "$ref": "#/$defs/ServerExtension"
        },
        "conversation_ids": {
          "$ref": "#/$defs/ConversationIdList"
        }
      }
    },
    "ConversationChange": {
      "type": "object",
      "required": [
        "type",
        "conversation_ids"
      ],
      "properties": {
        "type": {
          "type": "integer",
          "enum": [
            1,
            2
          ]
        },
        "conversation_ids": {
          "$ref": "#/$defs/ConversationIdList"
        }
      }
    },
    "UpdateConversationGroupRequest": {
      "type": "object",
      "required": [
        "account_id"
      ],
      "properties": {
        "account_id": {
          "$ref": "#/$defs/AccountId"
        },
        "name": {
          "$ref": "#/$defs/GroupName"
        },
        "server_extension": {
          "$ref": "#/$defs/ServerExtension"
        },
        "conversations": {
          "$ref": "#/$defs/ConversationChange"
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
          "$ref": "#/$defs/ConversationGroup"
        },
        "success_list": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ConversationId"
          }
        },
        "failed_list": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/FailedConversation"
          }
        }
      }
    },
    "BatchGetConversationGroupsResult": {
      "type": "object",
      "properties": {
        "success_list": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ConversationGroup"
          }
        },
        "failed_list": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/FailedGroup"
          }
        },
        "fail_list": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/FailedGroup"
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
            "$ref": "#/$defs/ConversationGroup"
          }
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
            "$ref": "#/$defs/GroupConversation"
          }
        }
      }
    },
    "ConversationType": {
      "type": "integer",
      "enum": [
        1,
        2,
        3
      ]
    },
    "ConversationExtension": {
      "type": "string"
    },
    "Conversation": {
      "type": "object",
      "required": [
        "conversation_id"
      ],
      "properties": {
        "conversation_id": {
          "$ref": "#/$defs/ConversationId"
        },
        "sender_id": {
          "$ref": "#/$defs/AccountId"
        },
        "receiver_id": {
          "type": "string"
        },
        "type": {
          "$ref": "#/$defs/ConversationType"
        },
        "stick_top": {
          "type": "boolean"
        },
        "group_ids": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/GroupId"
          }
        },
        "server_extension": {
          "$ref": "#/$defs/ConversationExtension"
        },
        "sort_order": {
          "type": "integer",
          "format": "int64"
        },
        "update_time": {
          "$ref": "#/$defs/Timestamp"
        }
      }
    },
    "CreateConversationRequest": {
      "type": "object",
      "required": [
        "conversation_id"
      ],
      "properties": {
        "conversation_id": {
          "$ref": "#/$defs/ConversationId"
        }
      }
    },
    "UpdateConversationRequest": {
      "type": "object",
      "required": [
        "server_extension"
      ],
      "properties": {
        "server_extension": {
          "$ref": "#/$defs/ConversationExtension"
        }
      }
    },
    "BatchGetConversationsRequest": {
      "type": "object",
      "required": [
        "conversation_ids"
      ],
      "properties": {
        "conversation_ids": {
          "allOf": [
            {
              "$ref": "#/$defs/ConversationIdList"
            }
          ],
          "minItems": 1
        }
      }
    },
    "StickTopConversationRequest": {
      "type": "object",
      "required": [
        "top_type"
      ],
      "properties": {
        "top_type": {
          "type": "integer",
          "enum": [
            1,
            2
          ]
        }
      }
    },
    "BatchGetConversationsResult": {
      "type": "object",
      "properties": {
        "success_list": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Conversation"
          }
        },
        "failed_list": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/FailedConversation"
          }
        }
      }
    },
    "BatchDeleteConversationsResult": {
      "type": "object",
      "properties": {
        "success_list": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ConversationId"
          }
        },
        "failed_list": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/FailedConversation"
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
            "$ref": "#/$defs/Conversation"
          }
        }
      }
    },
    "EmptyObject": {
      "type": "object",
      "maxProperties": 0
    },
    "ResponseCode": {
      "type": "integer"
    },
    "ResponseMessage": {
      "type": "string"
    },
    "CreateConversationGroupResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "anyOf": [
            {
              "$ref": "#/$defs/ConversationGroupMutation"
            },
            {
              "$ref": "#/$defs/EmptyObject"
            }
          ]
        }
      }
    },
    "UpdateConversationGroupResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "anyOf": [
            {
              "$ref": "#/$defs/ConversationGroupMutation"
            },
            {
              "$ref": "#/$defs/EmptyObject"
            }
          ]
        }
      }
    },
    "DeleteConversationGroupResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "$ref": "#/$defs/EmptyObject"
        }
      }
    },
    "GetConversationGroupResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "anyOf": [
            {
              "$ref": "#/$defs/ConversationGroup"
            },
            {
              "$ref": "#/$defs/EmptyObject"
            }
          ]
        }
      }
    },
    "BatchGetConversationGroupsResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "$ref": "#/$defs/BatchGetConversationGroupsResult"
        }
      }
    },
    "ListConversationGroupsResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "anyOf": [
            {
              "$ref": "#/$defs/ConversationGroupList"
            },
            {
              "$ref": "#/$defs/EmptyObject"
            }
          ]
        }
      }
    },
    "ListGroupConversationsResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "anyOf": [
            {
              "$ref": "#/$defs/GroupConversationPage"
            },
            {
              "$ref": "#/$defs/EmptyObject"
            }
          ]
        }
      }
    },
    "ConversationResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "anyOf": [
            {
              "$ref": "#/$defs/Conversation"
            },
            {
              "$ref": "#/$defs/EmptyObject"
            }
          ]
        }
      }
    },
    "DeleteConversationResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "$ref": "#/$defs/EmptyObject"
        }
      }
    },
    "BatchDeleteConversationsResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "anyOf": [
            {
              "$ref": "#/$defs/BatchDeleteConversationsResult"
            },
            {
              "$ref": "#/$defs/EmptyObject"
            }
          ]
        }
      }
    },
    "BatchGetConversationsResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "anyOf": [
            {
              "$ref": "#/$defs/BatchGetConversationsResult"
            },
            {
              "$ref": "#/$defs/EmptyObject"
            }
          ]
        }
      }
    },
    "ConversationPageResponse": {
      "type": "object",
      "required": [
        "code",
        "msg"
      ],
      "properties": {
        "code": {
          "$ref": "#/$defs/ResponseCode"
        },
        "msg": {
          "$ref": "#/$defs/ResponseMessage"
        },
        "data": {
          "anyOf": [
            {
              "$ref": "#/$defs/ConversationPage"
            },
            {
              "$ref": "#/$defs/EmptyObject"
            }
          ]
        }
      }
    }
  }
};
