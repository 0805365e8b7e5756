// Issue 12: incremental event sync loses nothing. Against a real backend seeded by `seed-demo`, with the real main
// services and the renderer's real Dexie cache code (fake-indexeddb): an event dated before the newest cached one
// (written late, clock skew) still arrives with the next sync, an admin's own new action shows up after the seed,
// and the overlap each run fetches again overwrites itself instead of duplicating.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgEventScope, type ProviderEvent, type PushEventName, type SyncBatch } from '../../src-shared/contract';
import { createMemorySecretStore } from '../../src-main/platform/secretStoreMemory';
import { createSessionService, type SessionService } from '../../src-main/session/sessionService';
import { createSyncService, type SyncService } from '../../src-main/sync/syncService';
import { writeEvents } from '../../src-server/domain/events';
import { seedDemo, type SeedSummary } from '../../src-server/seed/demo';
import { startTestServer, type TestServer } from '../server/harness';
import { selfHosted } from './deskHarness';
import { RendererCacheStandIn } from './syncHarness';

const HOUR = 3600_000;
let t: TestServer;
let seeded: SeedSummary;
let session: SessionService;
let sync: SyncService;
let cache: RendererCacheStandIn;
let accountId: string;
let route: (batch: SyncBatch) => void = () => {};

beforeAll(async () => {
  t = await startTestServer('sqlite');
  seeded = await seedDemo(t.server, { clients: 3 });
  const emit = (event: PushEventName, payload: unknown) => {
    if (event === 'sync.batch') route(payload as SyncBatch);
  };
  session = createSessionService({
    secrets: createMemorySecretStore(),
    identity: { appVersion: '0.0.0-test', device: { identifier: randomUUID(), type: 8, name: 'linux' } },
    emit,
  });
  sync = createSyncService({ session, emit, syncIntervalMinutes: () => 0, runOptions: { eventsPerBatch: 100 } });
  const admin = seeded.accounts.find((a) => a.role.endsWith('provider admin') && a.password)!;
  const ready = await session.login({ server: selfHosted(t.url), email: admin.email, masterPassword: admin.password! });
  if (ready.status !== 'ready') throw new Error('expected ready');
  accountId = ready.accountId;
  cache = await RendererCacheStandIn.open(accountId);
  route = (batch) => cache.write(batch);
});
afterAll(async () => {
  sync?.dispose();
  session?.dispose();
  await cache?.drop();
  await t?.close();
});

const providerScope = () => `provider:${seeded.providerId}`;

async function syncOnce(): Promise<void> {
  const run = sync.start({ accountId, state: await cache.state(), force: true });
  expect(await run.done).toBe('done');
  await cache.settled();
}

async function serverProviderEvents(): Promise<number> {
  const row = await t.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('provider_id', '=', seeded.providerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The event as the server would send it again: everything but the cache's key and scope. */
const content = ({ key: _key, scope: _scope, ...rest }: ProviderEvent & { scope: string }) => JSON.stringify(rest);

function expectNoDuplicates(events: (ProviderEvent & { scope: string })[]) {
  expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
  expect(new Set(events.map(content)).size).toBe(events.length);
}

describe('event sync with an overlap window', () => {
  it('caches the seeded provider log, nothing dated in the future', async () => {
    await syncOnce();
    const events = await cache.events(providerScope());
    expect(events.length).toBe(await serverProviderEvents());
    expect(events.length).toBeGreaterThan(100);
    expect(Math.max(...events.map((e) => Date.parse(e.date)))).toBeLessThanOrEqual(Date.now());
    expectNoDuplicates(events);
  });

  it('fetches an event dated before the newest cached one with the next sync, duplicating nothing', async () => {
    const before = await cache.events(providerScope());
    const newest = Math.max(...before.map((e) => Date.parse(e.date)));
    const late = new Date(newest - 2 * HOUR).toISOString();
    // Written after the last sync, dated before the newest cached event (a late write, a lagging clock).
    await writeEvents(t.db, [
      { type: 1801, providerId: seeded.providerId, actingUserId: null, ipAddress: '192.0.2.99', date: late },
    ]);
    const delivered = cache.delivered;
    await syncOnce();
    const after = await cache.events(providerScope());
    expect(after.length).toBe(before.length + 1);
    expect(after.length).toBe(await serverProviderEvents());
    expect(after.some((e) => e.date === late && e.ipAddress === '192.0.2.99')).toBe(true);
    // The overlap was fetched again (more delivered than the one new event) and stored by key, not twice.
    expect(cache.delivered - delivered).toBeGreaterThan(1);
    expectNoDuplicates(after);
    expect((await cache.state()).eventScopes[providerScope()]).toMatchObject({ run: null });
  });

  it("shows the admin's own new action after the seed with the next sync", async () => {
    const email = `late-hire-${randomUUID().slice(0, 8)}@example.com`;
    const sent = await session.authorized(accountId, ({ http, token }) =>
      http.send({
        service: 'api',
        method: 'POST',
        path: `/providers/${seeded.providerId}/users/invite`,
        token,
        json: { emails: [email], type: 1 },
      }),
    );
    expect(sent.status).toBe(200);
    const invitedAt = Date.now();
    await syncOnce();
    const events = await cache.events(providerScope());
    const invited = events.filter((e) => e.type === 1800 && Math.abs(Date.parse(e.date) - invitedAt) < 60_000);
    expect(invited).toHaveLength(1);
    // It is the newest event in the log, as the admin expects to see it on top.
    expect(Math.max(...events.map((e) => Date.parse(e.date)))).toBe(Date.parse(invited[0]!.date));
    expect(events.length).toBe(await serverProviderEvents());
    expectNoDuplicates(events);
  });

  it('does the same for a client org log fetched on demand', async () => {
    const link = await t.db
      .selectFrom('provider_organizations')
      .select('organization_id')
      .where('provider_id', '=', seeded.providerId)
      .executeTakeFirstOrThrow();
    const orgId = link.organization_id;
    const scope = orgEventScope(orgId);
    const fetchOrg = async () => {
      const run = sync.orgEvents({
        accountId,
        organizationId: orgId,
        providerId: seeded.providerId,
        state: await cache.state(),
      });
      await run.done;
      await cache.settled();
      return cache.events(scope);
    };
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('organization_id', '=', orgId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const first = await fetchOrg();
    expect(first.length).toBe(await count());
    const newest = Math.max(...first.map((e) => Date.parse(e.date)));
    const late = new Date(newest - HOUR).toISOString();
    await writeEvents(t.db, [{ type: 1503, organizationId: orgId, ipAddress: '192.0.2.98', date: late }]);
    const second = await fetchOrg();
    expect(second.length).toBe(first.length + 1);
    expect(second.length).toBe(await count());
    expect(second.some((e) => e.date === late && e.ipAddress === '192.0.2.98')).toBe(true);
    expectNoDuplicates(second);
  });
});
