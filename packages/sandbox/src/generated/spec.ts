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
    }
  }
};
