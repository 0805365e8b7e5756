import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { accountCache, cacheName, dropAccountCache } from '$lib/cache/accountCache';
import { applyBatch } from '$lib/cache/syncBatches';
import { startSessionServices } from '$lib/session/sessionServices';
import { session } from '$lib/session/sessionStore.svelte';
import { syncStatus } from '$lib/session/syncStatus.svelte';
import { installFakeDesk } from '../fakes/desk';
import { account, sessionState } from './sessionFixtures';

let stop = () => {};
afterEach(async () => {
  stop();
  session.reset();
  syncStatus.reset();
  await dropAccountCache('acct-ava');
});

const snapshot = (accountId: string) =>
  applyBatch(accountCache(accountId), {
    accountId,
    runId: 'r0',
    kind: 'profile',
    dataset: 'profile',
    syncedAt: '2026-11-26T10:00:00.000Z',
    profile: {
      userId: 'u',
      name: null,
      email: 'x@example.com',
      emailVerified: true,
      premium: false,
      twoFactorEnabled: false,
      providers: [],
    },
  });

describe('session services', () => {
  it('on start: drops caches of accounts gone, paints from cache, syncs the unlocked active account', async () => {
    await snapshot('acct-ava');
    await snapshot('acct-gone');
    const fake = installFakeDesk({
      'session.accounts': () => sessionState([account()]),
      'sync.start': () => ({ runId: 'r1', alreadyRunning: false }),
      'session.activity': () => ({}),
    });
    stop = startSessionServices();
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'sync.start')).toBe(true));
    expect(await Dexie.exists(cacheName('acct-gone'))).toBe(false);
    expect(await Dexie.exists(cacheName('acct-ava'))).toBe(true);
    expect(fake.calls.find((c) => c.channel === 'sync.start')?.input).toEqual({
      accountId: 'acct-ava',
      state: { datasets: { profile: { lastSyncedAt: '2026-11-26T10:00:00.000Z' } }, eventScopes: {} },
      force: false,
    });
    await waitFor(() => expect(syncStatus.view('acct-ava').lastSyncedAt).toBe('2026-11-26T10:00:00.000Z'));

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'b' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'session.activity')).toHaveLength(1));
  });

  it('while locked: no sync and no activity reports', async () => {
    const fake = installFakeDesk({ 'session.accounts': () => sessionState([account({ status: 'locked' })]) });
    stop = startSessionServices();
    await waitFor(() => expect(session.screen).toBe('locked'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fake.calls.map((c) => c.channel)).toEqual(['session.accounts']);
  });
});
