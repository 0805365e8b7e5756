/**
 * Incremental event sync for one scope, as pure state transitions (DESIGN.md, "Offline and sync"). A run fetches
 * `start..end` newest first, page by page; the state after each page is what the renderer stores with that page's
 * events, so a run cut off anywhere resumes from its continuation token. When a run ends, everything up to the
 * newest event it saw (server time) is marked complete.
 *
 * The next run does not start at that mark: events are written late (an event posted to `/events/collect` keeps
 * the client's date, a server instance's clock lags, a write commits after our page was read), so an event dated
 * before the newest cached one can appear after a sync. Each run therefore reaches back `OVERLAP_MS` before the
 * earlier of the mark and the last run's own start. Events carry content keys and the renderer puts them by key,
 * so the events fetched again in the overlap overwrite themselves instead of being stored twice.
 */
import type { EventScopeState, ProviderEvent } from '../../src-shared/contract';

const DAY_MS = 24 * 3600_000;
/** The first sync of a scope reaches this far back. */
export const INITIAL_WINDOW_DAYS = 90;
/** Bitwarden refuses ranges over 367 days. */
export const MAX_RANGE_DAYS = 366;
/** `end` lies this far in the future, so a server clock ahead of ours loses nothing. */
export const END_MARGIN_MS = DAY_MS;
/** How far before the newest cached event (and before the last run's start) each run reaches back. */
export const OVERLAP_MS = DAY_MS;
const MAX_KEYS = 1000;

export type RunningScope = EventScopeState & { run: NonNullable<EventScopeState['run']> };

/** Resumes the stored run, or begins one that overlaps what the cache already holds. */
export function beginRun(state: EventScopeState | undefined, now: number): { state: RunningScope; resumed: boolean } {
  if (state?.run) return { state: state as RunningScope, resumed: true };
  const endMs = now + END_MARGIN_MS;
  const floorMs = endMs - MAX_RANGE_DAYS * DAY_MS;
  const complete = state?.completeThrough ?? null;
  let startMs: number;
  if (complete === null || Number.isNaN(Date.parse(complete))) {
    startMs = Math.max(floorMs, now - INITIAL_WINDOW_DAYS * DAY_MS);
  } else {
    const lastStart = state?.lastRunStartedAt ? Date.parse(state.lastRunStartedAt) : NaN;
    // Never later than the last run's start (or now, before any run recorded one), whatever the server's clock.
    const since = Number.isNaN(lastStart) ? now : Math.min(lastStart, now);
    startMs = Math.max(floorMs, Math.min(Date.parse(complete), since) - OVERLAP_MS);
  }
  return {
    state: {
      completeThrough: complete,
      boundaryKeys: state?.boundaryKeys ?? [],
      lastRunStartedAt: state?.lastRunStartedAt ?? null,
      run: {
        start: new Date(startMs).toISOString(),
        end: new Date(endMs).toISOString(),
        continuationToken: null,
        newest: null,
        newestKeys: [],
        startedAt: new Date(now).toISOString(),
      },
    },
    resumed: false,
  };
}

export function applyPage(
  state: RunningScope,
  events: ProviderEvent[],
  continuationToken: string | null,
): { state: EventScopeState; fresh: ProviderEvent[] } {
  const known = new Set(state.boundaryKeys);
  const fresh = events.filter((event) => !known.has(event.key));
  let { newest, newestKeys } = state.run;
  for (const event of events) {
    const order = newest === null ? 1 : Date.parse(event.date) - Date.parse(newest);
    if (order > 0) {
      newest = event.date;
      newestKeys = [event.key];
    } else if (order === 0 && !newestKeys.includes(event.key) && newestKeys.length < MAX_KEYS) {
      newestKeys = [...newestKeys, event.key];
    }
  }
  if (continuationToken !== null) {
    return { state: { ...state, run: { ...state.run, continuationToken, newest, newestKeys } }, fresh };
  }
  return { state: finish(state, newest, newestKeys), fresh };
}

function finish(state: RunningScope, newest: string | null, newestKeys: string[]): EventScopeState {
  const previous = state.completeThrough;
  // A run stored before runs recorded their start keeps the previous mark (none: the next run reaches back from now).
  const lastRunStartedAt = state.run.startedAt ?? state.lastRunStartedAt ?? null;
  if (newest === null) {
    return {
      completeThrough: previous ?? state.run.start,
      boundaryKeys: state.boundaryKeys,
      lastRunStartedAt,
      run: null,
    };
  }
  if (previous !== null && Date.parse(newest) <= Date.parse(previous)) {
    const same = Date.parse(newest) === Date.parse(previous);
    const keys = same ? [...new Set([...state.boundaryKeys, ...newestKeys])].slice(-MAX_KEYS) : state.boundaryKeys;
    return { completeThrough: previous, boundaryKeys: keys, lastRunStartedAt, run: null };
  }
  return { completeThrough: newest, boundaryKeys: newestKeys, lastRunStartedAt, run: null };
}
