import { describe, expect, it } from 'vitest';
import { DeskError, type PushEventName, type SyncBatch, type SyncState } from '../../../../src-shared/contract';
import { BitwardenHttp } from '../../../../src-main/bitwarden/http';
import type { Authorized } from '../../../../src-main/bitwarden/providerApi';
import { resolveEnvironment } from '../../../../src-main/bitwarden/environments';
import {
  generateSymmetricKey,
  makeClientOrganization,
  makeProviderSetup,
  rsaGenerateKeyPair,
} from '../../../../src-main/crypto';
import { KeyRing } from '../../../../src-main/session/keyRing';
import { runSync } from '../../../../src-main/sync/syncEngine';
import { pascal, PROFILE, PROVIDER_ORGANIZATIONS } from '../bitwarden/recordedShapes';

const PID = PROFILE.providers[0]!.id;
const NOW = Date.parse('2026-06-01T12:00:00.000Z');

/** An API stand-in answering by path; events come from a list, 50 a page, newest first. */
async function world(o: { events?: number; memberStatus?: number; type?: number } = {}) {
  const { publicKey, privateKey } = await rsaGenerateKeyPair();
  const { payload: setup, secrets } = makeProviderSetup(publicKey);
  const { payload: client } = await makeClientOrganization(secrets.providerKey, 'Default');
  const profile = structuredClone(PROFILE);
  profile.providers[0]!.key = setup.key;
  profile.providers[0]!.type = o.type ?? 0;
  profile.providerOrganizations[0]!.key = client.key;
  const events = Array.from({ length: o.events ?? 120 }, (_, i) => ({
    type: 1800,
    providerId: PID,
    date: new Date(NOW - (i + 1) * 60_000).toISOString(),
    ipAddress: `192.0.2.${i % 250}`,
  }));
  const calls: string[] = [];
  let failAt: number | null = null;
  const answer = (path: string, query: URLSearchParams): unknown => {
    calls.push(path + (query.get('continuationToken') ? `?ct=${query.get('continuationToken')}` : ''));
    if (failAt !== null && calls.length >= failAt) throw new DeskError('offline', 'Cannot reach the server.');
    if (path === '/accounts/profile') return pascal(profile);
    if (path === `/providers/${PID}/organizations`)
      return { ...PROVIDER_ORGANIZATIONS, data: [{ ...PROVIDER_ORGANIZATIONS.data[0], key: client.key }] };
    if (path === `/providers/${PID}/users`) {
      if (o.memberStatus) throw new DeskError(o.memberStatus === 403 ? 'forbidden' : 'not_found', 'no');
      return { data: [{ id: 'u1', userId: 'x', type: 0, status: 2, name: 'Pat', email: 'pat@example.com' }] };
    }
    if (path === `/providers/${PID}/events`) {
      const start = Date.parse(query.get('start')!);
      const offset = Number(query.get('continuationToken') ?? 0);
      const inRange = events.filter((e) => Date.parse(e.date) >= start);
      const page = inRange.slice(offset, offset + 50);
      return { data: page, continuationToken: offset + 50 < inRange.length ? String(offset + 50) : null };
    }
    throw new DeskError('not_found', path);
  };
  // The real HTTP layer over a transport that answers from `answer`.
  const http = new BitwardenHttp({
    urls: resolveEnvironment({ kind: 'bitwardenUs' }),
    identity: { appVersion: '1', device: { identifier: 'd', type: 8, name: 'linux' } },
    transport: async (request) => {
      const url = new URL(request.url);
      try {
        return {
          status: 200,
          headers: { 'content-type': 'application/json' },
          text: JSON.stringify(answer(url.pathname, url.searchParams)),
        };
      } catch (error) {
        if (error instanceof DeskError && error.code !== 'offline')
          return { status: error.code === 'forbidden' ? 403 : 404, headers: {}, text: '' };
        throw error;
      }
    },
  });
  const call = <T>(fn: (a: Authorized) => Promise<T>) => fn({ http, token: 't' });
  const keys = new KeyRing(generateSymmetricKey(), privateKey);
  return { events, calls, keys, call, failAfterCalls: (n: number | null) => (failAt = n) };
}

function cache() {
  const batches: SyncBatch[] = [];
  const progress: any[] = [];
  const stored = new Map<string, unknown>();
  const state: SyncState = { datasets: {}, eventScopes: {} };
  const emit = (event: PushEventName, payload: any) => {
    if (event === 'sync.progress') progress.push(payload);
    if (event !== 'sync.batch') return;
    batches.push(payload);
    if (payload.kind === 'events') {
      for (const e of payload.events) stored.set(e.key, e);
      state.eventScopes[payload.scope] = payload.state;
    } else state.datasets[payload.dataset] = { lastSyncedAt: payload.syncedAt };
  };
  return { batches, progress, stored, state, emit };
}

async function run(
  w: Awaited<ReturnType<typeof world>>,
  c: ReturnType<typeof cache>,
  o: { force?: boolean; now?: number } = {},
) {
  return runSync({
    accountId: 'a',
    runId: 'r',
    state: structuredClone(c.state),
    force: o.force ?? false,
    call: w.call,
    keyRing: () => w.keys,
    emit: c.emit,
    signal: new AbortController().signal,
    now: () => o.now ?? NOW,
    eventsPerBatch: 50,
  });
}

describe('sync engine', () => {
  it('sends profile, clients (with their keys opened), members and events as display data', async () => {
    const w = await world();
    const c = cache();
    await run(w, c);
    expect(c.batches.map((b) => b.kind)).toEqual(['profile', 'clients', 'members', 'events', 'events', 'events']);
    const clients = c.batches.find((b) => b.kind === 'clients');
    expect(clients).toMatchObject({
      providerId: PID,
      clients: [
        { name: 'Contoso', seats: 10, occupiedSeats: 4, enabled: true, productTierType: 2, keyAvailable: true },
      ],
    });
    expect(w.keys.hasProviderKey(PID)).toBe(true);
    expect(c.stored.size).toBe(120);
    expect(JSON.stringify(c.batches)).not.toMatch(/"[0-9]\.[A-Za-z0-9+/=]+\|/);
    expect(c.progress.at(-1)).toMatchObject({ phase: 'done' });
  });

  it('resumes an interrupted run from its continuation token without fetching pages twice', async () => {
    const w = await world();
    const c = cache();
    w.failAfterCalls(6); // profile, clients, members, events page 1, page 2, then the network goes
    await expect(run(w, c)).rejects.toMatchObject({ code: 'offline' });
    expect(c.stored.size).toBe(100);
    w.failAfterCalls(null);
    w.calls.length = 0;
    await run(w, c);
    expect(w.calls.filter((call) => call.includes('/events'))).toEqual([`/providers/${PID}/events?ct=100`]);
    expect(c.stored.size).toBe(120);
    const delivered = c.batches.flatMap((b) => (b.kind === 'events' ? b.events : [])).length;
    expect(delivered).toBe(120);
  });

  it('skips snapshots synced moments ago unless forced; events overlap the cache and are stored once', async () => {
    const w = await world();
    const c = cache();
    await run(w, c);
    w.calls.length = 0;
    await run(w, c, { now: NOW + 10_000 });
    // The overlap window (a day) covers all 120 events again: fetched again, stored by key, never twice.
    expect(w.calls.filter((call) => !call.includes('/events'))).toEqual(['/accounts/profile']);
    expect(w.calls.filter((call) => call.includes('/events'))).toHaveLength(3);
    expect(c.stored.size).toBe(120);
    await run(w, c, { now: NOW + 20_000, force: true });
    expect(w.calls.filter((call) => call.endsWith('/organizations'))).toHaveLength(1);
  });

  it('service users get clients only; members the server refuses are skipped, not failed', async () => {
    const service = await world({ type: 1 });
    const c1 = cache();
    await run(service, c1);
    expect(c1.batches.map((b) => b.kind)).toEqual(['profile', 'clients']);
    const refused = await world({ memberStatus: 403 });
    const c2 = cache();
    await run(refused, c2);
    expect(c2.batches.map((b) => b.kind)).toEqual(['profile', 'clients', 'events', 'events', 'events']);
  });

  it('stops when the account is locked (abort)', async () => {
    const w = await world();
    const c = cache();
    const controller = new AbortController();
    controller.abort(new DeskError('unauthorized', 'locked'));
    await expect(
      runSync({
        accountId: 'a',
        runId: 'r',
        state: c.state,
        force: false,
        call: w.call,
        keyRing: () => w.keys,
        emit: c.emit,
        signal: controller.signal,
      }),
    ).rejects.toThrow('locked');
    expect(c.batches).toEqual([]);
  });
});
