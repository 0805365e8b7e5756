import { render, screen } from '@testing-library/svelte';
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

describe('AccountSection', () => {
  it('shows the phrase, email, name and server of the active account, each with Copy', async () => {
    const fake = installFakeDesk({ 'account.fingerprint': () => answer });
    session.apply(sessionState([account()]));
    render(AccountSection);
    expect((await screen.findByLabelText<HTMLInputElement>('Fingerprint phrase')).value).toBe(
      'unworn-carport-overlap-blinks-chevy',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe('ava@example.com');
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Ava Technician');
    expect(screen.getByLabelText<HTMLInputElement>('Server').value).toBe('vault.example.com');
    expect(screen.getByLabelText<HTMLInputElement>('Server URL').value).toBe('https://vault.example.com');
    for (const label of ['Fingerprint phrase', 'Email', 'Name', 'Server', 'Server URL']) {
      expect(screen.getByRole('button', { name: `Copy ${label}` })).toBeTruthy();
    }
    expect(fake.calls).toEqual([{ channel: 'account.fingerprint', input: { accountId: 'acct-ava' } }]);
  });
});
