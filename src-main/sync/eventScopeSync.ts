/**
 * Fetches one event scope (a provider's log, a client org's log) into the cache: runs `eventRuns` page by page and
 * hands the renderer batches of events together with the state to store with them, so a sync cut off anywhere
 * resumes from its continuation token. Each run overlaps what the cache holds (eventRuns.ts) so late events are not
 * lost; the events it sends again carry the same content keys, and the renderer's put by key overwrites them.
 */
import { DeskError, type EventScopeState, type ProviderEvent, type SyncBatch } from '../../src-shared/contract';
import type { WireEvent } from '../bitwarden/apiSchemas';
import { applyPage, beginRun, type RunningScope } from './eventRuns';
import { toProviderEvent } from './providerEvents';

export interface EventPageResult {
  events: WireEvent[];
  continuationToken: string | null;
}

export type EventsBatch = Omit<Extract<SyncBatch, { kind: 'events' }>, 'accountId' | 'runId'>;

export interface EventScopeSync {
  /** `provider:<providerId>` or `org:<organizationId>`. */
  scope: string;
  providerId: string;
  /** The scope's state as the renderer stored it. */
  state: EventScopeState | undefined;
  fetchPage(run: RunningScope['run']): Promise<EventPageResult>;
  batch(data: EventsBatch): void;
  /** Events fetched so far in this run, after each batch. */
  progress?(fetched: number): void;
  now(): number;
  /** Events per batch; pages are 50, so several pages go in one renderer transaction. */
  eventsPerBatch?: number;
  /** Turns a wire event into the cached one (default `toProviderEvent`). */
  toEvent?(event: WireEvent): ProviderEvent;
}

/** Runs the scope to the end; returns how many events were fetched. */
export async function syncEventScope(sync: EventScopeSync): Promise<number> {
  let { state, resumed } = beginRun(sync.state, sync.now());
  const toEvent = sync.toEvent ?? toProviderEvent;
  let pending: ProviderEvent[] = [];
  let fetched = 0;
  for (;;) {
    const run: RunningScope['run'] = state.run;
    let page;
    try {
      page = await sync.fetchPage(run);
    } catch (error) {
      // A stored continuation token the server no longer takes: start the run again (keys prevent duplicates).
      if (resumed && run.continuationToken && error instanceof DeskError && error.code === 'validation') {
        ({ state } = beginRun({ ...state, run: null }, sync.now()));
        resumed = false;
        continue;
      }
      throw error;
    }
    resumed = false;
    if (page.continuationToken !== null && page.continuationToken === run.continuationToken) {
      throw new DeskError('server', 'The server sent the same page of events twice; the event sync stopped.');
    }
    const applied = applyPage(state, page.events.map(toEvent), page.continuationToken);
    pending = pending.concat(applied.fresh);
    fetched += page.events.length;
    const done = applied.state.run === null;
    if (done || pending.length >= (sync.eventsPerBatch ?? 500)) {
      sync.batch({
        kind: 'events',
        scope: sync.scope,
        providerId: sync.providerId,
        events: pending,
        state: applied.state,
      });
      sync.progress?.(fetched);
      pending = [];
    }
    if (done) return fetched;
    state = applied.state as RunningScope;
  }
}
