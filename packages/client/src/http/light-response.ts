// A WHATWG Response costs ~18 µs to build on Node 20 (a ReadableStream, transferable, per body) and ~7 µs more to
// read. The resource methods only read status, a header and the text once, so the undici transport answers them
// with this instead; `nim.raw` calls, whose callers hold the response, always get a real `Response`.
const decoder = new TextDecoder(); // UTF-8, BOM stripped, bad bytes replaced: what Response.text() does

/** The `RequestInit` field by which the resource methods ask the transport for a {@link LightResponse}. */
export const lightResponseField = 'nimLightResponse';

/**
 * The response the undici transport gives the resource methods (never `nim.raw` callers): status, headers and the
 * body read once, as `Response` has them.
 */
export class LightResponse {
  readonly ok: boolean;
  readonly redirected = false;
  readonly type = 'basic';
  readonly body = null;
  private used = false;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    readonly url: string,
    private readonly bytes: Uint8Array | null,
  ) {
    this.ok = status >= 200 && status <= 299;
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  async text(): Promise<string> {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return this.bytes === null ? '' : decoder.decode(this.bytes);
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return this.bytes === null ? new ArrayBuffer(0) : (this.bytes.slice().buffer as ArrayBuffer);
  }

  clone(): Response {
    return new Response(this.bytes as BodyInit | null, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
  }
}
