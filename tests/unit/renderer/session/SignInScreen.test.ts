import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoginResult } from '$shared/contract/session';
import SignInScreen from '$lib/components/session/SignInScreen.svelte';
import { session } from '$lib/session/sessionStore.svelte';
import { linkStore } from '$lib/portal/links/linkStore.svelte';
import { installFakeDesk, sampleInfo } from '../fakes/desk';
import { account, sessionState } from './sessionFixtures';

type Handlers = Parameters<typeof installFakeDesk>[0];
const ready = (): LoginResult => ({ status: 'ready', accountId: 'acct-ava', session: sessionState([account()]) });

function setup(handlers: Handlers = {}, defaultServer: (typeof sampleInfo)['defaultServer'] = null) {
  const fake = installFakeDesk({ 'app.info': () => ({ ...sampleInfo, defaultServer }), ...handlers });
  session.apply(sessionState([]));
  render(SignInScreen);
  return fake;
}

const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

async function fillAndSubmit(password = 'correct horse') {
  await fireEvent.input(input('Email address'), { target: { value: 'ava@example.com' } });
  await fireEvent.input(input('Master password'), { target: { value: password } });
  await fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  session.reset();
  linkStore.reset();
});

describe('SignInScreen', () => {
  it('asks for Server, Email address and Master password, focusing the first empty field', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    const server = screen.getByLabelText<HTMLSelectElement>('Server');
    expect([...server.options].map((o) => o.text)).toEqual([
      'Bitwarden US (bitwarden.com)',
      'Bitwarden EU (bitwarden.eu)',
      'Self-hosted',
      'This computer (local provider server)',
      'Custom service URLs',
    ]);
    expect(server.value).toBe('bitwardenUs');
    expect(input('Master password').type).toBe('password');
    await waitFor(() => expect(document.activeElement).toBe(input('Email address')));
    expect(screen.queryByLabelText('Server URL')).toBeNull();
    expect(document.title).toBe('Log in · Provider Desk');
  });

  it('preselects the server the app was started with, and asks for a URL when self-hosted', async () => {
    setup({}, { kind: 'local', port: 9443 });
    const server = await screen.findByLabelText<HTMLSelectElement>('Server');
    expect(server.value).toBe('local');
    expect(input('Port').value).toBe('9443');
    await fireEvent.change(server, { target: { value: 'selfHosted' } });
    expect(input('Server URL')).toBeTruthy();
  });

  it('points at the fields that need fixing before asking main', async () => {
    const fake = setup();
    await screen.findByLabelText('Server');
    await fireEvent.change(screen.getByLabelText('Server'), { target: { value: 'selfHosted' } });
    await fireEvent.input(input('Server URL'), { target: { value: 'http://vault.example.com' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByText('Use an https:// address (plain http is only allowed on this computer).')).toBeTruthy();
    expect(screen.getByText('Enter your email address, like name@example.com')).toBeTruthy();
    expect(screen.getByText('Enter your master password.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(input('Server URL')));
    expect(input('Server URL').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls.some((c) => c.channel === 'session.login')).toBe(false);
  });

  it("shows main's error in an alert, empties the password and puts focus back in it", async () => {
    setup({
      'session.login': () => {
        throw new Error('[unauthorized] Username or password is incorrect. Try again.');
      },
    });
    await screen.findByLabelText('Server');
    await fillAndSubmit('wrong');
    expect((await screen.findByRole('alert')).textContent).toContain('Username or password is incorrect. Try again.');
    expect(input('Master password').value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(input('Master password')));
    expect(input('Email address').value).toBe('ava@example.com');
  });

  it("forgets the previous server's error when the server changes", async () => {
    setup({
      'session.login': () => {
        throw new Error('[unreachable] Could not reach the server at vault.example.com.');
      },
    });
    await screen.findByLabelText('Server');
    await fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toContain('Could not reach the server');
    await fireEvent.change(screen.getByLabelText('Server'), { target: { value: 'bitwardenEu' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('clears the password as it is sent, and hands the signed-in state to the session', async () => {
    let seen = '';
    const fake = setup({
      'session.login': () => {
        seen = input('Master password').value;
        return ready();
      },
    });
    await screen.findByLabelText('Server');
    await fillAndSubmit();
    await waitFor(() => expect(session.screen).toBe('app'));
    expect(seen).toBe('');
    expect(fake.calls.find((c) => c.channel === 'session.login')?.input).toEqual({
      server: { kind: 'bitwardenUs' },
      email: 'ava@example.com',
      masterPassword: 'correct horse',
    });
  });

  it('two-step login by email: sends the code, sends again, remembers the device', async () => {
    const fake = setup({
      'session.login': () => ({
        status: 'twoFactor',
        pendingId: 'p1',
        options: [
          { type: 1, name: 'Email', supported: true, email: 'av***@example.com' },
          { type: 7, name: 'Passkey or security key', supported: false, email: null },
          { type: 8, name: 'Recovery code', supported: true, email: null },
        ],
      }),
      'session.sendEmailCode': () => ({ sentTo: 'av***@example.com' }),
      'session.submitTwoFactor': () => ready(),
    });
    await screen.findByLabelText('Server');
    await fillAndSubmit();
    expect(await screen.findByRole('heading', { level: 1, name: 'Two-step login' })).toBeTruthy();
    const code = await screen.findByLabelText<HTMLInputElement>('Email code');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('We sent a code to av***@example.com.'),
    );
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(screen.getByText(/Passkey or security key: not available in Provider Desk yet/)).toBeTruthy();
    const methods = screen.getByRole('group', { name: 'Method' });
    expect(
      within(methods)
        .getAllByRole('radio')
        .map((r) => r.parentElement?.textContent?.trim()),
    ).toEqual(['Email', 'Recovery code']);

    await fireEvent.click(screen.getByRole('button', { name: 'Send code again' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'session.sendEmailCode')).toHaveLength(2));

    await fireEvent.input(code, { target: { value: ' 123456 ' } });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Remember this device' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(session.screen).toBe('app'));
    expect(fake.calls.find((c) => c.channel === 'session.submitTwoFactor')?.input).toEqual({
      pendingId: 'p1',
      provider: 1,
      code: '123456',
      remember: true,
    });
  });

  it('two-step login by authenticator, cancelled: back to the password step, main told', async () => {
    const fake = setup({
      'session.login': () => ({
        status: 'twoFactor',
        pendingId: 'p1',
        options: [
          { type: 0, name: 'Authenticator app', supported: true, email: null },
          { type: 8, name: 'Recovery code', supported: true, email: null },
        ],
      }),
      'session.cancelLogin': () => ({}),
    });
    await screen.findByLabelText('Server');
    await fillAndSubmit();
    const code = await screen.findByLabelText('Authenticator code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(screen.queryByRole('button', { name: 'Send code again' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(fake.calls.at(-1)).toEqual({ channel: 'session.cancelLogin', input: { pendingId: 'p1' } });
    expect(input('Email address').value).toBe('ava@example.com');
    expect(input('Master password').value).toBe('');
  });

  it('new-device verification: the code from the email, with Send code again', async () => {
    const fake = setup({
      'session.login': () => ({ status: 'newDeviceVerification', pendingId: 'p2', email: 'ava@example.com' }),
      'session.sendEmailCode': () => ({ sentTo: 'ava@example.com' }),
      'session.submitNewDeviceCode': () => ready(),
    });
    await screen.findByLabelText('Server');
    await fillAndSubmit();
    expect(await screen.findByRole('heading', { level: 1, name: 'Verify this device' })).toBeTruthy();
    const code = screen.getByLabelText<HTMLInputElement>('Verification code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    await fireEvent.click(screen.getByRole('button', { name: 'Send code again' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'session.sendEmailCode')).toBe(true));
    await fireEvent.input(code, { target: { value: '424242' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(session.screen).toBe('app'));
    expect(fake.calls.find((c) => c.channel === 'session.submitNewDeviceCode')?.input).toEqual({
      pendingId: 'p2',
      code: '424242',
    });
  });

  it('signs in with a personal API key: client_id, client_secret, then the master password', async () => {
    const fake = setup({ 'session.loginWithApiKey': () => ready() });
    await screen.findByLabelText('Server');
    await fireEvent.click(screen.getByRole('button', { name: 'Log in with API key' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in with API key' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(input('client_id')));
    await fireEvent.input(input('client_id'), { target: { value: 'nope' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByText(/The client_id looks like user\./)).toBeTruthy();

    const clientId = 'user.6f1c7f3e-0000-4000-8000-000000000001';
    await fireEvent.input(input('client_id'), { target: { value: clientId } });
    await fireEvent.input(input('client_secret'), { target: { value: 'abcdef' } });
    await fireEvent.input(input('Master password'), { target: { value: 'correct horse' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(session.screen).toBe('app'));
    expect(fake.calls.find((c) => c.channel === 'session.loginWithApiKey')?.input).toEqual({
      server: { kind: 'bitwardenUs' },
      clientId,
      clientSecret: 'abcdef',
      masterPassword: 'correct horse',
    });
  });

  it('says when sign-ins are not kept on disk', async () => {
    installFakeDesk({ 'app.info': () => sampleInfo });
    session.apply({
      ...sessionState([]),
      secretStorage: { persistent: false, backend: 'memory', message: 'Sign-ins last until Provider Desk stops.' },
    });
    render(SignInScreen);
    expect(await screen.findByText('Sign-ins last until Provider Desk stops.')).toBeTruthy();
  });

  it('signing in again after the session ended keeps the server and address, and offers Cancel when adding', async () => {
    installFakeDesk({ 'app.info': () => sampleInfo });
    session.apply(sessionState([account({ needsLogin: true })]));
    const { unmount } = render(SignInScreen);
    expect(await screen.findByText(/Your session on vault\.example\.com has ended/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Server').value).toBe('selfHosted');
    expect(input('Server URL').value).toBe('https://vault.example.com');
    expect(input('Email address').value).toBe('ava@example.com');
    await waitFor(() => expect(document.activeElement).toBe(input('Master password')));
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    unmount();

    session.apply(sessionState([account()]));
    session.beginAddAccount();
    render(SignInScreen);
    await fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(session.screen).toBe('app');
  });

  it('offers to log in or create the account a provider link was sent to, and can drop the link', async () => {
    linkStore.show({
      kind: 'acceptProviderInvite',
      linkId: 'link-1',
      providerId: '0b6c1c1e-4a38-4f1e-9a51-2f7d5d1a0c11',
      email: 'nina@example.com',
      server: { kind: 'selfHosted', baseUrl: 'https://vault.example.com' },
      serverLabel: 'vault.example.com',
      matchingAccountId: null,
      providerUserId: '11111111-2222-4333-8444-555555555555',
      providerName: 'Northwind IT Partners',
    });
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Provider link' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create account' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'I have an account' })).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Log in without the link' }));
    expect(linkStore.current).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
  });
});
