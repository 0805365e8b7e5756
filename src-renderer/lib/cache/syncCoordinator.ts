import type { SyncBatch } from '$shared/contract/sync';
import { invoke, on } from '../desk';
import { accountCache, dropAccountCache } from './accountCache';
import { applyBatch, readSyncState } from './syncBatches';

/**
 * The renderer's side of sync: main asks for a sync (`sync.requested`), the renderer answers with the state its
 * cache holds, then writes each `sync.batch` in arrival order. A batch that fails to write is reported and the
 * rest of that run's batches are skipped, so the cache never holds events past a gap; the next sync resumes from
 * the last stored state. Returns the function that stops it.
 */
export function startSyncCoordinator(report: (message: string) => void = (m) => console.error(m)): () => void {
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
      }
    });
    queues.set(batch.accountId, next);
  }

  const stops = [
    on('sync.requested', ({ accountId }) => {
      void (queues.get(accountId) ?? Promise.resolve())
        .then(() => readSyncState(accountCache(accountId)))
        .then((state) => invoke('sync.start', { accountId, state }))
        .catch((error: Error) => report(`Could not start a sync: ${error.message}`));
    }),
    on('sync.batch', enqueue),
    on('session.loggedOut', ({ accountId }) => {
      const pending = queues.get(accountId) ?? Promise.resolve();
      queues.delete(accountId);
      void pending.then(() => dropAccountCache(accountId));
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
