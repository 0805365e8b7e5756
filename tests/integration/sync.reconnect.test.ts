// Issue 12: reconnecting with backoff against a real backend. The server stops: a sync fails, the account is
// offline and main probes it on a backoff (a fake clock: no waiting on timers, no timed assertions). The server
// comes back: the next probe finds it, the account is online and main asks for a sync, which then runs.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEventName, SyncBatch } from '../../src-shared/contract';
import { createMemorySecretStore } from '../../src-main/platform/secretStoreMemory';
import { createSessionService } from '../../src-main/session/sessionService';
import { createSyncService } from '../../src-main/sync/syncService';
import { createServer, type ProviderDeskServer } from '../../src-server/app';
import { parseConfig, type ServerConfigInput } from '../../src-server/config';
import { startTestServer, TEST_CONFIG, type TestServer } from '../server/harness';
import { createClient, createProvider, type TestProvider } from '../server/providers/fixtures';
import { selfHosted } from './deskHarness';
import { CacheStandIn, FakeClock } from './syncHarness';

let t: TestServer;
let provider: TestProvider;
let restarted: ProviderDeskServer | null = null;

beforeAll(async () => {
  t = await startTestServer('sqlite');
  provider = await createProvider(t, { name: 'Reconnect MSP' });
  await createClient(t, provider, { name: 'Contoso' });
});
afterAll(async () => {
  await restarted?.close();
  await t?.close().catch(() => {});
});

async function until(condition: () => boolean, what: string) {
  // Waits on real I/O (the probe's HTTP request), not on any timer of the code under test.
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`never happened: ${what}`);
}

describe('reconnect', () => {
  it('goes offline with the server, probes on a backoff, and is online and syncing within a step of its return', async () => {
    const clock = new FakeClock();
    const pushes: { event: PushEventName; payload: any }[] = [];
    const cache = new CacheStandIn();
    const emit = (event: PushEventName, payload: unknown) => {
      pushes.push({ event, payload });
      if (event === 'sync.batch') cache.write(payload as SyncBatch);
    };
    const session = createSessionService({
      secrets: createMemorySecretStore(),
      identity: { appVersion: '0.0.0-test', device: { identifier: randomUUID(), type: 8, name: 'linux' } },
      emit,
    });
    const sync = createSyncService({ session, emit, syncIntervalMinutes: () => 0, reconnect: { timers: clock } });
    try {
      const ready = await session.login({
        server: selfHosted(t.url),
        email: provider.admin.email,
        masterPassword: provider.admin.password,
      });
      if (ready.status !== 'ready') throw new Error('expected ready');
      const accountId = ready.accountId;
      const online = () => session.state().accounts.find((a) => a.id === accountId)?.online;
      expect(await sync.start({ state: cache.snapshot() }).done).toBe('done');

      // The server goes away: the next sync fails and the account is offline, with a probe due in 1 s.
      const port = Number(new URL(t.url).port);
      await t.server.close();
      expect(await sync.start({ state: cache.snapshot(), force: true }).done).toBe('failed');
      expect(online()).toBe(false);
      expect(sync.reconnecting(accountId)).toMatchObject({ attempt: 0, nextDelayMs: 1000 });

      // Probes while it is down fail, and the wait doubles.
      for (const [step, next] of [
        [1000, 2000],
        [2000, 4000],
      ] as const) {
        await clock.advance(step);
        await until(() => sync.reconnecting(accountId)?.nextDelayMs === next, `backoff ${next}`);
      }
      expect(online()).toBe(false);
      const reconnects = () => pushes.filter((p) => p.event === 'sync.requested' && p.payload.reason === 'reconnect');
      expect(reconnects()).toEqual([]);

      // Back on the same port: within the next step the probe answers.
      const config = parseConfig({ ...TEST_CONFIG, dataDir: t.dataDir, port } as ServerConfigInput);
      restarted = await createServer(config);
      await restarted.listen();
      t.db = restarted.ctx.db;
      await clock.advance(4000);
      await until(() => reconnects().length > 0, 'sync requested');
      expect(online()).toBe(true);
      expect(sync.reconnecting(accountId)).toBeNull();
      expect(reconnects().map((p) => p.payload)).toEqual([{ accountId, reason: 'reconnect' }]);
      expect(pushes.filter((p) => p.event === 'connection.changed').map((p) => p.payload.online)).toEqual([
        false,
        true,
      ]);
      // The renderer answers the request as usual, and the sync runs.
      expect(await sync.start({ state: cache.snapshot(), force: true }).done).toBe('done');
    } finally {
      sync.dispose();
      session.dispose();
    }
  });
});
