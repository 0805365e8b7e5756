// A stand-in for the renderer's side of sync: stores batches as the Dexie cache would (events put by key, state
// kept with them) and hands the sync state back when a sync starts.
import type { Timers } from '../../src-main/sync/reconnect';
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

/** The renderer's real Dexie cache code (src-renderer/lib/cache), as this project's node tests can load it. */
interface CachedEvent extends ProviderEvent {
  scope: string;
}
interface RendererCacheModules {
  cache: { accountCache(accountId: string): { events: { toArray(): Promise<CachedEvent[]> } } } & {
    dropAccountCache(accountId: string): Promise<void>;
  };
  batches: {
    applyBatch(cache: unknown, batch: SyncBatch): Promise<void>;
    readSyncState(cache: unknown): Promise<SyncState>;
  };
}
// Loaded by path at run time: the renderer's modules name `$shared` in type imports only, which this project's
// TypeScript config does not map (vitest erases type imports, so they run as they are).
const RENDERER_CACHE = '../../src-renderer/lib/cache/accountCache';
const RENDERER_BATCHES = '../../src-renderer/lib/cache/syncBatches';

/**
 * The renderer's side of sync with its real cache code over IndexedDB (the test imports `fake-indexeddb/auto`):
 * each `sync.batch` is applied with `applyBatch` in arrival order, and `sync.start` gets `readSyncState`.
 */
export class RendererCacheStandIn {
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  /** Events delivered, duplicates included. */
  delivered = 0;

  private constructor(
    readonly accountId: string,
    private readonly modules: RendererCacheModules,
  ) {}

  static async open(accountId: string): Promise<RendererCacheStandIn> {
    const [cache, batches] = (await Promise.all([
      import(/* @vite-ignore */ RENDERER_CACHE),
      import(/* @vite-ignore */ RENDERER_BATCHES),
    ])) as [RendererCacheModules['cache'], RendererCacheModules['batches']];
    return new RendererCacheStandIn(accountId, { cache, batches });
  }

  private get db() {
    return this.modules.cache.accountCache(this.accountId);
  }

  write(batch: SyncBatch): void {
    if (batch.kind === 'events') this.delivered += batch.events.length;
    this.chain = this.chain
      .then(() => this.modules.batches.applyBatch(this.db, batch))
      .catch((error: unknown) => {
        this.failure ??= error;
      });
  }

  /** Waits for every batch so far to be stored; throws the first that failed. */
  async settled(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure;
  }

  async state(): Promise<SyncState> {
    await this.settled();
    return this.modules.batches.readSyncState(this.db);
  }

  async events(scope: string): Promise<CachedEvent[]> {
    await this.settled();
    return (await this.db.events.toArray()).filter((event) => event.scope === scope);
  }

  drop(): Promise<void> {
    return this.modules.cache.dropAccountCache(this.accountId);
  }
}

/** A clock that only moves when told; timers fire in order, each followed by the promises it started. */
export class FakeClock implements Timers {
  now = 0;
  private seq = 0;
  private readonly due = new Map<number, { at: number; fn: () => void; every: number | null }>();

  setTimeout = (fn: () => void, ms: number) => this.add(fn, ms, null);
  setInterval = (fn: () => void, ms: number) => this.add(fn, ms, ms);
  clearTimeout = (handle: unknown) => void this.due.delete(handle as number);
  clearInterval = (handle: unknown) => void this.due.delete(handle as number);

  private add(fn: () => void, ms: number, every: number | null) {
    const id = ++this.seq;
    this.due.set(id, { at: this.now + ms, fn, every });
    return id;
  }

  /** Moves the clock `ms` forward, firing what falls due on the way. */
  async advance(ms: number) {
    const until = this.now + ms;
    for (;;) {
      await settle();
      const next = [...this.due.entries()]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next) break;
      const [id, timer] = next;
      this.now = timer.at;
      if (timer.every === null) this.due.delete(id);
      else timer.at += timer.every;
      timer.fn();
    }
    this.now = until;
    await settle();
  }

  pendingTimeouts() {
    return [...this.due.values()].filter((t) => t.every === null).map((t) => t.at - this.now);
  }
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};
