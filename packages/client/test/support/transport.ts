/** The transport a client made without `fetch` uses in this vitest project (see vitest.undici.config.ts). */
export const defaultTransport: 'undici' | 'fetch' = process.env.NIM_TEST_TRANSPORT === 'undici' ? 'undici' : 'fetch';
