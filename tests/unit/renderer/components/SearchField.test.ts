import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SearchField from '../../../../src-renderer/lib/components/SearchField.svelte';
import { shortcutPreference } from '../../../../src-renderer/lib/shortcutPreference.svelte';

const field = () => screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search clients' });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('SearchField', () => {
  it('is a search box named by its label, reporting each change', async () => {
    const onInput = vi.fn();
    render(SearchField, { label: 'Search clients', onInput });
    await fireEvent.input(field(), { target: { value: 'acme' } });
    expect(onInput).toHaveBeenLastCalledWith('acme');
    expect(field().getAttribute('aria-keyshortcuts')).toBe('/');
  });

  it('clears on Escape and keeps that Escape from closing anything else; an empty field lets it through', async () => {
    const onInput = vi.fn();
    const outer = vi.fn();
    render(SearchField, { label: 'Search clients', value: 'acme', onInput });
    document.body.addEventListener('keydown', outer);

    await fireEvent.keyDown(field(), { key: 'Escape' });
    expect(field().value).toBe('');
    expect(onInput).toHaveBeenLastCalledWith('');
    expect(outer).not.toHaveBeenCalled();

    await fireEvent.keyDown(field(), { key: 'Escape' });
    expect(outer).toHaveBeenCalledTimes(1);
    document.body.removeEventListener('keydown', outer);
  });

  it('is focused by / from the page, but not while typing elsewhere or with a modifier', async () => {
    render(SearchField, { label: 'Search clients', value: 'acme' });
    const other = document.body.appendChild(document.createElement('textarea'));

    other.focus();
    await fireEvent.keyDown(other, { key: '/' });
    expect(document.activeElement).toBe(other);

    other.blur();
    await fireEvent.keyDown(document.body, { key: '/', ctrlKey: true });
    expect(document.activeElement).not.toBe(field());

    const slash = new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true });
    document.body.dispatchEvent(slash);
    expect(document.activeElement).toBe(field());
    expect(slash.defaultPrevented).toBe(true);
    expect([field().selectionStart, field().selectionEnd]).toEqual([0, 4]);
  });

  it('leaves / alone when its shortcut is off or a modal dialog is open', async () => {
    const { rerender } = render(SearchField, { label: 'Search clients', shortcut: false });
    await fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).not.toBe(field());
    expect(field().hasAttribute('aria-keyshortcuts')).toBe(false);

    await rerender({ shortcut: true });
    const modal = document.body.appendChild(document.createElement('div'));
    modal.setAttribute('aria-modal', 'true');
    await fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).not.toBe(field());
    modal.remove();
    await fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(field());
  });

  it('gives / up, hint and all, when the setting turns single-key shortcuts off', async () => {
    shortcutPreference.singleKey = false;
    try {
      render(SearchField, { label: 'Search clients' });
      await fireEvent.keyDown(document.body, { key: '/' });
      expect(document.activeElement).not.toBe(field());
      expect(field().hasAttribute('aria-keyshortcuts')).toBe(false);
    } finally {
      shortcutPreference.singleKey = true;
    }
  });

  it('can show its label', () => {
    render(SearchField, { label: 'Search clients', showLabel: true });
    expect(screen.getByText('Search clients').classList.contains('visually-hidden')).toBe(false);
  });
});
