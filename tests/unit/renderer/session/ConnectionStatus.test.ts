import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountCache, dropAccountCache } from '$lib/cache/accountCache';
import { applyBatch } from '$lib/cache/syncBatches';
import ConnectionStatus from '$lib/components/session/ConnectionStatus.svelte';
import { startSessionServices } from '$lib/session/sessionServices';
import { session } from '$lib/session/sessionStore.svelte';
import { syncStatus } from '$lib/session/syncStatus.svelte';
import { installFakeDesk } from '../fakes/desk';
import { account, sessionState } from './sessionFixtures';

let stop = () => {};
afterEach(async () => {
  stop();
  vi.useRealTimers();
  session.reset();
  syncStatus.reset();
  await dropAccountCache('acct-ava');
});

async function syncedMinutesAgo(minutes: number) {
  await applyBatch(accountCache('acct-ava'), {
    accountId: 'acct-ava',
    runId: 'r0',
    kind: 'clients',
    dataset: 'clients:p1',
    providerId: 'p1',
    syncedAt: new Date(Date.now() - minutes * 60_000).toISOString(),
    clients: [],
  });
  await syncStatus.refresh('acct-ava');
}

describe('ConnectionStatus', () => {
  it('online: the age of the cache and Sync now, which refetches everything', async () => {
    const fake = installFakeDesk({
      'session.accounts': () => sessionState([account()]),
      'sync.start': () => ({ runId: 'r1', alreadyRunning: false }),
    });
    stop = startSessionServices();
    await waitFor(() => expect(session.active).not.toBeNull());
    await syncedMinutesAgo(5);
    render(ConnectionStatus, { account: account() });
    expect(screen.getByText(/Online/).parentElement?.textContent).toMatch(/Online\s*·\s*last synced 5 minutes ago/);

    const before = fake.calls.filter((c) => c.channel === 'sync.start').length;
    await fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'sync.start')).toHaveLength(before + 1));
    expect(fake.calls.at(-1)?.input).toMatchObject({ accountId: 'acct-ava', force: true });
  });

  it('offline: cached data with its age and main’s reason; Sync now still checks whether it is back', async () => {
    const fake = installFakeDesk({
      'session.accounts': () => sessionState([account({ online: false })]),
      'sync.start': () => ({ runId: 'r1', alreadyRunning: false }),
    });
    stop = startSessionServices();
    await waitFor(() => expect(session.active).not.toBeNull());
    const offline = account({ online: false });
    session.connections = {
      'acct-ava': {
        accountId: 'acct-ava',
        online: false,
        message: 'Cannot reach vault.example.com: connection refused.',
        code: 'offline',
        at: new Date().toISOString(),
      },
    };
    await syncedMinutesAgo(62);
    render(ConnectionStatus, { account: offline });
    const text = screen.getByText('Offline').parentElement!;
    expect(text.textContent?.replace(/\s+/g, ' ').trim()).toBe('Offline — showing cached data, last synced 1 hour ago');
    expect(screen.getByText('Cannot reach vault.example.com: connection refused.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Offline — showing cached data'));

    const syncNow = screen.getByRole('button', { name: 'Sync now' });
    expect(syncNow.getAttribute('aria-disabled')).toBeNull();
    expect(document.getElementById(syncNow.getAttribute('aria-describedby')!)).toBe(text);
    const before = fake.calls.filter((c) => c.channel === 'sync.start').length;
    await fireEvent.click(syncNow);
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'sync.start')).toHaveLength(before + 1));
  });

  it('shows a running sync and a failed one', async () => {
    installFakeDesk({});
    render(ConnectionStatus, { account: account() });
    const progress = { accountId: 'acct-ava', runId: 'r1', providerId: null, fetched: 0, code: null, at: '' };
    syncStatus.progress({ ...progress, phase: 'clients', message: null });
    await waitFor(() => expect(screen.getByText('Syncing…')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Sync now' }).getAttribute('aria-disabled')).toBe('true');
    syncStatus.progress({ ...progress, phase: 'failed', message: 'The server answered 500.', code: null });
    await waitFor(() => expect(screen.getByText('Sync failed: The server answered 500.')).toBeTruthy());
    // The run's end re-reads the cache; let it finish before the cache is dropped.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
});
