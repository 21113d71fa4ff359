// What the real API refuses before anything is stored: text that is not Unicode (a lone surrogate, from a JSON
// escape `\ud800`) and bytes that are not UTF-8. Refused with 414, so nothing the sandbox holds breaks a reader later.

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string is well-formed UTF-16 (no lone surrogate): `String.prototype.isWellFormed` where it exists.
 * @example
 * ```ts
 * isWellFormed('a\ud800'); // false
 * ```
 */
export function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(text) : !loneSurrogate.test(text);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes as UTF-8 text, or `undefined` when they are not UTF-8 (an overlong form, an encoded surrogate, a cut sequence).
 * @example
 * ```ts
 * utf8Text(new Uint8Array([0xed, 0xa0, 0x80])); // undefined
 * ```
 */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Where a parsed JSON value holds a string (or a key) with a lone surrogate, as a path (`name`, `conversation_ids[2]`);
 * `undefined` when it holds none. Walks iteratively: a deeply nested body cannot overflow the stack.
 * @example
 * ```ts
 * illFormedPath({ name: 'a\udc00' }); // 'name'
 * ```
 */
export function illFormedPath(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (!isWellFormed(node)) return path || 'body';
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) stack.push([node[i], `${path}[${i}]`]);
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        const at = path ? `${path}.${key}` : key;
        if (!isWellFormed(key)) return at;
        stack.push([(node as Record<string, unknown>)[key], at]);
      }
    }
  }
  return undefined;
}

const percentEscape = /%[0-9A-Fa-f]{2}/;

/**
 * Whether the %-escapes of a URL part (a query, a path) decode to UTF-8; a part without escapes always does.
 * @example
 * ```ts
 * percentDecodesToUtf8('?account_id=%ED%A0%80'); // false: an encoded surrogate
 * ```
 */
export function percentDecodesToUtf8(part: string): boolean {
  if (!percentEscape.test(part)) return true;
  const bytes: number[] = [];
  for (let i = 0; i < part.length; i += 1) {
    const c = part.charCodeAt(i);
    if (c === 0x25 && /^[0-9A-Fa-f]{2}$/.test(part.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(part.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else return true; // a URL object's parts are ASCII; anything else was decoded by the URL parser already
  }
  return utf8Text(Uint8Array.from(bytes)) !== undefined;
}
