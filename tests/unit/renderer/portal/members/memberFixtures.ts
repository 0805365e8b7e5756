import 'fake-indexeddb/auto';
import type { ProviderSummary } from '$shared/contract/sync';
import { accountCache, dropAccountCache, type CachedMember } from '../../../../../src-renderer/lib/cache/accountCache';
import { portal } from '../../../../../src-renderer/lib/portal/providerContext.svelte';
import { session } from '../../../../../src-renderer/lib/session/sessionStore.svelte';
import { toast } from '../../../../../src-renderer/lib/toasts.svelte';
import { account, sessionState } from '../../session/sessionFixtures';

export const ACCOUNT = 'acct-ava';
export const PROVIDER = '0b6a9f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
export const SCOPE = { accountId: ACCOUNT, providerId: PROVIDER };
export const MY_USER_ID = 'user-ava';

let next = 0;

/** A cached provider member; ids are valid GUIDs, as the contract's inputs require. */
export function member(overrides: Partial<CachedMember> = {}): CachedMember {
  next += 1;
  const n = String(next).padStart(12, '0');
  return {
    id: `cccccccc-0000-4000-8000-${n}`,
    providerId: PROVIDER,
    userId: `user-${n}`,
    name: null,
    email: `person${n}@example.com`,
    type: 1,
    status: 2,
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

export async function cacheMembers(members: CachedMember[], syncedAt = new Date().toISOString()) {
  const cache = accountCache(ACCOUNT);
  await cache.members.bulkPut(members);
  await cache.datasets.put({ dataset: `members:${PROVIDER}`, lastSyncedAt: syncedAt });
  await cache.profile.put({
    id: 'profile',
    data: {
      userId: MY_USER_ID,
      name: 'Ava Martin',
      email: 'ava@example.com',
      emailVerified: true,
      premium: false,
      twoFactorEnabled: false,
      providers: [provider(0)],
    },
  });
}

export async function signOut() {
  portal.providers = null;
  session.reset();
  localStorage.clear();
  toast.clear();
  await dropAccountCache(ACCOUNT);
}

export const toastMessages = () => toast.items.map((t) => `${t.tone}: ${t.message}`);
