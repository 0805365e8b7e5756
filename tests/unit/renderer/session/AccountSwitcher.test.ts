import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AccountSwitcher from '$lib/components/session/AccountSwitcher.svelte';
import { session } from '$lib/session/sessionStore.svelte';
import { syncStatus } from '$lib/session/syncStatus.svelte';
import { installFakeDesk } from '../fakes/desk';
import { account, ben, sessionState } from './sessionFixtures';

afterEach(() => {
  session.reset();
  syncStatus.reset();
});

function setup(handlers: Parameters<typeof installFakeDesk>[0] = {}) {
  const fake = installFakeDesk(handlers);
  session.apply(sessionState([account(), ben({ status: 'locked' })]));
  render(AccountSwitcher);
  return { fake, region: screen.getByRole('region', { name: 'Account' }) };
}

describe('AccountSwitcher', () => {
  it('renders nothing while no account is signed in', () => {
    installFakeDesk({});
    render(AccountSwitcher);
    expect(screen.queryByRole('region', { name: 'Account' })).toBeNull();
  });

  it('names the active account and its server, with Lock, Log out and Switch account', () => {
    const { region } = setup();
    expect(region.textContent).toContain('Ava Technician');
    expect(region.textContent).toContain('ava@example.com');
    expect(region.textContent).toContain('vault.example.com');
    expect(region.textContent).toContain('Online');
    for (const name of ['Switch account', 'Lock', 'Log out', 'Sync now']) {
      expect(within(region).getByRole('button', { name })).toBeTruthy();
    }
  });

  it('locks the active account', async () => {
    const { fake, region } = setup({ 'session.lock': () => sessionState([account({ status: 'locked' })]) });
    await fireEvent.click(within(region).getByRole('button', { name: 'Lock' }));
    await waitFor(() => expect(session.screen).toBe('locked'));
    expect(fake.calls[0]).toEqual({ channel: 'session.lock', input: undefined });
  });

  it('opens the other accounts and Add account; Escape closes and returns focus', async () => {
    const { fake, region } = setup({ 'session.switch': () => sessionState([account(), ben()], 'acct-ben') });
    const toggle = within(region).getByRole('button', { name: 'Switch account' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const others = within(region).getByRole('list', { name: 'Other accounts' });
    const other = within(others).getByRole('button');
    expect(other.textContent).toContain('ben@example.com');
    expect(other.textContent).toContain('bitwarden.eu · locked');

    await fireEvent.keyDown(other, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);

    await fireEvent.click(toggle);
    await fireEvent.click(within(region).getByRole('button', { name: 'Add account' }));
    expect(session.addingAccount).toBe(true);

    await fireEvent.click(toggle);
    await fireEvent.click(within(others).getByRole('button'));
    await waitFor(() => expect(session.active?.id).toBe('acct-ben'));
    expect(fake.calls.at(-1)).toEqual({ channel: 'session.switch', input: { accountId: 'acct-ben' } });
  });

  it('logs out after a confirmation that names the account', async () => {
    const { fake, region } = setup({ 'session.logout': () => sessionState([ben({ status: 'locked' })]) });
    await fireEvent.click(within(region).getByRole('button', { name: 'Log out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log out?' });
    expect(dialog.textContent).toContain('ava@example.com');
    expect(fake.calls).toEqual([]);
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(session.active?.id).toBe('acct-ben'));
    expect(fake.calls).toEqual([{ channel: 'session.logout', input: { accountId: 'acct-ava' } }]);
  });
});
