import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import AppFrame from '../../../../src-renderer/lib/components/AppFrame.svelte';
import { sections } from '../../../../src-renderer/lib/sections';
import { toast } from '../../../../src-renderer/lib/toasts.svelte';

const hrefs = Object.fromEntries(sections.map((s) => [s.path, `#${s.path}`])) as Record<
  (typeof sections)[number]['path'],
  string
>;

function renderFrame(currentPath = '/clients') {
  const onNavigate = vi.fn();
  const children = createRawSnippet(() => ({ render: () => '<h1>Page heading</h1>' }));
  const result = render(AppFrame, { currentPath, hrefs, onNavigate, children });
  return { ...result, onNavigate };
}

describe('AppFrame', () => {
  it('has a Sections navigation with the six links in order, by their exact names', () => {
    renderFrame();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const links = within(nav).getAllByRole('link');
    const names = ['Clients', 'Members', 'Event logs', 'Billing', 'Settings', 'Waiting'];
    // Exact accessible names: the visible shortcut hint must not leak into them.
    expect(links).toEqual(names.map((name) => within(nav).getByRole('link', { name })));
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '#/clients',
      '#/members',
      '#/events',
      '#/billing',
      '#/settings',
      '#/queue',
    ]);
  });

  it('marks the current section, also on a page below it', async () => {
    const { rerender } = renderFrame('/events');
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const current = () =>
      within(nav)
        .getAllByRole('link')
        .filter((a) => a.getAttribute('aria-current') === 'page');

    expect(current().map((a) => a.getAttribute('href'))).toEqual(['#/events']);
    await rerender({ currentPath: '/clients/1234' });
    expect(current().map((a) => a.getAttribute('href'))).toEqual(['#/clients']);
  });

  it('documents each shortcut on its link', () => {
    renderFrame();
    const settings = screen.getByRole('link', { name: 'Settings' });
    expect(settings.getAttribute('title')).toBe('Settings (Ctrl+5)');
    expect(settings.getAttribute('aria-keyshortcuts')).toBe('Control+5');
  });

  it('goes to the n-th section on Ctrl+n and leaves other chords alone', async () => {
    const { onNavigate } = renderFrame();
    await fireEvent.keyDown(window, { key: '3', code: 'Digit3', ctrlKey: true });
    expect(onNavigate).toHaveBeenCalledTimes(1);
    expect(onNavigate.mock.calls[0]?.[0]).toMatchObject({ path: '/events', label: 'Event logs' });

    await fireEvent.keyDown(window, { key: '3', code: 'Digit3' });
    await fireEvent.keyDown(window, { key: '#', code: 'Digit3', ctrlKey: true, shiftKey: true });
    await fireEvent.keyDown(window, { key: '7', code: 'Digit7', ctrlKey: true });
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('takes ⌘n as well', async () => {
    const { onNavigate } = renderFrame();
    await fireEvent.keyDown(window, { key: '5', code: 'Digit5', metaKey: true });
    expect(onNavigate.mock.calls[0]?.[0]).toMatchObject({ path: '/settings' });
  });

  it('starts with a Skip to content link that moves focus to the main region', async () => {
    const { container } = renderFrame();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(container.querySelector('a')).toBe(skip);

    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    skip.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    const main = screen.getByRole('main');
    expect(document.activeElement).toBe(main);
    expect(within(main).getByRole('heading', { level: 1 }).textContent).toBe('Page heading');
  });

  it('keeps the About button in the sidebar', () => {
    const { container } = renderFrame();
    const about = screen.getByRole('button', { name: 'About Provider Desk' });
    expect(container.querySelector('aside')?.contains(about)).toBe(true);
  });
});

describe('AppFrame: notices across pages', () => {
  it('takes error notices away when another page opens, and leaves the others to time out', async () => {
    const { rerender } = renderFrame('/clients');
    toast.error('Could not rename Acme');
    toast.success('Client created');
    await rerender({ currentPath: '/clients' });
    expect(toast.items.map((t) => t.message)).toEqual(['Could not rename Acme', 'Client created']);

    await rerender({ currentPath: '/members' });
    expect(toast.items.map((t) => t.message)).toEqual(['Client created']);
    // A new error on the new page stays while you are on it.
    toast.error('Could not invite');
    await rerender({ currentPath: '/members' });
    expect(toast.items.map((t) => t.tone)).toEqual(['success', 'error']);
    toast.clear();
  });
});
