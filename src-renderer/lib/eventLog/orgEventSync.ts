/**
 * Fetches a client org's event log into the cache on demand (`sync.start` with `orgEvents`): main sends the events
 * as `sync.batch` pushes, which the sync coordinator stores like any other; this counts them as they come, for
 * the progress line, and records when the log was last fetched (data set `events:org:<organizationId>`).
 */
import { orgEventScope } from '$shared/contract/sync';
import { accountCache } from '../cache/accountCache';
import { invoke, on } from '../desk';

export function orgEventsDataset(organizationId: string): string {
  return `events:${orgEventScope(organizationId)}`;
}

export interface OrgEventSyncInput {
  accountId: string;
  providerId: string;
  organizationId: string;
  /** Events received so far in this run. */
  onProgress?: (fetched: number) => void;
}

/** Resolves with the number of events fetched once they are all delivered; rejects with a `DeskError`. */
export async function syncOrgEvents(input: OrgEventSyncInput): Promise<number> {
  const { accountId, providerId, organizationId } = input;
  const scope = orgEventScope(organizationId);
  const cache = accountCache(accountId);
  let received = 0;
  const stop = on('sync.batch', (batch) => {
    if (batch.accountId !== accountId || batch.kind !== 'events' || batch.scope !== scope) return;
    received += batch.events.length;
    input.onProgress?.(received);
  });
  try {
    const stored = await cache.eventScopes.get(scope);
    const { fetched = received } = await invoke('sync.start', {
      accountId,
      state: { datasets: {}, eventScopes: stored ? { [scope]: stored.state } : {} },
      orgEvents: { organizationId, providerId },
    });
    await cache.datasets.put({ dataset: orgEventsDataset(organizationId), lastSyncedAt: new Date().toISOString() });
    return fetched;
  } finally {
    stop();
  }
}
