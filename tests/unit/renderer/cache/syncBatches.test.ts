import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { syncBatchSchema, syncStateSchema, type ProviderEvent, type SyncBatch } from '$shared/contract/sync';
import { accountCache, cacheName, dropAccountCache } from '$lib/cache/accountCache';
import { applyBatch, readSyncState } from '$lib/cache/syncBatches';

let accountId = '';
afterEach(async () => {
  await dropAccountCache(accountId);
});

function freshCache() {
  accountId = `acct-${Math.random().toString(36).slice(2)}`;
  return accountCache(accountId);
}

const base = { accountId: 'a', runId: 'r1' };
const client = (id: string, name: string) => ({
  id,
  organizationId: `org-${id}`,
  name,
  seats: 10,
  occupiedSeats: 3,
  remainingSeats: 7,
  userCount: 3,
  plan: 'Teams (Monthly)',
  creationDate: '2026-11-01T00:00:00.000Z',
  enabled: true,
  productTierType: 3,
  keyAvailable: true,
});
function event(key: string, date: string, type = 1800): ProviderEvent {
  return {
    key,
    type,
    date,
    actingUserId: 'u1',
    userId: null,
    organizationId: null,
    organizationUserId: null,
    providerId: 'p1',
    providerUserId: null,
    providerOrganizationId: 'po1',
    cipherId: null,
    collectionId: null,
    groupId: null,
    policyId: null,
    deviceType: 8,
    ipAddress: '127.0.0.1',
    systemUser: null,
  };
}
const eventsBatch = (events: ProviderEvent[], completeThrough: string | null): SyncBatch => ({
  ...base,
  kind: 'events',
  scope: 'provider:p1',
  providerId: 'p1',
  events,
  state: { completeThrough, boundaryKeys: [], run: null },
});

describe('sync batches into the account cache', () => {
  it('replaces a client snapshot and records when it was synced', async () => {
    const cache = freshCache();
    const first = syncBatchSchema.parse({
      ...base,
      kind: 'clients',
      dataset: 'clients:p1',
      providerId: 'p1',
      syncedAt: '2026-11-26T10:00:00.000Z',
      clients: [client('c1', 'Alder Dental'), client('c2', 'Bayside Logistics')],
    });
    await applyBatch(cache, first);
    await applyBatch(cache, {
      ...first,
      syncedAt: '2026-11-26T11:00:00.000Z',
      clients: [client('c2', 'Bayside Logistics Ltd')],
    } as SyncBatch);
    const rows = await cache.clients.where('providerId').equals('p1').toArray();
    expect(rows.map((r) => r.name)).toEqual(['Bayside Logistics Ltd']);
    expect((await readSyncState(cache)).datasets).toEqual({
      'clients:p1': { lastSyncedAt: '2026-11-26T11:00:00.000Z' },
    });
  });

  it("keeps other providers' clients when one provider's snapshot is replaced", async () => {
    const cache = freshCache();
    const batch = (providerId: string, name: string) =>
      ({
        ...base,
        kind: 'clients',
        dataset: `clients:${providerId}`,
        providerId,
        syncedAt: '2026-11-26T10:00:00.000Z',
        clients: [client('c1', name)],
      }) as SyncBatch;
    await applyBatch(cache, batch('p1', 'One'));
    await applyBatch(cache, batch('p2', 'Two'));
    await applyBatch(cache, batch('p1', 'One again'));
    expect((await cache.clients.toArray()).map((r) => `${r.providerId}:${r.name}`).sort()).toEqual([
      'p1:One again',
      'p2:Two',
    ]);
  });

  it('adds events by key without duplicates and hands back the scope state unchanged', async () => {
    const cache = freshCache();
    await applyBatch(
      cache,
      eventsBatch([event('k1', '2026-11-20T00:00:00Z'), event('k2', '2026-11-21T00:00:00Z')], null),
    );
    // A resumed run sends an overlapping page again.
    await applyBatch(
      cache,
      eventsBatch([event('k2', '2026-11-21T00:00:00Z'), event('k3', '2026-11-22T00:00:00Z')], '2026-11-22T00:00:00Z'),
    );
    const newestFirst = await cache.events
      .where('[scope+date]')
      .between(['provider:p1', Dexie.minKey], ['provider:p1', Dexie.maxKey])
      .reverse()
      .toArray();
    expect(newestFirst.map((e) => e.key)).toEqual(['k3', 'k2', 'k1']);
    const state = syncStateSchema.parse(await readSyncState(cache));
    expect(state.eventScopes['provider:p1']).toEqual({
      completeThrough: '2026-11-22T00:00:00Z',
      boundaryKeys: [],
      run: null,
    });
  });

  it('rolls a failed batch back whole: no events and no state from it', async () => {
    const cache = freshCache();
    await applyBatch(cache, eventsBatch([event('k1', '2026-11-20T00:00:00Z')], '2026-11-20T00:00:00Z'));
    const broken = eventsBatch(
      [event('k2', '2026-11-21T00:00:00Z'), { ...event('', '2026-11-22T00:00:00Z'), key: undefined as never }],
      '2026-11-22T00:00:00Z',
    );
    await expect(applyBatch(cache, broken)).rejects.toThrow();
    expect((await cache.events.toArray()).map((e) => e.key)).toEqual(['k1']);
    expect((await readSyncState(cache)).eventScopes['provider:p1']?.completeThrough).toBe('2026-11-20T00:00:00Z');
  });

  it('stores the profile snapshot', async () => {
    const cache = freshCache();
    const profile = {
      userId: 'u1',
      name: 'Ava',
      email: 'ava@example.com',
      emailVerified: true,
      premium: false,
      twoFactorEnabled: false,
      providers: [],
    };
    await applyBatch(cache, {
      ...base,
      kind: 'profile',
      dataset: 'profile',
      syncedAt: '2026-11-26T10:00:00.000Z',
      profile,
    });
    expect((await cache.profile.get('profile'))?.data).toEqual(profile);
  });

  it("drops exactly one account's cache on log out", async () => {
    const cache = freshCache();
    const other = accountCache('other-account');
    await applyBatch(cache, eventsBatch([event('k1', '2026-11-20T00:00:00Z')], null));
    await applyBatch(other, eventsBatch([event('k9', '2026-11-20T00:00:00Z')], null));
    await dropAccountCache(accountId);
    expect(await Dexie.exists(cacheName(accountId))).toBe(false);
    expect(await accountCache(accountId).events.count()).toBe(0);
    expect(await other.events.count()).toBe(1);
    await dropAccountCache('other-account');
  });
});
