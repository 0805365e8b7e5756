import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ServerActionButton from '$lib/components/session/ServerActionButton.svelte';
import { session } from '$lib/session/sessionStore.svelte';
import { account, sessionState } from './sessionFixtures';

const children = createRawSnippet(() => ({ render: () => '<span>Add seats</span>' }));

afterEach(() => session.reset());

describe('ServerActionButton', () => {
  it('runs its action while the server answers', async () => {
    session.apply(sessionState([account()]));
    const onclick = vi.fn();
    render(ServerActionButton, { onclick, children });
    const button = screen.getByRole('button', { name: 'Add seats' });
    expect(button.getAttribute('aria-disabled')).toBeNull();
    await fireEvent.click(button);
    expect(onclick).toHaveBeenCalledTimes(1);
  });

  it('offline: stays focusable, does nothing, and says why', async () => {
    session.apply(sessionState([account({ online: false })]));
    const onclick = vi.fn();
    render(ServerActionButton, { onclick, children });
    const button = screen.getByRole('button', { name: 'Add seats' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(button.getAttribute('aria-describedby')!);
    expect(reason?.textContent).toBe(
      'Offline: vault.example.com cannot be reached, so changes are not possible until it is back.',
    );
    button.focus();
    expect(document.activeElement).toBe(button);
    await fireEvent.click(button);
    expect(onclick).not.toHaveBeenCalled();
  });
});
