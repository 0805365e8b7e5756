// Issue 12: the sync status store reports the OS network coming back (`navigator.onLine`) to main with
// `sync.connectivity`, so offline accounts reconnect at once; it stops listening when stopped.
import { describe, expect, it, vi } from 'vitest';
import { SyncStatusStore } from '$lib/session/syncStatus.svelte';
import { installFakeDesk } from '../fakes/desk';

describe('sync status: network changes', () => {
  it('reports window online/offline to main, and stops when stopped', async () => {
    const fake = installFakeDesk({ 'sync.connectivity': () => ({ probing: 1 }) });
    const status = new SyncStatusStore();
    const stop = status.start();
    const onLine = vi.spyOn(navigator, 'onLine', 'get');

    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    onLine.mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    await vi.waitFor(() => expect(fake.calls.filter((c) => c.channel === 'sync.connectivity')).toHaveLength(2));
    expect(fake.calls.filter((c) => c.channel === 'sync.connectivity').map((c) => c.input)).toEqual([
      { online: true },
      { online: false },
    ]);

    stop();
    window.dispatchEvent(new Event('online'));
    await Promise.resolve();
    expect(fake.calls.filter((c) => c.channel === 'sync.connectivity')).toHaveLength(2);
    onLine.mockRestore();
  });

  it('a refused report is swallowed (main reconnects on its own)', async () => {
    const fake = installFakeDesk({});
    const status = new SyncStatusStore();
    const stop = status.start();
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(fake.calls.map((c) => c.channel)).toContain('sync.connectivity'));
    stop();
  });
});
