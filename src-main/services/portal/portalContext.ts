/**
 * What every portal service needs from the session: the account to act as (active unless named), its unlocked key
 * ring, authorized API calls with provider-specific errors made readable, the caller's provider membership, and
 * provider / client-org keys loaded on demand when sync has not brought them yet.
 */
import { DeskError } from '../../../src-shared/contract';
import type { Profile } from '../../bitwarden/apiSchemas';
import { HttpStatusError } from '../../bitwarden/httpErrors';
import { fetchProfile, fetchProviderOrganizations, type Authorized } from '../../bitwarden/providerApi';
import type { KeyRing } from '../../session/keyRing';
import type { SessionService } from '../../session/sessionService';

export type ProviderMembership = Profile['providers'][number];

export interface PortalDeps {
  session: SessionService;
  /** Asks sync to refresh the account's cached data after a change (see syncFollower.ts). */
  refresh(accountId: string): void;
  now?: () => number;
}

/** Server messages worth a clearer sentence; matched exactly (bitwarden-api.md §6.4–6.6). */
const CLEARER: Record<string, { code: 'conflict' | 'forbidden'; message: string }> = {
  'Provider must have at least one confirmed ProviderAdmin.': {
    code: 'conflict',
    message:
      'The provider must keep at least one confirmed provider admin. Make another member a provider admin first.',
  },
  'Organization must have at least one confirmed owner.': {
    code: 'conflict',
    message:
      'The client organization must keep a confirmed owner who is not a provider member. Confirm an owner of the ' +
      'client first, then unlink it.',
  },
  'Service users cannot purchase additional seats.': {
    code: 'forbidden',
    message: 'Service users cannot purchase additional seats. Contact your provider admin for additional seats.',
  },
};

/** A 401 that survived a token refresh is a refusal of the action, not an expired session. */
export function readableError(error: unknown): unknown {
  if (!(error instanceof DeskError)) return error;
  const clearer = CLEARER[error.message];
  if (clearer) return new DeskError(clearer.code, clearer.message);
  if (error instanceof HttpStatusError && error.status === 401) {
    const generic = !error.message || error.message === 'Unauthorized.' || /session has expired/i.test(error.message);
    return new DeskError(
      'forbidden',
      generic ? 'Your role in this provider (or its type or status) does not allow that.' : error.message,
    );
  }
  return error;
}

export type PortalContext = ReturnType<typeof createPortalContext>;

export function createPortalContext(deps: PortalDeps) {
  const now = deps.now ?? Date.now;

  function accountOf(accountId: string | undefined): string {
    const id = accountId ?? deps.session.activeAccountId();
    if (!id) throw new DeskError('unauthorized', 'Sign in first.');
    deps.session.keyRing(id); // throws while locked: portal actions need an unlocked account
    return id;
  }

  async function call<T>(accountId: string, fn: (a: Authorized) => Promise<T>): Promise<T> {
    try {
      return await deps.session.authorized(accountId, fn);
    } catch (error) {
      throw readableError(error);
    }
  }

  const keys = (accountId: string): KeyRing => deps.session.keyRing(accountId);

  async function membership(accountId: string, providerId: string): Promise<ProviderMembership> {
    const profile = await call(accountId, fetchProfile);
    const provider = profile.providers.find((p) => p.id.toLowerCase() === providerId);
    if (!provider) throw new DeskError('not_found', 'This account is not a member of that provider.');
    if (provider.key && !keys(accountId).hasProviderKey(provider.id)) {
      keys(accountId).addProviderKey(provider.id, provider.key);
    }
    return provider;
  }

  /** The provider key is in the ring (loading it from the profile if needed), or a clear refusal. */
  async function ensureProviderKey(accountId: string, providerId: string): Promise<KeyRing> {
    const ring = keys(accountId);
    if (!ring.hasProviderKey(providerId)) await membership(accountId, providerId);
    if (!ring.hasProviderKey(providerId)) {
      throw new DeskError('forbidden', "This account cannot read the provider's key yet: is its membership confirmed?");
    }
    return ring;
  }

  /** A client org's key is in the ring (loading it from the provider's client list if needed). */
  async function ensureOrgKey(accountId: string, providerId: string, organizationId: string): Promise<KeyRing> {
    const ring = await ensureProviderKey(accountId, providerId);
    if (!ring.hasOrgKey(organizationId)) {
      const orgs = await call(accountId, (a) => fetchProviderOrganizations(a, providerId));
      const org = orgs.find((o) => o.organizationId.toLowerCase() === organizationId);
      if (org?.key) ring.addOrgKey(organizationId, org.key, providerId);
    }
    if (!ring.hasOrgKey(organizationId)) {
      throw new DeskError('forbidden', "This account cannot read that client organization's key.");
    }
    return ring;
  }

  return {
    accountOf,
    call,
    keys,
    membership,
    ensureProviderKey,
    ensureOrgKey,
    refresh: (accountId: string) => deps.refresh(accountId),
    now,
  };
}
