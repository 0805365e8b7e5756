/**
 * Reads the event log from the Dexie cache, newest first, with the filter applied. When an index answers the
 * filter exactly (the date range, with one of type, acting user or client), the page is read straight from it,
 * `limit` rows in one `getAll`. Otherwise the narrowest index does the first cut (type, or acting user, within
 * the date range); the rest is checked row by row as the cursor walks, and the walk stops after `limit` matches,
 * so the first page comes quickly however large the cache is.
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

/** The events of a page, before they are read as rows (names come from the directory, which may change). */
export interface EventMatches {
  events: ProviderEvent[];
  /** More events match beyond `limit`. */
  more: boolean;
}

/**
 * Whether the filter's answer depends on the directory (names and clients): free text, or a client. Otherwise the
 * same events match whatever the directory knows, so a list need not read them again when it changes.
 */
export function usesDirectory(filter: EventLogFilter): boolean {
  return filter.client !== '' || searchTerms(filter.text).length > 0;
}

type EventCollection = ReturnType<AccountCache['events']['where']>;

/**
 * Index ranges that hold exactly the events the filter matches, when it has no free text and at most one of
 * type, acting user or client: the answer is then read with one `getAll` per range (newest first, `limit` rows),
 * with no row-by-row check. A client is two ranges: events of its organization, and events naming one of its
 * provider-organization ids (see `EventDirectory.concerns`). Null when rows must be checked one by one.
 */
export function exactRanges(
  cache: AccountCache,
  scope: string,
  filter: EventLogFilter,
  directory: EventDirectory,
  startIso: string,
  endIso: string,
): EventCollection[] | null {
  if (searchTerms(filter.text).length > 0) return null;
  const narrowed = [filter.type !== null, !!filter.actor, !!filter.client].filter(Boolean).length;
  if (narrowed > 1) return null;
  const events = cache.events;
  const by = (index: string, value: string | number) =>
    events.where(index).between([scope, value, startIso], [scope, value, endIso], true, true);
  if (filter.type !== null) return [by('[scope+type+date]', filter.type)];
  if (filter.actor) return [by('[scope+actingUserId+date]', filter.actor)];
  if (filter.client) {
    return [
      by('[scope+organizationId+date]', filter.client),
      ...directory.providerOrganizationIds(filter.client).map((id) => by('[scope+providerOrganizationId+date]', id)),
    ];
  }
  return [events.where('[scope+date]').between([scope, startIso], [scope, endIso], true, true)];
}

/** Newest first as the indexes order them: date, then key, both descending. */
function newestFirst(a: CachedEvent, b: CachedEvent): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}

/** The newest `count` events of the ranges together, each once. */
async function readNewest(ranges: EventCollection[], count: number): Promise<CachedEvent[]> {
  const reads = await Promise.all(ranges.map((range) => range.reverse().limit(count).toArray()));
  if (reads.length === 1) return reads[0]!;
  const byKey = new Map<string, CachedEvent>();
  for (const read of reads) for (const cached of read) byKey.set(cached.key, cached);
  return [...byKey.values()].sort(newestFirst).slice(0, count);
}

/** The newest `limit` events of the scope that match the filter, newest first. */
export async function queryEventMatches(
  cache: AccountCache,
  scope: string,
  filter: EventLogFilter,
  directory: EventDirectory,
  limit = Infinity,
): Promise<EventMatches> {
  const range = rangeBounds(filter);
  if (!range.ok) return { events: [], more: false };
  const { startIso, endIso } = range;

  const exact = exactRanges(cache, scope, filter, directory, startIso, endIso);
  if (exact) {
    // One more than the page proves there is more.
    const found = await readNewest(exact, limit + 1);
    const events = found.slice(0, limit).map(({ scope: _scope, ...event }) => event);
    return { events, more: found.length > limit };
  }

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

  const matched: ProviderEvent[] = [];
  let more = false;
  // `until` stops the cursor once the page is full (and one more match proves there is more).
  await collection
    .reverse()
    .until(() => more)
    .each((cached: CachedEvent) => {
      const { scope: _scope, ...event } = cached;
      if (!rowMatches(toRow(event, directory), filter, directory)) return;
      if (matched.length >= limit) more = true;
      else matched.push(event);
    });
  return { events: matched, more };
}

/** `queryEventMatches` read as rows. */
export async function queryEvents(
  cache: AccountCache,
  scope: string,
  filter: EventLogFilter,
  directory: EventDirectory,
  limit = Infinity,
): Promise<EventPage> {
  const { events, more } = await queryEventMatches(cache, scope, filter, directory, limit);
  return { rows: events.map((event) => toRow(event, directory)), more };
}
