import type { OrgMember } from '$shared/contract/clientOrg';

/**
 * The last-owner guard (provider-portal.md §14.9: the portal once let the only Owner be removed). An org must keep
 * at least one confirmed Owner: removing, revoking or demoting the last one is refused before asking the server,
 * which refuses it too.
 */
export function confirmedOwners(members: readonly OrgMember[]): OrgMember[] {
  return members.filter((member) => member.role === 'owner' && member.status === 'confirmed');
}

/**
 * Whether taking `ids` away (remove or revoke) would leave no confirmed Owner. Returns the owners that would be
 * lost, or an empty list when the action is safe. An org with no confirmed owner now has nothing to protect.
 */
export function ownersLostBy(members: readonly OrgMember[], ids: Iterable<string>): OrgMember[] {
  const owners = confirmedOwners(members);
  if (owners.length === 0) return [];
  const leaving = new Set([...ids].map((id) => id.toLowerCase()));
  const remaining = owners.filter((owner) => !leaving.has(owner.id.toLowerCase()));
  return remaining.length === 0 ? owners : [];
}

/** Why this member cannot be demoted from Owner, or null. */
export function demoteBlockedReason(members: readonly OrgMember[], member: OrgMember): string | null {
  if (member.role !== 'owner' || member.status !== 'confirmed') return null;
  const owners = confirmedOwners(members);
  const last = owners.length === 1 && owners[0]!.id === member.id;
  return last || member.lastConfirmedOwner
    ? 'The only confirmed Owner keeps the Owner role: make someone else an Owner first.'
    : null;
}

/**
 * Splits a removal or revocation into the members that can go and the ones the guard keeps: when every confirmed
 * owner is selected, one of them stays (the last in the selection, as main and the server do).
 */
export function guardSelection(
  members: readonly OrgMember[],
  selected: readonly OrgMember[],
): { allowed: OrgMember[]; kept: OrgMember | null } {
  const lost = ownersLostBy(
    members,
    selected.map((member) => member.id),
  );
  if (lost.length === 0) return { allowed: [...selected], kept: null };
  const kept = [...selected].reverse().find((member) => lost.some((owner) => owner.id === member.id)) ?? null;
  return { allowed: selected.filter((member) => member !== kept), kept };
}
