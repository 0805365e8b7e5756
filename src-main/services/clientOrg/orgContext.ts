/**
 * What every client-org service needs: the account to act as (active unless named, and unlocked), authorized
 * calls with the org endpoints' errors made readable, the caller's way in (provider or membership) from the
 * profile, and the org key, loaded from the profile when sync has not brought it yet.
 */
import { DeskError } from '../../../src-shared/contract/errors';
import type { OrgInput } from '../../../src-shared/contract/clientOrg';
import { HttpStatusError } from '../../bitwarden/httpErrors';
import { fetchProfileOrgs } from '../../bitwarden/orgAdminApi';
import type { ProfileOrgs } from '../../bitwarden/orgAdminSchemas';
import type { Authorized } from '../../bitwarden/providerApi';
import type { Emit, SessionService } from '../../session/sessionService';

export interface ClientOrgDeps {
  session: SessionService;
  emit: Emit;
  now?: () => number;
  /** Items per `ciphers/import-organization` request. */
  importBatchSize?: number;
}

/** The account and the org a call acts on. */
export interface OrgScope {
  accountId: string;
  organizationId: string;
}

export const LAST_OWNER_SERVER_MESSAGE = 'Organization must have at least one confirmed owner.';
export const LAST_OWNER_MESSAGE =
  'The organization must keep at least one confirmed owner. Make another member an owner first.';

/** Org endpoints answer 404 for permission failures too (bitwarden-api.md §7.1), and newer ones 401. */
export function readableError(error: unknown): unknown {
  if (!(error instanceof DeskError)) return error;
  if (error.message === LAST_OWNER_SERVER_MESSAGE) return new DeskError('conflict', LAST_OWNER_MESSAGE);
  if (!(error instanceof HttpStatusError)) return error;
  if (error.status === 404 && (!error.message || error.message === 'Resource not found.')) {
    return new DeskError('not_found', 'Not found in this organization, or this account may not manage it.');
  }
  if (error.status === 401) {
    const generic = !error.message || error.message === 'Unauthorized.' || /session has expired/i.test(error.message);
    return new DeskError('forbidden', generic ? 'This account may not do that in this organization.' : error.message);
  }
  return error;
}

export type OrgContext = ReturnType<typeof createOrgContext>;

export function createOrgContext(deps: ClientOrgDeps) {
  function scope(input: OrgInput): OrgScope {
    const accountId = input.accountId ?? deps.session.activeAccountId();
    if (!accountId) throw new DeskError('unauthorized', 'Sign in first.');
    deps.session.keyRing(accountId); // throws while locked
    return { accountId, organizationId: input.organizationId.toLowerCase() };
  }

  async function call<T>(s: OrgScope, fn: (a: Authorized) => Promise<T>): Promise<T> {
    try {
      return await deps.session.authorized(s.accountId, fn);
    } catch (error) {
      throw readableError(error);
    }
  }

  /** The profile, with the provider keys and this org's key added to the ring on the way. */
  async function profile(s: OrgScope): Promise<ProfileOrgs> {
    const p = await call(s, fetchProfileOrgs);
    const ring = deps.session.keyRing(s.accountId);
    for (const provider of p.providers) {
      if (provider.key && !ring.hasProviderKey(provider.id)) ring.addProviderKey(provider.id, provider.key);
    }
    if (!ring.hasOrgKey(s.organizationId)) {
      const viaProvider = p.providerOrganizations.find((o) => o.id.toLowerCase() === s.organizationId);
      const member = p.organizations.find((o) => o.id.toLowerCase() === s.organizationId);
      if (viaProvider?.key) ring.addOrgKey(s.organizationId, viaProvider.key, viaProvider.providerId);
      if (!ring.hasOrgKey(s.organizationId) && member?.key) ring.addOrgKey(s.organizationId, member.key, null);
    }
    return p;
  }

  async function hasOrgKey(s: OrgScope): Promise<boolean> {
    if (!deps.session.keyRing(s.accountId).hasOrgKey(s.organizationId)) await profile(s);
    return deps.session.keyRing(s.accountId).hasOrgKey(s.organizationId);
  }

  /** Lends the org key to `use` (loading it first); refuses clearly when this account cannot read it. */
  async function withOrgKey<T>(s: OrgScope, use: (orgKey: Uint8Array) => T): Promise<T> {
    if (!(await hasOrgKey(s))) {
      throw new DeskError('forbidden', "This account cannot read this organization's key, so it cannot do that here.");
    }
    return deps.session.keyRing(s.accountId).withOrgKey(s.organizationId, use);
  }

  /** Decrypted text under the org key, or null when it cannot be decrypted. */
  function decrypt(s: OrgScope, encString: string): string | null {
    try {
      return deps.session.keyRing(s.accountId).decryptOrgText(s.organizationId, encString);
    } catch {
      return null;
    }
  }

  return {
    scope,
    call,
    profile,
    hasOrgKey,
    withOrgKey,
    decrypt,
    emit: deps.emit,
    now: deps.now ?? Date.now,
    importBatchSize: deps.importBatchSize ?? 500,
  };
}
