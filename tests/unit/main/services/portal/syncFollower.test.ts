// After a change the cache follows: a forced sync from the state the renderer last handed over plus the batches it
// got since; before the renderer ever started a sync, main asks it for one instead.
import { describe, expect, it } from 'vitest';
import type { PushEventName, SyncState } from '../../../../../src-shared/contract';
import { createSyncFollower } from '../../../../../src-main/services/portal/syncFollower';
import type { RunOutcome } from '../../../../../src-main/sync/syncService';

function setup() {
  const starts: { accountId?: string | undefined; state: SyncState; force?: boolean }[] = [];
  const pushes: { event: PushEventName; payload: unknown }[] = [];
  let running: { finish: () => void; done: Promise<RunOutcome> } | null = null;
  const sync = {
    start(input: { accountId?: string | undefined; state: SyncState; force?: boolean }) {
      if (running) return { alreadyRunning: true, done: running.done };
      starts.push(input);
      let finish = () => {};
      const done = new Promise<RunOutcome>((resolve) => (finish = () => resolve('done')));
      running = {
        finish: () => {
          running = null;
          finish();
        },
        done,
      };
      return { alreadyRunning: false, done };
    },
  };
  const follower = createSyncFollower({ sync, emit: (event, payload) => pushes.push({ event, payload }) });
  return { follower, starts, pushes, finish: () => running?.finish() };
}

const empty = (): SyncState => ({ datasets: {}, eventScopes: {} });
const scope = { completeThrough: '2026-01-01T00:00:00.000Z', boundaryKeys: ['k'], run: null };

describe('sync follower', () => {
  it('asks the renderer for a sync when it has not started one yet', () => {
    const f = setup();
    f.follower.refresh('acct');
    expect(f.starts).toEqual([]);
    expect(f.pushes).toEqual([{ event: 'sync.requested', payload: { accountId: 'acct', reason: 'interval' } }]);
  });

  it('forces a sync from the renderer state plus the batches written since', () => {
    const f = setup();
    f.follower.noteStart('acct', { datasets: { profile: { lastSyncedAt: 'a' } }, eventScopes: {} });
    f.follower.noteBatch({
      accountId: 'acct',
      runId: 'r',
      kind: 'clients',
      dataset: 'clients:p',
      providerId: 'p',
      syncedAt: 'b',
      clients: [],
    });
    f.follower.noteBatch({
      accountId: 'acct',
      runId: 'r',
      kind: 'events',
      scope: 'provider:p',
      providerId: 'p',
      events: [],
      state: scope,
    });
    f.follower.noteBatch({
      accountId: 'other',
      runId: 'r',
      kind: 'events',
      scope: 'x',
      providerId: 'p',
      events: [],
      state: scope,
    });
    f.finish();
    f.follower.refresh('acct');
    expect(f.starts).toEqual([
      {
        accountId: 'acct',
        force: true,
        state: {
          datasets: { profile: { lastSyncedAt: 'a' }, 'clients:p': { lastSyncedAt: 'b' } },
          eventScopes: { 'provider:p': scope },
        },
      },
    ]);
  });

  it('runs once more after a sync that was already running, however many changes came meanwhile', async () => {
    const f = setup();
    f.follower.noteStart('acct', empty());
    f.follower.refresh('acct'); // starts run 1
    f.follower.refresh('acct'); // joins: waits for run 1
    f.follower.refresh('acct'); // already waiting
    expect(f.starts).toHaveLength(1);
    f.finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(f.starts).toHaveLength(2);
  });

  it('forgets a logged-out account', () => {
    const f = setup();
    f.follower.noteStart('acct', empty());
    f.follower.forget('acct');
    f.follower.refresh('acct');
    expect(f.starts).toEqual([]);
    expect(f.pushes).toHaveLength(1);
  });
});
