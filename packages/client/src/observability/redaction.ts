/** Longest body excerpt an error carries. */
export const maxExcerptLength = 512;

// Any SHA-1-sized hex run could be an echoed CheckSum; an excerpt loses nothing useful by masking it.
const checkSumPattern = /\b[0-9a-f]{40}\b/gi;

/**
 * `text` with every secret and every 40-hex run (a CheckSum's shape) replaced by `[redacted]`, cut to
 * {@link maxExcerptLength} characters. Used on everything the client prints or puts into an error.
 */
export function redact(text: string, secrets: readonly string[], maxLength = maxExcerptLength): string {
  let safe = text.length > maxLength * 4 ? text.slice(0, maxLength * 4) : text;
  for (const secret of secrets) {
    if (secret) safe = safe.split(secret).join('[redacted]');
  }
  safe = safe.replace(checkSumPattern, '[redacted]');
  return safe.length > maxLength ? `${safe.slice(0, maxLength)}…` : safe;
}
