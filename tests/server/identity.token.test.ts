import { expect, it } from 'vitest';
import { CLI_HEADERS } from './http';
import { describeServer, registerAndLogin, registerUser } from './harness';
import { passwordForm, passwordHashFor } from './users';

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));

describeServer('identity connect/token', (t) => {
  it('password grant returns the body official clients need', async () => {
    const reg = await registerUser(t());
    const hash = await passwordHashFor(reg.email, reg.password);
    const res = await t().http.token(passwordForm(reg.email, hash));
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b).toMatchObject({
      expires_in: 3600,
      token_type: 'Bearer',
      scope: 'api offline_access',
      Kdf: 0,
      KdfIterations: 600000,
      KdfMemory: null,
      KdfParallelism: null,
      ForcePasswordReset: false,
    });
    expect(b.Key).toBe(reg.payload.userSymmetricKey);
    expect(b.PrivateKey).toBe(reg.payload.userAsymmetricKeys.encryptedPrivateKey);
    expect(b.AccountKeys.publicKeyEncryptionKeyPair).toMatchObject({
      wrappedPrivateKey: b.PrivateKey,
      publicKey: reg.payload.userAsymmetricKeys.publicKey,
      signedPublicKey: null,
    });
    expect(b.UserDecryptionOptions).toMatchObject({
      HasMasterPassword: true,
      MasterPasswordUnlock: {
        Kdf: { KdfType: 0, Iterations: 600000 },
        MasterKeyEncryptedUserKey: b.Key,
        Salt: reg.email.toLowerCase(),
      },
    });
    expect(b.MasterPasswordPolicy).toEqual({ Object: 'masterPasswordPolicy' });
    const claims = claimsOf(b.access_token);
    expect(claims).toMatchObject({
      email: reg.email.toLowerCase(),
      email_verified: true,
      premium: false,
      client_id: 'cli',
      amr: ['Application'],
      scope: ['api', 'offline_access'],
      devicetype: '25',
    });
    for (const k of ['sub', 'nbf', 'exp', 'iss', 'sstamp', 'device', 'name']) expect(claims).toHaveProperty(k);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('rejects a wrong password with the Bitwarden error body, no refresh token', async () => {
    const reg = await registerUser(t());
    const res = await t().http.token(passwordForm(reg.email, 'd3Jvbmcgd3Jvbmcgd3Jvbmcgd3Jvbmc='));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'invalid_grant',
      ErrorModel: { Message: 'Username or password is incorrect. Try again.', Object: 'error' },
    });
    const unknown = await t().http.token(passwordForm('ghost@example.com', 'd3Jvbmcgd3Jvbmcgd3Jvbmcgd3Jvbmc='));
    expect(unknown.body).toEqual(res.body);
  });

  it('requires the client version header and the device fields', async () => {
    const reg = await registerUser(t());
    const hash = await passwordHashFor(reg.email, reg.password);
    const noVersion = await t().http.token(passwordForm(reg.email, hash), {});
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error).toBe('version_header_missing');
    for (const drop of ['deviceIdentifier', 'deviceType', 'deviceName']) {
      const form: Record<string, string> = passwordForm(reg.email, hash);
      delete form[drop];
      const res = await t().http.token(form);
      expect(res.body).toEqual({
        error: 'device_error',
        error_description: 'No device information provided',
        ErrorModel: { Message: 'no device information provided', Object: 'error' },
      });
    }
    const badType = await t().http.token(passwordForm(reg.email, hash, { deviceType: 'abc' }));
    expect(badType.body.error).toBe('device_error');
    const json = await t().http.post('/identity/connect/token', {
      json: passwordForm(reg.email, hash),
      headers: CLI_HEADERS,
    });
    expect(json.status).toBe(400);
    const grant = await t().http.token({ grant_type: 'implicit' });
    expect(grant.body).toEqual({ error: 'unsupported_grant_type' });
  });

  it('rotates refresh tokens: the new one works, the old one is refused', async () => {
    const u = await registerAndLogin(t());
    const first = await t().http.token({
      grant_type: 'refresh_token',
      client_id: 'cli',
      refresh_token: u.refreshToken,
    });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual([
      'access_token',
      'expires_in',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    expect(first.body.refresh_token).not.toBe(u.refreshToken);
    const reuse = await t().http.token({
      grant_type: 'refresh_token',
      client_id: 'cli',
      refresh_token: u.refreshToken,
    });
    expect(reuse.status).toBe(400);
    expect(reuse.body).toEqual({ error: 'invalid_grant' });
    const otherClient = await t().http.token({
      grant_type: 'refresh_token',
      client_id: 'web',
      refresh_token: first.body.refresh_token,
    });
    expect(otherClient.status).toBe(400);
    const stored = await t().db.selectFrom('refresh_tokens').select('token_hash').where('user_id', '=', u.id).execute();
    expect(stored.every((r) => r.token_hash !== first.body.refresh_token && /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(
      true,
    );
    const profile = await t().http.get('/api/accounts/profile', { token: first.body.access_token });
    expect(profile.status).toBe(200);
  });

  it('client_credentials with the personal API key', async () => {
    const u = await registerAndLogin(t());
    const key = await t().http.post('/api/accounts/api-key', {
      token: u.accessToken,
      json: { masterPasswordHash: u.passwordHash },
    });
    const form = {
      grant_type: 'client_credentials',
      scope: 'api',
      client_id: `user.${u.id}`,
      client_secret: key.body.apiKey,
      deviceType: '25',
      deviceIdentifier: crypto.randomUUID(),
      deviceName: 'linux',
    };
    const ok = await t().http.token(form);
    expect(ok.status).toBe(200);
    expect(ok.body.refresh_token).toBeUndefined();
    expect(ok.body).toMatchObject({ scope: 'api', ApiUseKeyConnector: false, Kdf: 0 });
    expect(claimsOf(ok.body.access_token).client_id).toBe(`user.${u.id}`);
    expect((await t().http.get('/api/sync', { token: ok.body.access_token })).status).toBe(200);
    const bad = await t().http.token({ ...form, client_secret: 'x'.repeat(30) });
    expect(bad.body).toEqual({ error: 'invalid_client' });
    const noVersion = await t().http.token(form, {});
    expect(noVersion.body.error).toBe('version_header_missing');
  });

  it('API routes need a valid bearer token', async () => {
    expect((await t().http.get('/api/sync')).status).toBe(401);
    expect((await t().http.get('/api/sync', { token: 'a.b.c' })).status).toBe(401);
    const u = await registerAndLogin(t());
    const [h, p] = u.accessToken.split('.');
    expect((await t().http.get('/api/sync', { token: `${h}.${p}.forged` })).status).toBe(401);
  });
});

describeServer(
  'identity backoff',
  (t) => {
    it('locks an account at one address after repeated failures (429 + Retry-After), counters in the database', async () => {
      const reg = await registerUser(t());
      const hash = await passwordHashFor(reg.email, reg.password);
      for (let i = 0; i < 3; i++)
        expect((await t().http.token(passwordForm(reg.email, 'bad'.repeat(10)))).status).toBe(400);
      const locked = await t().http.token(passwordForm(reg.email, hash));
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(locked.body.ErrorModel.Message).toMatch(/Too many failed login attempts/);
      const row = await t()
        .db.selectFrom('login_backoff')
        .selectAll()
        .where('scope_key', '=', `login:${reg.email.toLowerCase()}|127.0.0.1`)
        .executeTakeFirstOrThrow();
      expect(row.failures).toBe(3);
      // Lock expires: simulate by moving the lock into the past, then the right password works and clears the counter.
      await t()
        .db.updateTable('login_backoff')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .where('scope_key', 'like', 'login:%')
        .execute();
      expect((await t().http.token(passwordForm(reg.email, hash))).status).toBe(200);
      expect(
        await t()
          .db.selectFrom('login_backoff')
          .selectAll()
          .where('scope_key', '=', `login:${reg.email.toLowerCase()}|127.0.0.1`)
          .executeTakeFirst(),
      ).toBeUndefined();
    });

    it('locks an IP that fails across many accounts', async () => {
      await t().db.deleteFrom('login_backoff').execute();
      for (let i = 0; i < 6; i++) await t().http.token(passwordForm(`nobody${i}@example.com`, 'bad'.repeat(10)));
      const reg = await registerUser(t());
      const res = await t().http.token(passwordForm(reg.email, await passwordHashFor(reg.email, reg.password)));
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBeTruthy();
      await t().db.deleteFrom('login_backoff').execute();
    });
  },
  { backoff: { freeFailures: 3, ipMaxFailures: 6, windowSeconds: 900, delaySeconds: 30, maxDelaySeconds: 600 } },
);
