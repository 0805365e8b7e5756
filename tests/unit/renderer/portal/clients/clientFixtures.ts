import 'fake-indexeddb/auto';
import type { ProviderSubscription } from '$shared/contract/portal/billing';
import type { SeatEffect } from '$shared/contract/portal/seats';
import type { ProviderSummary } from '$shared/contract/sync';
import { accountCache, dropAccountCache, type CachedClient } from '../../../../../src-renderer/lib/cache/accountCache';
import { clientFavourites } from '../../../../../src-renderer/lib/portal/clients/favourites.svelte';
import { portal } from '../../../../../src-renderer/lib/portal/providerContext.svelte';
import { session } from '../../../../../src-renderer/lib/session/sessionStore.svelte';
import { account, sessionState } from '../../session/sessionFixtures';

export const ACCOUNT = 'acct-ava';
export const PROVIDER = '0b6a9f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

let next = 0;

/** A cached client; ids are valid GUIDs, as the contract's inputs require. */
export function client(name: string, overrides: Partial<CachedClient> = {}): CachedClient {
  next += 1;
  const n = String(next).padStart(12, '0');
  return {
    id: `aaaaaaaa-0000-4000-8000-${n}`,
    providerId: PROVIDER,
    organizationId: `bbbbbbbb-0000-4000-8000-${n}`,
    name,
    seats: 10,
    occupiedSeats: 4,
    remainingSeats: 6,
    userCount: 4,
    plan: 'Teams (Monthly)',
    creationDate: null,
    enabled: true,
    productTierType: 2,
    keyAvailable: true,
    ...overrides,
  };
}

export function provider(userType: 0 | 1, overrides: Partial<ProviderSummary> = {}): ProviderSummary {
  return {
    id: PROVIDER,
    name: 'Northwind IT Partners',
    userType,
    userStatus: 2,
    enabled: true,
    useEvents: true,
    providerStatus: 2,
    providerType: 0,
    ...overrides,
  };
}

/** Signs the fake account in (online or not) as a provider admin (0) or service user (1). */
export function signIn(role: 0 | 1 = 0, { online = true }: { online?: boolean } = {}) {
  session.apply(sessionState([account({ id: ACCOUNT, online })]));
  portal.providers = [provider(role)];
}

export async function cacheClients(clients: CachedClient[], syncedAt = new Date().toISOString()) {
  const cache = accountCache(ACCOUNT);
  await cache.clients.bulkPut(clients);
  await cache.datasets.put({ dataset: `clients:${PROVIDER}`, lastSyncedAt: syncedAt });
}

export async function signOut() {
  portal.providers = null;
  session.reset();
  localStorage.clear();
  clientFavourites.reset();
  await dropAccountCache(ACCOUNT);
}

export function subscription(overrides: Partial<ProviderSubscription> = {}): ProviderSubscription {
  const plan = (planName: string, type: number, cost: number) => ({
    planName,
    type,
    productTier: type === 17 ? 3 : 4,
    seatMinimum: 100,
    purchasedSeats: 0,
    assignedSeats: 95,
    unassignedSeats: 5,
    cost,
    discountedCost: cost,
    cadence: 'Monthly',
    active: true,
  });
  return {
    status: 'active',
    currentPeriodEndDate: null,
    discountPercentage: null,
    collectionMethod: null,
    plans: [plan('Teams (Monthly)', 17, 400), plan('Enterprise (Monthly)', 19, 600)],
    monthlyTotal: 1000,
    accountCredit: null,
    cancelAt: null,
    suspension: null,
    providerType: 0,
    paymentSource: null,
    taxInformation: null,
    ...overrides,
  };
}

export function seatEffectOf(overrides: Partial<SeatEffect>): SeatEffect {
  return {
    currentSeats: 10,
    newSeats: 12,
    change: 2,
    minimumSeats: 4,
    planName: 'Teams (Monthly)',
    unassignedSeatsBefore: 5,
    unassignedSeatsAfter: 3,
    purchasedSeatsBefore: 0,
    purchasedSeatsAfter: 0,
    additionalSeatsPurchased: 0,
    seatPrice: 4,
    costChange: 0,
    cadence: 'Monthly',
    allowed: true,
    refusal: null,
    message: null,
    ...overrides,
  };
}
