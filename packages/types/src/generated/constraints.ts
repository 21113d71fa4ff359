/**
 * GENERATED FILE — DO NOT EDIT.
 * Runtime facts read from openapi/conversation-groups.yaml (`pnpm generate`).
 */

/** Patterns, limits, hosts and endpoint discovery stated by the spec. */
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
  "errorCodes": [
    403,
    414,
    416,
    500,
    102404,
    108404,
    110302,
    110304,
    110404,
    110449,
    116404,
    116435,
    116437
  ],
  "hosts": {
    "cn": [
      "https://open.yunxinapi.com"
    ],
    "sg": [
      "https://api-sg.yunxinapi.com/nimserver",
      "https://api-sg-bak.yunxinapi.com/nimserver"
    ]
  },
  "discovery": {
    "allocationUrls": {
      "cn": [
        "https://srv-sdk-lbs-cn.yunxinapi.com/srv-sdk/allocate",
        "https://srv-sdk-lbs.yunxinapi.com/srv-sdk/allocate"
      ],
      "sg": [
        "https://srv-sdk-lbs-sg.yunxinapi.com/srv-sdk/allocate",
        "https://srv-sdk-lbs.yunxinapi.com/srv-sdk/allocate"
      ]
    },
    "biz": 1,
    "healthPath": "/health/liveness.action",
    "ttlSeconds": {
      "default": 30,
      "minimum": 1,
      "maximum": 86400
    },
    "endpointHosts": [
      "*.yunxinapi.com"
    ]
  }
} as const;
