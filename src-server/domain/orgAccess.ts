// Access checks for the org admin routes (bitwarden-api.md §7): composable predicates over the caller's
// `OrgAccess` (from `orgRoles.ts`, where issue 5 makes provider users pass as Owners). Failures answer 404.
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from '../http/errors';
import { eventOrigin, type EventOrigin } from './events';
import {
  hasOrgRole,
  isGuid,
  loadOrgAccess,
  OrgUserType,
  withPermission,
  type OrgAccess,
  type PermissionName,
} from './orgRoles';

type DbOrTrx = Kysely<Database> | Transaction<Database>;
export type AccessCheck = (access: OrgAccess) => boolean;

/** Any Confirmed member (or provider user). */
export const anyMember: AccessCheck = () => true;
export const ownerOnly: AccessCheck = (a) => hasOrgRole(a, { roles: [] });
export const ownerOrAdmin: AccessCheck = (a) => hasOrgRole(a, { roles: [OrgUserType.Admin] });
/** Owner, Admin, or Custom with one of the permissions. */
export const permitted =
  (...permissions: PermissionName[]): AccessCheck =>
  (a) =>
    permissions.some((p) => hasOrgRole(a, withPermission(p))) || ownerOrAdmin(a);

export const canManageUsers = permitted('manageUsers');
export const canManageGroups = permitted('manageGroups');
export const canManagePolicies = permitted('managePolicies');
export const canManageSso = permitted('manageSso');
export const canAccessEventLogs = permitted('accessEventLogs');
export const canAccessImportExport = permitted('accessImportExport');
/** Reads every collection of the org (BulkCollectionAuthorizationHandler: admins, editAny/deleteAny). */
export const canViewAllCollections = permitted('editAnyCollection', 'deleteAnyCollection');
/** "Collection-management access" of `GET .../groups`. */
export const canManageCollectionsOrGroups = permitted(
  'manageGroups',
  'manageUsers',
  'createNewCollections',
  'editAnyCollection',
  'deleteAnyCollection',
);

/** Loads the caller's access to the org and applies the check: 404 when not a member or not allowed. */
export async function requireOrgAccess(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  check: AccessCheck,
): Promise<OrgAccess> {
  const access = isGuid(orgId) ? await loadOrgAccess(db, orgId.toLowerCase(), userId) : null;
  if (!access || !check(access)) throw notFound();
  return access;
}

/** A path id: lower-cased GUID, or 404. */
export function pathId(value: string | undefined): string {
  if (!value || !isGuid(value)) throw notFound();
  return value.toLowerCase();
}

/** The caller's org-user id inside the org (null for provider users acting without a membership). */
export const callerOrgUserId = (a: OrgAccess): string | null => a.membership?.id ?? null;

/** Event origin for org routes: who, from where, and the provider when the caller acts through one (api §8.3). */
export function orgEventOrigin(
  request: FastifyRequest,
  access: OrgAccess | null,
): EventOrigin & { providerId: string | null } {
  return { ...eventOrigin(request), providerId: access?.providerId ?? null };
}
