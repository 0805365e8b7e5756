/**
 * The sidebar's sections, in order; the n-th is reached with Ctrl/Cmd+n. The number is fixed by this list, not by
 * what a role sees, so Waiting is Ctrl+6 for everyone and a hidden section's number does nothing.
 */
export const sections = [
  { path: '/clients', label: 'Clients' },
  { path: '/members', label: 'Members' },
  { path: '/events', label: 'Event logs' },
  { path: '/billing', label: 'Billing' },
  { path: '/settings', label: 'Settings' },
  // Across the provider and every client: members waiting for confirmation, stale invitations.
  { path: '/queue', label: 'Waiting' },
] as const;

export type Section = (typeof sections)[number];
export type SectionPath = Section['path'];

/** The section a route path belongs to (`/clients/abc` belongs to Clients), if any. */
export function sectionFor(pathname: string): Section | undefined {
  return sections.find((section) => pathname === section.path || pathname.startsWith(`${section.path}/`));
}
