/**
 * Reads the event log from the Dexie cache, newest first, with the filter applied. The narrowest index does the
 * first cut (type, or acting user, within the date range); the rest is checked row by row as the cursor walks,
 * and the walk stops after `limit` matches, so the first page comes quickly however large the cache is.
 */
import type { ProviderEvent } from '$shared/contract/sync';
import { eventTypeName } from '$shared/events/eventTypes';
import type { AccountCache, CachedEvent } from '../cache/accountCache';
import type { EventDirectory } from './eventDirectory';
import { matchesTerms, rangeBounds, searchTerms, type EventLogFilter } from './eventFilter';

/** One line of the list: the event and how it reads. */
export interface EventRow {
  key: string;
  event: ProviderEvent;
  date: string;
  actor: string;
  actorEmail: string | null;
  message: string;
  client: string | null;
}

export function toRow(event: ProviderEvent, directory: EventDirectory): EventRow {
  const actor = directory.actor(event);
  const client = directory.client(event);
  return {
    key: event.key,
    event,
    date: event.date,
    actor: directory.actorLabel(event),
    actorEmail: actor?.email ?? null,
    message: directory.message(event),
    client: client ? (client.name ?? client.organizationId.slice(0, 8)) : null,
  };
}

/** Whether a row passes the filters other than the date range (which the index applies). */
export function rowMatches(row: EventRow, filter: EventLogFilter, directory: EventDirectory): boolean {
  const { event } = row;
  if (filter.type !== null && event.type !== filter.type) return false;
  if (filter.actor && event.actingUserId !== filter.actor) return false;
  if (filter.client && !directory.concerns(event, filter.client)) return false;
  const terms = searchTerms(filter.text);
  if (terms.length === 0) return true;
  const text = [row.message, row.actor, row.actorEmail, row.client, eventTypeName(event.type), event.ipAddress];
  return matchesTerms(text.filter(Boolean).join(' '), terms);
}

export interface EventPage {
  rows: EventRow[];
  /** More events match beyond `limit`. */
  more: boolean;
}

export async function queryEvents(
  cache: AccountCache,
  scope: string,
  filter: EventLogFilter,
  directory: EventDirectory,
  limit = Infinity,
): Promise<EventPage> {
  const range = rangeBounds(filter);
  if (!range.ok) return { rows: [], more: false };
  const { startIso, endIso } = range;
  const events = cache.events;
  const collection =
    filter.type !== null
      ? events
          .where('[scope+type+date]')
          .between([scope, filter.type, startIso], [scope, filter.type, endIso], true, true)
      : filter.actor
        ? events
            .where('[scope+actingUserId+date]')
            .between([scope, filter.actor, startIso], [scope, filter.actor, endIso], true, true)
        : events.where('[scope+date]').between([scope, startIso], [scope, endIso], true, true);

  const rows: EventRow[] = [];
  let more = false;
  // `until` stops the cursor once the page is full (and one more match proves there is more).
  await collection
    .reverse()
    .until(() => more)
    .each((cached: CachedEvent) => {
      const { scope: _scope, ...event } = cached;
      const row = toRow(event, directory);
      if (!rowMatches(row, filter, directory)) return;
      if (rows.length >= limit) more = true;
      else rows.push(row);
    });
  return { rows, more };
}
