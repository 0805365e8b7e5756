import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AccountSection from '$lib/account/AccountSection.svelte';
import { session } from '$lib/session/sessionStore.svelte';
import { installFakeDesk } from '../fakes/desk';
import { account, sessionState } from '../session/sessionFixtures';

afterEach(() => session.reset());

const answer = {
  accountId: 'acct-ava',
  phrase: 'unworn-carport-overlap-blinks-chevy',
  email: 'ava@example.com',
  name: 'Ava Technician',
  server: { kind: 'selfHosted' as const, label: 'vault.example.com', url: 'https://vault.example.com' },
};

const fill = (scope: HTMLElement, label: string, value: string) =>
  fireEvent.input(within(scope).getByLabelText(label), { target: { value } });

describe('Settings → Account: password and sessions', () => {
  it('changes the master password after checking the fields; the account then signs in again', async () => {
    const ended = sessionState([account({ needsLogin: true })]);
    const fake = installFakeDesk({ 'account.fingerprint': () => answer, 'account.changePassword': () => ended });
    session.apply(sessionState([account()]));
    render(AccountSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Change master password…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change master password' });

    await fill(dialog, 'Current master password', 'correct horse battery staple');
    await fill(dialog, 'New master password', 'too short');
    await fill(dialog, 'New master password again', 'different');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Change master password' }));
    expect(dialog.textContent).toContain('At least 12 characters.');
    expect(dialog.textContent).toContain('The two new passwords are not the same.');
    expect(fake.calls.filter((c) => c.channel === 'account.changePassword')).toEqual([]);

    await fill(dialog, 'New master password', 'a new and longer master password');
    await fill(dialog, 'New master password again', 'a new and longer master password');
    await fill(dialog, 'Hint (optional)', 'the long one');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Change master password' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls.find((c) => c.channel === 'account.changePassword')?.input).toEqual({
      accountId: 'acct-ava',
      currentPassword: 'correct horse battery staple',
      newPassword: 'a new and longer master password',
      hint: 'the long one',
    });
    expect(session.active?.needsLogin).toBe(true);
  });

  it("shows main's refusal in the dialog and keeps it open; the password field is emptied", async () => {
    installFakeDesk({
      'account.fingerprint': () => answer,
      'account.logOutEverywhere': () => {
        throw new Error('[validation] That is not the current master password of this account.');
      },
    });
    session.apply(sessionState([account()]));
    render(AccountSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Log out everywhere…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log out everywhere?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Log out everywhere' }));
    expect(dialog.textContent).toContain('Enter your master password.');
    await fill(dialog, 'Master password', 'wrong');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Log out everywhere' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'That is not the current master password of this account.',
    );
    expect(within(dialog).getByLabelText<HTMLInputElement>('Master password').value).toBe('');
  });
});
