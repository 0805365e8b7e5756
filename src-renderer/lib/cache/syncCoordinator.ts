import type { SyncBatch } from '$shared/contract/sync';
import { invoke, on } from '../desk';
import { accountCache, dropAccountCache } from './accountCache';
import { applyBatch, readSyncState } from './syncBatches';

export interface SyncCoordinatorOptions {
  /** A batch could not be stored, or a sync could not start. */
  report?: (message: string) => void;
  /** A batch was stored (so views of that account's cache can refresh). */
  onStored?: (batch: SyncBatch) => void;
}

export interface SyncCoordinator {
  /**
   * Starts a sync of an account now (after the pending batches are stored, so the state handed over is current).
   * Resolves to the run id, or undefined when main refused (the account is locked, say) or already ran one.
   */
  syncNow(accountId: string, options?: { force?: boolean }): Promise<string | undefined>;
  stop(): void;
}

/**
 * The renderer's side of sync: main asks for a sync (`sync.requested`), the renderer answers with the state its
 * cache holds, then writes each `sync.batch` in arrival order. A batch that fails to write is reported and the
 * rest of that run's batches are skipped, so the cache never holds events past a gap; the next sync resumes from
 * the last stored state.
 */
export function startSyncCoordinator(options: SyncCoordinatorOptions = {}): SyncCoordinator {
  const report = options.report ?? ((message: string) => console.error(message));
  const queues = new Map<string, Promise<void>>();
  const brokenRuns = new Set<string>();

  function enqueue(batch: SyncBatch) {
    const previous = queues.get(batch.accountId) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (brokenRuns.has(batch.runId)) return;
      try {
        await applyBatch(accountCache(batch.accountId), batch);
      } catch (error) {
        brokenRuns.add(batch.runId);
        report(`Could not store synced ${batch.kind}: ${(error as Error).message}`);
        return;
      }
      options.onStored?.(batch);
    });
    queues.set(batch.accountId, next);
  }

  async function syncNow(accountId: string, { force = false } = {}): Promise<string | undefined> {
    try {
      await (queues.get(accountId) ?? Promise.resolve());
      const state = await readSyncState(accountCache(accountId));
      const { runId } = await invoke('sync.start', { accountId, state, force });
      return runId;
    } catch (error) {
      report(`Could not start a sync: ${(error as Error).message}`);
      return undefined;
    }
  }

  const stops = [
    on('sync.requested', ({ accountId }) => void syncNow(accountId)),
    on('sync.batch', enqueue),
    on('session.loggedOut', ({ accountId }) => {
      const pending = queues.get(accountId) ?? Promise.resolve();
      queues.delete(accountId);
      void pending.then(() => dropAccountCache(accountId));
    }),
  ];
  return { syncNow, stop: () => stops.forEach((stop) => stop()) };
}
