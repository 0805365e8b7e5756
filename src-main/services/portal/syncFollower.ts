/**
 * Keeps the cache following portal changes. Main cannot read the renderer's cache, but it sees the sync state the
 * renderer hands to `sync.start` and every batch it then writes; replaying those gives the same state. After a
 * change, a forced sync from that state refetches the snapshots (clients, members, profile) and only new events.
 * Before the renderer's first `sync.start`, main asks it for a sync with `sync.requested` instead.
 */
import type { SyncBatch, SyncState } from '../../../src-shared/contract';
import type { Emit } from '../../session/sessionService';
import type { RunOutcome } from '../../sync/syncService';

export interface SyncStarter {
  start(input: { accountId?: string | undefined; state: SyncState; force?: boolean }): {
    alreadyRunning: boolean;
    done: Promise<RunOutcome>;
  };
}

export type SyncFollower = ReturnType<typeof createSyncFollower>;

export function createSyncFollower(deps: { sync: SyncStarter; emit: Emit }) {
  const states = new Map<string, SyncState>();
  /** Accounts whose refresh waits for the running sync to end (several changes meanwhile: one refresh). */
  const waiting = new Set<string>();

  function noteBatch(batch: SyncBatch) {
    const state = states.get(batch.accountId);
    if (!state) return;
    if (batch.kind === 'events') state.eventScopes[batch.scope] = structuredClone(batch.state);
    else state.datasets[batch.dataset] = { lastSyncedAt: batch.syncedAt };
  }

  function refresh(accountId: string) {
    const state = states.get(accountId);
    if (!state) {
      deps.emit('sync.requested', { accountId, reason: 'interval' });
      return;
    }
    if (waiting.has(accountId)) return;
    let started;
    try {
      started = deps.sync.start({ accountId, state: structuredClone(state), force: true });
    } catch {
      return; // locked or signed out meanwhile: the next unlock syncs anyway
    }
    if (!started.alreadyRunning) return;
    // The running sync may have read the data before the change: run again once it ends.
    waiting.add(accountId);
    void started.done.finally(() => {
      waiting.delete(accountId);
      refresh(accountId);
    });
  }

  return {
    /** The renderer started a sync with its cache's state. */
    noteStart(accountId: string, state: SyncState) {
      states.set(accountId, structuredClone(state));
    },
    noteBatch,
    forget(accountId: string) {
      states.delete(accountId);
      waiting.delete(accountId);
    },
    refresh,
  };
}
