import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventScopeState, SyncBatch } from '$shared/contract/sync';
import { accountCache, dropAccountCache } from '$lib/cache/accountCache';
import { orgEventsDataset, syncOrgEvents } from '$lib/eventLog/orgEventSync';
import { installFakeDesk } from '../fakes/desk';
import { event } from './eventLogFixtures';

const accountId = 'acct-org-sync';
const organizationId = 'org-contoso';
const scope = `org:${organizationId}`;
const stored: EventScopeState = { completeThrough: '2026-11-01T00:00:00.000Z', boundaryKeys: ['k'], run: null };

afterEach(() => dropAccountCache(accountId));

function batch(scopeName: string, count: number): SyncBatch {
  return {
    kind: 'events',
    accountId,
    runId: 'run-1',
    scope: scopeName,
    providerId: 'prov-1',
    events: Array.from({ length: count }, () => event({})),
    state: stored,
  };
}

describe('syncOrgEvents', () => {
  it("hands main the org scope's stored state, counts only its batches, and records when it was fetched", async () => {
    await accountCache(accountId).eventScopes.put({ scope, state: stored });
    const progress: number[] = [];
    const desk = installFakeDesk({
      'sync.start': () => {
        desk.emit('sync.batch', batch(scope, 3));
        desk.emit('sync.batch', batch('provider:prov-1', 7));
        desk.emit('sync.batch', batch(scope, 2));
        return { runId: 'run-1', alreadyRunning: false, fetched: 5 };
      },
    });

    expect(
      await syncOrgEvents({ accountId, providerId: 'prov-1', organizationId, onProgress: (n) => progress.push(n) }),
    ).toBe(5);
    expect(progress).toEqual([3, 5]);
    expect(desk.calls[0]).toEqual({
      channel: 'sync.start',
      input: {
        accountId,
        state: { datasets: {}, eventScopes: { [scope]: stored } },
        orgEvents: { organizationId, providerId: 'prov-1' },
      },
    });
    const dataset = await accountCache(accountId).datasets.get(orgEventsDataset(organizationId));
    expect(Date.now() - Date.parse(dataset!.lastSyncedAt)).toBeLessThan(5_000);
    expect(desk.listenerCount('sync.batch')).toBe(0);
  });

  it('passes main’s error on and records nothing', async () => {
    const desk = installFakeDesk({
      'sync.start': () => {
        throw new Error('[offline] Cannot reach the server');
      },
    });
    await expect(syncOrgEvents({ accountId, providerId: 'prov-1', organizationId })).rejects.toMatchObject({
      code: 'offline',
    });
    expect(await accountCache(accountId).datasets.get(orgEventsDataset(organizationId))).toBeUndefined();
    expect(desk.listenerCount('sync.batch')).toBe(0);
  });
});
