import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { createRawSnippet, flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AppFrame from '../../../../src-renderer/lib/components/AppFrame.svelte';
import { paletteRegistry } from '../../../../src-renderer/lib/palette/registry.svelte';
import { sections } from '../../../../src-renderer/lib/sections';
import { toast } from '../../../../src-renderer/lib/toasts.svelte';

const hrefs = Object.fromEntries(sections.map((s) => [s.path, `#${s.path}`])) as Record<
  (typeof sections)[number]['path'],
  string
>;

function renderFrame() {
  const onNavigate = vi.fn();
  const children = createRawSnippet(() => ({ render: () => '<h1>Page heading</h1>' }));
  render(AppFrame, { currentPath: '/clients', hrefs, onNavigate, children });
  return { onNavigate };
}

const optionLabels = () =>
  within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map((o) => o.querySelector('.label')?.textContent);

afterEach(() => {
  paletteRegistry.remove('clients');
  toast.clear();
});

describe('AppFrame: palette and notices', () => {
  it('opens the palette on Ctrl+K with the six sections, and goes to the chosen one', async () => {
    const { onNavigate } = renderFrame();
    await fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true });
    await screen.findByRole('dialog', { name: 'Command palette' });
    expect(optionLabels()).toEqual(['Clients', 'Members', 'Event logs', 'Billing', 'Settings', 'Waiting']);

    await fireEvent.input(screen.getByRole('combobox', { name: 'Go to' }), { target: { value: 'bill' } });
    await fireEvent.keyDown(screen.getByRole('combobox', { name: 'Go to' }), { key: 'Enter' });
    expect(onNavigate).toHaveBeenCalledTimes(1);
    expect(onNavigate.mock.calls[0]?.[0]).toMatchObject({ path: '/billing' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('opens the palette from the sidebar button too', async () => {
    renderFrame();
    const trigger = screen.getByRole('button', { name: 'Go to…' });
    expect(trigger.getAttribute('aria-keyshortcuts')).toBe('Control+K');
    await fireEvent.click(trigger);
    expect(await screen.findByRole('combobox', { name: 'Go to' })).toBeTruthy();
  });

  it('lists items registered by pages after the sections, and drops them when they are removed', async () => {
    renderFrame();
    const open = vi.fn();
    const remove = paletteRegistry.set('clients', [
      { id: 'client:1', label: 'Acme Corp', kind: 'Client', run: () => open('Acme Corp') },
    ]);
    await fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true });
    await screen.findByRole('dialog');
    expect(optionLabels()).toEqual(['Clients', 'Members', 'Event logs', 'Billing', 'Settings', 'Waiting', 'Acme Corp']);
    await fireEvent.input(screen.getByRole('combobox', { name: 'Go to' }), { target: { value: 'acme' } });
    await fireEvent.keyDown(screen.getByRole('combobox', { name: 'Go to' }), { key: 'Enter' });
    expect(open).toHaveBeenCalledWith('Acme Corp');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    remove();
    await fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true });
    await screen.findByRole('dialog');
    expect(optionLabels()).not.toContain('Acme Corp');
  });

  it('shows notices from the app’s toast store', async () => {
    renderFrame();
    toast.error('Could not reach the server');
    flushSync();
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(within(region).getByRole('alert').textContent).toContain('Could not reach the server');
  });
});
