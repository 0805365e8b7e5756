import { accessLevels, type AccessGrant, type AccessLevel } from '$shared/contract/clientOrg';

/** Collection access as the web client words it (bitwarden-api.md §7.5). */
export const accessLevelLabels: Record<AccessLevel, string> = {
  canView: 'Can view',
  canViewExceptPasswords: 'Can view, except passwords',
  canEdit: 'Can edit',
  canEditExceptPasswords: 'Can edit, except passwords',
  canManage: 'Can manage',
};

export const accessLevelOptions = accessLevels.map((level) => ({ value: level, label: accessLevelLabels[level] }));

/** What a newly ticked entry gets. */
export const defaultAccessLevel: AccessLevel = 'canView';

/** Grants as a lookup from id to level. */
export function grantMap(grants: readonly AccessGrant[]): Map<string, AccessLevel> {
  return new Map(grants.map((grant) => [grant.id.toLowerCase(), grant.access]));
}

/** Adds, changes (level given) or removes (level null) one grant, keeping the others in order. */
export function withGrant(grants: readonly AccessGrant[], id: string, level: AccessLevel | null): AccessGrant[] {
  const key = id.toLowerCase();
  const others = grants.filter((grant) => grant.id.toLowerCase() !== key);
  if (level === null) return others;
  const index = grants.findIndex((grant) => grant.id.toLowerCase() === key);
  const next = { id, access: level };
  if (index === -1) return [...others, next];
  return [...others.slice(0, index), next, ...others.slice(index)];
}
