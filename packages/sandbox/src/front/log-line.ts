import { faultLabel } from '../rules/fault-rules.js';
import type { SandboxRequestRecord } from './request-log.js';

// Anything but printable ASCII other than `"` and `\`: a value with one of these is quoted, so that it can neither
// end the line (a `%0A` in an account id), nor forge a field (a space), nor drive the terminal (ESC).
const needsQuoting = /[^\x21\x23-\x5b\x5d-\x7e]/;
const stillRaw = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * A value as the request log prints it: as it is when it is plain printable ASCII, otherwise JSON-quoted with the
 * remaining invisible or line-breaking characters escaped as `\uXXXX` — one request is always one line.
 * @example
 * ```ts
 * logValue('alice');        // 'alice'
 * logValue('a\nFAKE LINE'); // '"a\\nFAKE LINE"'
 * ```
 */
export function logValue(value: string): string {
  if (value !== '' && !needsQuoting.test(value)) return value;
  return JSON.stringify(value).replace(stillRaw, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The CLI's line for one request: time, method, operation (or path), account, signature verdict, codes, fault and
 * trace id, each value through {@link logValue}.
 * @example
 * ```ts
 * console.log(requestLine(record)); // 2025-01-01T00:00:00.000Z POST   createConversationGroup account=alice …
 * ```
 */
export function requestLine(r: SandboxRequestRecord): string {
  const optional = (value: string | undefined) => (value === undefined ? '-' : logValue(value));
  return [
    new Date(r.at).toISOString(),
    logValue(r.method).padEnd(6),
    (r.operation ?? logValue(r.path)).padEnd(27),
    `account=${optional(r.account)}`,
    `signature=${r.signature}`,
    `code=${r.code ?? '-'}`,
    `http=${r.status ?? '-'}`,
    ...(r.fault ? [`fault=${faultLabel(r.fault)}`] : []),
    `trace=${optional(r.traceId)}`,
  ].join(' ');
}
