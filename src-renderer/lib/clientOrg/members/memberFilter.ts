import type { OrgMember } from '$shared/contract/clientOrg';

/**
 * The Members page's filters (provider-portal.md §6, as the web client's people table does it): a status view,
 * where All leaves out revoked members, and text matching name, email or id.
 */
export const memberViews = [
  { key: 'all', label: 'All' },
  { key: 'invited', label: 'Invited' },
  { key: 'accepted', label: 'Needs confirmation' },
  { key: 'revoked', label: 'Revoked' },
] as const;
export type MemberView = (typeof memberViews)[number]['key'];

export function inView(member: OrgMember, view: MemberView): boolean {
  return view === 'all' ? member.status !== 'revoked' : member.status === view;
}

export function viewCounts(members: readonly OrgMember[]): Record<MemberView, number> {
  const counts: Record<MemberView, number> = { all: 0, invited: 0, accepted: 0, revoked: 0 };
  for (const member of members) {
    for (const view of memberViews) if (inView(member, view.key)) counts[view.key] += 1;
  }
  return counts;
}

export function filterMembers(members: readonly OrgMember[], view: MemberView, text: string): OrgMember[] {
  const needle = text.trim().toLowerCase();
  return members.filter(
    (member) =>
      inView(member, view) &&
      (!needle || [member.name, member.email, member.id].some((field) => field?.toLowerCase().includes(needle))),
  );
}
