/** Longest body excerpt an error carries. */
export const maxExcerptLength = 512;

const checkSumPattern = /("?checksum"?\s*[:=]\s*"?)[0-9a-f]{40}/gi;

/**
 * `text` with every secret replaced by `[redacted]` and any `CheckSum: <sha1>` masked, cut to
 * {@link maxExcerptLength} characters. Used on everything the client prints or puts into an error.
 */
export function redact(text: string, secrets: readonly string[], maxLength = maxExcerptLength): string {
  let safe = text.length > maxLength * 4 ? text.slice(0, maxLength * 4) : text;
  for (const secret of secrets) {
    if (secret) safe = safe.split(secret).join('[redacted]');
  }
  safe = safe.replace(checkSumPattern, '$1[redacted]');
  return safe.length > maxLength ? `${safe.slice(0, maxLength)}…` : safe;
}
