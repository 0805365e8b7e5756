import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../fakes/desk';
import ConfirmByTypingHarness from './ConfirmByTypingHarness.svelte';

const phraseInput = () => screen.getByLabelText<HTMLInputElement>('Type Acme Corp to confirm');
const action = () => screen.getByRole<HTMLButtonElement>('button', { name: /^(Unlink client|Unlinking…)$/ });

async function open(onConfirm: () => Promise<void> | void = vi.fn(), phrase?: string) {
  render(ConfirmByTypingHarness, { onConfirm, ...(phrase ? { phrase } : {}) });
  const trigger = screen.getByRole('button', { name: 'Unlink' });
  trigger.focus();
  await fireEvent.click(trigger);
  const dialog = await screen.findByRole('dialog', { name: 'Unlink Acme Corp?' });
  return { dialog, trigger };
}

async function type(value: string) {
  await fireEvent.input(phraseInput(), { target: { value } });
}

describe('ConfirmByTyping', () => {
  it('opens named by its title, described by the consequence, with the phrase field focused', async () => {
    // bits-ui focuses the first tabbable element, and `tabbable` skips elements without layout boxes; jsdom has none.
    const rects = vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 10, 10)] as never);
    try {
      const { dialog } = await open();
      const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
      expect(description?.textContent).toBe('Acme Corp leaves your provider. Its members keep their accounts.');
      await waitFor(() => expect(document.activeElement).toBe(phraseInput()));
      expect(action().disabled).toBe(true);
    } finally {
      rects.mockRestore();
    }
  });

  it('enables the action only when the phrase matches exactly, ignoring surrounding spaces', async () => {
    await open();
    for (const wrong of ['', 'Acme', 'acme corp', 'Acme  Corp', 'Acme Corp.', 'Acme Corporation']) {
      await type(wrong);
      expect(action().disabled, `"${wrong}"`).toBe(true);
    }
    await type('  Acme Corp ');
    expect(action().disabled).toBe(false);
  });

  it('runs the action on Enter, shows it pending, cannot be dismissed meanwhile, then closes', async () => {
    const running = deferred<void>();
    const onConfirm = vi.fn(() => running.promise);
    const { trigger } = await open(onConfirm);
    await type('Acme Corp');
    await fireEvent.submit(phraseInput().form!);

    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(action().textContent?.trim()).toBe('Unlinking…');
    expect(action().getAttribute('aria-disabled')).toBe('true');
    expect(phraseInput().readOnly).toBe(true);

    // A second submit, Escape and Cancel do nothing while it runs.
    await fireEvent.click(action());
    await fireEvent.keyDown(phraseInput(), { key: 'Escape' });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('dialog')).toBeTruthy();

    running.resolve();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });

  it('shows a failure inline and lets the person try again', async () => {
    const onConfirm = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('The server refused: the client has pending invoices.'))
      .mockResolvedValueOnce(undefined);
    await open(onConfirm);
    await type('Acme Corp');
    await fireEvent.click(action());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The server refused: the client has pending invoices.');
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(action().textContent?.trim()).toBe('Unlink client');
    expect(action().disabled).toBe(false);
    expect(phraseInput().value).toBe('Acme Corp');

    await fireEvent.click(action());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onConfirm).toHaveBeenCalledTimes(2);
  });

  it('cancels with Escape or Cancel without running the action, and starts blank when reopened', async () => {
    const onConfirm = vi.fn();
    const { trigger } = await open(onConfirm);
    await type('Acme Corp');
    await fireEvent.keyDown(phraseInput(), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await fireEvent.click(trigger);
    await screen.findByRole('dialog');
    expect(phraseInput().value).toBe('');
    expect(action().disabled).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('never matches an empty phrase', async () => {
    render(ConfirmByTypingHarness, { onConfirm: vi.fn(), phrase: '  ' });
    await fireEvent.click(screen.getByRole('button', { name: 'Unlink' }));
    await screen.findByRole('dialog');
    await fireEvent.input(screen.getByRole('textbox'), { target: { value: '  ' } });
    expect(action().disabled).toBe(true);
  });
});
