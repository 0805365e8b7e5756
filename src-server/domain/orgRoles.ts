// Organization roles and the access checks every org route uses (bitwarden-api.md §7.1).
// Issue 5 adds provider users here: they pass every check as Owners of their client orgs.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Organization, OrganizationUser } from '../db/schema';
import { parseJson } from '../db/values';
import type { ApiError } from '../http/errors';
import { notFound } from '../http/errors';
import { providerMembershipForOrg } from './providers/access'; // issue 5

export const OrgUserType = { Owner: 0, Admin: 1, User: 2, Custom: 4 } as const;
export const OrgUserStatus = { Revoked: -1, Invited: 0, Accepted: 1, Confirmed: 2, Staged: 3 } as const;

export const PERMISSION_NAMES = [
  'accessEventLogs',
  'accessImportExport',
  'accessReports',
  'createNewCollections',
  'editAnyCollection',
  'deleteAnyCollection',
  'manageGroups',
  'managePolicies',
  'manageSso',
  'manageUsers',
  'manageResetPassword',
  'manageScim',
  'manageAccessRules',
] as const;
export type PermissionName = (typeof PERMISSION_NAMES)[number];
export type Permissions = Record<PermissionName, boolean>;

export function defaultPermissions(): Permissions {
  return Object.fromEntries(PERMISSION_NAMES.map((p) => [p, false])) as Permissions;
}

export function readPermissions(json: string | null): Permissions {
  const stored = parseJson<Partial<Permissions>>(json, {});
  const perms = defaultPermissions();
  for (const name of PERMISSION_NAMES) perms[name] = stored[name] === true;
  return perms;
}

export interface OrgAccess {
  org: Organization;
  /** The caller's Confirmed membership (null once provider users can act without one). */
  membership: OrganizationUser | null;
  /** Effective role: a provider user acts as Owner. */
  role: number;
  permissions: Permissions;
  /** Issue 5: set when the caller acts through the provider that manages the org (events carry it). */
  providerId?: string | null;
}

type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** The caller's access to an org, or null when the caller is not a Confirmed member (or the org is unknown). */
export async function loadOrgAccess(db: DbOrTrx, orgId: string, userId: string): Promise<OrgAccess | null> {
  const org = await db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
  if (!org) return null;
  const membership = await db
    .selectFrom('organization_users')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('status', '=', OrgUserStatus.Confirmed)
    .executeTakeFirst();
  // Issue 5: a Confirmed provider user of the provider managing this org acts as its Owner (not for vault items:
  // see `memberOnly`). A member with a lesser role is raised to Owner the same way.
  if (!membership || membership.type !== OrgUserType.Owner) {
    const viaProvider = await providerMembershipForOrg(db, orgId, userId);
    if (viaProvider)
      return {
        org,
        membership: membership ?? null,
        role: OrgUserType.Owner,
        permissions: membership ? readPermissions(membership.permissions) : defaultPermissions(),
        providerId: viaProvider.providerId,
      };
  }
  if (!membership) return null;
  return { org, membership, role: membership.type, permissions: readPermissions(membership.permissions) };
}

export interface OrgRequirement {
  /** Roles that pass outright. Owner is implied. */
  roles?: readonly number[];
  /** A Custom member holding this permission passes too. */
  permission?: PermissionName;
  /** What a failed check answers: 404 by default (older org endpoints), or a prepared error. */
  onDenied?: () => ApiError;
  /** Issue 5: vault items: only the caller's own membership counts, not provider access. */
  memberOnly?: boolean;
}

export function hasOrgRole(access: OrgAccess, req: OrgRequirement): boolean {
  if (req.memberOnly && access.providerId)
    return (
      !!access.membership &&
      hasOrgRole({ ...access, role: access.membership.type, providerId: null }, { ...req, memberOnly: false })
    );
  if (access.role === OrgUserType.Owner) return true;
  if (req.roles?.includes(access.role)) return true;
  return req.permission !== undefined && access.role === OrgUserType.Custom && access.permissions[req.permission];
}

/** Loads the caller's access and enforces the requirement; throws 404 (or `onDenied()`) otherwise. */
export async function requireOrgRole(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  req: OrgRequirement = {},
): Promise<OrgAccess> {
  const access = isGuid(orgId) ? await loadOrgAccess(db, orgId, userId) : null;
  if (!access || !hasOrgRole(access, req)) throw req.onDenied ? req.onDenied() : notFound();
  return access;
}

/** Shorthands for the common requirements. */
export const OWNER: OrgRequirement = { roles: [] };
export const ADMIN: OrgRequirement = { roles: [OrgUserType.Admin] };
export const withPermission = (permission: PermissionName): OrgRequirement => ({
  roles: [OrgUserType.Admin],
  permission,
});

export function isGuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
