/**
 * Incremental event sync for one scope, as pure state transitions (DESIGN.md, "Offline and sync"). A run fetches
 * `start..end` newest first, page by page; the state after each page is what the renderer stores with that page's
 * events, so a run cut off anywhere resumes from its continuation token. When a run ends, everything up to the
 * newest event it saw (server time, so client clock skew does not matter) is complete, and the next run starts
 * there, skipping the events already cached at that exact instant.
 */
import type { EventScopeState, ProviderEvent } from '../../src-shared/contract';

const DAY_MS = 24 * 3600_000;
/** The first sync of a scope reaches this far back. */
export const INITIAL_WINDOW_DAYS = 90;
/** Bitwarden refuses ranges over 367 days. */
export const MAX_RANGE_DAYS = 366;
/** `end` lies this far in the future, so a server clock ahead of ours loses nothing. */
export const END_MARGIN_MS = DAY_MS;
const MAX_KEYS = 1000;

export type RunningScope = EventScopeState & { run: NonNullable<EventScopeState['run']> };

/** Resumes the stored run, or begins one from where the cache is complete. */
export function beginRun(state: EventScopeState | undefined, now: number): { state: RunningScope; resumed: boolean } {
  if (state?.run) return { state: state as RunningScope, resumed: true };
  const endMs = now + END_MARGIN_MS;
  const floorMs = endMs - MAX_RANGE_DAYS * DAY_MS;
  const complete = state?.completeThrough ?? null;
  const start =
    complete && Date.parse(complete) > floorMs
      ? complete
      : new Date(Math.max(floorMs, now - INITIAL_WINDOW_DAYS * DAY_MS)).toISOString();
  return {
    state: {
      completeThrough: complete,
      boundaryKeys: state?.boundaryKeys ?? [],
      run: { start, end: new Date(endMs).toISOString(), continuationToken: null, newest: null, newestKeys: [] },
    },
    resumed: false,
  };
}

/** Applies one page: returns the events the cache does not have yet and the state to store with them. */
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
  if (newest === null) {
    return { completeThrough: previous ?? state.run.start, boundaryKeys: state.boundaryKeys, run: null };
  }
  if (previous !== null && Date.parse(newest) <= Date.parse(previous)) {
    const same = Date.parse(newest) === Date.parse(previous);
    const keys = same ? [...new Set([...state.boundaryKeys, ...newestKeys])].slice(-MAX_KEYS) : state.boundaryKeys;
    return { completeThrough: previous, boundaryKeys: keys, run: null };
  }
  return { completeThrough: newest, boundaryKeys: newestKeys, run: null };
}
