/** Request builders for the API service calls of the portal (authorized, abortable, path segments escaped). */
import type { BitwardenRequest, Method } from './http';
import type { Authorized } from './providerApi';

export const segment = (value: string) => encodeURIComponent(value);

export function apiRequest(
  a: Authorized,
  method: Method,
  path: string,
  extra: { json?: unknown; query?: Record<string, string | undefined> } = {},
): BitwardenRequest {
  return {
    service: 'api',
    method,
    path,
    token: a.token,
    ...(extra.json !== undefined ? { json: extra.json } : {}),
    ...(extra.query ? { query: extra.query } : {}),
    ...(a.signal ? { signal: a.signal } : {}),
  };
}

/** `/providers/{pid}` plus a rest path. */
export const providerPath = (providerId: string, rest = '') => `/providers/${segment(providerId)}${rest}`;
