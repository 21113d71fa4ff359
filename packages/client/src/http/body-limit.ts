/**
 * The largest answer the client reads, in bytes after decompression: 16 MiB. The API's largest answers (100 groups,
 * a page of 100 conversations) are far below 1 MB; a larger body is a broken or hostile server, and parsing it
 * would hold the event loop past any deadline (the parse is synchronous), so it is refused as a NimResponseError.
 */
export const maxBodyBytes = 16 * 1024 * 1024;

/** An answer over {@link maxBodyBytes}: the retry loop turns it into a NimResponseError. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(what = 'the answer') {
    super(`${what} is larger than ${maxBodyBytes / 1024 / 1024} MiB`);
  }
}
