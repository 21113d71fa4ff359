/** Longest piece of a caller's value quoted in a message. */
const maxQuotedLength = 40;

/**
 * A short, safe description of any value for an error message: strings cut to a few dozen characters, objects
 * named by kind, never serialised (a bigint, a cycle or a 1 MB string cannot break or bloat a message).
 */
export function describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length > maxQuotedLength
        ? `"${value.slice(0, maxQuotedLength)}…" (${value.length} characters)`
        : `"${value}"`;
    case 'bigint':
      return `${String(value).slice(0, maxQuotedLength)}n`;
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      try {
        return Array.isArray(value) ? 'an array' : 'an object';
      } catch {
        return 'an object'; // a revoked Proxy
      }
  }
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` is valid Unicode: no lone surrogate, which cannot be encoded as UTF-8 or put into a URL. */
export const isWellFormed = (text: string): boolean => !loneSurrogate.test(text);

/**
 * {@link describe} for a value that may be a URL: user and password (`//user:pass@host`) are masked first, since the
 * message of a refused URL ends up in logs.
 */
export function describeUrl(value: unknown): string {
  // `scheme://user:pass@`, and also `scheme:user:pass@` and `scheme:\\user:pass@`, which the URL parser reads alike.
  return describe(typeof value === 'string' ? value.replace(/^([^/\\@]*?:[/\\]*)[^/\\@]*@/, '$1…@') : value);
}
