/**
 * Runs syncs (one at a time per account) and decides when one is due: after sign-in and unlock, every
 * `syncIntervalMinutes`, and when an offline account's server answers again (reconnect.ts). Main cannot read the
 * renderer's cache, so it asks with `sync.requested`; the renderer answers with `sync.start` and its sync state.
 * Locking or logging out cancels a running sync.
 */
import { randomUUID } from 'node:crypto';
import { DeskError, orgEventScope, type SyncState, type SyncStatus } from '../../src-shared/contract';
import type { Emit, SessionService } from '../session/sessionService';
import { runOrgEvents } from './orgEvents';
import { createReconnector, type Timers } from './reconnect';
import { runSync } from './syncEngine';

export type RunOutcome = 'done' | 'failed' | 'cancelled';

interface Running {
  runId: string;
  controller: AbortController;
  done: Promise<RunOutcome>;
}

export interface SyncServiceDeps {
  session: SessionService;
  emit: Emit;
  syncIntervalMinutes(): number;
  now?: () => number;
  /** How often the interval is checked. */
  tickMs?: number;
  /** Passed to each run (tests make batches small). */
  runOptions?: { eventsPerBatch?: number; freshForMs?: number };
  /** Reconnecting offline accounts (reconnect.ts): fake timers, or another probe, for tests. */
  reconnect?: { timers?: Timers; watchMs?: number; probe?: (accountId: string) => Promise<boolean> };
}

export type SyncService = ReturnType<typeof createSyncService>;

export function createSyncService(deps: SyncServiceDeps) {
  const now = deps.now ?? Date.now;
  const running = new Map<string, Running>();
  /** On-demand org event runs, by `<accountId> <organizationId>`; they run beside the account's sync. */
  const orgRuns = new Map<
    string,
    { runId: string; accountId: string; controller: AbortController; done: Promise<number> }
  >();
  const lastRuns = new Map<string, NonNullable<SyncStatus['lastRun']>>();
  let lastRequestAt = now();

  function start(input: { accountId?: string | undefined; state: SyncState; force?: boolean }) {
    const accountId = input.accountId ?? deps.session.activeAccountId();
    if (!accountId) throw new DeskError('unauthorized', 'Sign in first.');
    deps.session.keyRing(accountId); // throws while locked
    const current = running.get(accountId);
    if (current) return { runId: current.runId, alreadyRunning: true, done: current.done };
    const runId = randomUUID();
    const controller = new AbortController();
    const finish = (outcome: RunOutcome, error: unknown) => {
      running.delete(accountId);
      // Offline: start the backoff now rather than at the next watch.
      if (outcome === 'failed') reconnect.check();
      const message = outcome === 'done' ? null : describe(error, outcome);
      lastRuns.set(accountId, { runId, outcome, finishedAt: new Date(now()).toISOString(), message });
      if (outcome !== 'done') {
        deps.emit('sync.progress', {
          accountId,
          runId,
          phase: outcome,
          providerId: null,
          fetched: 0,
          message,
          code: error instanceof DeskError ? error.code : outcome === 'cancelled' ? null : 'internal',
          at: new Date(now()).toISOString(),
        });
      }
      return outcome;
    };
    const done = runSync({
      accountId,
      runId,
      state: input.state,
      force: input.force ?? false,
      call: (fn) => deps.session.authorized(accountId, fn),
      keyRing: () => deps.session.keyRing(accountId),
      emit: deps.emit,
      signal: controller.signal,
      now,
      ...deps.runOptions,
    }).then(
      () => finish('done', null),
      (error: unknown) => finish(controller.signal.aborted ? 'cancelled' : 'failed', error),
    );
    running.set(accountId, { runId, controller, done });
    return { runId, alreadyRunning: false, done };
  }

  /**
   * Fetches one client org's event log (on demand, when it opens) and resolves with the number of events fetched
   * once they are all delivered; a run for that org already going is joined, not doubled.
   */
  function orgEvents(input: {
    accountId?: string | undefined;
    organizationId: string;
    providerId: string;
    state: SyncState;
  }): { runId: string; alreadyRunning: boolean; done: Promise<number> } {
    const accountId = input.accountId ?? deps.session.activeAccountId();
    if (!accountId) throw new DeskError('unauthorized', 'Sign in first.');
    deps.session.keyRing(accountId); // throws while locked
    const key = `${accountId} ${input.organizationId}`;
    const current = orgRuns.get(key);
    if (current) return { runId: current.runId, alreadyRunning: true, done: current.done };
    const runId = randomUUID();
    const controller = new AbortController();
    const done = runOrgEvents({
      accountId,
      runId,
      organizationId: input.organizationId,
      providerId: input.providerId,
      state: input.state.eventScopes[orgEventScope(input.organizationId)],
      call: (fn) => deps.session.authorized(accountId, fn),
      emit: deps.emit,
      signal: controller.signal,
      now,
      ...(deps.runOptions?.eventsPerBatch ? { eventsPerBatch: deps.runOptions.eventsPerBatch } : {}),
    })
      .catch((error: unknown) => {
        if (controller.signal.aborted) throw new DeskError('unauthorized', describe(error, 'cancelled'));
        throw error instanceof DeskError ? error : new DeskError('internal', describe(error, 'failed'));
      })
      .finally(() => orgRuns.delete(key));
    orgRuns.set(key, { runId, accountId, controller, done });
    return { runId, alreadyRunning: false, done };
  }

  function status(accountId = deps.session.activeAccountId()): SyncStatus {
    const current = accountId ? running.get(accountId) : undefined;
    const interval = deps.syncIntervalMinutes();
    return {
      accountId,
      running: !!current,
      runId: current?.runId ?? null,
      lastRun: (accountId && lastRuns.get(accountId)) || null,
      nextScheduledAt: interval > 0 ? new Date(lastRequestAt + interval * 60_000).toISOString() : null,
    };
  }

  function cancel(accountId: string) {
    const reason = new DeskError('unauthorized', 'The account was locked.');
    running.get(accountId)?.controller.abort(reason);
    for (const run of orgRuns.values()) if (run.accountId === accountId) run.controller.abort(reason);
  }

  const request = (accountId: string, reason: 'login' | 'unlock' | 'interval' | 'reconnect') => {
    lastRequestAt = now();
    deps.emit('sync.requested', { accountId, reason });
  };
  const unlocked = (accountId: string) =>
    deps.session.state().accounts.some((a) => a.id === accountId && a.status === 'unlocked');

  const reconnect = createReconnector({
    accounts: () => deps.session.state().accounts,
    probe: deps.reconnect?.probe ?? probeServer,
    reconnected: (accountId) => {
      if (unlocked(accountId) && !running.has(accountId)) request(accountId, 'reconnect');
    },
    ...(deps.reconnect?.timers ? { timers: deps.reconnect.timers } : {}),
    ...(deps.reconnect?.watchMs ? { watchMs: deps.reconnect.watchMs } : {}),
  });

  /** `GET /alive` (Bitwarden's and ours, anonymous): any HTTP answer means the server is back. */
  async function probeServer(accountId: string): Promise<boolean> {
    try {
      await deps.session.authorized(accountId, ({ http }) =>
        http.send({ service: 'api', method: 'GET', path: '/alive' }),
      );
      return true;
    } catch {
      return false;
    }
  }

  const unsubscribe = deps.session.onAccountEvent((event) => {
    if (event.type === 'login' || event.type === 'unlocked')
      request(event.accountId, event.type === 'login' ? 'login' : 'unlock');
    else {
      cancel(event.accountId);
      if (event.type === 'loggedOut') {
        lastRuns.delete(event.accountId);
        reconnect.forget(event.accountId);
      }
    }
  });

  const timer = setInterval(() => {
    const minutes = deps.syncIntervalMinutes();
    const accountId = deps.session.activeAccountId();
    if (minutes <= 0 || !accountId || running.has(accountId)) return;
    if (now() - lastRequestAt < minutes * 60_000) return;
    if (unlocked(accountId)) request(accountId, 'interval');
  }, deps.tickMs ?? 30_000);
  timer.unref?.();

  return {
    start,
    orgEvents,
    status,
    cancel,
    /** The renderer reports `navigator.onLine`: coming online, offline accounts are probed at once. */
    connectivity(online: boolean): { probing: number } {
      return { probing: reconnect.networkChanged(online) };
    },
    /** An offline account's backoff: failed probes, the wait before the next one; null when not offline. */
    reconnecting: (accountId: string) => reconnect.pending(accountId),
    dispose() {
      clearInterval(timer);
      reconnect.dispose();
      unsubscribe();
      for (const accountId of new Set([...running.keys(), ...[...orgRuns.values()].map((r) => r.accountId)]))
        cancel(accountId);
    },
  };
}

function describe(error: unknown, outcome: RunOutcome): string {
  if (outcome === 'cancelled') return 'Sync stopped: the account was locked or signed out.';
  if (error instanceof DeskError) return error.message;
  // Name and message only: never inputs or data.
  console.error(`[desk] sync: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  return 'Sync failed unexpectedly. It will try again.';
}
