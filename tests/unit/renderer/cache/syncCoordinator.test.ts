import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { SyncBatch } from '$shared/contract/sync';
import { accountCache, cacheName, dropAccountCache } from '$lib/cache/accountCache';
import { startSyncCoordinator } from '$lib/cache/syncCoordinator';
import { installFakeDesk } from '../fakes/desk';

function eventsBatch(
  accountId: string,
  runId: string,
  keys: string[],
  completeThrough: string,
): Extract<SyncBatch, { kind: 'events' }> {
  return {
    accountId,
    runId,
    kind: 'events',
    scope: 'provider:p1',
    providerId: 'p1',
    state: { completeThrough, boundaryKeys: [], run: null },
    events: keys.map((key, i) => ({
      key,
      type: 1800,
      date: `2026-11-2${i}T00:00:00Z`,
      actingUserId: null,
      userId: null,
      organizationId: null,
      organizationUserId: null,
      providerId: 'p1',
      providerUserId: null,
      providerOrganizationId: null,
      cipherId: null,
      collectionId: null,
      groupId: null,
      policyId: null,
      deviceType: null,
      ipAddress: null,
      systemUser: null,
    })),
  };
}

describe('sync coordinator', () => {
  it('answers sync.requested with the stored state, then stores the batches in order', async () => {
    const accountId = 'coord-1';
    const fake = installFakeDesk({ 'sync.start': () => ({ runId: 'r1', alreadyRunning: false }) });
    const { stop } = startSyncCoordinator();
    fake.emit('sync.batch', eventsBatch(accountId, 'r0', ['a'], '2026-11-20T00:00:00Z'));
    fake.emit('sync.requested', { accountId, reason: 'unlock' });
    const start = await vi.waitFor(() => {
      const call = fake.calls.find((c) => c.channel === 'sync.start');
      if (!call) throw new Error('sync.start not called yet');
      return call;
    });
    expect(start?.input).toEqual({
      accountId,
      state: {
        datasets: {},
        eventScopes: { 'provider:p1': { completeThrough: '2026-11-20T00:00:00Z', boundaryKeys: [], run: null } },
      },
      force: false,
    });
    fake.emit('sync.batch', eventsBatch(accountId, 'r1', ['b', 'c'], '2026-11-22T00:00:00Z'));
    await vi.waitFor(async () =>
      expect((await accountCache(accountId).events.toArray()).map((e) => e.key).sort()).toEqual(['a', 'b', 'c']),
    );
    stop();
    await dropAccountCache(accountId);
  });

  it('skips the rest of a run after a batch fails to store, so no gap is papered over', async () => {
    const accountId = 'coord-2';
    const fake = installFakeDesk({});
    const reports: string[] = [];
    const { stop } = startSyncCoordinator({ report: (m) => reports.push(m) });
    const broken = eventsBatch(accountId, 'r1', ['x'], '2026-11-21T00:00:00Z');
    (broken as { events: unknown[] }).events[0] = { ...broken.events[0], key: undefined };
    fake.emitUnchecked('sync.batch', broken);
    fake.emit('sync.batch', eventsBatch(accountId, 'r1', ['y'], '2026-11-22T00:00:00Z'));
    fake.emit('sync.batch', eventsBatch(accountId, 'r2', ['z'], '2026-11-23T00:00:00Z'));
    // Batches are stored in order: once the last one is in, the earlier ones were handled.
    await vi.waitFor(async () =>
      expect((await accountCache(accountId).events.toArray()).map((e) => e.key)).toEqual(['z']),
    );
    expect(reports).toHaveLength(1);
    stop();
    await dropAccountCache(accountId);
  });

  it('deletes the account cache when main says the account logged out', async () => {
    const accountId = 'coord-3';
    const fake = installFakeDesk({});
    let stored = 0;
    const { stop } = startSyncCoordinator({ onStored: () => stored++ });
    fake.emit('sync.batch', eventsBatch(accountId, 'r1', ['a'], '2026-11-20T00:00:00Z'));
    // Not Dexie.exists while the batch is being written: it opens the database itself and can race the creation.
    await vi.waitFor(() => expect(stored).toBe(1));
    expect(await Dexie.exists(cacheName(accountId))).toBe(true);
    fake.emit('session.loggedOut', { accountId });
    await vi.waitFor(async () => expect(await Dexie.exists(cacheName(accountId))).toBe(false));
    stop();
  });

  it('reports each stored batch, and syncs on demand once the pending batches are stored', async () => {
    const accountId = 'coord-4';
    const fake = installFakeDesk({ 'sync.start': () => ({ runId: 'r9', alreadyRunning: false }) });
    const stored: string[] = [];
    const coordinator = startSyncCoordinator({ onStored: (batch) => stored.push(batch.runId) });
    fake.emit('sync.batch', eventsBatch(accountId, 'r1', ['a'], '2026-11-20T00:00:00Z'));
    expect(await coordinator.syncNow(accountId, { force: true })).toBe('r9');
    expect(stored).toEqual(['r1']);
    expect(fake.calls.at(-1)?.input).toMatchObject({
      accountId,
      force: true,
      state: { eventScopes: { 'provider:p1': { completeThrough: '2026-11-20T00:00:00Z' } } },
    });
    coordinator.stop();
    await dropAccountCache(accountId);
  });

  it('reports a refused sync instead of throwing', async () => {
    installFakeDesk({
      'sync.start': () => {
        throw new Error('[unauthorized] This account is locked. Unlock it first.');
      },
    });
    const reports: string[] = [];
    const coordinator = startSyncCoordinator({ report: (m) => reports.push(m) });
    expect(await coordinator.syncNow('coord-5')).toBeUndefined();
    expect(reports).toEqual(['Could not start a sync: This account is locked. Unlock it first.']);
    coordinator.stop();
    await dropAccountCache('coord-5');
  });
});
