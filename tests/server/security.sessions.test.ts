// Sessions can be ended (issue 13): the security stamp ends access, refresh and remember-device tokens; it is
// rotated by deauthorize-sessions, a password change and every two-step login change; refresh tokens rotate in
// families and a reused one revokes its family.
import { expect, it } from 'vitest';
import {
  deriveMasterKey,
  hashMasterPassword,
  stretchMasterKey,
  unlockUserKey,
  wrapSymmetricKey,
} from '../../src-main/crypto/index';
import { totpCode } from '../../src-server/domain/totp';
import { describeServer, registerAndLogin, type TestServer, type TestUser } from './harness';
import { FAST_KDF } from './providers/fixtures';
import { loginUser, passwordForm } from './users';

const newUser = (t: TestServer) => registerAndLogin(t, { kdf: FAST_KDF });

const refresh = (t: TestServer, token: string, clientId = 'cli') =>
  t.http.token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: token });

const profileStatus = async (t: TestServer, token: string) =>
  (await t.http.get('/api/accounts/profile', { token })).status;

const stampOf = async (t: TestServer, u: TestUser) =>
  (await t.db.selectFrom('users').select('security_stamp').where('id', '=', u.id).executeTakeFirstOrThrow())
    .security_stamp;

/** Both halves of a session are dead: the access token gets 401, the refresh token `invalid_grant`. */
async function expectSessionEnded(t: TestServer, session: { access: string; refresh: string; clientId?: string }) {
  expect(await profileStatus(t, session.access)).toBe(401);
  const res = await refresh(t, session.refresh, session.clientId);
  expect(res.status).toBe(400);
  expect(res.body).toEqual({ error: 'invalid_grant' });
}

async function webLogin(t: TestServer, u: TestUser, extra: Record<string, string> = {}) {
  return (await loginUser(t, u.email, u.password, u.kdf, { client_id: 'web', deviceType: '9', ...extra })).body
    .access_token as string;
}

/** Enables the authenticator with a fresh web session; returns its TOTP key. */
async function enableAuthenticator(t: TestServer, u: TestUser): Promise<string> {
  const web = await webLogin(t, u);
  const got = await t.http.post('/api/two-factor/get-authenticator', {
    token: web,
    json: { masterPasswordHash: u.passwordHash },
  });
  const key = got.body.authenticator.key as string;
  const put = await t.http.put('/api/two-factor/authenticator', {
    token: web,
    json: { key, token: totpCode(key), userVerificationToken: got.body.userVerificationToken },
  });
  expect(put.status).toBe(200);
  return key;
}

describeServer('sessions end', (t) => {
  it('security-stamp ends every session; a new login works', async () => {
    const u = await newUser(t());
    const other = (await loginUser(t(), u.email, u.password, u.kdf)).body;
    const stamp = await stampOf(t(), u);
    const res = await t().http.post('/api/accounts/security-stamp', {
      token: u.accessToken,
      json: { masterPasswordHash: u.passwordHash },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await stampOf(t(), u)).not.toBe(stamp);
    await expectSessionEnded(t(), { access: u.accessToken, refresh: u.refreshToken });
    await expectSessionEnded(t(), { access: other.access_token, refresh: other.refresh_token });
    const again = (await loginUser(t(), u.email, u.password, u.kdf)).body;
    expect(await profileStatus(t(), again.access_token)).toBe(200);
    expect((await refresh(t(), again.refresh_token)).status).toBe(200);
  });

  it('security-stamp and password with a wrong hash: 400 and nothing changes', async () => {
    const u = await newUser(t());
    const stamp = await stampOf(t(), u);
    const before = await t().db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    const wrong = await t().http.post('/api/accounts/security-stamp', {
      token: u.accessToken,
      json: { masterPasswordHash: 'bm90IHRoZSBoYXNo' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      message: 'The model state is invalid.',
      validationErrors: { '': ['Incorrect password.'] },
    });
    const missing = await t().http.post('/api/accounts/security-stamp', { token: u.accessToken, json: {} });
    expect(missing.body.validationErrors).toEqual({ '': ['MasterPasswordHash, OTP, or AccessCode must be supplied.'] });
    const newHash = await hashMasterPassword(await deriveMasterKey('another one', u.email, u.kdf), 'another one', 1);
    const badPassword = await t().http.post('/api/accounts/password', {
      token: u.accessToken,
      json: { masterPasswordHash: 'bm90IHRoZSBoYXNo', newMasterPasswordHash: newHash, key: before.key },
    });
    expect(badPassword.status).toBe(400);
    expect(badPassword.body.validationErrors).toEqual({ '': ['Incorrect password.'] });
    const after = await t().db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await stampOf(t(), u)).toBe(stamp);
    expect(await profileStatus(t(), u.accessToken)).toBe(200);
    expect((await refresh(t(), u.refreshToken)).status).toBe(200);
    expect((await t().http.token(passwordForm(u.email, u.passwordHash))).status).toBe(200);
  });

  it('password: validates the body, stores the new hash and key, ends sessions', async () => {
    const u = await newUser(t());
    const password = 'a brand new master password';
    const masterKey = await deriveMasterKey(password, u.email, u.kdf);
    const newMasterPasswordHash = await hashMasterPassword(masterKey, password, 1);
    const key = wrapSymmetricKey(u.userKey, stretchMasterKey(masterKey));
    const invalid = await t().http.post('/api/accounts/password', {
      token: u.accessToken,
      json: { masterPasswordHash: u.passwordHash, newMasterPasswordHash, key: 'not an EncString' },
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.validationErrors)).toEqual(['Key']);
    const halfPair = await t().http.post('/api/accounts/password', {
      token: u.accessToken,
      json: { masterPasswordHash: u.passwordHash, newMasterPasswordHash, key, unlockData: {} },
    });
    expect(halfPair.body.validationErrors).toEqual({
      AuthenticationData: ['AuthenticationData and UnlockData must be provided.'],
      UnlockData: ['AuthenticationData and UnlockData must be provided.'],
    });
    expect(await profileStatus(t(), u.accessToken)).toBe(200);

    const res = await t().http.post('/api/accounts/password', {
      token: u.accessToken,
      json: {
        MasterPasswordHash: u.passwordHash,
        NewMasterPasswordHash: newMasterPasswordHash,
        Key: key,
        MasterPasswordHint: 'new',
      },
    });
    expect(res.status).toBe(200);
    await expectSessionEnded(t(), { access: u.accessToken, refresh: u.refreshToken });
    const old = await t().http.token(passwordForm(u.email, u.passwordHash));
    expect(old.status).toBe(400);
    expect(old.body.error).toBe('invalid_grant');
    const fresh = await t().http.token(passwordForm(u.email, newMasterPasswordHash));
    expect(fresh.status).toBe(200);
    expect(fresh.body.Key).toBe(key);
    expect(Buffer.from(unlockUserKey(masterKey, fresh.body.Key))).toEqual(Buffer.from(u.userKey));
    const row = await t()
      .db.selectFrom('users')
      .select(['master_password_hint', 'master_password_hash'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.master_password_hint).toBe('new');
    expect(row.master_password_hash).not.toContain(newMasterPasswordHash);
    const events = await t().db.selectFrom('events').select('type').where('user_id', '=', u.id).execute();
    expect(events.map((e) => e.type)).toContain(1001);
  });

  it('enabling two-step login ends every session', async () => {
    const u = await newUser(t());
    await enableAuthenticator(t(), u);
    await expectSessionEnded(t(), { access: u.accessToken, refresh: u.refreshToken });
  });

  it('a recovery-code reset ends every session', async () => {
    const u = await newUser(t());
    const key = await enableAuthenticator(t(), u);
    const form = passwordForm(u.email, u.passwordHash);
    const session = await t().http.token({ ...form, twoFactorProvider: '0', twoFactorToken: totpCode(key) });
    expect(session.status).toBe(200);
    const code = (
      await t()
        .db.selectFrom('users')
        .select('two_factor_recovery_code')
        .where('id', '=', u.id)
        .executeTakeFirstOrThrow()
    ).two_factor_recovery_code!;
    const recovered = await t().http.token({ ...form, twoFactorProvider: '8', twoFactorToken: code });
    expect(recovered.status).toBe(200);
    await expectSessionEnded(t(), { access: session.body.access_token, refresh: session.body.refresh_token });
    // The session the recovery itself opened carries the new stamp.
    expect(await profileStatus(t(), recovered.body.access_token)).toBe(200);
    expect((await refresh(t(), recovered.body.refresh_token)).status).toBe(200);
  });

  it('a remember-device token stops skipping two-step login after a 2FA reset', async () => {
    const u = await newUser(t());
    const key = await enableAuthenticator(t(), u);
    const form = passwordForm(u.email, u.passwordHash);
    const first = await t().http.token({
      ...form,
      twoFactorProvider: '0',
      twoFactorToken: totpCode(key),
      twoFactorRemember: '1',
    });
    const remember = first.body.TwoFactorToken as string;
    expect(remember).toBeTruthy();
    expect((await t().http.token({ ...form, twoFactorProvider: '5', twoFactorToken: remember })).status).toBe(200);
    const code = (
      await t()
        .db.selectFrom('users')
        .select('two_factor_recovery_code')
        .where('id', '=', u.id)
        .executeTakeFirstOrThrow()
    ).two_factor_recovery_code!;
    const stamp = await stampOf(t(), u);
    expect((await t().http.token({ ...form, twoFactorProvider: '8', twoFactorToken: code })).status).toBe(200);
    expect(await stampOf(t(), u)).not.toBe(stamp);
    await enableAuthenticator(t(), u);
    const refused = await t().http.token({ ...form, twoFactorProvider: '5', twoFactorToken: remember });
    expect(refused.status).toBe(400);
    expect(refused.body.error_description).toBe('Two factor required.');
  });

  it('disabling a provider ends every session and voids remember-device tokens', async () => {
    const u = await newUser(t());
    const key = await enableAuthenticator(t(), u);
    const form = passwordForm(u.email, u.passwordHash);
    const web = await t().http.token({
      ...form,
      client_id: 'web',
      deviceType: '9',
      twoFactorProvider: '0',
      twoFactorToken: totpCode(key),
      twoFactorRemember: '1',
    });
    expect(web.status).toBe(200);
    expect(web.body.TwoFactorToken).toBeTruthy();
    const got = await t().http.post('/api/two-factor/get-authenticator', {
      token: web.body.access_token,
      json: { masterPasswordHash: u.passwordHash },
    });
    const del = await t().http.delete('/api/two-factor/authenticator', {
      token: web.body.access_token,
      json: { key, userVerificationToken: got.body.userVerificationToken },
    });
    expect(del.status).toBe(204);
    await expectSessionEnded(t(), {
      access: web.body.access_token,
      refresh: web.body.refresh_token,
      clientId: 'web',
    });
    const remembered = await t()
      .db.selectFrom('two_factor_remember_tokens')
      .select('token_hash')
      .where('user_id', '=', u.id)
      .execute();
    expect(remembered).toEqual([]);
  });

  it('a reused refresh token revokes its whole family, not other logins', async () => {
    const u = await newUser(t());
    const other = (await loginUser(t(), u.email, u.password, u.kdf)).body;
    const first = await refresh(t(), u.refreshToken);
    expect(first.status).toBe(200);
    const second = await refresh(t(), first.body.refresh_token);
    expect(second.status).toBe(200);
    const reuse = await refresh(t(), u.refreshToken);
    expect(reuse.status).toBe(400);
    expect(reuse.body).toEqual({ error: 'invalid_grant' });
    expect((await refresh(t(), second.body.refresh_token)).status).toBe(400);
    expect((await refresh(t(), first.body.refresh_token)).status).toBe(400);
    const family = await t().db.selectFrom('refresh_tokens').select('token_hash').where('user_id', '=', u.id).execute();
    expect(family).toHaveLength(1); // only the other login's token is left
    expect((await refresh(t(), other.refresh_token)).status).toBe(200);
  });

  it('a refresh with the wrong client id leaves the token usable', async () => {
    const u = await newUser(t());
    for (const clientId of ['web', 'desktop', '']) {
      const wrong = await refresh(t(), u.refreshToken, clientId);
      expect(wrong.status).toBe(400);
      expect(wrong.body).toEqual({ error: 'invalid_grant' });
    }
    const right = await refresh(t(), u.refreshToken);
    expect(right.status).toBe(200);
    expect(await profileStatus(t(), right.body.access_token)).toBe(200);
  });

  it('the security-stamp and password routes need a token', async () => {
    for (const path of ['/api/accounts/security-stamp', '/api/accounts/password'])
      expect((await t().http.post(path, { json: { masterPasswordHash: 'x' } })).status).toBe(401);
  });
});
