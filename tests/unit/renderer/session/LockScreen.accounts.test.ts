import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import LockScreen from '$lib/components/session/LockScreen.svelte';
import SessionGate from '$lib/components/session/SessionGate.svelte';
import { session } from '$lib/session/sessionStore.svelte';
import { createRawSnippet } from 'svelte';
import { installFakeDesk } from '../fakes/desk';
import { account, ben, sessionState } from './sessionFixtures';

afterEach(() => session.reset());

describe('LockScreen: lock is for everyone', () => {
  it('lists every signed-in account with its email, server and state', () => {
    installFakeDesk({});
    const ava = account({ status: 'locked' });
    session.apply(sessionState([ava, ben({ status: 'locked' })]));
    render(LockScreen, { account: ava });
    const list = within(screen.getByRole('navigation', { name: 'Signed-in accounts' }));
    expect(list.getByText(/ava@example\.com on vault\.example\.com · locked/)).toBeTruthy();
    expect(list.getByRole('button', { name: 'ben@example.com on bitwarden.eu' })).toBeTruthy();
    expect(list.getByText('· locked')).toBeTruthy();
  });

  it('choosing another locked account shows its unlock form, never the app', async () => {
    const ava = account({ status: 'locked' });
    const fake = installFakeDesk({
      'session.switch': () => sessionState([ava, ben({ status: 'locked' })], 'acct-ben'),
    });
    session.apply(sessionState([ava, ben({ status: 'locked' })]));
    const children = createRawSnippet(() => ({ render: () => '<p>The app</p>' }));
    render(SessionGate, { children });
    await fireEvent.click(screen.getByRole('button', { name: 'ben@example.com on bitwarden.eu' }));
    await waitFor(() => expect(session.active?.id).toBe('acct-ben'));
    expect(fake.calls).toEqual([{ channel: 'session.switch', input: { accountId: 'acct-ben' } }]);
    expect(session.screen).toBe('locked');
    expect(screen.queryByText('The app')).toBeNull();
    expect(screen.getByLabelText('Master password')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ava@example.com on vault.example.com' })).toBeTruthy();
  });
});
