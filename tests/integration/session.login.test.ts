// Sign-in against a real backend: password, wrong password, TOTP two-step login with "remember this device",
// email two-step login with "send again", personal API key, lock and offline unlock, log out.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../src-shared/contract';
import { totpCode } from '../../src-server/domain/totp';
import { createServer } from '../../src-server/app';
import { parseConfig, type ServerConfigInput } from '../../src-server/config';
import { startTestServer, TEST_CONFIG, type TestServer } from '../server/harness';
import { loginUser, registerUser } from '../server/users';
import { FAST_KDF } from '../server/providers/fixtures';
import { selfHosted, startDesk } from './deskHarness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('sqlite');
});
afterAll(async () => {
  await t?.close();
});

const register = (password = 'correct horse battery staple') => registerUser(t, { password, kdf: FAST_KDF });

async function webToken(email: string, password: string) {
  return (await loginUser(t, email, password, FAST_KDF, { client_id: 'web', deviceType: '9' })).body
    .access_token as string;
}

describe('password sign-in', () => {
  it('signs in, unlocks the keys, and reports display data only', async () => {
    const user = await register();
    const d = startDesk();
    const result = await d.call('session.login', {
      server: selfHosted(t.url),
      email: user.email,
      masterPassword: user.password,
    });
    expect(result.status).toBe('ready');
    if (result.status !== 'ready') return;
    expect(result.session.accounts).toEqual([
      expect.objectContaining({
        id: result.accountId,
        email: user.email.toLowerCase(),
        status: 'unlocked',
        needsLogin: false,
        online: true,
        signInMethod: 'password',
      }),
    ]);
    expect(result.session.activeAccountId).toBe(result.accountId);
    expect(d.pushed('session.changed').at(-1)?.reason).toBe('login');
    expect(d.pushed('sync.requested')).toEqual([{ accountId: result.accountId, reason: 'login' }]);
    // Nothing secret went to the renderer.
    const wire = JSON.stringify([result, d.pushes]);
    expect(wire).not.toMatch(/"2\.[A-Za-z0-9+/=]+\|/);
    expect(wire).not.toContain(user.password);
    expect(wire).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
    d.dispose();
  });

  it('refuses a wrong password with the server message, and keeps no account', async () => {
    const user = await register();
    const d = startDesk();
    const error = await d
      .call('session.login', { server: selfHosted(t.url), email: user.email, masterPassword: 'wrong password' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'unauthorized', message: 'Username or password is incorrect. Try again.' });
    expect((await d.call('session.accounts')).accounts).toEqual([]);
    d.dispose();
  });

  it('reports an unreachable server as offline', async () => {
    const d = startDesk();
    const error = await d
      .call('session.login', { server: selfHosted('http://127.0.0.1:9'), email: 'a@example.com', masterPassword: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'offline' });
    d.dispose();
  });
});

describe('two-step login', () => {
  it('authenticator: challenge, wrong code, right code with remember, then no challenge on the next sign-in', async () => {
    const user = await register();
    const web = await webToken(user.email, user.password);
    const hash = (await loginUser(t, user.email, user.password, FAST_KDF)).passwordHash;
    const got = await t.http.post('/api/two-factor/get-authenticator', {
      token: web,
      json: { masterPasswordHash: hash },
    });
    const key = got.body.authenticator.key as string;
    const put = await t.http.put('/api/two-factor/authenticator', {
      token: web,
      json: { key, token: totpCode(key), userVerificationToken: got.body.userVerificationToken },
    });
    expect(put.status).toBe(200);

    const d = startDesk();
    const login = { server: selfHosted(t.url), email: user.email, masterPassword: user.password };
    const challenge = await d.call('session.login', login);
    expect(challenge).toMatchObject({
      status: 'twoFactor',
      options: [expect.objectContaining({ type: 0, supported: true }), expect.objectContaining({ type: 8 })],
    });
    if (challenge.status !== 'twoFactor') return;
    const wrong = await d
      .call('session.submitTwoFactor', { pendingId: challenge.pendingId, provider: 0, code: '000000' })
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'validation', message: 'Two-step token is invalid. Try again.' });
    // The pending sign-in survives a wrong code. (Codes are single use: wait for a fresh step if needed.)
    const ready = await d.call('session.submitTwoFactor', {
      pendingId: challenge.pendingId,
      provider: 0,
      code: totpCode(key),
      remember: true,
    });
    expect(ready.status).toBe('ready');
    expect(
      await d
        .call('session.submitTwoFactor', { pendingId: challenge.pendingId, provider: 0, code: '123456' })
        .catch((e: unknown) => e),
    ).toMatchObject({ code: 'not_found' });

    const again = await d.call('session.login', login);
    expect(again.status).toBe('ready');
    d.dispose();
  });

  it('email: sends the code (and again), accepts it', async () => {
    const user = await register();
    const web = await webToken(user.email, user.password);
    const hash = (await loginUser(t, user.email, user.password, FAST_KDF)).passwordHash;
    const got = await t.http.post('/api/two-factor/get-email', { token: web, json: { masterPasswordHash: hash } });
    const uv = got.body.userVerificationToken as string;
    await t.http.post('/api/two-factor/send-email', {
      token: web,
      json: { email: user.email, userVerificationToken: uv },
    });
    const setupCode = t.outbox().at(-1)!.meta!.code!;
    expect(
      (
        await t.http.put('/api/two-factor/email', {
          token: web,
          json: { email: user.email, token: setupCode, userVerificationToken: uv },
        })
      ).status,
    ).toBe(200);

    const d = startDesk();
    const challenge = await d.call('session.login', {
      server: selfHosted(t.url),
      email: user.email,
      masterPassword: user.password,
    });
    if (challenge.status !== 'twoFactor') throw new Error('expected a challenge');
    expect(challenge.options[0]).toMatchObject({
      type: 1,
      supported: true,
      email: expect.stringMatching(/\*+@example\.com$/),
    });
    const sent = await d.call('session.sendEmailCode', { pendingId: challenge.pendingId });
    expect(sent.sentTo).toMatch(/\*+@example\.com$/);
    await d.call('session.sendEmailCode', { pendingId: challenge.pendingId });
    const code = t.outbox().at(-1)!.meta!.code!;
    const ready = await d.call('session.submitTwoFactor', { pendingId: challenge.pendingId, provider: 1, code });
    expect(ready.status).toBe('ready');
    d.dispose();
  });
});

describe('personal API key', () => {
  it('signs in with client_id/client_secret, unlocks with the master password, gets new tokens with the key', async () => {
    const user = await register();
    const login = await loginUser(t, user.email, user.password, FAST_KDF);
    const apiKey = await t.http.post('/api/accounts/api-key', {
      token: login.body.access_token,
      json: { masterPasswordHash: login.passwordHash },
    });
    const userId = JSON.parse(Buffer.from(String(login.body.access_token).split('.')[1]!, 'base64url').toString())
      .sub as string;
    const d = startDesk();
    const input = { server: selfHosted(t.url), clientId: `user.${userId}`, clientSecret: apiKey.body.apiKey as string };
    const wrongPassword = await d
      .call('session.loginWithApiKey', { ...input, masterPassword: 'nope' })
      .catch((e: unknown) => e);
    expect(wrongPassword).toMatchObject({ code: 'unauthorized', message: 'Invalid master password.' });
    const wrongSecret = await d
      .call('session.loginWithApiKey', { ...input, clientSecret: 'x'.repeat(30), masterPassword: user.password })
      .catch((e: unknown) => e);
    expect(wrongSecret).toMatchObject({ code: 'unauthorized' });
    const ready = await d.call('session.loginWithApiKey', { ...input, masterPassword: user.password });
    expect(ready.status).toBe('ready');
    if (ready.status !== 'ready') return;
    expect(ready.session.accounts[0]).toMatchObject({
      email: user.email.toLowerCase(),
      signInMethod: 'apiKey',
      status: 'unlocked',
    });
    d.dispose();
  });
});

describe('lock, unlock offline, log out', () => {
  it('locks, unlocks without the server, refuses a wrong password, logs out and tells the renderer to drop the cache', async () => {
    const server = await startTestServer('sqlite');
    try {
      const user = await registerUser(server, { kdf: FAST_KDF });
      const d = startDesk();
      const ready = await d.call('session.login', {
        server: selfHosted(server.url),
        email: user.email,
        masterPassword: user.password,
      });
      if (ready.status !== 'ready') throw new Error('expected ready');
      const id = ready.accountId;
      expect((await d.call('session.lock')).accounts[0]?.status).toBe('locked');
      await server.server.close();
      expect(
        await d.call('session.unlock', { accountId: id, masterPassword: 'wrong' }).catch((e: unknown) => e),
      ).toMatchObject({ code: 'unauthorized', message: 'Invalid master password.' });
      const unlocked = await d.call('session.unlock', { accountId: id, masterPassword: user.password });
      expect(unlocked.accounts[0]?.status).toBe('unlocked');
      expect(d.pushed('sync.requested').at(-1)).toEqual({ accountId: id, reason: 'unlock' });
      const after = await d.call('session.logout', { accountId: id });
      expect(after).toMatchObject({ accounts: [], activeAccountId: null });
      expect(d.pushed('session.loggedOut')).toEqual([{ accountId: id }]);
      expect(d.secrets.list()).toEqual([]);
      d.dispose();
    } finally {
      await server.close().catch(() => {});
    }
  });
});

describe('HTTPS with the backend self-signed certificate', () => {
  it('reports the untrusted certificate clearly, and signs in once its CA is trusted', async () => {
    // A second server over TLS on the same data folder: users registered over http exist there too.
    const user = await register();
    const config = parseConfig({
      ...TEST_CONFIG,
      insecureHttp: false,
      tlsSelfSigned: true,
      dataDir: t.dataDir,
    } as ServerConfigInput);
    const tls = await createServer(config);
    try {
      const url = await tls.listen();
      const input = { server: selfHosted(url), email: user.email, masterPassword: user.password };
      const untrusted = startDesk();
      const error = await untrusted.call('session.login', input).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'server',
        message: expect.stringMatching(/certificate of localhost:\d+ is not trusted/),
      });
      untrusted.dispose();
      const trusted = startDesk({ trustedCertificates: [readFileSync(tls.tls!.caPath!, 'utf8')] });
      expect((await trusted.call('session.login', input)).status).toBe('ready');
      trusted.dispose();
    } finally {
      await tls.close();
    }
  });
});
