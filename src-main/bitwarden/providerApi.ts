/** API calls behind sync: the profile and a provider's clients, members and events (bitwarden-api.md §4–6). */
import type { BitwardenHttp } from './http';
import {
  eventSchema,
  listOf,
  profileSchema,
  providerOrganizationSchema,
  providerUserSchema,
  type Profile,
  type ProviderOrganization,
  type ProviderUser,
  type WireEvent,
} from './apiSchemas';

export interface Authorized {
  http: BitwardenHttp;
  token: string;
  signal?: AbortSignal;
}

const get = (a: Authorized, path: string, query?: Record<string, string | undefined>) => ({
  service: 'api' as const,
  method: 'GET' as const,
  path,
  token: a.token,
  ...(query ? { query } : {}),
  ...(a.signal ? { signal: a.signal } : {}),
});

const segment = (value: string) => encodeURIComponent(value);

export function fetchProfile(a: Authorized): Promise<Profile> {
  return a.http.json(get(a, '/accounts/profile'), profileSchema);
}

export async function fetchProviderOrganizations(a: Authorized, providerId: string): Promise<ProviderOrganization[]> {
  const list = await a.http.json(
    get(a, `/providers/${segment(providerId)}/organizations`),
    listOf(providerOrganizationSchema),
  );
  return list.data;
}

export async function fetchProviderUsers(a: Authorized, providerId: string): Promise<ProviderUser[]> {
  const list = await a.http.json(get(a, `/providers/${segment(providerId)}/users`), listOf(providerUserSchema));
  return list.data;
}

export interface EventPage {
  events: WireEvent[];
  continuationToken: string | null;
}

/** One page (50 on Bitwarden's servers), newest first. */
export async function fetchProviderEvents(
  a: Authorized,
  providerId: string,
  range: { start: string; end: string; continuationToken: string | null },
): Promise<EventPage> {
  const query = { start: range.start, end: range.end, continuationToken: range.continuationToken ?? undefined };
  const list = await a.http.json(get(a, `/providers/${segment(providerId)}/events`, query), listOf(eventSchema));
  return { events: list.data, continuationToken: list.continuationToken };
}
