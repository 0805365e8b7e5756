import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoginResult, SessionState } from '$shared/contract/session';
import { SignInFlow } from '$lib/session/signInFlow.svelte';
import { installFakeDesk } from '../fakes/desk';
import { account, sessionState } from './sessionFixtures';

const server = { kind: 'selfHosted', baseUrl: 'https://vault.example.com' } as const;
const ready = (): LoginResult => ({ status: 'ready', accountId: 'acct-ava', session: sessionState([account()]) });
const twoFactor: LoginResult = {
  status: 'twoFactor',
  pendingId: 'p1',
  options: [
    { type: 0, name: 'Authenticator app', supported: true, email: null },
    { type: 1, name: 'Email', supported: true, email: 'av***@example.com' },
    { type: 8, name: 'Recovery code', supported: true, email: null },
  ],
};

beforeEach(() => localStorage.clear());

describe('sign-in flow', () => {
  it('hands the new session state over when main answers ready, and remembers the server', async () => {
    const fake = installFakeDesk({ 'session.login': () => ready() });
    const signedIn = vi.fn<(state: SessionState) => void>();
    const flow = new SignInFlow(signedIn);
    expect(await flow.logIn({ server, email: 'ava@example.com', masterPassword: 'pw' })).toBe(true);
    expect(signedIn).toHaveBeenCalledWith(sessionState([account()]));
    expect(fake.calls[0]).toEqual({
      channel: 'session.login',
      input: { server, email: 'ava@example.com', masterPassword: 'pw' },
    });
    expect(JSON.parse(localStorage.getItem('provider-desk:last-server')!)).toEqual(server);
  });

  it("shows main's message as given and stays on the step", async () => {
    installFakeDesk({
      'session.login': () => {
        throw new Error('[validation] Too many attempts: the server is limiting requests. Try again in 42 seconds.');
      },
    });
    const flow = new SignInFlow(() => undefined);
    expect(await flow.logIn({ server, email: 'ava@example.com', masterPassword: 'pw' })).toBe(false);
    expect(flow.error).toBe('Too many attempts: the server is limiting requests. Try again in 42 seconds.');
    expect(flow.step).toEqual({ kind: 'password' });
    expect(flow.busy).toBe(false);
    expect(localStorage.getItem('provider-desk:last-server')).toBeNull();
  });

  it('goes through two-step login: send the email code, a wrong code, then the right one', async () => {
    let tries = 0;
    const fake = installFakeDesk({
      'session.login': () => twoFactor,
      'session.sendEmailCode': () => ({ sentTo: 'av***@example.com' }),
      'session.submitTwoFactor': () => {
        if (++tries === 1) throw new Error('[validation] Two-step token is invalid. Try again.');
        return ready();
      },
    });
    const signedIn = vi.fn();
    const flow = new SignInFlow(signedIn);
    await flow.logIn({ server, email: 'ava@example.com', masterPassword: 'pw' });
    expect(flow.step).toEqual({ kind: 'twoFactor', pendingId: 'p1', options: twoFactor.options });

    await flow.sendEmailCode();
    expect(flow.notice).toBe('We sent a code to av***@example.com.');
    expect(await flow.submitTwoFactor({ provider: 1, code: '000000', remember: true })).toBe(false);
    expect(flow.error).toBe('Two-step token is invalid. Try again.');
    expect(flow.step.kind).toBe('twoFactor');
    expect(await flow.submitTwoFactor({ provider: 1, code: '123456', remember: true })).toBe(true);
    expect(signedIn).toHaveBeenCalledTimes(1);
    expect(fake.calls.filter((c) => c.channel === 'session.submitTwoFactor').at(-1)?.input).toEqual({
      pendingId: 'p1',
      provider: 1,
      code: '123456',
      remember: true,
    });
  });

  it('goes through new-device verification', async () => {
    installFakeDesk({
      'session.login': () => ({ status: 'newDeviceVerification', pendingId: 'p2', email: 'ava@example.com' }),
      'session.submitNewDeviceCode': ({ code }) => {
        if (code !== '424242') throw new Error('[validation] Invalid new device OTP. Try again.');
        return ready();
      },
    });
    const signedIn = vi.fn();
    const flow = new SignInFlow(signedIn);
    await flow.logIn({ server, email: 'ava@example.com', masterPassword: 'pw' });
    expect(flow.step).toEqual({ kind: 'newDevice', pendingId: 'p2', email: 'ava@example.com' });
    expect(flow.notice).toBe('We sent a code to ava@example.com.');
    await flow.submitNewDeviceCode('111111');
    expect(flow.error).toBe('Invalid new device OTP. Try again.');
    await flow.submitNewDeviceCode('424242');
    expect(signedIn).toHaveBeenCalledTimes(1);
  });

  it('starts over when main forgot the pending sign-in, and cancels it on the way back', async () => {
    const fake = installFakeDesk({
      'session.login': () => twoFactor,
      'session.submitTwoFactor': () => {
        throw new Error('[not_found] This sign-in has expired or was cancelled. Start again.');
      },
      'session.cancelLogin': () => ({}),
    });
    const flow = new SignInFlow(() => undefined);
    await flow.logIn({ server, email: 'ava@example.com', masterPassword: 'pw' });
    await flow.submitTwoFactor({ provider: 0, code: '123456', remember: false });
    expect(flow.step).toEqual({ kind: 'password' });
    expect(flow.error).toBe('This sign-in has expired or was cancelled. Start again.');

    await flow.logIn({ server, email: 'ava@example.com', masterPassword: 'pw' });
    await flow.back();
    expect(flow.step).toEqual({ kind: 'password' });
    expect(fake.calls.at(-1)).toEqual({ channel: 'session.cancelLogin', input: { pendingId: 'p1' } });
  });

  it('signs in with a personal API key', async () => {
    const fake = installFakeDesk({ 'session.loginWithApiKey': () => ready() });
    const signedIn = vi.fn();
    const flow = new SignInFlow(signedIn);
    flow.useApiKey();
    expect(flow.step).toEqual({ kind: 'apiKey' });
    const input = {
      server,
      clientId: 'user.00000000-0000-0000-0000-000000000000',
      clientSecret: 'secret',
      masterPassword: 'pw',
    };
    await flow.logInWithApiKey(input);
    expect(fake.calls[0]).toEqual({ channel: 'session.loginWithApiKey', input });
    expect(signedIn).toHaveBeenCalledTimes(1);
  });
});
