import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maxToasts, toastDurations, ToastStore } from '../../../../src-renderer/lib/toasts.svelte';

let store: ToastStore;
const messages = () => store.items.map((t) => t.message);

beforeEach(() => {
  vi.useFakeTimers();
  store = new ToastStore();
});

afterEach(() => {
  store.clear();
  vi.useRealTimers();
});

describe('ToastStore', () => {
  it('lets success and info notices leave on their own, and keeps errors until dismissed', () => {
    store.success('Client renamed');
    store.info('Sync started');
    const error = store.error('Could not reach the server');
    expect(store.items.map((t) => t.tone)).toEqual(['success', 'info', 'error']);

    vi.advanceTimersByTime(toastDurations.success);
    expect(messages()).toEqual(['Sync started', 'Could not reach the server']);
    vi.advanceTimersByTime(toastDurations.info - toastDurations.success);
    expect(messages()).toEqual(['Could not reach the server']);
    vi.advanceTimersByTime(10 * 60_000);
    expect(messages()).toEqual(['Could not reach the server']);

    store.dismiss(error);
    expect(store.items).toEqual([]);
  });

  it('gives a notice with an action longer, and honours an explicit duration', () => {
    store.success('Member removed', { action: { label: 'Undo', run: () => undefined } });
    store.info('Pinned', { duration: 1000 });
    store.error('Stays anyway?', { duration: 2000 });
    vi.advanceTimersByTime(2000);
    expect(messages()).toEqual(['Member removed']);
    vi.advanceTimersByTime(toastDurations.withAction - 2000);
    expect(store.items).toEqual([]);
  });

  it('runs an action once and removes its notice; a failing action leaves an error', async () => {
    const undo = vi.fn();
    const id = store.success('Member removed', { action: { label: 'Undo', run: undo } });
    await store.runAction(id);
    await store.runAction(id);
    expect(undo).toHaveBeenCalledTimes(1);
    expect(store.items).toEqual([]);

    const failing = store.info('Client unlinked', {
      action: {
        label: 'Undo',
        run: () => Promise.reject(new Error('offline')),
      },
    });
    await store.runAction(failing);
    expect(store.items.map((t) => [t.tone, t.message])).toEqual([['error', 'Undo failed: offline']]);
  });

  it('pauses countdowns and resumes them with the time that was left', () => {
    store.success('Saved');
    vi.advanceTimersByTime(3000);
    store.pause();
    vi.advanceTimersByTime(60_000);
    expect(messages()).toEqual(['Saved']);
    // A notice added while paused waits too.
    store.info('Later');
    vi.advanceTimersByTime(60_000);
    expect(messages()).toEqual(['Saved', 'Later']);

    store.resume();
    vi.advanceTimersByTime(toastDurations.success - 3000 - 1);
    expect(messages()).toEqual(['Saved', 'Later']);
    vi.advanceTimersByTime(1);
    expect(messages()).toEqual(['Later']);
  });

  it('refreshes a repeated notice instead of stacking copies', () => {
    const first = store.success('Saved');
    vi.advanceTimersByTime(4000);
    expect(store.success('Saved')).toBe(first);
    expect(store.items).toHaveLength(1);
    vi.advanceTimersByTime(4000);
    expect(messages()).toEqual(['Saved']);
    vi.advanceTimersByTime(1000);
    expect(store.items).toEqual([]);
  });

  it(`keeps at most ${maxToasts}, dropping the oldest non-error first`, () => {
    store.error('Error 1');
    for (let i = 1; i <= maxToasts; i++) store.info(`Info ${i}`);
    expect(messages()).toEqual(['Error 1', 'Info 2', 'Info 3', 'Info 4', 'Info 5']);
    // The dropped notice's timer is gone with it: nothing odd happens when it would have fired.
    vi.advanceTimersByTime(toastDurations.info);
    expect(messages()).toEqual(['Error 1']);
  });
});
