// Reconnecting with backoff (issue 12): probes at 1 s, 2 s, 4 s … capped at 30 s while offline; the first answer
// syncs; the OS coming online probes at once. All on a fake clock: no real waiting, no timed assertions.
import { describe, expect, it } from 'vitest';
import { DeskError, type PushEventName } from '../../../../src-shared/contract';
import type { AccountEvent, SessionService } from '../../../../src-main/session/sessionService';
import { syncHandlers } from '../../../../src-main/sync/handlers';
import { createReconnector, MAX_PROBE_MS, probeDelay } from '../../../../src-main/sync/reconnect';
import { createSyncService } from '../../../../src-main/sync/syncService';
import { channels } from '../../../../src-shared/contract/channels';
import { FakeClock } from '../../../integration/syncHarness';

/** A server that is up or down, and an account whose `online` flag follows the last request, as the session's. */
function world() {
  const state = { up: false, online: true, probes: [] as number[] };
  const clock = new FakeClock();
  const probe = async () => {
    state.probes.push(clock.now);
    state.online = state.up;
    return state.up;
  };
  return { state, clock, probe };
}

describe('reconnect backoff', () => {
  it('grows 1 s, 2 s, 4 s … and caps at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(probeDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(MAX_PROBE_MS).toBe(30_000);
  });

  it('probes an offline account with growing, capped gaps; the first answer reconnects once', async () => {
    const w = world();
    const reconnected: string[] = [];
    const r = createReconnector({
      accounts: () => [{ id: 'a', online: w.state.online }],
      probe: w.probe,
      reconnected: (id) => reconnected.push(id),
      timers: w.clock,
      watchMs: 1000,
    });
    await w.clock.advance(5000);
    expect(w.state.probes).toEqual([]); // online: nothing to do

    w.state.online = false; // a request failed
    r.check();
    await w.clock.advance(120_000);
    const gaps = w.state.probes.map((at, i) => at - (i === 0 ? 5000 : w.state.probes[i - 1]!));
    expect(gaps.slice(0, 7)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(r.pending('a')).toMatchObject({ nextDelayMs: 30_000 });
    expect(reconnected).toEqual([]);

    w.state.up = true;
    const before = w.state.probes.length;
    await w.clock.advance(30_000); // within one (capped) step
    expect(w.state.probes.length).toBe(before + 1);
    expect(w.state.online).toBe(true);
    expect(reconnected).toEqual(['a']);
    expect(r.pending('a')).toBeNull();
    await w.clock.advance(120_000);
    expect(w.state.probes.length).toBe(before + 1); // no probing once online
    r.dispose();
  });

  it('probes at once when the OS reports the network back, and starts the backoff over', async () => {
    const w = world();
    const reconnected: string[] = [];
    const r = createReconnector({
      accounts: () => [{ id: 'a', online: w.state.online }],
      probe: w.probe,
      reconnected: (id) => reconnected.push(id),
      timers: w.clock,
    });
    w.state.online = false;
    r.check();
    await w.clock.advance(60_000);
    const probes = w.state.probes.length;
    expect(r.networkChanged(false)).toBe(0);
    expect(r.networkChanged(true)).toBe(1);
    await w.clock.advance(0);
    expect(w.state.probes.length).toBe(probes + 1); // right away, still down
    expect(r.pending('a')).toMatchObject({ attempt: 1, nextDelayMs: 2000 });
    w.state.up = true;
    r.networkChanged(true);
    await w.clock.advance(0);
    expect(reconnected).toEqual(['a']);
    r.dispose();
  });

  it('an account back online some other way ("Sync now") stops probing; a signed-out one is dropped', async () => {
    const w = world();
    const reconnected: string[] = [];
    let accounts = [{ id: 'a', online: false }];
    const r = createReconnector({
      accounts: () => accounts,
      probe: w.probe,
      reconnected: (id) => reconnected.push(id),
      timers: w.clock,
    });
    r.check();
    accounts = [{ id: 'a', online: true }];
    await w.clock.advance(1000); // the watch sees it first: no probe needed
    expect(reconnected).toEqual(['a']);
    expect(w.state.probes).toEqual([]);

    accounts = [{ id: 'a', online: false }];
    r.check();
    accounts = [];
    await w.clock.advance(60_000);
    expect(r.pending('a')).toBeNull();
    expect(reconnected).toEqual(['a']);
    expect(w.clock.pendingTimeouts()).toEqual([]);
    r.dispose();
  });
});

/** Enough session for the sync service: one unlocked account whose `online` flag the probe sets. */
function fakeSession(w: ReturnType<typeof world>) {
  const listeners = new Set<(event: AccountEvent) => void>();
  const session = {
    activeAccountId: () => 'acct',
    state: () => ({ accounts: [{ id: 'acct', status: 'unlocked', online: w.state.online, needsLogin: false }] }),
    keyRing: () => ({ addProviderKey: () => true, addOrgKey: () => true, hasOrgKey: () => true }),
    authorized: () => Promise.reject(new DeskError('offline', 'Cannot reach the server.')),
    onAccountEvent: (listener: (event: AccountEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return session as unknown as SessionService;
}

describe('sync service reconnect', () => {
  it('server down: offline and probing; server up: online within the backoff step, and a sync is asked for', async () => {
    const w = world();
    const pushes: { event: PushEventName; payload: any }[] = [];
    const sync = createSyncService({
      session: fakeSession(w),
      emit: (event, payload) => pushes.push({ event, payload }),
      syncIntervalMinutes: () => 0,
      reconnect: { timers: w.clock, probe: w.probe },
    });
    // The sync fails: the server is down.
    w.state.online = false;
    const run = sync.start({ state: { datasets: {}, eventScopes: {} } });
    expect(await run.done).toBe('failed');
    await w.clock.advance(1000 + 2000 + 4000);
    expect(w.state.probes).toHaveLength(3);
    expect(pushes.filter((p) => p.event === 'sync.requested')).toEqual([]);

    w.state.up = true;
    await w.clock.advance(8000); // the next step
    expect(w.state.online).toBe(true);
    expect(pushes.filter((p) => p.event === 'sync.requested').map((p) => p.payload)).toEqual([
      { accountId: 'acct', reason: 'reconnect' },
    ]);
    sync.dispose();
  });

  it('sync.connectivity: validated input, and the OS coming online probes at once', async () => {
    const w = world();
    const pushes: { event: PushEventName; payload: any }[] = [];
    const sync = createSyncService({
      session: fakeSession(w),
      emit: (event, payload) => pushes.push({ event, payload }),
      syncIntervalMinutes: () => 0,
      reconnect: { timers: w.clock, probe: w.probe },
    });
    const handlers = syncHandlers(sync);
    expect(channels['sync.connectivity'].input.safeParse({ online: 'yes' }).success).toBe(false);
    expect(channels['sync.connectivity'].input.safeParse({ online: true, extra: 1 }).success).toBe(false);
    const online = channels['sync.connectivity'].input.parse({ online: true });

    expect(await handlers['sync.connectivity'](online)).toEqual({ probing: 0 }); // nobody offline
    w.state.online = false;
    w.state.up = true;
    expect(await handlers['sync.connectivity'](online)).toEqual({ probing: 1 });
    await w.clock.advance(0);
    expect(w.state.probes).toEqual([0]);
    expect(pushes.filter((p) => p.event === 'sync.requested').map((p) => p.payload.reason)).toEqual(['reconnect']);
    sync.dispose();
  });
});
