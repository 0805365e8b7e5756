import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountCache, dropAccountCache } from '$lib/cache/accountCache';
import { applyBatch } from '$lib/cache/syncBatches';
import { SyncStatusStore } from '$lib/session/syncStatus.svelte';
import { installFakeDesk } from '../fakes/desk';

const accountId = 'status-1';
const progress = (phase: 'started' | 'clients' | 'done' | 'failed', message: string | null = null) => ({
  accountId,
  runId: 'r1',
  phase,
  providerId: null,
  fetched: 3,
  message,
  code: phase === 'failed' ? ('offline' as const) : null,
  at: '2026-11-26T10:00:00.000Z',
});

afterEach(() => dropAccountCache(accountId));

describe('sync status', () => {
  it('follows a run from sync.progress and reads the last sync time from the cache when it ends', async () => {
    const fake = installFakeDesk({});
    const status = new SyncStatusStore();
    const stop = status.start();
    expect(status.view(accountId)).toMatchObject({ running: false, lastSyncedAt: null });

    fake.emit('sync.progress', progress('clients'));
    expect(status.view(accountId)).toMatchObject({ running: true, phase: 'clients', fetched: 3 });

    await applyBatch(accountCache(accountId), {
      accountId,
      runId: 'r1',
      kind: 'clients',
      dataset: 'clients:p1',
      providerId: 'p1',
      syncedAt: '2026-11-26T09:00:00.000Z',
      clients: [],
    });
    await applyBatch(accountCache(accountId), {
      accountId,
      runId: 'r1',
      kind: 'members',
      dataset: 'members:p1',
      providerId: 'p1',
      syncedAt: '2026-11-26T09:30:00.000Z',
      members: [],
    });
    fake.emit('sync.progress', progress('done'));
    await vi.waitFor(() => expect(status.view(accountId).lastSyncedAt).not.toBeNull());
    expect(status.view(accountId)).toMatchObject({
      running: false,
      phase: 'done',
      failure: null,
      lastSyncedAt: '2026-11-26T09:30:00.000Z',
    });

    fake.emit('sync.progress', progress('failed', 'Cannot reach vault.example.com.'));
    expect(status.view(accountId)).toMatchObject({ running: false, failure: 'Cannot reach vault.example.com.' });

    fake.emit('session.loggedOut', { accountId });
    expect(status.view(accountId)).toMatchObject({ phase: null, lastSyncedAt: null });
    stop();
  });
});
