// A stand-in for the renderer's side of sync: stores batches as the Dexie cache would (events put by key, state
// kept with them) and hands the sync state back when a sync starts.
import type { ProviderClient, ProviderEvent, ProviderMember, SyncBatch, SyncState } from '../../src-shared/contract';

export class CacheStandIn {
  readonly events = new Map<string, ProviderEvent>();
  readonly clients = new Map<string, ProviderClient[]>();
  readonly members = new Map<string, ProviderMember[]>();
  state: SyncState = { datasets: {}, eventScopes: {} };
  /** Events delivered, duplicates included. */
  delivered = 0;
  batches: SyncBatch[] = [];

  write(batch: SyncBatch): void {
    this.batches.push(batch);
    if (batch.kind === 'events') {
      this.delivered += batch.events.length;
      for (const event of batch.events) this.events.set(event.key, event);
      this.state.eventScopes[batch.scope] = batch.state;
      return;
    }
    if (batch.kind === 'clients') this.clients.set(batch.providerId, batch.clients);
    if (batch.kind === 'members') this.members.set(batch.providerId, batch.members);
    this.state.datasets[batch.dataset] = { lastSyncedAt: batch.syncedAt };
  }

  /** The state as the renderer hands it to `sync.start` (a structured copy, like IPC makes). */
  snapshot(): SyncState {
    return structuredClone(this.state);
  }
}
