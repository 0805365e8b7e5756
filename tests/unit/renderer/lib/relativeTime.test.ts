import { describe, expect, it } from 'vitest';
import { parseTime, timeAgo } from '../../../../src-renderer/lib/relativeTime';

const now = Date.parse('2025-03-10T12:00:00Z');
const ago = (ms: number) => timeAgo(now - ms, now);

describe('timeAgo', () => {
  it('says just now under a minute, and for a clock ahead of ours', () => {
    expect(ago(0)).toBe('just now');
    expect(ago(59_999)).toBe('just now');
    expect(ago(-5 * 60_000)).toBe('just now');
  });

  it('counts whole minutes, hours and days, rounding down', () => {
    expect(ago(60_000)).toBe('1 minute ago');
    expect(ago(5 * 60_000 + 59_000)).toBe('5 minutes ago');
    expect(ago(59 * 60_000)).toBe('59 minutes ago');
    expect(ago(60 * 60_000)).toBe('1 hour ago');
    expect(ago(23 * 3_600_000 + 59 * 60_000)).toBe('23 hours ago');
    expect(ago(24 * 3_600_000)).toBe('1 day ago');
    expect(ago(9 * 24 * 3_600_000)).toBe('9 days ago');
  });
});

describe('parseTime', () => {
  it('reads ISO timestamps and refuses anything else', () => {
    expect(parseTime('2025-03-10T12:00:00Z')).toBe(now);
    expect(parseTime('yesterday-ish')).toBeUndefined();
    expect(parseTime('')).toBeUndefined();
    expect(parseTime(null)).toBeUndefined();
    expect(parseTime(undefined)).toBeUndefined();
  });
});
