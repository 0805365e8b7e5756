import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  EventScopeState,
  ProfileData,
  ProviderClient,
  ProviderEvent,
  ProviderMember,
} from '$shared/contract/sync';

/**
 * The renderer's offline cache, one IndexedDB database per signed-in account (so logging out deletes exactly that
 * account's data). It holds display data only: main never hands the renderer keys, tokens or EncStrings.
 */
export interface CachedProfile {
  id: 'profile';
  data: ProfileData;
}
export type CachedClient = ProviderClient & { providerId: string };
export type CachedMember = ProviderMember & { providerId: string };
export type CachedEvent = ProviderEvent & { scope: string };
export interface CachedDataset {
  dataset: string;
  lastSyncedAt: string;
}
export interface CachedEventScope {
  scope: string;
  state: EventScopeState;
}
/**
 * A list read live from the server that sync does not keep (a client's members and groups, the Waiting queue),
 * saved as last shown so it stays browsable offline and after a restart. Display data only.
 */
export interface CachedSnapshot {
  key: string;
  value: unknown;
  /** When the list was read (ms since epoch). */
  loadedAt: number;
}

export class AccountCache extends Dexie {
  profile!: EntityTable<CachedProfile, 'id'>;
  clients!: Table<CachedClient, [string, string]>;
  members!: Table<CachedMember, [string, string]>;
  events!: EntityTable<CachedEvent, 'key'>;
  datasets!: EntityTable<CachedDataset, 'dataset'>;
  eventScopes!: EntityTable<CachedEventScope, 'scope'>;
  snapshots!: EntityTable<CachedSnapshot, 'key'>;

  constructor(readonly accountId: string) {
    super(cacheName(accountId));
    this.version(1).stores({
      profile: 'id',
      clients: '[providerId+id], providerId, organizationId, name',
      members: '[providerId+id], providerId, email, status',
      // Event log queries: newest first within a scope, optionally narrowed by actor, type or client.
      events:
        'key, [scope+date], [scope+actingUserId+date], [scope+type+date], [scope+providerOrganizationId+date], [scope+organizationId+date]',
      datasets: 'dataset',
      eventScopes: 'scope',
    });
    this.version(2).stores({ snapshots: 'key' });
  }
}

export function cacheName(accountId: string): string {
  return `${PREFIX}${accountId}`;
}

const open = new Map<string, AccountCache>();

/** The cache of one account, opened once and shared. */
export function accountCache(accountId: string): AccountCache {
  let cache = open.get(accountId);
  if (!cache) {
    cache = new AccountCache(accountId);
    open.set(accountId, cache);
  }
  return cache;
}

/** The cache of an account only if it is open now: writes that finish after a logout must not recreate it. */
export function openAccountCache(accountId: string): AccountCache | undefined {
  return open.get(accountId);
}

const PREFIX = 'provider-desk:';

/** Deletes everything cached for an account (on `session.loggedOut`). */
export async function dropAccountCache(accountId: string): Promise<void> {
  const cache = open.get(accountId);
  open.delete(accountId);
  cache?.close();
  await Dexie.delete(cacheName(accountId));
}

/**
 * Deletes the caches of accounts that are no longer signed in: logged out while no window listened, or signed in
 * to a browser shell that has since quit (it keeps sign-ins in memory only, while IndexedDB stays with the origin).
 * `isSignedIn` is asked after the databases are listed, so an account that signs in meanwhile keeps its cache.
 * Returns the account ids whose caches were deleted.
 */
export async function pruneAccountCaches(isSignedIn: (accountId: string) => boolean): Promise<string[]> {
  const names = await Dexie.getDatabaseNames();
  const stale = names
    .filter((name) => name.startsWith(PREFIX))
    .map((name) => name.slice(PREFIX.length))
    .filter((accountId) => !isSignedIn(accountId));
  await Promise.all(stale.map(dropAccountCache));
  return stale;
}
