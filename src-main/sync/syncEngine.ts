/**
 * One sync run of one account: the profile (and with it the key chain: provider keys, client org keys), then per
 * provider its clients, members and events. Data leaves as `sync.batch` push events, display fields only.
 */
import {
  DeskError,
  type ProfileData,
  type ProviderClient,
  type SyncBatch,
  type SyncProgress,
  type SyncState,
} from '../../src-shared/contract';
import type { Profile, ProviderOrganization } from '../bitwarden/apiSchemas';
import {
  fetchProfile,
  fetchProviderEvents,
  fetchProviderOrganizations,
  fetchProviderUsers,
  type Authorized,
} from '../bitwarden/providerApi';
import type { KeyRing } from '../session/keyRing';
import type { Emit } from '../session/sessionService';
import { syncEventScope } from './eventScopeSync';

const PROVIDER_ADMIN = 0;
const CONFIRMED = 2;

export interface SyncRunContext {
  accountId: string;
  runId: string;
  state: SyncState;
  force: boolean;
  /** Runs an API call with a valid token (the session refreshes it). */
  call<T>(fn: (authorized: Authorized) => Promise<T>): Promise<T>;
  keyRing(): KeyRing;
  emit: Emit;
  signal: AbortSignal;
  now?: () => number;
  /** Snapshots synced less than this ago are not fetched again (unless forced). */
  freshForMs?: number;
  /** Events per `sync.batch`; pages are 50, so several pages go in one renderer transaction. */
  eventsPerBatch?: number;
}

export async function runSync(ctx: SyncRunContext): Promise<void> {
  const now = ctx.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const progress = (
    phase: SyncProgress['phase'],
    providerId: string | null,
    fetched: number,
    message: string | null = null,
  ) =>
    ctx.emit('sync.progress', {
      accountId: ctx.accountId,
      runId: ctx.runId,
      phase,
      providerId,
      fetched,
      message,
      code: null,
      at: iso(),
    });
  const batch = (data: DistributiveOmit<SyncBatch, 'accountId' | 'runId'>) =>
    ctx.emit('sync.batch', { accountId: ctx.accountId, runId: ctx.runId, ...data } as SyncBatch);
  const call = <T>(fn: (a: Authorized) => Promise<T>) => {
    ctx.signal.throwIfAborted();
    return ctx.call((a) => fn({ ...a, signal: ctx.signal }));
  };
  const isFresh = (dataset: string) => {
    const last = ctx.state.datasets[dataset]?.lastSyncedAt;
    return !ctx.force && !!last && now() - Date.parse(last) < (ctx.freshForMs ?? 60_000);
  };

  progress('started', null, 0);
  const profile = await call(fetchProfile);
  const keys = ctx.keyRing();
  unwrapKeys(keys, profile);
  batch({ kind: 'profile', dataset: 'profile', syncedAt: iso(), profile: profileData(profile) });
  progress('profile', null, 1);

  for (const provider of profile.providers) {
    if (provider.status !== CONFIRMED || !provider.enabled) continue;
    const pid = provider.id;
    const admin = provider.type === PROVIDER_ADMIN;

    if (!isFresh(`clients:${pid}`)) {
      const orgs = await call((a) => fetchProviderOrganizations(a, pid));
      const listed = new Map(profile.providerOrganizations.map((o) => [o.id, o]));
      const clients = orgs.map((org) => providerClient(org, listed.get(org.organizationId), keys, pid));
      batch({ kind: 'clients', dataset: `clients:${pid}`, providerId: pid, syncedAt: iso(), clients });
      progress('clients', pid, clients.length);
    }

    if (!admin) {
      progress('members', pid, 0, 'Only provider admins can see members and the event log.');
      continue;
    }
    if (!isFresh(`members:${pid}`)) {
      const members = await optional(() => call((a) => fetchProviderUsers(a, pid)));
      if (members) {
        batch({ kind: 'members', dataset: `members:${pid}`, providerId: pid, syncedAt: iso(), members });
        progress('members', pid, members.length);
      }
    }

    if (provider.useEvents) await syncEvents(ctx, pid, call, batch, progress, now);
  }
  progress('done', null, 0);
}

async function syncEvents(
  ctx: SyncRunContext,
  providerId: string,
  call: <T>(fn: (a: Authorized) => Promise<T>) => Promise<T>,
  batch: (data: DistributiveOmit<SyncBatch, 'accountId' | 'runId'>) => void,
  progress: (phase: 'events', providerId: string, fetched: number) => void,
  now: () => number,
) {
  const scope = `provider:${providerId}`;
  await syncEventScope({
    scope,
    providerId,
    state: ctx.state.eventScopes[scope],
    now,
    ...(ctx.eventsPerBatch ? { eventsPerBatch: ctx.eventsPerBatch } : {}),
    fetchPage: (run) => call((a) => fetchProviderEvents(a, providerId, run)),
    batch,
    progress: (fetched) => progress('events', providerId, fetched),
  });
}

function unwrapKeys(keys: KeyRing, profile: Profile) {
  for (const provider of profile.providers) {
    if (provider.key) keys.addProviderKey(provider.id, provider.key);
  }
  for (const org of profile.providerOrganizations) {
    if (org.key) keys.addOrgKey(org.id, org.key, org.providerId);
  }
}

function profileData(profile: Profile): ProfileData {
  return {
    userId: profile.id,
    name: profile.name,
    email: profile.email,
    emailVerified: profile.emailVerified,
    premium: profile.premium,
    twoFactorEnabled: profile.twoFactorEnabled,
    providers: profile.providers.map((p) => ({
      id: p.id,
      name: p.name,
      userType: p.type,
      userStatus: p.status,
      enabled: p.enabled,
      useEvents: p.useEvents,
      providerStatus: p.providerStatus,
      providerType: p.providerType,
    })),
  };
}

function providerClient(
  org: ProviderOrganization,
  listed: Profile['providerOrganizations'][number] | undefined,
  keys: KeyRing,
  providerId: string,
): ProviderClient {
  if (!keys.hasOrgKey(org.organizationId) && org.key) keys.addOrgKey(org.organizationId, org.key, providerId);
  return {
    id: org.id,
    organizationId: org.organizationId,
    name: org.organizationName ?? listed?.name ?? null,
    seats: org.seats,
    occupiedSeats: org.occupiedSeats,
    remainingSeats: org.remainingSeats,
    userCount: org.userCount,
    plan: org.plan,
    creationDate: org.creationDate,
    enabled: listed?.enabled ?? null,
    productTierType: listed?.productTierType ?? null,
    keyAvailable: keys.hasOrgKey(org.organizationId),
  };
}

/** A data set the server will not show this user (403/404) is skipped, not a failed sync. */
async function optional<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof DeskError && (error.code === 'forbidden' || error.code === 'not_found')) return null;
    throw error;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
