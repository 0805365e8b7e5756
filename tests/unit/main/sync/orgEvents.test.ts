import { describe, expect, it } from 'vitest';
import { DeskError, type PushEventName } from '../../../../src-shared/contract';
import type { WireEvent } from '../../../../src-main/bitwarden/apiSchemas';
import type { AccountEvent, SessionService } from '../../../../src-main/session/sessionService';
import { orgEventKey } from '../../../../src-main/sync/orgEvents';
import { eventKey } from '../../../../src-main/sync/providerEvents';
import { createSyncService } from '../../../../src-main/sync/syncService';

const ORG = '0f0f0f0f-0000-4000-8000-000000000001';
const PROVIDER = '1e1e1e1e-0000-4000-8000-000000000002';

function wire(i: number): WireEvent {
  return {
    type: 1500,
    date: new Date(Date.UTC(2026, 10, 20, 10, 0, i)).toISOString(),
    organizationId: ORG,
    actingUserId: 'u1',
  } as WireEvent;
}

/** A session whose API answers org event pages from `pages`, or hangs when `hang` is set. */
function fakeSession(pages: { data: WireEvent[]; continuationToken: string | null }[], hang = false) {
  const listeners = new Set<(event: AccountEvent) => void>();
  let locked = false;
  const requests: unknown[] = [];
  const session = {
    activeAccountId: () => 'acct',
    keyRing: () => {
      if (locked) throw new DeskError('unauthorized', 'locked');
      return {};
    },
    authorized: async (_id: string, fn: (a: unknown) => Promise<unknown>) =>
      fn({
        token: 't',
        http: {
          json: (request: { signal?: AbortSignal; query: unknown }) => {
            requests.push(request.query);
            if (hang)
              return new Promise((_resolve, reject) =>
                request.signal?.addEventListener('abort', () => reject(request.signal?.reason)),
              );
            return Promise.resolve(pages.shift() ?? { data: [], continuationToken: null });
          },
        },
      }),
    onAccountEvent: (listener: (event: AccountEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    session: session as unknown as SessionService,
    requests,
    lock() {
      locked = true;
      for (const listener of listeners) listener({ type: 'locked', accountId: 'acct' });
    },
  };
}

describe('org event sync (sync service)', () => {
  it('fetches every page into scope org:<id> with keys of its own, and resolves with the count', async () => {
    const f = fakeSession([
      { data: [wire(3), wire(2)], continuationToken: 'p2' },
      { data: [wire(1)], continuationToken: null },
    ]);
    const pushes: { event: PushEventName; payload: any }[] = [];
    const sync = createSyncService({
      session: f.session,
      emit: (event, payload) => pushes.push({ event, payload }),
      syncIntervalMinutes: () => 0,
      runOptions: { eventsPerBatch: 2 },
    });
    const run = sync.orgEvents({ organizationId: ORG, providerId: PROVIDER, state: { datasets: {}, eventScopes: {} } });
    expect(await run.done).toBe(3);
    expect(f.requests).toHaveLength(2);
    expect(f.requests[1]).toMatchObject({ continuationToken: 'p2' });

    const batches = pushes.filter((p) => p.event === 'sync.batch').map((p) => p.payload);
    expect(batches.map((b) => [b.scope, b.providerId, b.runId, b.events.length])).toEqual([
      [`org:${ORG}`, PROVIDER, run.runId, 2],
      [`org:${ORG}`, PROVIDER, run.runId, 1],
    ]);
    const first = batches[0].events[0];
    expect(first.key).toBe(orgEventKey(ORG, eventKey(wire(3))));
    expect(first.key).not.toBe(eventKey(wire(3)));
    expect(batches[1].state).toMatchObject({ run: null, completeThrough: wire(3).date });
    // The account's own sync is not disturbed: no progress pushes, nothing running.
    expect(pushes.some((p) => p.event === 'sync.progress')).toBe(false);
    expect(sync.status().running).toBe(false);
    sync.dispose();
  });

  it('joins a run already going for the org, and stops it when the account locks', async () => {
    const f = fakeSession([], true);
    const sync = createSyncService({ session: f.session, emit: () => {}, syncIntervalMinutes: () => 0 });
    const state = { datasets: {}, eventScopes: {} };
    const first = sync.orgEvents({ organizationId: ORG, providerId: PROVIDER, state });
    const second = sync.orgEvents({ organizationId: ORG, providerId: PROVIDER, state });
    expect(second).toMatchObject({ runId: first.runId, alreadyRunning: true });
    await Promise.resolve();
    f.lock();
    await expect(first.done).rejects.toMatchObject({ code: 'unauthorized' });
    expect(() => sync.orgEvents({ organizationId: ORG, providerId: PROVIDER, state })).toThrow(/locked/);
    sync.dispose();
  });
});
