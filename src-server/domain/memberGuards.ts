// Who may change whom (upstream OrganizationUser commands): only Owners touch Owners, Custom members do not
// manage Admins, and Custom members grant only permissions they hold.
import type { Organization } from '../db/schema';
import { badRequest } from '../http/errors';
import { readFeatures } from './organizations';
import { OrgUserType, PERMISSION_NAMES, type OrgAccess } from './orgRoles';
import type { PermissionsInput } from './orgSchemas';

export function assertCanManageMember(
  access: OrgAccess,
  currentType: number | null,
  newType: number | null = null,
): void {
  const types = [currentType, newType];
  if (types.includes(OrgUserType.Owner) && access.role !== OrgUserType.Owner)
    throw badRequest("Only an Owner can configure another Owner's account.");
  if (types.includes(OrgUserType.Admin) && access.role === OrgUserType.Custom)
    throw badRequest('Custom users can not manage Admins or Owners.');
}

/** Validates a Custom member's permissions and returns the JSON to store (null for other types). */
export function permissionsToStore(
  access: OrgAccess,
  org: Organization,
  type: number,
  permissions: PermissionsInput | null | undefined,
): string | null {
  if (type !== OrgUserType.Custom) return null;
  if (!readFeatures(org).useCustomPermissions)
    throw badRequest('To enable custom permissions the organization must be on an Enterprise plan.');
  const granted = Object.fromEntries(PERMISSION_NAMES.map((p) => [p, permissions?.[p] === true]));
  if (access.role === OrgUserType.Custom && PERMISSION_NAMES.some((p) => granted[p] && !access.permissions[p])) {
    throw badRequest('Custom users can only grant the same custom permissions that they have.');
  }
  return JSON.stringify(granted);
}

export type MemberAction = 'revoke' | 'restore' | 'remove';

/**
 * Revoke, restore and remove by a Custom member (manage-users) stop at Admins, as upstream's
 * `CustomUserActingOnAdminValidator`: the message to answer (per user in bulk), or '' when allowed.
 * Owners are refused earlier, by the Owners-only rule.
 */
export function customActingOnAdmin(access: OrgAccess, targetType: number, action: MemberAction): string {
  if (targetType !== OrgUserType.Admin || access.role !== OrgUserType.Custom) return '';
  return `Custom users can not ${action} admins.`;
}
