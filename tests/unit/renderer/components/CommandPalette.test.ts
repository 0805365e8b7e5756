import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CommandPalette from '../../../../src-renderer/lib/components/CommandPalette.svelte';
import type { PaletteItem } from '../../../../src-renderer/lib/palette/items';

function items(run = vi.fn()) {
  const list: PaletteItem[] = [
    { id: 'section:/clients', label: 'Clients', kind: 'Section', run: () => run('Clients') },
    { id: 'section:/members', label: 'Members', kind: 'Section', run: () => run('Members') },
    { id: 'section:/events', label: 'Event logs', kind: 'Section', run: () => run('Event logs') },
    ...Array.from({ length: 5000 }, (_, i) => ({
      id: `client:${i}`,
      label: i === 4321 ? 'Acme Corp' : `Client ${i}`,
      kind: 'Client',
      detail: i % 2 ? 'Teams' : 'Enterprise',
      run: () => run(`client ${i}`),
    })),
  ];
  return { list, run };
}

const combobox = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Go to' });
const options = () => within(screen.getByRole('listbox')).queryAllByRole('option');
const selectedOption = () => options().find((o) => o.getAttribute('aria-selected') === 'true');

async function openWithShortcut(init: Partial<KeyboardEventInit> = { ctrlKey: true }) {
  await fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ...init });
  return screen.findByRole('dialog', { name: 'Command palette' });
}

async function type(value: string) {
  await fireEvent.input(combobox(), { target: { value } });
}

describe('CommandPalette', () => {
  it('opens with Ctrl+K or ⌘K into a focused Go to combobox that controls a listbox', async () => {
    render(CommandPalette, { items: items().list });
    expect(screen.queryByRole('dialog')).toBeNull();
    await openWithShortcut();
    await waitFor(() => expect(document.activeElement).toBe(combobox()));
    expect(combobox().getAttribute('aria-expanded')).toBe('true');
    expect(combobox().getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    expect(combobox().getAttribute('aria-activedescendant')).toBe(options()[0]!.id);

    await fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await openWithShortcut({ metaKey: true });
    await fireEvent.keyDown(combobox(), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('leaves other chords alone', async () => {
    render(CommandPalette, { items: items().list });
    await fireEvent.keyDown(window, { key: 'k', code: 'KeyK' });
    await fireEvent.keyDown(window, { key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true });
    await fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true, altKey: true });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lists the items in order, at most the limit, and says how many there are', async () => {
    render(CommandPalette, { items: items().list, limit: 20 });
    await openWithShortcut();
    expect(options()).toHaveLength(20);
    expect(options()[0]!.textContent).toContain('Clients');
    expect(options()[0]!.textContent).toContain('Section');
    expect(screen.getByRole('status').textContent).toBe('Showing 20 of 5003 matches');
  });

  it('narrows as you type, best match first, and marks the matched characters', async () => {
    render(CommandPalette, { items: items().list });
    await openWithShortcut();
    await type('acme');
    expect(options().map((o) => o.querySelector('.label')?.textContent)).toEqual(['Acme Corp']);
    expect(options()[0]!.querySelector('mark')?.textContent).toBe('Acme');
    expect(options()[0]!.textContent).toContain('Teams');
    expect(screen.getByRole('status').textContent).toBe('1 match');

    await type('mem');
    expect(options()[0]!.textContent).toContain('Members');
    await type('qqq');
    expect(options()).toEqual([]);
    expect(combobox().hasAttribute('aria-activedescendant')).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('No matches');
  });

  it('moves the active option with the arrows (wrapping) and goes there with Enter', async () => {
    const { list, run } = items();
    render(CommandPalette, { items: list });
    await openWithShortcut();
    await type('e');
    // A prefix match ranks above an earlier item that only contains the letter.
    expect(selectedOption()?.textContent).toContain('Event logs');
    await fireEvent.keyDown(combobox(), { key: 'ArrowDown' });
    expect(selectedOption()?.textContent).toContain('Members');
    expect(combobox().getAttribute('aria-activedescendant')).toBe(selectedOption()!.id);
    await fireEvent.keyDown(combobox(), { key: 'ArrowUp' });
    await fireEvent.keyDown(combobox(), { key: 'ArrowUp' });
    expect(selectedOption()).toBe(options()[options().length - 1]);
    await fireEvent.keyDown(combobox(), { key: 'ArrowDown' });
    await fireEvent.keyDown(combobox(), { key: 'ArrowDown' });

    // Typing starts again from the best match.
    await type('mem');
    expect(selectedOption()?.textContent).toContain('Members');
    await fireEvent.keyDown(combobox(), { key: 'Enter' });
    expect(run).toHaveBeenCalledWith('Members');
    expect(run).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('goes to a clicked option', async () => {
    const { list, run } = items();
    render(CommandPalette, { items: list });
    await openWithShortcut();
    await type('client 4999');
    await fireEvent.click(options()[0]!);
    expect(run).toHaveBeenCalledWith('client 4999');
  });

  it('starts empty each time it opens', async () => {
    render(CommandPalette, { items: items().list });
    await openWithShortcut();
    await type('acme');
    await fireEvent.keyDown(combobox(), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await openWithShortcut();
    expect(combobox().value).toBe('');
    expect(options().length).toBe(50);
  });

  it('follows changes to its items', async () => {
    const { list } = items();
    const { rerender } = render(CommandPalette, { items: list.slice(0, 3) });
    await openWithShortcut();
    await type('acme');
    expect(options()).toEqual([]);
    await rerender({ items: list });
    expect(options()[0]!.textContent).toContain('Acme Corp');
  });
});
