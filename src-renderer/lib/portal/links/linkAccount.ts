import type { LinkInfo } from '$shared/contract/portal/links';
import type { AccountSummary } from '$shared/contract/session';

/**
 * The signed-in account a link is for: the address it was sent to, on the server it came from (main refuses any
 * other account). Among several, main's own pick, then the active account. Null: sign in or create the account.
 */
export function accountForLink(
  link: LinkInfo,
  accounts: readonly AccountSummary[],
  activeId: string | null,
): AccountSummary | null {
  const email = link.email?.toLowerCase();
  const candidates = accounts.filter(
    (a) => (!email || a.email.toLowerCase() === email) && (!link.serverLabel || a.server.label === link.serverLabel),
  );
  return (
    candidates.find((a) => a.id === link.matchingAccountId) ??
    candidates.find((a) => a.id === activeId) ??
    candidates[0] ??
    null
  );
}
