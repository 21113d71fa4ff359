// The client's options that let MSW and nock see its requests today: its fetch transport (a patched globalThis.fetch).
// The lead removes this after the trust branch merges (the client's default undici transport then reaches MSW and
// nock too, and the recipes' tests run with default options, as the README shows them).
export const mockableTransport = { transport: 'fetch' } as const;
