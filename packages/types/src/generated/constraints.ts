/**
 * GENERATED FILE — DO NOT EDIT.
 * Runtime facts read from openapi/conversation-groups.yaml (`pnpm generate`).
 */

/** Patterns, limits and hosts stated by the spec. */
export const constraints = {
  "specVersion": "0.0.0",
  "accountId": {
    "pattern": "^[A-Za-z0-9_@.-]{1,32}$",
    "maxLength": 32
  },
  "conversationId": {
    "pattern": "^[A-Za-z0-9_@.-]{1,32}\\|[123]\\|[A-Za-z0-9_@.-]{1,32}$"
  },
  "maxConversationIdsPerCall": 100,
  "pageLimit": {
    "minimum": 1,
    "maximum": 100
  },
  "traceId": {
    "maxLength": 128
  },
  "hosts": {
    "cn": [
      "https://open.yunxinapi.com",
      "https://open-bak.yunxinapi.com"
    ],
    "sg": [
      "https://open-sg.yunxinapi.com",
      "https://open-sg-bak.yunxinapi.com"
    ]
  }
} as const;
