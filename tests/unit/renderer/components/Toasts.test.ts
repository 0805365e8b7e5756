import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Toasts from '../../../../src-renderer/lib/components/Toasts.svelte';
import { toastDurations, ToastStore } from '../../../../src-renderer/lib/toasts.svelte';

let store: ToastStore;

beforeEach(() => {
  store = new ToastStore();
});

afterEach(() => {
  store.clear();
  vi.useRealTimers();
});

const region = () => screen.getByRole('region', { name: 'Notifications' });
const polite = () => within(region()).getByRole('status');
const assertive = () => within(region()).getByRole('alert');

describe('Toasts', () => {
  it('keeps a polite and an assertive live region in the document while empty', () => {
    render(Toasts, { store });
    expect(polite().getAttribute('aria-live')).toBe('polite');
    expect(assertive().getAttribute('aria-live')).toBe('assertive');
    expect(polite().textContent?.trim()).toBe('');
    expect(assertive().textContent?.trim()).toBe('');
  });

  it('announces success and info politely and errors assertively, with the tone in words', async () => {
    render(Toasts, { store });
    store.success('Client renamed');
    store.error('Could not unlink Acme');
    store.info('Sync started');
    await waitFor(() => expect(polite().textContent).toContain('Client renamed'));
    expect(polite().textContent).toContain('Success: Client renamed');
    expect(polite().textContent).toContain('Information: Sync started');
    expect(polite().textContent).not.toContain('Acme');
    expect(assertive().textContent).toContain('Error: Could not unlink Acme');
  });

  it('runs the action from its button and removes the notice', async () => {
    render(Toasts, { store });
    const undo = vi.fn();
    store.success('Member removed', { action: { label: 'Undo', run: undo } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(undo).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText(/Member removed/)).toBeNull());
  });

  it('dismisses with its button, or with Escape, and gives focus back where it came from', async () => {
    render(Toasts, { store });
    const outside = document.body.appendChild(document.createElement('button'));
    outside.textContent = 'Save';
    store.error('First problem');
    store.error('Second problem');

    await fireEvent.click((await screen.findAllByRole('button', { name: 'Dismiss notification' }))[0]!);
    expect(assertive().textContent).not.toContain('First problem');

    outside.focus();
    const dismiss = screen.getByRole('button', { name: 'Dismiss notification' });
    dismiss.focus();
    await fireEvent.focusIn(dismiss, { relatedTarget: outside });
    await fireEvent.keyDown(dismiss, { key: 'Escape' });
    expect(store.items).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(outside));
    outside.remove();
  });

  it('moves focus to the next notice when the focused one is dismissed', async () => {
    render(Toasts, { store });
    store.error('One');
    store.error('Two');
    const [first] = await screen.findAllByRole('button', { name: 'Dismiss notification' });
    first!.focus();
    await fireEvent.click(first!);
    await waitFor(() => expect(document.activeElement?.closest('[data-toast]')?.textContent).toContain('Two'));
  });

  it('pauses auto-dismissal while the pointer or focus is on the notices', async () => {
    vi.useFakeTimers();
    render(Toasts, { store });
    store.success('Saved');
    await fireEvent.pointerEnter(region());
    vi.advanceTimersByTime(toastDurations.success * 3);
    expect(store.items).toHaveLength(1);
    await fireEvent.pointerLeave(region());
    vi.advanceTimersByTime(toastDurations.success);
    expect(store.items).toHaveLength(0);

    store.success('Saved again');
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Dismiss notification' })).toBeTruthy());
    const dismiss = screen.getByRole('button', { name: 'Dismiss notification' });
    await fireEvent.focusIn(dismiss);
    vi.advanceTimersByTime(toastDurations.success * 3);
    expect(store.items).toHaveLength(1);
    await fireEvent.focusOut(dismiss);
    vi.advanceTimersByTime(toastDurations.success);
    expect(store.items).toHaveLength(0);
  });
});

describe('ToastStore.clearErrors', () => {
  it('removes only the error notices, keeping the others and their countdowns', () => {
    vi.useFakeTimers();
    const local = new ToastStore();
    local.error('First failure');
    local.success('Saved');
    local.error('Second failure');
    local.clearErrors();
    expect(local.items.map((t) => t.message)).toEqual(['Saved']);
    vi.advanceTimersByTime(toastDurations.success);
    expect(local.items).toEqual([]);
  });
});
