import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskError, type PushEventName } from '../../../../src-shared/contract';
import type { AccountEvent, SessionService } from '../../../../src-main/session/sessionService';
import { createSyncService } from '../../../../src-main/sync/syncService';

/** Just enough session for the scheduler: one account whose API calls hang until released. */
function fakeSession() {
  const listeners = new Set<(event: AccountEvent) => void>();
  let unlocked = true;
  let release: () => void = () => {};
  const session = {
    activeAccountId: () => 'acct',
    state: () => ({ accounts: [{ id: 'acct', status: unlocked ? 'unlocked' : 'locked' }] }),
    keyRing: () => {
      if (!unlocked) throw new DeskError('unauthorized', 'This account is locked. Unlock it first.');
      return { addProviderKey: () => true, addOrgKey: () => true, hasOrgKey: () => true };
    },
    authorized: () => new Promise((_resolve, reject) => (release = () => reject(new DeskError('offline', 'gone')))),
    onAccountEvent: (listener: (event: AccountEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    session: session as unknown as SessionService,
    fire: (event: AccountEvent) => {
      if (event.type === 'locked') unlocked = false;
      if (event.type === 'unlocked') unlocked = true;
      for (const listener of listeners) listener(event);
    },
    release: () => release(),
  };
}

afterEach(() => vi.useRealTimers());

describe('sync service', () => {
  it('runs one sync per account; a second start joins it', async () => {
    const f = fakeSession();
    const pushes: { event: PushEventName; payload: any }[] = [];
    const sync = createSyncService({
      session: f.session,
      emit: (event, payload) => pushes.push({ event, payload }),
      syncIntervalMinutes: () => 0,
    });
    const first = sync.start({ state: { datasets: {}, eventScopes: {} } });
    const second = sync.start({ state: { datasets: {}, eventScopes: {} } });
    expect(second).toMatchObject({ runId: first.runId, alreadyRunning: true });
    expect(sync.status()).toMatchObject({
      accountId: 'acct',
      running: true,
      runId: first.runId,
      nextScheduledAt: null,
    });
    f.release();
    expect(await first.done).toBe('failed');
    expect(sync.status()).toMatchObject({
      running: false,
      lastRun: { runId: first.runId, outcome: 'failed', message: 'gone' },
    });
    expect(pushes.at(-1)).toMatchObject({ event: 'sync.progress', payload: { phase: 'failed', code: 'offline' } });
    sync.dispose();
  });

  it('asks the renderer for a sync after sign-in and unlock; locking cancels a running one', async () => {
    const f = fakeSession();
    const pushes: { event: PushEventName; payload: any }[] = [];
    const sync = createSyncService({
      session: f.session,
      emit: (event, payload) => pushes.push({ event, payload }),
      syncIntervalMinutes: () => 0,
    });
    f.fire({ type: 'login', accountId: 'acct' });
    f.fire({ type: 'unlocked', accountId: 'acct' });
    expect(pushes.filter((p) => p.event === 'sync.requested').map((p) => p.payload)).toEqual([
      { accountId: 'acct', reason: 'login' },
      { accountId: 'acct', reason: 'unlock' },
    ]);
    const run = sync.start({ state: { datasets: {}, eventScopes: {} } });
    f.fire({ type: 'locked', accountId: 'acct' });
    f.release();
    expect(await run.done).toBe('cancelled');
    expect(() => sync.start({ state: { datasets: {}, eventScopes: {} } })).toThrow(/locked/);
    sync.dispose();
  });

  it('asks again every syncIntervalMinutes while the active account is unlocked', () => {
    vi.useFakeTimers();
    const f = fakeSession();
    const requested: unknown[] = [];
    let minutes = 5;
    const sync = createSyncService({
      session: f.session,
      emit: (event, payload) => event === 'sync.requested' && requested.push(payload),
      syncIntervalMinutes: () => minutes,
      tickMs: 30_000,
    });
    vi.advanceTimersByTime(4 * 60_000);
    expect(requested).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(requested).toEqual([{ accountId: 'acct', reason: 'interval' }]);
    minutes = 0;
    vi.advanceTimersByTime(60 * 60_000);
    expect(requested).toHaveLength(1);
    sync.dispose();
  });
});
