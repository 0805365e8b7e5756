/**
 * When provider members were invited. Provider users carry no date on the wire (bitwarden-api.md §6.4), so the
 * queue reads the provider event log back to `since` for "invited" events (1800). Someone invited before `since`
 * has no event in that window: their invitation is older than the queue's threshold.
 */
import { fetchProviderEvents } from '../../bitwarden/providerApi';
import { DeskError } from '../../../src-shared/contract';
import type { PortalContext } from './portalContext';

const PROVIDER_USER_INVITED = 1800;
/** Pages of 50 read at most (a busy provider's week); beyond that the remaining people count as old. */
const MAX_PAGES = 40;

export async function inviteDates(
  ctx: PortalContext,
  accountId: string,
  providerId: string,
  since: number,
  wanted: Set<string>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const range = {
    start: new Date(since).toISOString(),
    end: new Date(ctx.now() + 86_400_000).toISOString(),
    continuationToken: null as string | null,
  };
  try {
    for (let page = 0; page < MAX_PAGES && found.size < wanted.size; page++) {
      const { events, continuationToken } = await ctx.call(accountId, (a) => fetchProviderEvents(a, providerId, range));
      for (const event of events) {
        const id = event.providerUserId?.toLowerCase();
        if (event.type !== PROVIDER_USER_INVITED || !id || !wanted.has(id)) continue;
        if ((found.get(id) ?? '') < event.date) found.set(id, event.date);
      }
      if (!continuationToken) break;
      range.continuationToken = continuationToken;
    }
  } catch (error) {
    // No event log for this provider (events off or not allowed): invitation ages stay unknown.
    if (!(error instanceof DeskError) || !['forbidden', 'not_found'].includes(error.code)) throw error;
  }
  return found;
}
