// Token refresh and new-device verification against a real backend, at the session service (a movable clock
// makes the access token expire without waiting an hour).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEventName } from '../../src-shared/contract';
import { fetchProfile } from '../../src-main/bitwarden/providerApi';
import { accountRecordSchema } from '../../src-main/session/accountRecord';
import { createSessionService } from '../../src-main/session/sessionService';
import { createMemorySecretStore } from '../../src-main/platform/secretStoreMemory';
import { revokeUserRefreshTokens } from '../../src-server/domain/refreshTokens';
import { startTestServer, type TestServer } from '../server/harness';
import { loginUser, registerUser } from '../server/users';
import { FAST_KDF } from '../server/providers/fixtures';
import { selfHosted } from './deskHarness';

function sessionWithClock(server: TestServer) {
  let clock = Date.now();
  const secrets = createMemorySecretStore();
  const pushes: { event: PushEventName; payload: any }[] = [];
  const session = createSessionService({
    secrets,
    identity: { appVersion: '0.0.0-test', device: { identifier: randomUUID(), type: 8, name: 'linux' } },
    emit: (event, payload) => pushes.push({ event, payload }),
    now: () => clock,
  });
  return {
    session,
    secrets,
    pushes,
    advance: (ms: number) => (clock += ms),
    record: (id: string) => accountRecordSchema.parse(JSON.parse(secrets.get(`account:${id}`)!)),
    env: selfHosted(server.url),
  };
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('sqlite');
});
afterAll(async () => {
  await t?.close();
});

describe('token refresh', () => {
  it('refreshes before expiry with the refresh token and keeps the rotated one', async () => {
    const user = await registerUser(t, { kdf: FAST_KDF });
    const s = sessionWithClock(t);
    const ready = await s.session.login({ server: s.env, email: user.email, masterPassword: user.password });
    if (ready.status !== 'ready') throw new Error('expected ready');
    const before = s.record(ready.accountId).refreshToken;
    expect(before).toBeTruthy();
    const tokens: string[] = [];
    await s.session.authorized(ready.accountId, async (a) => void tokens.push(a.token));
    s.advance(56 * 60_000); // less than 5 minutes left: refresh first
    const profile = await s.session.authorized(ready.accountId, async (a) => {
      tokens.push(a.token);
      return fetchProfile(a);
    });
    expect(profile.email).toBe(user.email.toLowerCase());
    expect(tokens[1]).not.toBe(tokens[0]);
    const after = s.record(ready.accountId).refreshToken;
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    s.session.dispose();
  });

  it('gets a new token with the API key when an API-key account expires', async () => {
    const user = await registerUser(t, { kdf: FAST_KDF });
    const login = await loginUser(t, user.email, user.password, FAST_KDF);
    const apiKey = (
      await t.http.post('/api/accounts/api-key', {
        token: login.body.access_token,
        json: { masterPasswordHash: login.passwordHash },
      })
    ).body.apiKey as string;
    const userId = JSON.parse(Buffer.from(String(login.body.access_token).split('.')[1]!, 'base64url').toString())
      .sub as string;
    const s = sessionWithClock(t);
    const ready = await s.session.loginWithApiKey({
      server: s.env,
      clientId: `user.${userId}`,
      clientSecret: apiKey,
      masterPassword: user.password,
    });
    if (ready.status !== 'ready') throw new Error('expected ready');
    s.advance(2 * 3600_000);
    const profile = await s.session.authorized(ready.accountId, (a) => fetchProfile(a));
    expect(profile.id).toBe(userId);
    expect(s.record(ready.accountId)).toMatchObject({ refreshToken: null, apiKey: { clientId: `user.${userId}` } });
    s.session.dispose();
  });

  it('marks the account "sign in again" when the server revoked the refresh token', async () => {
    const user = await registerUser(t, { kdf: FAST_KDF });
    const s = sessionWithClock(t);
    const ready = await s.session.login({ server: s.env, email: user.email, masterPassword: user.password });
    if (ready.status !== 'ready') throw new Error('expected ready');
    const userId = s.record(ready.accountId).userId;
    await revokeUserRefreshTokens(t.db, userId);
    s.advance(2 * 3600_000);
    await expect(s.session.authorized(ready.accountId, (a) => fetchProfile(a))).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'Your session has expired. Sign in again.',
    });
    expect(s.session.state().accounts[0]).toMatchObject({ needsLogin: true });
    expect(s.pushes.filter((p) => p.event === 'session.changed').at(-1)?.payload.reason).toBe('expired');
    // Signing in again clears it.
    await s.session.login({ server: s.env, email: user.email, masterPassword: user.password });
    expect(s.session.state().accounts[0]).toMatchObject({ needsLogin: false, status: 'unlocked' });
    s.session.dispose();
  });
});

describe('new-device verification', () => {
  it('asks for the emailed code, sends another, and signs in with it', async () => {
    const server = await startTestServer('sqlite', { newDeviceVerification: true });
    try {
      const user = await registerUser(server, { kdf: FAST_KDF });
      await loginUser(server, user.email, user.password, FAST_KDF); // a first, known device
      const old = new Date(Date.now() - 48 * 3600_000).toISOString();
      await server.db
        .updateTable('users')
        .set({ creation_date: old })
        .where('email', '=', user.email.toLowerCase())
        .execute();
      const s = sessionWithClock(server);
      const step = await s.session.login({ server: s.env, email: user.email, masterPassword: user.password });
      expect(step).toMatchObject({ status: 'newDeviceVerification', email: user.email });
      if (step.status !== 'newDeviceVerification') return;
      await expect(
        s.session.submitNewDeviceCode({ pendingId: step.pendingId, code: '00000000' }),
      ).rejects.toMatchObject({ code: 'validation' });
      expect(await s.session.sendEmailCode(step.pendingId)).toEqual({ sentTo: user.email });
      const code = server.outbox().at(-1)!.meta!.code!;
      const ready = await s.session.submitNewDeviceCode({ pendingId: step.pendingId, code });
      expect(ready.status).toBe('ready');
      s.session.dispose();
    } finally {
      await server.close();
    }
  });
});
