import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import DialogHarness from './DialogHarness.svelte';

async function openDialog() {
  const trigger = screen.getByRole('button', { name: 'Open rename' });
  trigger.focus();
  await fireEvent.click(trigger);
  const dialog = await screen.findByRole('dialog', { name: 'Rename client' });
  return { trigger, dialog };
}

describe('Dialog', () => {
  it('is closed until its trigger is used', () => {
    render(DialogHarness);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open rename' }).getAttribute('aria-haspopup')).toBe('dialog');
  });

  it('opens as a modal named by its title and described by its description', async () => {
    const onOpenChange = vi.fn();
    render(DialogHarness, { onOpenChange });
    const { dialog } = await openDialog();

    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('The new name shows everywhere.');
    expect(onOpenChange).toHaveBeenCalledWith(true);
  });

  it('moves focus into the dialog and keeps Tab inside it', async () => {
    render(DialogHarness);
    const { dialog } = await openDialog();
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));

    const close = screen.getByRole('button', { name: 'Close' });
    close.focus();
    await fireEvent.keyDown(close, { key: 'Tab' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(screen.getByRole('button', { name: 'Before', hidden: true }).contains(document.activeElement)).toBe(false);
  });

  it('closes on Escape and gives focus back to the trigger', async () => {
    render(DialogHarness);
    const { trigger } = await openDialog();
    await fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });

  it('closes with its Close button', async () => {
    render(DialogHarness);
    const { trigger } = await openDialog();
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });
});
