import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { accountCache, cacheName, dropAccountCache, pruneAccountCaches } from '$lib/cache/accountCache';
import { applyBatch, latestSyncedAt } from '$lib/cache/syncBatches';

const snapshot = (accountId: string, dataset: string, syncedAt: string) =>
  applyBatch(accountCache(accountId), {
    accountId,
    runId: 'r1',
    kind: 'clients',
    dataset,
    providerId: dataset.split(':')[1]!,
    syncedAt,
    clients: [],
  });

describe('account caches', () => {
  it('knows when the cache last received a snapshot', async () => {
    const id = 'life-1';
    expect(await latestSyncedAt(accountCache(id))).toBeNull();
    await snapshot(id, 'clients:p1', '2026-11-26T10:00:00.000Z');
    await snapshot(id, 'clients:p2', '2026-11-26T12:00:00.000Z');
    await snapshot(id, 'clients:p3', '2026-11-26T11:00:00.000Z');
    expect(await latestSyncedAt(accountCache(id))).toBe('2026-11-26T12:00:00.000Z');
    await dropAccountCache(id);
  });

  it('deletes the caches of accounts no longer signed in, and only those', async () => {
    await snapshot('life-kept', 'clients:p1', '2026-11-26T10:00:00.000Z');
    await snapshot('life-gone', 'clients:p1', '2026-11-26T10:00:00.000Z');
    // Another app's database on the same origin is none of ours.
    const foreign = new Dexie('someone-else');
    foreign.version(1).stores({ things: 'id' });
    await foreign.open();

    const dropped = await pruneAccountCaches((accountId) => accountId === 'life-kept');
    expect(dropped).toContain('life-gone');
    expect(await Dexie.exists(cacheName('life-gone'))).toBe(false);
    expect(await Dexie.exists(cacheName('life-kept'))).toBe(true);
    expect(await Dexie.exists('someone-else')).toBe(true);

    foreign.close();
    await Dexie.delete('someone-else');
    await dropAccountCache('life-kept');
  });
});
