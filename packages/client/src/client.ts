import createClient from 'openapi-fetch';
import type { paths } from '@nim-api/types';

export function createNimClient(options: { baseUrl?: string }) {
  return { raw: createClient<paths>({ baseUrl: options.baseUrl ?? 'https://open.yunxinapi.com' }) };
}
