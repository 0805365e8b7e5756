import type { OrgOverview } from '$shared/contract/clientOrg';
import type { DeskError } from '../../desk';

/** How this account reaches the org, for the banner: "via Northwind IT Partners · Provider admin". */
export function actingAsText(overview: OrgOverview | null, fallbackProvider: string | null): string | null {
  const actingAs = overview?.actingAs;
  if (!actingAs) return fallbackProvider ? `via ${fallbackProvider}` : null;
  if (actingAs.kind === 'member') return `as ${roleNames[actingAs.role]}`;
  const provider = actingAs.providerName ?? fallbackProvider;
  const role =
    actingAs.providerRole === 'providerAdmin' ? 'Provider admin' : actingAs.providerRole ? 'Service user' : null;
  return [provider ? `via ${provider}` : 'via your provider', role].filter(Boolean).join(' · ');
}

const roleNames = { owner: 'Owner', admin: 'Admin', user: 'User', custom: 'Custom' } as const;

/**
 * A banner-worthy reason the console cannot work on this org. Offline is not one: cached data stays browsable and
 * the pages say which actions wait for the server.
 */
export function consoleProblem(error: DeskError | null): string | null {
  if (!error || error.code === 'offline') return null;
  if (error.code === 'forbidden' || error.code === 'not_found') {
    return `This client cannot be opened with your account: ${error.message}`;
  }
  return `The client's details could not be loaded: ${error.message}`;
}
