import type { ProviderSummary } from '$shared/contract/sync';

/**
 * Who may do what on the Clients page (provider-portal.md §13): everyone opens, renames and manages seats (a
 * service user within the seat rule main enforces); only provider admins add clients and unlink them. Changes
 * need the server, and a disabled provider blocks them (`providerIsDisabled`).
 */
export interface ClientGates {
  /** New client and Add existing organization. */
  canAdd: boolean;
  canUnlink: boolean;
  /** Why changes cannot be made now (offline, provider disabled); null when they can. */
  blockedReason: string | null;
}

export function clientGates(
  provider: ProviderSummary | null,
  isAdmin: boolean,
  serverUnavailableReason: string | null,
): ClientGates {
  const disabled =
    provider && !provider.enabled ? 'This provider is disabled, so its clients cannot be changed.' : null;
  return { canAdd: isAdmin, canUnlink: isAdmin, blockedReason: serverUnavailableReason ?? disabled };
}

/** Where a client's admin console opens (its members page), as a route path. */
export function consolePath(organizationId: string): `/clients/${string}/members` {
  return `/clients/${encodeURIComponent(organizationId)}/members`;
}
