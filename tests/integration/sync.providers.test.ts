// Sync against a real backend with a provider: profile, clients, members and events reach the renderer as
// display data; events sync incrementally; a server stopped mid-sync and restarted resumes without duplicates.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEventName, SyncBatch } from '../../src-shared/contract';
import { gotTransport, type Transport } from '../../src-main/bitwarden/http';
import { createMemorySecretStore } from '../../src-main/platform/secretStoreMemory';
import { createSessionService } from '../../src-main/session/sessionService';
import { createSyncService } from '../../src-main/sync/syncService';
import { createServer, type ProviderDeskServer } from '../../src-server/app';
import { parseConfig, type ServerConfigInput } from '../../src-server/config';
import { writeEvents } from '../../src-server/domain/events';
import { startTestServer, TEST_CONFIG, type TestServer } from '../server/harness';
import { addMember, createClient, createProvider, newUser, type TestProvider } from '../server/providers/fixtures';
import type { TestUser } from '../server/users';
import { selfHosted, startDesk } from './deskHarness';
import { CacheStandIn } from './syncHarness';

let t: TestServer;
let provider: TestProvider;
let service: TestUser;
const clientNames = ['Contoso', 'Fabrikam'];

async function addProviderEvents(count: number, startMs: number) {
  const events = Array.from({ length: count }, (_, i) => ({
    type: 1800 + (i % 4),
    providerId: provider.id,
    providerUserId: provider.adminProviderUserId,
    actingUserId: provider.admin.id,
    ipAddress: '192.0.2.1',
    date: new Date(startMs + i * 1000).toISOString(),
  }));
  await writeEvents(t.db, events);
}

async function providerEventCount(): Promise<number> {
  const row = await t.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('provider_id', '=', provider.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await startTestServer('sqlite');
  provider = await createProvider(t, { name: 'Acme MSP' });
  for (const name of clientNames) await createClient(t, provider, { name });
  service = await newUser(t, 'Service');
  await addMember(t, provider, service, 1);
  await addProviderEvents(230, Date.now() - 5 * 24 * 3600_000);
});
afterAll(async () => {
  // The interrupted-sync test stops this server itself; closing again only removes the data folder.
  await t?.close().catch(() => {});
});

describe('sync through the desk', () => {
  it('delivers profile, clients, members and every provider event to the cache, display data only', async () => {
    const d = startDesk();
    const cache = new CacheStandIn();
    d.desk.subscribe((event, payload) => {
      if (event === 'sync.batch') cache.write(payload as SyncBatch);
    });
    const ready = await d.call('session.login', {
      server: selfHosted(t.url),
      email: provider.admin.email,
      masterPassword: provider.admin.password,
    });
    if (ready.status !== 'ready') throw new Error('expected ready');
    const { runId } = await d.call('sync.start', { state: cache.snapshot() });
    await waitFor(() =>
      d.pushed('sync.progress').some((p) => p.runId === runId && ['done', 'failed'].includes(p.phase)),
    );
    expect(d.pushed('sync.progress').at(-1)).toMatchObject({ phase: 'done' });

    const profile = cache.batches.find((b) => b.kind === 'profile');
    expect(profile).toMatchObject({
      profile: {
        providers: [expect.objectContaining({ id: provider.id, name: 'Acme MSP', userType: 0, userStatus: 2 })],
      },
    });
    const clients = cache.clients.get(provider.id) ?? [];
    expect(clients.map((c) => c.name).sort()).toEqual(clientNames);
    expect(clients.every((c) => c.keyAvailable)).toBe(true);
    expect((cache.members.get(provider.id) ?? []).map((m) => m.email).sort()).toEqual(
      [provider.admin.email, service.email].sort(),
    );
    expect(cache.events.size).toBe(await providerEventCount());
    expect(cache.delivered).toBe(cache.events.size);
    expect(cache.state.eventScopes[`provider:${provider.id}`]).toMatchObject({
      run: null,
      completeThrough: expect.any(String),
    });
    expect(JSON.stringify(d.pushes)).not.toMatch(/"[0-9]\.[A-Za-z0-9+/=]{16,}\|/);

    const status = await d.call('sync.status');
    expect(status).toMatchObject({ running: false, lastRun: { runId, outcome: 'done' } });
    d.dispose();
  });

  it('gives a service user the clients, and skips members and events', async () => {
    const d = startDesk();
    const cache = new CacheStandIn();
    d.desk.subscribe((event, payload) => event === 'sync.batch' && cache.write(payload as SyncBatch));
    await d.call('session.login', {
      server: selfHosted(t.url),
      email: service.email,
      masterPassword: service.password,
    });
    const { runId } = await d.call('sync.start', { state: cache.snapshot() });
    await waitFor(() =>
      d.pushed('sync.progress').some((p) => p.runId === runId && ['done', 'failed'].includes(p.phase)),
    );
    expect(d.pushed('sync.progress').at(-1)).toMatchObject({ phase: 'done' });
    expect(cache.clients.get(provider.id)?.length).toBe(2);
    expect(cache.members.size).toBe(0);
    expect(cache.events.size).toBe(0);
    d.dispose();
  });
});

describe('interrupted sync', () => {
  it('resumes after the server was stopped mid-sync and restarted, without duplicates, then syncs only what is new', async () => {
    const port = Number(new URL(t.url).port);
    let stopAfterFirstEvents = true;
    let stopping: Promise<void> | null = null;
    // The real transport; once the stop began, the next request waits until the server is down.
    const transport: Transport = async (request) => {
      if (stopping) await stopping;
      return gotTransport(request);
    };
    const cache = new CacheStandIn();
    const progress: any[] = [];
    const emit = (event: PushEventName, payload: unknown) => {
      if (event === 'sync.progress') progress.push(payload);
      if (event !== 'sync.batch') return;
      cache.write(payload as SyncBatch);
      if (stopAfterFirstEvents && (payload as SyncBatch).kind === 'events') {
        stopAfterFirstEvents = false;
        stopping = t.server.close();
      }
    };
    const session = createSessionService({
      secrets: createMemorySecretStore(),
      identity: { appVersion: '0.0.0-test', device: { identifier: randomUUID(), type: 8, name: 'linux' } },
      transport,
      emit,
    });
    const sync = createSyncService({ session, emit, syncIntervalMinutes: () => 0, runOptions: { eventsPerBatch: 50 } });
    let restarted: ProviderDeskServer | null = null;
    try {
      const ready = await session.login({
        server: selfHosted(t.url),
        email: provider.admin.email,
        masterPassword: provider.admin.password,
      });
      if (ready.status !== 'ready') throw new Error('expected ready');
      const total = await providerEventCount();

      const first = sync.start({ state: cache.snapshot() });
      expect(await first.done).toBe('failed');
      expect(progress.at(-1)).toMatchObject({ phase: 'failed', code: 'offline' });
      const scope = cache.state.eventScopes[`provider:${provider.id}`];
      expect(scope?.run?.continuationToken).toBeTruthy();
      const deliveredBefore = cache.delivered;
      expect(deliveredBefore).toBe(50);

      const config = parseConfig({ ...TEST_CONFIG, dataDir: t.dataDir, port } as ServerConfigInput);
      restarted = await createServer(config);
      await restarted.listen();
      t.db = restarted.ctx.db;
      stopping = null;

      const second = sync.start({ state: cache.snapshot() });
      expect(await second.done).toBe('done');
      expect(cache.events.size).toBe(total);
      expect(cache.delivered).toBe(total); // nothing fetched twice
      expect(cache.state.eventScopes[`provider:${provider.id}`]?.run).toBeNull();

      await addProviderEvents(3, Date.now() + 1000);
      const batchesBefore = cache.batches.length;
      const third = sync.start({ state: cache.snapshot() });
      expect(await third.done).toBe('done');
      // Snapshots synced moments ago are not fetched again; events from an overlap before where the cache is
      // complete (events written late are not lost): the overlap comes again and is stored by key, not twice.
      expect(cache.batches.slice(batchesBefore).map((b) => b.kind)).toEqual(['profile', 'events']);
      expect(cache.delivered).toBeGreaterThanOrEqual(total + 3);
      expect(cache.delivered).toBeLessThan(2 * total); // the overlap, not the whole log again
      expect(cache.events.size).toBe(total + 3);
    } finally {
      sync.dispose();
      session.dispose();
      await restarted?.close();
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
