// Organization members: response models (bitwarden-api.md §7.3), the last-owner guard and the seat count.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Organization, OrganizationUser } from '../db/schema';
import { isSet } from '../db/values';
import { badRequest } from '../http/errors';
import { memberCollectionSelections, type AccessSelection } from './collectionAccess';
import { OrgUserStatus, OrgUserType, readPermissions } from './orgRoles';
import { planFor } from './plans';
import { providerSeatLimitMessage } from './providers/seats'; // issue 5

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export const LAST_OWNER = 'Organization must have at least one confirmed owner.';

export interface MemberRow extends OrganizationUser {
  user_email: string | null;
  user_name: string | null;
  avatar_color: string | null;
  has_master_password: boolean;
  two_factor_enabled: boolean;
}

/** Members of the org (optionally only `ids`), with their account fields. */
export async function loadMembers(db: DbOrTrx, orgId: string, ids?: readonly string[]): Promise<MemberRow[]> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('organization_users as ou')
    .leftJoin('users as u', 'u.id', 'ou.user_id')
    .selectAll('ou')
    .select(['u.email as user_email', 'u.name as user_name', 'u.avatar_color', 'u.master_password_hash'])
    .where('ou.organization_id', '=', orgId);
  if (ids) q = q.where('ou.id', 'in', [...ids]);
  const rows = await q.orderBy('ou.creation_date').orderBy('ou.id').execute();
  const userIds = rows.map((r) => r.user_id).filter((u): u is string => !!u);
  const twoFactor = new Set<string>();
  if (userIds.length) {
    const tf = await db
      .selectFrom('two_factor_providers')
      .select('user_id')
      .where('user_id', 'in', userIds)
      .where('enabled', '=', 1)
      .where('type', 'in', [0, 1])
      .execute();
    for (const r of tf) twoFactor.add(r.user_id);
  }
  return rows.map(({ master_password_hash, ...r }) => ({
    ...r,
    has_master_password: !!master_password_hash,
    two_factor_enabled: !!r.user_id && twoFactor.has(r.user_id),
  }));
}

export async function loadMember(db: DbOrTrx, orgId: string, id: string): Promise<MemberRow | undefined> {
  return (await loadMembers(db, orgId, [id]))[0];
}

export async function memberGroupIds(db: DbOrTrx, orgUserIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (orgUserIds.length === 0) return out;
  const rows = await db
    .selectFrom('group_users')
    .selectAll()
    .where('organization_user_id', 'in', [...orgUserIds])
    .orderBy('group_id')
    .execute();
  for (const r of rows)
    (out.get(r.organization_user_id) ?? out.set(r.organization_user_id, []).get(r.organization_user_id)!).push(
      r.group_id,
    );
  return out;
}

/** Base `organizationUser` fields; `permissions` is omitted when none are stored. */
function baseMember(m: MemberRow) {
  return {
    id: m.id,
    userId: m.user_id,
    type: m.type,
    status: m.status,
    externalId: m.external_id,
    accessSecretsManager: isSet(m.access_secrets_manager),
    accessPam: isSet(m.access_pam),
    ...(m.permissions ? { permissions: readPermissions(m.permissions) } : {}),
    resetPasswordEnrolled: !!m.reset_password_key,
    usesKeyConnector: false,
    hasMasterPassword: m.has_master_password,
  };
}

export function memberUserDetails(m: MemberRow, collections: AccessSelection[], groups: string[]) {
  return {
    object: 'organizationUserUserDetails',
    ...baseMember(m),
    name: m.user_name,
    email: m.user_email ?? m.email,
    avatarColor: m.avatar_color,
    twoFactorEnabled: m.two_factor_enabled,
    ssoBound: false,
    claimedByOrganization: false,
    collections,
    groups,
    revocationReason: m.revocation_reason,
    creationDate: m.creation_date,
  };
}

export function memberDetails(m: MemberRow, collections: AccessSelection[], groups: string[]) {
  return {
    object: 'organizationUserDetails',
    ...baseMember(m),
    claimedByOrganization: false,
    ssoExternalId: null,
    collections,
    groups,
    creationDate: m.creation_date,
  };
}

/** Member list with collections and groups loaded when asked. */
export async function memberUserDetailsList(
  db: DbOrTrx,
  members: MemberRow[],
  o: { groups: boolean; collections: boolean },
) {
  const ids = members.map((m) => m.id);
  const collections = o.collections ? await memberCollectionSelections(db, ids) : new Map<string, AccessSelection[]>();
  const groups = o.groups ? await memberGroupIds(db, ids) : new Map<string, string[]>();
  return members.map((m) => memberUserDetails(m, collections.get(m.id) ?? [], groups.get(m.id) ?? []));
}

/** Throws 400 when removing/demoting/revoking `leaving` would leave the org without a Confirmed Owner. */
export async function assertOwnerRemains(db: DbOrTrx, orgId: string, leaving: readonly string[]): Promise<void> {
  let q = db
    .selectFrom('organization_users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', orgId)
    .where('type', '=', OrgUserType.Owner)
    .where('status', '=', OrgUserStatus.Confirmed);
  if (leaving.length) q = q.where('id', 'not in', [...leaving]);
  const row = await q.executeTakeFirst();
  if (Number(row?.n ?? 0) === 0) throw badRequest(LAST_OWNER);
}

/** Members that take a seat: everyone except Revoked. */
export async function occupiedSeats(db: DbOrTrx, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('organization_users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', orgId)
    .where('status', '!=', OrgUserStatus.Revoked)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Makes room for `adding` more members: plans with additional seats grow (up to `maxAutoscaleSeats`), fixed plans
 * refuse with 400 "Seat limit has been reached.". Returns the new seat count to store (or null when unchanged).
 */
export async function reserveSeats(db: DbOrTrx, org: Organization, adding: number): Promise<number | null> {
  if (org.seats === null || adding <= 0) return null;
  const needed = (await occupiedSeats(db, org.id)) + adding;
  if (needed <= org.seats) return null;
  const providerLimit = await providerSeatLimitMessage(db, org.id); // issue 5: provider-managed orgs never autoscale
  if (providerLimit) throw badRequest(providerLimit);
  const plan = planFor(org.plan_type);
  const canGrow =
    !!plan?.hasAdditionalSeatsOption && (org.max_autoscale_seats === null || needed <= org.max_autoscale_seats);
  if (!canGrow) throw badRequest('Seat limit has been reached.');
  return needed;
}

/** The status a revoked member returns to: Invited without an account, Accepted without a key, else Confirmed. */
export function restoredStatus(m: OrganizationUser): number {
  if (!m.user_id) return OrgUserStatus.Invited;
  if (!m.key) return OrgUserStatus.Accepted;
  return OrgUserStatus.Confirmed;
}
