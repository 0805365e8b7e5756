import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProviderSummary } from '$shared/contract/sync';
import AppFrame from '../../../../src-renderer/lib/components/AppFrame.svelte';
import { portal } from '../../../../src-renderer/lib/portal/providerContext.svelte';
import { sections } from '../../../../src-renderer/lib/sections';

const hrefs = Object.fromEntries(sections.map((s) => [s.path, `#${s.path}`])) as Record<
  (typeof sections)[number]['path'],
  string
>;

function provider(userType: number): ProviderSummary {
  return {
    id: 'prov-1',
    name: 'Northwind IT Partners',
    userType,
    userStatus: 2,
    enabled: true,
    useEvents: true,
    providerStatus: 2,
    providerType: 0,
  };
}

function renderFrame() {
  const onNavigate = vi.fn();
  const children = createRawSnippet(() => ({ render: () => '<h1>Page heading</h1>' }));
  render(AppFrame, { currentPath: '/clients', hrefs, onNavigate, children });
  return { onNavigate };
}

const linkNames = () =>
  within(screen.getByRole('navigation', { name: 'Sections' }))
    .getAllByRole('link')
    .map((link) => link.textContent?.replace(/Ctrl\+\d/, '').trim());

afterEach(() => {
  portal.providers = null;
});

describe('AppFrame: role gating (provider-portal.md §13)', () => {
  it('shows a provider admin every section', () => {
    portal.providers = [provider(0)];
    renderFrame();
    expect(linkNames()).toEqual(['Clients', 'Members', 'Event logs', 'Billing', 'Settings', 'Waiting']);
  });

  it('hides Members, Event logs and Billing from a service user, keeping each shortcut fixed', async () => {
    portal.providers = [provider(1)];
    const { onNavigate } = renderFrame();
    expect(linkNames()).toEqual(['Clients', 'Settings', 'Waiting']);
    const waiting = screen.getByRole('link', { name: 'Waiting' });
    expect(waiting.getAttribute('aria-keyshortcuts')).toBe('Control+6');
    expect(waiting.getAttribute('title')).toBe('Waiting (Ctrl+6)');

    await fireEvent.keyDown(window, { key: '6', code: 'Digit6', ctrlKey: true });
    expect(onNavigate.mock.calls[0]?.[0]).toMatchObject({ path: '/queue' });
    // Ctrl+2 is Members, hidden from this role: it does nothing rather than reaching another section.
    await fireEvent.keyDown(window, { key: '2', code: 'Digit2', ctrlKey: true });
    await fireEvent.keyDown(window, { key: '4', code: 'Digit4', ctrlKey: true });
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('keeps Settings in the palette for a service user, without the admin sections', async () => {
    portal.providers = [provider(1)];
    const { onNavigate } = renderFrame();
    await fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true });
    const list = await screen.findByRole('listbox');
    const labels = within(list)
      .getAllByRole('option')
      .map((o) => o.querySelector('.label')?.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Clients', 'Settings', 'Waiting']));
    expect(labels).not.toContain('Billing');
    expect(labels).not.toContain('Members');

    await fireEvent.input(screen.getByRole('combobox', { name: 'Go to' }), { target: { value: 'settings' } });
    await fireEvent.keyDown(screen.getByRole('combobox', { name: 'Go to' }), { key: 'Enter' });
    expect(onNavigate.mock.calls[0]?.[0]).toMatchObject({ path: '/settings' });
  });
});
