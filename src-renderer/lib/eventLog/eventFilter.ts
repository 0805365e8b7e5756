/**
 * The event log's filter (provider-portal.md §7): a local date range that defaults to the last 30 days (start at
 * 00:00 thirty days ago, end today at 23:59), the acting user, the event type, the client, and free text.
 */

export interface EventLogFilter {
  /** `datetime-local` values: `YYYY-MM-DDTHH:mm`, local time. */
  start: string;
  end: string;
  /** Acting user id; '' for everyone. */
  actor: string;
  /** EventType; null for every type. */
  type: number | null;
  /** A client's organization id; '' for every client. */
  client: string;
  text: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A local `datetime-local` value for a date. */
export function toLocalInput(date: Date): string {
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}` +
    `T${two(date.getHours())}:${two(date.getMinutes())}`
  );
}

/** Today − 30 days at 00:00 to today at 23:59, local time. */
export function defaultRange(now: Date): { start: string; end: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 30, 0, 0);
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59);
  return { start: toLocalInput(start), end: toLocalInput(end) };
}

export function defaultFilter(now = new Date()): EventLogFilter {
  return { ...defaultRange(now), actor: '', type: null, client: '', text: '' };
}

export type RangeResult = { ok: true; startIso: string; endIso: string } | { ok: false; error: string };

const localInput = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The range as UTC ISO bounds (the end includes its whole minute), or why it cannot be used. */
export function rangeBounds(filter: Pick<EventLogFilter, 'start' | 'end'>): RangeResult {
  if (!localInput.test(filter.start) || !localInput.test(filter.end)) {
    return { ok: false, error: 'Enter a start and an end date and time.' };
  }
  const start = new Date(`${filter.start}:00.000`);
  const end = new Date(`${filter.end}:59.999`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    return { ok: false, error: 'Enter a start and an end date and time.' };
  }
  if (end < start) return { ok: false, error: 'The end date is before the start date.' };
  return { ok: true, startIso: start.toISOString(), endIso: end.toISOString() };
}

/** True when some filter besides the date range narrows the log. */
export function isNarrowed(filter: EventLogFilter): boolean {
  return filter.actor !== '' || filter.type !== null || filter.client !== '' || filter.text.trim() !== '';
}

/** Lower-cased words of the search; an event matches when its text holds every one. */
export function searchTerms(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const lower = haystack.toLowerCase();
  return terms.every((term) => lower.includes(term));
}
