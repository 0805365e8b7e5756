import { accountCache, openAccountCache } from './accountCache';

/**
 * Last-read lists kept for offline browsing (see `CachedSnapshot`). Saving is best effort: a full disk or a
 * closed database never fails the page that showed the list, it only means the list is not there offline.
 */
export interface Snapshot<T> {
  value: T;
  loadedAt: number;
}

export async function readSnapshot<T>(accountId: string, key: string): Promise<Snapshot<T> | null> {
  try {
    const row = await accountCache(accountId).snapshots.get(key);
    return row ? { value: row.value as T, loadedAt: row.loadedAt } : null;
  } catch {
    return null;
  }
}

export async function writeSnapshot(accountId: string, key: string, value: unknown, loadedAt: number): Promise<void> {
  // A read that lands after the account logged out keeps nothing: its cache is gone and stays gone.
  const cache = openAccountCache(accountId);
  if (!cache) return;
  try {
    await cache.snapshots.put({ key, value, loadedAt });
  } catch (error) {
    // Closed: the account logged out (or the window is closing) while the list was read; nothing to keep.
    if (error instanceof Error && error.name === 'DatabaseClosedError') return;
    console.warn(`Could not keep ${key} for offline use:`, error instanceof Error ? error.message : error);
  }
}

/** The saved copy of one client's list of a kind (`members`, `groups`). */
export function orgSnapshotKey(organizationId: string, kind: string): string {
  return `org:${organizationId.toLowerCase()}:${kind}`;
}

/** Every saved client list of a kind, for naming the events of the provider's log. Call inside a live query. */
export async function readOrgSnapshots<T>(accountId: string, kind: string): Promise<T[]> {
  const rows = await accountCache(accountId).snapshots.where('key').startsWith('org:').toArray();
  return rows.filter((row) => row.key.endsWith(`:${kind}`)).map((row) => row.value as T);
}
