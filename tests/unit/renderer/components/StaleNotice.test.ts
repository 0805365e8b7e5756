import { render } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import StaleNotice from '../../../../src-renderer/lib/components/StaleNotice.svelte';

const start = Date.parse('2025-03-10T12:00:00Z');
const minutesBefore = (minutes: number) => new Date(start - minutes * 60_000).toISOString();

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(start);
});

afterEach(() => vi.useRealTimers());

const text = (container: HTMLElement) => container.textContent?.replace(/\s+/g, ' ').trim();

describe('StaleNotice', () => {
  it('says how long ago the last sync was, with the exact time on a <time> element', () => {
    const { container } = render(StaleNotice, { lastSyncedAt: minutesBefore(5) });
    expect(text(container)).toBe('Last synced 5 minutes ago');
    const time = container.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(minutesBefore(5));
    expect(time?.getAttribute('title')).toBe(new Date(start - 5 * 60_000).toLocaleString());
  });

  it('updates every 30 seconds as time passes', async () => {
    const { container } = render(StaleNotice, { lastSyncedAt: minutesBefore(0.5) });
    expect(text(container)).toBe('Last synced just now');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(text(container)).toBe('Last synced 1 minute ago');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(text(container)).toBe('Last synced 1 hour ago');
  });

  it('turns stale after the threshold and when offline', async () => {
    const { container, rerender } = render(StaleNotice, { lastSyncedAt: minutesBefore(10), staleAfterMinutes: 15 });
    const notice = () => container.querySelector('.stale-notice')!;
    expect(notice().getAttribute('data-state')).toBe('fresh');
    await vi.advanceTimersByTimeAsync(6 * 60_000);
    expect(notice().getAttribute('data-state')).toBe('stale');

    await rerender({ offline: true });
    expect(notice().getAttribute('data-state')).toBe('offline');
    expect(text(container)).toBe('Offline · last synced 16 minutes ago');
  });

  it('says when there has been no sync, or the timestamp is unreadable', async () => {
    const { container, rerender } = render(StaleNotice, { lastSyncedAt: null });
    expect(text(container)).toBe('Not synced yet');
    await rerender({ lastSyncedAt: 'garbage', offline: true });
    expect(text(container)).toBe('Offline · not synced yet');
  });

  it('stops its timer when removed', () => {
    const { unmount } = render(StaleNotice, { lastSyncedAt: minutesBefore(1) });
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
