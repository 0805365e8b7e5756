// Event lists (bitwarden-api.md §6.8, shared by every event endpoint): date range with the 30-day default,
// swapped bounds corrected, 367-day limit, pages of 50 newest first, and an opaque continuation token.
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Database, EventRow } from '../db/schema';
import { badRequest, invalidField } from '../http/errors';
import { eventResponse } from './events';

export const PAGE_SIZE = 50;
const DAY = 24 * 60 * 60 * 1000;

export interface EventQuery {
  start?: string | undefined;
  end?: string | undefined;
  continuationToken?: string | undefined;
}

function parseDate(value: string, key: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime()))
    throw invalidField(key, `The value '${value.slice(0, 40)}' is not valid.`);
  return d;
}

export function dateRange(q: EventQuery, now = new Date()): { start: string; end: string } {
  let start: Date;
  let end: Date;
  if (!q.start || !q.end) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    start = new Date(today - 30 * DAY);
    end = new Date(today + DAY - 1);
  } else {
    start = parseDate(q.start, 'start');
    end = parseDate(q.end, 'end');
    if (start > end) [start, end] = [end, start];
  }
  if (end.getTime() - start.getTime() > 367 * DAY) throw badRequest('Range too large.');
  return { start: start.toISOString(), end: end.toISOString() };
}

const encodeToken = (e: EventRow) => Buffer.from(`${e.date}|${e.id}`, 'utf8').toString('base64url');

function decodeToken(token: string): { date: string; id: string } {
  const [date, id] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (!date || !id || Number.isNaN(new Date(date).getTime()))
    throw invalidField('continuationToken', 'Invalid continuation token.');
  return { date, id };
}

type EventSelect = SelectQueryBuilder<Database, 'events', EventRow>;

/** Runs `base` (already filtered to what the caller may see) over the range and page; returns the list envelope. */
export async function eventPage(base: EventSelect, q: EventQuery) {
  const { start, end } = dateRange(q);
  const after = q.continuationToken ? decodeToken(q.continuationToken) : null;
  // One upper bound, the tighter of the range's end and the token's date, so the index range scan starts at the
  // token (the token's OR is not sargable; deep pages would read every newer event first).
  const upper = after && after.date < end ? after.date : end;
  let query = base.where('date', '>=', start).where('date', '<=', upper);
  if (after) {
    query = query.where((eb: ExpressionBuilder<Database, 'events'>) =>
      eb.or([eb('date', '<', after.date), eb.and([eb('date', '=', after.date), eb('id', '<', after.id)])]),
    );
  }
  const rows = await query
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE + 1)
    .execute();
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    object: 'list',
    data: page.map(eventResponse),
    continuationToken: rows.length > PAGE_SIZE && last ? encodeToken(last) : null,
  };
}
