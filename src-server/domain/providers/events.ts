// Provider events (bitwarden-api.md §6.8, §8.2–8.4): written in the transaction of their change, only while the
// provider has `useEvents` on and is enabled; read by date range, 50 a page, newest first, with an opaque
// continuation token (`date|id`, so events with the same date page correctly).
import type { Kysely, Transaction } from 'kysely';
import type { Database, EventRow, Provider } from '../../db/schema';
import { isSet } from '../../db/values';
import { badRequest, validationFailed } from '../../http/errors';
import { EventType } from '../eventTypes';
import { eventResponse, writeEvents, type EventInput, type EventOrigin } from '../events';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export const PAGE_SIZE = 50;
const MAX_RANGE_MS = 367 * 24 * 3600 * 1000;

/** Writes provider events when the provider logs events (useEvents and enabled). */
export async function writeProviderEvents(
  trx: DbOrTrx,
  provider: Pick<Provider, 'use_events' | 'enabled'>,
  events: EventInput[],
): Promise<void> {
  if (!isSet(provider.use_events) || !isSet(provider.enabled)) return;
  await writeEvents(trx, events);
}

/**
 * A provider user opened a client's collection management (`GET /organizations/{orgId}/collections/details`):
 * 1903 ProviderOrganization_VaultAccessed on the provider log and 1603 Organization_VaultAccessed on the org log.
 * Call it from that route when `access.providerId` is set (the caller is not acting as a member).
 */
export async function logProviderVaultAccess(
  db: Kysely<Database>,
  orgId: string,
  providerId: string,
  origin: EventOrigin,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const link = await trx
      .selectFrom('provider_organizations as po')
      .innerJoin('providers as p', 'p.id', 'po.provider_id')
      .select(['po.id', 'p.use_events', 'p.enabled'])
      .where('po.organization_id', '=', orgId)
      .where('po.provider_id', '=', providerId)
      .executeTakeFirst();
    if (!link) return;
    await writeProviderEvents(trx, link, [
      { ...origin, type: EventType.ProviderOrganization_VaultAccessed, providerId, providerOrganizationId: link.id },
    ]);
    await writeEvents(trx, [
      { ...origin, type: EventType.Organization_VaultAccessed, organizationId: orgId, providerId },
    ]);
  });
}

export interface DateRange {
  start: string;
  end: string;
}

/** ApiHelpers.GetDateRange: both missing → last 30 days (UTC); swapped → corrected; over 367 days → 400. */
export function eventDateRange(
  startText: string | undefined,
  endText: string | undefined,
  now = new Date(),
): DateRange {
  const parse = (key: string, text: string) => {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw validationFailed({ [key]: [`The value '${text.slice(0, 50)}' is not valid.`] });
    return ms;
  };
  let start: number;
  let end: number;
  if (startText && endText) {
    start = parse('start', startText);
    end = parse('end', endText);
    if (start > end) [start, end] = [end, start];
  } else {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    end = today + 24 * 3600 * 1000 - 1;
    start = today - 30 * 24 * 3600 * 1000;
  }
  if (end - start > MAX_RANGE_MS) throw badRequest('Range too large.');
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

function decodeToken(token: string | undefined): { date: string; id: string } | null {
  if (!token) return null;
  const [date, id] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (!date || !id || Number.isNaN(Date.parse(date)))
    throw validationFailed({ continuationToken: ['The continuation token is not valid.'] });
  return { date, id };
}

export interface EventQuery {
  providerId: string;
  actingUserId?: string;
  range: DateRange;
  continuationToken?: string | undefined;
}

/** One page of provider events: every event carrying the provider id (org events by provider users included). */
export async function providerEventPage(db: DbOrTrx, q: EventQuery) {
  const after = decodeToken(q.continuationToken);
  // One upper bound, the tighter of the range's end and the token's date, so the index range scan starts at the
  // token: the token's OR is not sargable, and SQLite bounds the scan by only one of two upper bounds, so deep pages
  // read every newer event first (bench/server/events.ts).
  const upper = after && after.date < q.range.end ? after.date : q.range.end;
  let query = db
    .selectFrom('events')
    .selectAll()
    .where('provider_id', '=', q.providerId)
    .where('date', '>=', q.range.start)
    .where('date', '<=', upper);
  if (q.actingUserId) query = query.where('acting_user_id', '=', q.actingUserId);
  if (after)
    query = query.where((eb) =>
      eb.or([eb('date', '<', after.date), eb.and([eb('date', '=', after.date), eb('id', '<', after.id)])]),
    );
  const rows: EventRow[] = await query
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE + 1)
    .execute();
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  const more = rows.length > PAGE_SIZE && last;
  return {
    object: 'list',
    data: page.map(eventResponse),
    continuationToken: more ? Buffer.from(`${last.date}|${last.id}`, 'utf8').toString('base64url') : null,
  };
}
