// What a request record keeps of a query and a body: plain, frozen copies with the AppSecret taken out.

const secretMark = '[AppSecret]';
const noQuery: Readonly<Record<string, string>> = Object.freeze({});

function scrub(text: string, secret: string): string {
  return text.includes(secret) ? text.split(secret).join(secretMark) : text;
}

/**
 * The query of a URL as a record shows it: a name given once → its value, more than once → the list of values.
 * @example
 * ```ts
 * recordedQuery(new URLSearchParams('account_id=alice&x=1&x=2'), secret); // { account_id: 'alice', x: ['1', '2'] }
 * ```
 */
export function recordedQuery(
  query: URLSearchParams,
  secret: string,
): Readonly<Record<string, string | readonly string[]>> {
  if (query.size === 0) return noQuery;
  const out = new Map<string, string | string[]>();
  for (const [rawName, rawValue] of query) {
    const name = scrub(rawName, secret);
    const value = scrub(rawValue, secret);
    const previous = out.get(name);
    if (previous === undefined) out.set(name, value);
    else if (Array.isArray(previous)) previous.push(value);
    else out.set(name, [previous, value]);
  }
  for (const value of out.values()) if (Array.isArray(value)) Object.freeze(value);
  // fromEntries: a name `__proto__` becomes an own field, not the prototype.
  return Object.freeze(Object.fromEntries(out));
}

/**
 * A deeply frozen copy of a parsed JSON body with every occurrence of the AppSecret replaced (keys too). Iterative:
 * nesting cannot overflow the stack.
 * @example
 * ```ts
 * const body = recordedBody(JSON.parse(text), settings.appSecret);
 * ```
 */
export function recordedBody(value: unknown, secret: string): unknown {
  const copy = (node: unknown): unknown => {
    if (typeof node === 'string') return scrub(node, secret);
    if (Array.isArray(node)) return new Array<unknown>(node.length);
    if (typeof node === 'object' && node !== null) return {};
    return node;
  };
  const root = copy(value);
  const stack: [unknown, unknown][] = [[value, root]];
  const made: object[] = [];
  while (stack.length > 0) {
    const [source, target] = stack.pop()!;
    if (Array.isArray(source)) {
      made.push(target as object);
      for (let i = 0; i < source.length; i += 1) {
        const child = copy(source[i]);
        (target as unknown[])[i] = child;
        if (typeof child === 'object' && child !== null) stack.push([source[i], child]);
      }
    } else if (typeof source === 'object' && source !== null) {
      made.push(target as object);
      for (const key of Object.keys(source)) {
        const child = copy((source as Record<string, unknown>)[key]);
        // defineProperty: a key `__proto__` stays an own field, as JSON.parse made it.
        Object.defineProperty(target, scrub(key, secret), {
          value: child,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        if (typeof child === 'object' && child !== null) stack.push([(source as Record<string, unknown>)[key], child]);
      }
    }
  }
  for (const object of made) Object.freeze(object);
  return root;
}
