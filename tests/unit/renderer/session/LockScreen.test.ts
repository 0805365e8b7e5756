import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import LockScreen from '$lib/components/session/LockScreen.svelte';
import { session } from '$lib/session/sessionStore.svelte';
import { installFakeDesk } from '../fakes/desk';
import { account, ben, sessionState } from './sessionFixtures';

const locked = account({ status: 'locked' });

afterEach(() => session.reset());

function setup(handlers: Parameters<typeof installFakeDesk>[0] = {}, others = [ben()]) {
  const fake = installFakeDesk(handlers);
  session.apply(sessionState([locked, ...others]));
  render(LockScreen, { account: locked });
  return fake;
}

const password = () => screen.getByLabelText<HTMLInputElement>('Master password');

describe('LockScreen', () => {
  it('names the locked account and focuses the master password', async () => {
    setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Provider Desk is locked' })).toBeTruthy();
    expect(screen.getByText('Ava Technician')).toBeTruthy();
    expect(screen.getByText('ava@example.com')).toBeTruthy();
    expect(screen.getByText('vault.example.com')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(password()));
    expect(password().type).toBe('password');
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log out' })).toBeTruthy();
  });

  it('says it locked by itself after idle time', () => {
    setup();
    session.lastReason = 'idleLock';
    return waitFor(() => expect(screen.getByText('Locked after a while without activity.')).toBeTruthy());
  });

  it('refuses a wrong password with main’s message, emptied field and focus back', async () => {
    setup({
      'session.unlock': () => {
        throw new Error('[unauthorized] Invalid master password.');
      },
    });
    await fireEvent.input(password(), { target: { value: 'wrong' } });
    await fireEvent.submit(password().form!);
    expect((await screen.findByRole('alert')).textContent).toContain('Invalid master password.');
    expect(password().value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(password()));
    expect(session.screen).toBe('locked');
  });

  it('unlocks with the right password, which leaves the field before main is asked', async () => {
    let seen = 'unset';
    const fake = setup({
      'session.unlock': () => {
        seen = password().value;
        return sessionState([account(), ben()]);
      },
    });
    await fireEvent.input(password(), { target: { value: 'correct horse' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(session.screen).toBe('app'));
    expect(seen).toBe('');
    expect(fake.calls[0]).toEqual({
      channel: 'session.unlock',
      input: { accountId: 'acct-ava', masterPassword: 'correct horse' },
    });
  });

  it('asks for the password before calling main', async () => {
    const fake = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(screen.getByText('Enter your master password.')).toBeTruthy();
    expect(fake.calls).toEqual([]);
  });

  it('switches to another signed-in account, or adds one', async () => {
    const fake = setup({ 'session.switch': () => sessionState([locked, ben()], 'acct-ben') });
    await fireEvent.click(screen.getByRole('button', { name: 'ben@example.com on bitwarden.eu' }));
    await waitFor(() => expect(session.active?.id).toBe('acct-ben'));
    expect(fake.calls[0]).toEqual({ channel: 'session.switch', input: { accountId: 'acct-ben' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect(session.addingAccount).toBe(true);
  });
});
