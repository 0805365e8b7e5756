// A client org's event log synced on demand (`sync.start` with `orgEvents`) against a real backend: into scope
// `org:<organizationId>`, only that org's events, incrementally, resumable after an interruption, no duplicates.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEventName, SyncBatch } from '../../src-shared/contract';
import { gotTransport, type Transport } from '../../src-main/bitwarden/http';
import { createMemorySecretStore } from '../../src-main/platform/secretStoreMemory';
import { createSessionService } from '../../src-main/session/sessionService';
import { createSyncService } from '../../src-main/sync/syncService';
import { writeEvents } from '../../src-server/domain/events';
import { startTestServer, type TestServer } from '../server/harness';
import {
  addMember,
  createClient,
  createProvider,
  newUser,
  type TestClient,
  type TestProvider,
} from '../server/providers/fixtures';
import type { TestUser } from '../server/users';
import { selfHosted, startDesk } from './deskHarness';
import { CacheStandIn } from './syncHarness';

const DAY = 24 * 3600_000;
let t: TestServer;
let provider: TestProvider;
let contoso: TestClient;
let fabrikam: TestClient;
let service: TestUser;

async function addOrgEvents(orgId: string, count: number, startMs: number) {
  await writeEvents(
    t.db,
    Array.from({ length: count }, (_, i) => ({
      type: 1500 + (i % 4),
      organizationId: orgId,
      actingUserId: provider.admin.id,
      ipAddress: '192.0.2.7',
      date: new Date(startMs + i * 1000).toISOString(),
    })),
  );
}

async function orgEventCount(orgId: string): Promise<number> {
  const row = await t.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await startTestServer('sqlite');
  provider = await createProvider(t, { name: 'Org Events MSP' });
  contoso = await createClient(t, provider, { name: 'Contoso' });
  fabrikam = await createClient(t, provider, { name: 'Fabrikam' });
  service = await newUser(t, 'Service');
  await addMember(t, provider, service, 1);
  await addOrgEvents(contoso.orgId, 130, Date.now() - 3 * DAY);
  await addOrgEvents(fabrikam.orgId, 20, Date.now() - 2 * DAY);
});
afterAll(async () => {
  await t?.close();
});

async function signedIn(email: string, password: string) {
  const d = startDesk();
  const cache = new CacheStandIn();
  d.desk.subscribe((event, payload) => event === 'sync.batch' && cache.write(payload as SyncBatch));
  const ready = await d.call('session.login', { server: selfHosted(t.url), email, masterPassword: password });
  if (ready.status !== 'ready') throw new Error('expected ready');
  return { d, cache };
}

describe('org events through the desk', () => {
  it('fetches one client org log into its own scope, answers when done, then only what is new', async () => {
    const { d, cache } = await signedIn(provider.admin.email, provider.admin.password);
    const scope = `org:${contoso.orgId}`;
    const orgEvents = { organizationId: contoso.orgId, providerId: provider.id };

    const first = await d.call('sync.start', { state: cache.snapshot(), orgEvents });
    const total = await orgEventCount(contoso.orgId);
    expect(total).toBeGreaterThanOrEqual(130);
    expect(first).toMatchObject({ alreadyRunning: false, fetched: total });
    expect(cache.events.size).toBe(total);
    expect(cache.delivered).toBe(total);
    expect([...cache.events.values()].every((e) => e.organizationId === contoso.orgId)).toBe(true);
    const batches = cache.batches.filter((b) => b.kind === 'events');
    expect(batches.every((b) => b.kind === 'events' && b.scope === scope && b.runId === first.runId)).toBe(true);
    expect(cache.batches.some((b) => b.kind !== 'events')).toBe(false); // no full sync ran
    expect(cache.state.eventScopes[scope]).toMatchObject({ run: null, completeThrough: expect.any(String) });
    // Display data only: no sync.progress for the account's sync, no EncStrings.
    expect(d.pushed('sync.progress')).toEqual([]);
    expect(JSON.stringify(d.pushes)).not.toMatch(/"[0-9]\.[A-Za-z0-9+/=]{16,}\|/);

    await addOrgEvents(contoso.orgId, 3, Date.now() + 1000);
    await d.call('sync.start', { state: cache.snapshot(), orgEvents });
    expect(cache.delivered).toBe(total + 3);
    expect(cache.events.size).toBe(total + 3);
    d.dispose();
  });

  it('keeps the provider log and the org log apart when the provider log holds the same org events', async () => {
    const { d, cache } = await signedIn(provider.admin.email, provider.admin.password);
    // Org events a provider user performed carry the provider id too, so SQL servers list them in both logs.
    await writeEvents(t.db, [
      {
        type: 1603,
        organizationId: contoso.orgId,
        providerId: provider.id,
        actingUserId: provider.admin.id,
        date: new Date(Date.now() - DAY).toISOString(),
      },
    ]);
    const { runId } = await d.call('sync.start', { state: cache.snapshot() });
    await waitFor(() =>
      d.pushed('sync.progress').some((p) => p.runId === runId && ['done', 'failed'].includes(p.phase)),
    );
    const inProvider = cache.batches.flatMap((b) => (b.kind === 'events' ? b.events : []));
    const shared = inProvider.find((e) => e.type === 1603 && e.organizationId === contoso.orgId);
    expect(shared).toBeDefined();

    await d.call('sync.start', {
      state: cache.snapshot(),
      orgEvents: { organizationId: contoso.orgId, providerId: provider.id },
    });
    const orgBatches = cache.batches.filter((b) => b.kind === 'events' && b.scope === `org:${contoso.orgId}`);
    const inOrg = orgBatches.flatMap((b) => (b.kind === 'events' ? b.events : []));
    const same = inOrg.filter((e) => e.type === 1603 && e.date === shared!.date);
    expect(same).toHaveLength(1);
    expect(same[0]!.key).not.toBe(shared!.key);
    // Both rows survive in a cache keyed by `key`.
    expect(cache.events.get(shared!.key)).toBeDefined();
    expect(cache.events.get(same[0]!.key)).toBeDefined();
    d.dispose();
  });

  it('lets a service user read a client org log too', async () => {
    const { d, cache } = await signedIn(service.email, service.password);
    const result = await d.call('sync.start', {
      state: cache.snapshot(),
      orgEvents: { organizationId: fabrikam.orgId, providerId: provider.id },
    });
    expect(result.fetched).toBe(await orgEventCount(fabrikam.orgId));
    expect(cache.events.size).toBe(result.fetched);
    expect([...cache.events.values()].every((e) => e.organizationId === fabrikam.orgId)).toBe(true);
    d.dispose();
  });

  it('refuses an org that is not a client of the provider the user belongs to', async () => {
    const { d, cache } = await signedIn(service.email, service.password);
    const other = await createProvider(t, { name: 'Someone else' });
    const foreign = await createClient(t, other, { name: 'Foreign' });
    await expect(
      d.call('sync.start', {
        state: cache.snapshot(),
        orgEvents: { organizationId: foreign.orgId, providerId: provider.id },
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/forbidden|not_found/) });
    expect(cache.events.size).toBe(0);
    d.dispose();
  });
});

describe('interrupted org event sync', () => {
  it('resumes from its continuation token without duplicates', async () => {
    let refuseNextPage = false;
    let eventRequests = 0;
    // The real transport; after the first page of events, one request is refused, as if the link dropped.
    const transport: Transport = async (request) => {
      if (request.url.includes('/events')) {
        eventRequests += 1;
        if (refuseNextPage) {
          refuseNextPage = false;
          return { status: 403, headers: {}, text: '{"message":"Connection dropped (test)"}' };
        }
      }
      return gotTransport(request);
    };
    const cache = new CacheStandIn();
    const emit = (event: PushEventName, payload: unknown) => {
      if (event !== 'sync.batch') return;
      cache.write(payload as SyncBatch);
      if (cache.batches.length === 1) refuseNextPage = true;
    };
    const session = createSessionService({
      secrets: createMemorySecretStore(),
      identity: { appVersion: '0.0.0-test', device: { identifier: randomUUID(), type: 8, name: 'linux' } },
      transport,
      emit,
    });
    const sync = createSyncService({ session, emit, syncIntervalMinutes: () => 0, runOptions: { eventsPerBatch: 50 } });
    try {
      const ready = await session.login({
        server: selfHosted(t.url),
        email: provider.admin.email,
        masterPassword: provider.admin.password,
      });
      if (ready.status !== 'ready') throw new Error('expected ready');
      const request = { organizationId: contoso.orgId, providerId: provider.id };
      const scope = `org:${contoso.orgId}`;

      const first = sync.orgEvents({ ...request, state: cache.snapshot() });
      const again = sync.orgEvents({ ...request, state: cache.snapshot() });
      expect(again).toMatchObject({ runId: first.runId, alreadyRunning: true });
      await expect(first.done).rejects.toMatchObject({ code: 'forbidden' });
      expect(cache.delivered).toBe(50);
      expect(cache.state.eventScopes[scope]?.run?.continuationToken).toBeTruthy();
      const requestsBefore = eventRequests;

      const total = await orgEventCount(contoso.orgId);
      const second = sync.orgEvents({ ...request, state: cache.snapshot() });
      expect(second.alreadyRunning).toBe(false);
      expect(await second.done).toBe(total - 50);
      expect(cache.events.size).toBe(total);
      expect(cache.delivered).toBe(total); // nothing fetched twice
      expect(eventRequests - requestsBefore).toBe(Math.ceil((total - 50) / 50));
      expect(cache.state.eventScopes[scope]?.run).toBeNull();
    } finally {
      sync.dispose();
      session.dispose();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
