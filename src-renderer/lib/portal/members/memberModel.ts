import type { CachedMember } from '../../cache/accountCache';

/**
 * Provider members as the Members page shows them (provider-portal.md §6): status and role words, the status
 * filter with its counts, the text filter, and the rules that keep a provider manageable (at least one confirmed
 * provider admin; nobody removes themselves).
 */

export const ProviderUserStatus = { Invited: 0, Accepted: 1, Confirmed: 2 } as const;
export const ProviderUserType = { ProviderAdmin: 0, ServiceUser: 1 } as const;

export type StatusFilter = 'all' | 'invited' | 'accepted';

export const roleOptions = [
  {
    type: ProviderUserType.ServiceUser,
    label: 'Service user',
    hint: 'Manages every client organization. Cannot manage provider members, event logs, billing or settings.',
  },
  {
    type: ProviderUserType.ProviderAdmin,
    label: 'Provider admin',
    hint: 'Everything a service user does, plus provider members, event logs, billing and settings.',
  },
] as const;

export function roleLabel(type: number): string {
  return type === ProviderUserType.ProviderAdmin ? 'Provider admin' : 'Service user';
}

/** The badge: `status` picks the tone (StatusBadge), `label` is what is read. */
export function statusBadge(status: number): { status: string; label: string } {
  if (status === ProviderUserStatus.Invited) return { status: 'invited', label: 'Invited' };
  if (status === ProviderUserStatus.Accepted) return { status: 'accepted', label: 'Accepted' };
  return { status: 'confirmed', label: 'Confirmed' };
}

export function displayName(member: Pick<CachedMember, 'name' | 'email' | 'id'>): string {
  return member.name?.trim() || member.email || member.id;
}

export function matchesSearch(member: CachedMember, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [member.name, member.email, member.id].some((field) => field?.toLowerCase().includes(needle));
}

export function filterMembers(members: readonly CachedMember[], filter: StatusFilter, text: string): CachedMember[] {
  return members.filter(
    (m) =>
      (filter === 'all' ||
        (filter === 'invited' && m.status === ProviderUserStatus.Invited) ||
        (filter === 'accepted' && m.status === ProviderUserStatus.Accepted)) &&
      matchesSearch(m, text),
  );
}

export function statusCounts(members: readonly CachedMember[]): Record<StatusFilter, number> {
  return {
    all: members.length,
    invited: members.filter((m) => m.status === ProviderUserStatus.Invited).length,
    accepted: members.filter((m) => m.status === ProviderUserStatus.Accepted).length,
  };
}

export function confirmedAdmins(members: readonly CachedMember[]): CachedMember[] {
  return members.filter((m) => m.type === ProviderUserType.ProviderAdmin && m.status === ProviderUserStatus.Confirmed);
}

/** The only confirmed provider admin, when there is exactly one (the page warns about it). */
export function soleAdmin(members: readonly CachedMember[]): CachedMember | null {
  const admins = confirmedAdmins(members);
  return admins.length === 1 ? admins[0]! : null;
}

const LAST_ADMIN = 'The provider must keep at least one confirmed provider admin.';

/** Why these members cannot be removed together, or null. */
export function removalBlock(
  targets: readonly CachedMember[],
  members: readonly CachedMember[],
  myUserId: string | null,
): string | null {
  if (myUserId && targets.some((m) => m.userId === myUserId)) return 'You cannot remove yourself from the provider.';
  const ids = new Set(targets.map((m) => m.id));
  const remaining = confirmedAdmins(members).filter((m) => !ids.has(m.id));
  if (confirmedAdmins(members).length > 0 && remaining.length === 0) return LAST_ADMIN;
  return null;
}

/** Why this member cannot take `type`, or null. */
export function roleChangeBlock(member: CachedMember, type: number, members: readonly CachedMember[]): string | null {
  if (member.type === type) return null;
  const isSole = soleAdmin(members)?.id === member.id;
  return isSole && type !== ProviderUserType.ProviderAdmin ? LAST_ADMIN : null;
}

export const everyInvited = (rows: readonly CachedMember[]) =>
  rows.length > 0 && rows.every((m) => m.status === ProviderUserStatus.Invited);
export const everyAccepted = (rows: readonly CachedMember[]) =>
  rows.length > 0 && rows.every((m) => m.status === ProviderUserStatus.Accepted);
