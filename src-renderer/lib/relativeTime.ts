const format = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/**
 * How long ago `then` was, in words: `just now`, `5 minutes ago`, `2 hours ago`, `3 days ago`. Whole units,
 * rounded down, so the text never claims more freshness than there is. A time in the future (a clock ahead of
 * ours) reads `just now`.
 */
export function timeAgo(then: number, now: number): string {
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}

/** Milliseconds since the epoch for an ISO timestamp, or undefined when it is missing or unreadable. */
export function parseTime(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}
