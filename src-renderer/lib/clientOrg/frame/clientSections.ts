import type { OrgOverview } from '$shared/contract/clientOrg';

/**
 * The admin console's sub-navigation (provider-portal.md §12): one entry per page, each under
 * `/clients/<orgId>/<path>`. `page` names the overview flag that says whether the org offers it (Groups need
 * `useGroups`, Policies `usePolicies`…); until the overview is known every entry is shown.
 */
export const clientSections = [
  { path: 'members', label: 'Members', page: 'members' },
  { path: 'groups', label: 'Groups', page: 'groups' },
  { path: 'collections', label: 'Collections', page: 'collections' },
  { path: 'policies', label: 'Policies', page: 'policies' },
  { path: 'sso', label: 'Single sign-on', page: 'sso' },
  { path: 'import', label: 'Import', page: 'import' },
  { path: 'events', label: 'Event logs', page: 'events' },
  { path: 'subscription', label: 'Subscription', page: 'subscription' },
] as const satisfies readonly { path: string; label: string; page: keyof OrgOverview['pages'] }[];

export type ClientSection = (typeof clientSections)[number];
export type ClientSectionPath = ClientSection['path'];

/** The sections this org offers: all of them while the overview is unknown, so the frame never flickers empty. */
export function availableSections(overview: OrgOverview | null): ClientSection[] {
  return clientSections.filter((section) => !overview || overview.pages[section.page]);
}

/** Which section a route id (`/clients/[orgId]/members`) or path belongs to. */
export function sectionOfRoute(routeId: string): ClientSectionPath | undefined {
  const rest = /^\/clients\/[^/]+\/([^/]+)/.exec(routeId)?.[1];
  return clientSections.find((section) => section.path === rest)?.path;
}
