// Who may do what on a provider (bitwarden-api.md §6.1). Membership is looked up per request (not from token
// claims), so new memberships count at once.
//   ProviderUser  = a Confirmed member (ProviderAdmin or ServiceUser); ProviderAdmin = Confirmed ProviderAdmin.
//   Failed requirement: 403 with an empty body. Billing and /clients load the provider first:
//   unknown → 404, not permitted or not billable → 401 "Unauthorized.". Events: anything but an admin → 404.
//   Status: a Pending provider only serves its details and setup; a disabled provider refuses its ServiceUsers.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Provider, ProviderUser } from '../../db/schema';
import { isSet } from '../../db/values';
import { badRequest, forbidden, notFound, unauthorized, type ApiError } from '../../http/errors';
import { isBillable, ProviderStatus, ProviderUserStatus, ProviderUserType } from './enums';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface ProviderAccess {
  provider: Provider;
  providerUser: ProviderUser;
  isAdmin: boolean;
}

// Local copy of orgRoles' check: orgRoles imports this module, so this one must not import orgRoles.
const isGuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export const PROVIDER_NOT_SET_UP = 'Provider setup is not complete.';
export const PROVIDER_DISABLED = 'Provider is disabled.';

export async function findProvider(db: DbOrTrx, providerId: string): Promise<Provider | undefined> {
  if (!isGuid(providerId)) return undefined;
  return db.selectFrom('providers').selectAll().where('id', '=', providerId.toLowerCase()).executeTakeFirst();
}

/** The caller's Confirmed membership of a provider, if any. */
export async function confirmedProviderUser(
  db: DbOrTrx,
  providerId: string,
  userId: string,
): Promise<ProviderUser | undefined> {
  return db
    .selectFrom('provider_users')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('user_id', '=', userId)
    .where('status', '=', ProviderUserStatus.Confirmed)
    .executeTakeFirst();
}

export interface ProviderRequirement {
  /** ProviderAdmin only (else any Confirmed provider user). */
  admin?: boolean;
  /** The route also serves Pending providers (details, setup). */
  allowPending?: boolean;
  /** Unknown provider answer (default: same as denied). */
  onMissing?: () => ApiError;
  /** Denied answer (default 403, empty body). */
  onDenied?: () => ApiError;
}

/** Loads the provider and the caller's membership and enforces the requirement and the provider status. */
export async function requireProvider(
  db: DbOrTrx,
  providerId: string,
  userId: string,
  req: ProviderRequirement = {},
): Promise<ProviderAccess> {
  const denied = req.onDenied ?? forbidden;
  if (!isGuid(providerId)) throw notFound(); // as Bitwarden's `{id:guid}` route constraint
  const provider = await findProvider(db, providerId);
  if (!provider) throw (req.onMissing ?? denied)();
  const providerUser = await confirmedProviderUser(db, provider.id, userId);
  if (!providerUser) throw denied();
  const isAdmin = providerUser.type === ProviderUserType.ProviderAdmin;
  if (req.admin && !isAdmin) throw denied();
  if (!isSet(provider.enabled) && !isAdmin) throw denied();
  if (provider.status === ProviderStatus.Pending && !req.allowPending) throw badRequest(PROVIDER_NOT_SET_UP);
  return { provider, providerUser, isAdmin };
}

/** Billing controllers and /clients: 404 unknown, 401 not permitted or not billable (api §6.1, §10.2). */
export async function requireBillableProvider(
  db: DbOrTrx,
  providerId: string,
  userId: string,
  admin: boolean,
): Promise<ProviderAccess> {
  const access = await requireProvider(db, providerId, userId, {
    admin,
    allowPending: true,
    onMissing: notFound,
    onDenied: unauthorized,
  });
  if (!isBillable(access.provider)) throw unauthorized();
  return access;
}

/** Provider event log: ProviderAdmin only, anything else 404 (api §6.8). */
export const requireProviderEventsAccess = (db: DbOrTrx, providerId: string, userId: string) =>
  requireProvider(db, providerId, userId, { admin: true, allowPending: true, onDenied: notFound });

/** Client changes are refused while a provider is disabled (the portal disables Add and the row actions). */
export function assertProviderEnabled(provider: Provider): void {
  if (!isSet(provider.enabled)) throw badRequest(PROVIDER_DISABLED);
}

/**
 * For `domain/orgRoles.ts`: the provider through which the caller manages an org — a Confirmed provider user
 * (ProviderAdmin or ServiceUser) of the enabled provider linked to it (admins of a disabled one still pass).
 */
export async function providerMembershipForOrg(
  db: DbOrTrx,
  orgId: string,
  userId: string,
): Promise<{ providerId: string; providerUserType: number } | null> {
  const row = await db
    .selectFrom('provider_organizations as po')
    .innerJoin('providers as p', 'p.id', 'po.provider_id')
    .innerJoin('provider_users as pu', 'pu.provider_id', 'po.provider_id')
    .select(['p.id as providerId', 'p.enabled', 'p.status', 'pu.type'])
    .where('po.organization_id', '=', orgId)
    .where('pu.user_id', '=', userId)
    .where('pu.status', '=', ProviderUserStatus.Confirmed)
    .executeTakeFirst();
  if (!row || row.status === ProviderStatus.Pending) return null;
  if (!isSet(row.enabled) && row.type !== ProviderUserType.ProviderAdmin) return null;
  return { providerId: row.providerId, providerUserType: row.type };
}
