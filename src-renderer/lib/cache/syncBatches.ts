import type { SyncBatch, SyncState } from '$shared/contract/sync';
import type { AccountCache } from './accountCache';

/**
 * Writes one `sync.batch` in a single transaction: snapshots replace their data set and record when it was
 * synced; event batches add events (put by content key, so a resumed sync never duplicates) and store the scope's
 * state. If anything fails the whole batch rolls back, and the next sync starts from the last stored state.
 */
export async function applyBatch(cache: AccountCache, batch: SyncBatch): Promise<void> {
  const { profile, clients, members, events, datasets, eventScopes } = cache;
  await cache.transaction('rw', [profile, clients, members, events, datasets, eventScopes], async () => {
    switch (batch.kind) {
      case 'profile':
        await profile.put({ id: 'profile', data: batch.profile });
        await datasets.put({ dataset: batch.dataset, lastSyncedAt: batch.syncedAt });
        return;
      case 'clients':
        await clients.where('providerId').equals(batch.providerId).delete();
        await clients.bulkPut(batch.clients.map((client) => ({ ...client, providerId: batch.providerId })));
        await datasets.put({ dataset: batch.dataset, lastSyncedAt: batch.syncedAt });
        return;
      case 'members':
        await members.where('providerId').equals(batch.providerId).delete();
        await members.bulkPut(batch.members.map((member) => ({ ...member, providerId: batch.providerId })));
        await datasets.put({ dataset: batch.dataset, lastSyncedAt: batch.syncedAt });
        return;
      case 'events':
        await events.bulkPut(batch.events.map((event) => ({ ...event, scope: batch.scope })));
        await eventScopes.put({ scope: batch.scope, state: batch.state });
        return;
    }
  });
}

/** What main needs to resume: last sync per data set and each event scope's progress, exactly as stored. */
export async function readSyncState(cache: AccountCache): Promise<SyncState> {
  const [datasets, scopes] = await Promise.all([cache.datasets.toArray(), cache.eventScopes.toArray()]);
  return {
    datasets: Object.fromEntries(datasets.map((d) => [d.dataset, { lastSyncedAt: d.lastSyncedAt }])),
    eventScopes: Object.fromEntries(scopes.map((s) => [s.scope, s.state])),
  };
}

/** When the cache last received a snapshot (any data set), for "last synced … ago"; null before the first sync. */
export async function latestSyncedAt(cache: AccountCache): Promise<string | null> {
  let latest: { at: number; iso: string } | null = null;
  for (const { lastSyncedAt } of await cache.datasets.toArray()) {
    const at = Date.parse(lastSyncedAt);
    if (!Number.isNaN(at) && (!latest || at > latest.at)) latest = { at, iso: lastSyncedAt };
  }
  return latest?.iso ?? null;
}
