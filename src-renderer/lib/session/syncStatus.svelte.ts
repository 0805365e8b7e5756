import type { SyncBatch, SyncProgress } from '$shared/contract/sync';
import { accountCache } from '../cache/accountCache';
import { latestSyncedAt } from '../cache/syncBatches';
import { invoke, on } from '../desk';

const finished: ReadonlySet<SyncProgress['phase']> = new Set(['done', 'failed', 'cancelled']);

/** What the app shows about syncing an account: the current run's phase and when the cache was last refreshed. */
export interface AccountSyncView {
  running: boolean;
  phase: SyncProgress['phase'] | null;
  /** Items fetched in the current phase. */
  fetched: number;
  /** The last run failed: main's message, shown as given. */
  failure: string | null;
  /** Newest snapshot in the cache (ISO), null before the first sync. */
  lastSyncedAt: string | null;
}

const idle: AccountSyncView = { running: false, phase: null, fetched: 0, failure: null, lastSyncedAt: null };

/**
 * Sync progress per account from `sync.progress`, and the cache's last sync time, re-read after each stored
 * snapshot and at the end of every run.
 */
export class SyncStatusStore {
  #views = $state.raw<Readonly<Record<string, AccountSyncView>>>({});

  view(accountId: string | null | undefined): AccountSyncView {
    return (accountId && this.#views[accountId]) || idle;
  }

  start(): () => void {
    const stops = [
      on('sync.progress', (progress) => this.progress(progress)),
      on('session.loggedOut', ({ accountId }) => {
        const { [accountId]: _dropped, ...rest } = this.#views;
        this.#views = rest;
      }),
      this.#watchNetwork(),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /**
   * Tells main when the OS network comes and goes (`navigator.onLine`, no push needed): coming online, main probes
   * offline accounts at once instead of waiting out its backoff, and syncs those that answer.
   */
  #watchNetwork(): () => void {
    if (typeof window === 'undefined') return () => {};
    const report = () => {
      invoke('sync.connectivity', { online: navigator.onLine }).catch(() => {
        // Main is gone or refused: its own backoff still reconnects.
      });
    };
    window.addEventListener('online', report);
    window.addEventListener('offline', report);
    return () => {
      window.removeEventListener('online', report);
      window.removeEventListener('offline', report);
    };
  }

  progress(progress: SyncProgress): void {
    const done = finished.has(progress.phase);
    this.#update(progress.accountId, {
      running: !done,
      phase: progress.phase,
      fetched: progress.fetched,
      failure: progress.phase === 'failed' ? (progress.message ?? 'Sync failed.') : null,
    });
    if (done) void this.refresh(progress.accountId);
  }

  /** A batch was stored: a snapshot moves the last-synced time. */
  stored(batch: SyncBatch): void {
    if (batch.kind !== 'events') void this.refresh(batch.accountId);
  }

  async refresh(accountId: string): Promise<void> {
    try {
      this.#update(accountId, { lastSyncedAt: await latestSyncedAt(accountCache(accountId)) });
    } catch {
      // The cache was dropped meanwhile (logged out): nothing to show.
    }
  }

  reset(): void {
    this.#views = {};
  }

  #update(accountId: string, patch: Partial<AccountSyncView>) {
    this.#views = { ...this.#views, [accountId]: { ...this.view(accountId), ...patch } };
  }
}

export const syncStatus = new SyncStatusStore();
