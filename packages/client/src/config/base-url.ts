/**
 * A base URL as the URL parser reads it (`http:host`, a backslash, upper case all normalised), without trailing
 * slashes: fetch would normalise the spelling and undici would refuse it, so both transports get this form.
 * @example
 * ```ts
 * normalBaseUrl(new URL('HTTP:nim.test//')); // 'http://nim.test'
 * ```
 */
export function normalBaseUrl(url: URL): string {
  const normal = `${url.origin}${url.pathname}`;
  let end = normal.length;
  while (normal[end - 1] === '/') end -= 1;
  return normal.slice(0, end);
}
