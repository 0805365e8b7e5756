import type { MemberRole, MemberStatus, OrgMember, OrgPermissionName } from '$shared/contract/clientOrg';
import type { BadgeTone } from '../../components/StatusBadge.svelte';

/** How members read in the console (bitwarden-api.md §7.3: roles, statuses, Custom permissions). */

export const roleLabels: Record<MemberRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  user: 'User',
  custom: 'Custom',
};

export const roleHints: Record<MemberRole, string> = {
  owner: 'Manages everything, including billing and other owners.',
  admin: 'Manages members, groups, collections and settings.',
  user: 'Uses the collections they are given.',
  custom: 'Only the permissions ticked below.',
};

export const statusLabels: Record<MemberStatus, string> = {
  invited: 'Invited',
  accepted: 'Needs confirmation',
  confirmed: 'Confirmed',
  revoked: 'Revoked',
  staged: 'Staged',
};

export const statusTones: Record<MemberStatus, BadgeTone> = {
  invited: 'info',
  accepted: 'warning',
  confirmed: 'success',
  revoked: 'neutral',
  staged: 'neutral',
};

export const permissionLabels: Record<OrgPermissionName, string> = {
  accessEventLogs: 'Access event logs',
  accessImportExport: 'Access import/export',
  accessReports: 'Access reports',
  createNewCollections: 'Create new collections',
  editAnyCollection: 'Edit any collection',
  deleteAnyCollection: 'Delete any collection',
  manageGroups: 'Manage groups',
  managePolicies: 'Manage policies',
  manageSso: 'Manage SSO',
  manageUsers: 'Manage users',
  manageResetPassword: 'Manage account recovery',
  manageScim: 'Manage SCIM',
  manageAccessRules: 'Manage access rules',
};

/** The permissions a Custom member holds, as words. */
export function grantedPermissions(member: Pick<OrgMember, 'role' | 'permissions'>): string[] {
  if (member.role !== 'custom' || !member.permissions) return [];
  return (Object.keys(permissionLabels) as OrgPermissionName[])
    .filter((name) => member.permissions?.[name])
    .map((name) => permissionLabels[name]);
}

/** The role as one line: "Custom: Manage users, Access reports". */
export function roleText(member: Pick<OrgMember, 'role' | 'permissions'>): string {
  const granted = grantedPermissions(member);
  if (member.role !== 'custom') return roleLabels[member.role];
  return granted.length ? `Custom: ${granted.join(', ')}` : 'Custom: no permissions';
}

export function memberLabel(member: Pick<OrgMember, 'name' | 'email' | 'id'>): string {
  return member.name || member.email || member.id;
}

/** "2 members" / "1 member". */
export function countMembers(count: number): string {
  return `${count} ${count === 1 ? 'member' : 'members'}`;
}
