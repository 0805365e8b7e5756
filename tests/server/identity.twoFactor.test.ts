import { expect, it } from 'vitest';
import { totpCode } from '../../src-server/domain/totp';
import { describeServer, registerAndLogin, type TestServer, type TestUser } from './harness';
import { loginUser, passwordForm } from './users';

async function webLogin(t: TestServer, u: TestUser) {
  return (await loginUser(t, u.email, u.password, u.kdf, { client_id: 'web', deviceType: '9' })).body
    .access_token as string;
}

describeServer('two-step login', (t) => {
  it('authenticator: set-up needs a web token, then login challenges, accepts a code once, remembers the device', async () => {
    const u = await registerAndLogin(t());
    const cliDenied = await t().http.post('/api/two-factor/get-authenticator', {
      token: u.accessToken,
      json: { masterPasswordHash: u.passwordHash },
    });
    expect(cliDenied.status).toBe(403);
    const web = await webLogin(t(), u);
    const wrongSecret = await t().http.post('/api/two-factor/get-authenticator', {
      token: web,
      json: { masterPasswordHash: 'nope-nope-nope' },
    });
    expect(wrongSecret.body.validationErrors).toEqual({ '': ['User verification failed.'] });
    const got = await t().http.post('/api/two-factor/get-authenticator', {
      token: web,
      json: { masterPasswordHash: u.passwordHash },
    });
    expect(got.body).toMatchObject({ object: 'twoFactorAuthenticator', authenticator: { enabled: false } });
    const key = got.body.authenticator.key as string;
    const badCode = await t().http.put('/api/two-factor/authenticator', {
      token: web,
      json: { key, token: '000000', userVerificationToken: got.body.userVerificationToken },
    });
    expect(badCode.body.validationErrors).toEqual({ Token: ['Invalid token.'] });
    const badUv = await t().http.put('/api/two-factor/authenticator', {
      token: web,
      json: { key, token: totpCode(key), userVerificationToken: 'x' },
    });
    expect(badUv.body.validationErrors).toEqual({ UserVerificationToken: ['User verification failed.'] });
    const put = await t().http.put('/api/two-factor/authenticator', {
      token: web,
      json: { key, token: totpCode(key), userVerificationToken: got.body.userVerificationToken },
    });
    expect(put.body).toEqual({ object: 'twoFactorAuthenticatorUpdate', authenticator: { enabled: true, key } });
    // Enabling a provider rotates the security stamp: the set-up session has ended.
    expect((await t().http.get('/api/two-factor', { token: web })).status).toBe(401);
    expect(
      (await t().db.selectFrom('events').select('type').where('user_id', '=', u.id).where('type', '=', 1002).execute())
        .length,
    ).toBe(1);

    const form = passwordForm(u.email, u.passwordHash);
    const challenge = await t().http.token(form);
    expect(challenge.status).toBe(400);
    expect(challenge.body).toMatchObject({
      error: 'invalid_grant',
      error_description: 'Two factor required.',
      TwoFactorProviders: ['0'],
      TwoFactorProviders2: { '0': null },
      MasterPasswordPolicy: { Object: 'masterPasswordPolicy' },
    });
    const wrong = await t().http.token({ ...form, twoFactorProvider: '0', twoFactorToken: '123456' });
    expect(wrong.body).toMatchObject({
      error: 'invalid_grant',
      ErrorModel: { Message: 'Two-step token is invalid. Try again.' },
    });
    const code = totpCode(key);
    const ok = await t().http.token({ ...form, twoFactorProvider: '0', twoFactorToken: code, twoFactorRemember: '1' });
    expect(ok.status).toBe(200);
    expect(ok.body.TwoFactorToken).toBeTruthy();
    const replay = await t().http.token({ ...form, twoFactorProvider: '0', twoFactorToken: code });
    expect(replay.status).toBe(400);
    const remembered = await t().http.token({
      ...form,
      twoFactorProvider: '5',
      twoFactorToken: ok.body.TwoFactorToken,
    });
    expect(remembered.status).toBe(200);
    expect(remembered.body.TwoFactorToken).toBeUndefined();
    const web2 = (
      await t().http.token({
        ...form,
        client_id: 'web',
        deviceType: '9',
        twoFactorProvider: '5',
        twoFactorToken: ok.body.TwoFactorToken,
      })
    ).body.access_token as string;
    const list = await t().http.get('/api/two-factor', { token: web2 });
    expect(list.body.data).toEqual([{ object: 'twoFactorProvider', enabled: true, type: 0 }]);
    const badRemember = await t().http.token({ ...form, twoFactorProvider: '5', twoFactorToken: 'nope' });
    expect(badRemember.body.error_description).toBe('Two factor required.');

    const recover = await t().http.post('/api/two-factor/get-recover', {
      token: web2,
      json: { masterPasswordHash: u.passwordHash },
    });
    expect(recover.body.code).toMatch(/^[a-z0-9]{32}$/);
    const recovered = await t().http.token({
      ...form,
      twoFactorProvider: '8',
      twoFactorToken: recover.body.code.toUpperCase(),
    });
    expect(recovered.status).toBe(200);
    expect((await t().http.token(form)).status).toBe(200);
  });

  it('email: set-up with a mailed code, login with send-email-login, disable', async () => {
    const u = await registerAndLogin(t());
    const web = await webLogin(t(), u);
    const got = await t().http.post('/api/two-factor/get-email', {
      token: web,
      json: { masterPasswordHash: u.passwordHash },
    });
    expect(got.body).toMatchObject({ object: 'twoFactorEmail', email: { enabled: false, email: null } });
    const uvt = got.body.userVerificationToken;
    expect(
      (
        await t().http.post('/api/two-factor/send-email', {
          token: web,
          json: { email: u.email, userVerificationToken: uvt },
        })
      ).status,
    ).toBe(200);
    const setupCode = t().outbox().at(-1)!.meta!.code!;
    const wrong = await t().http.put('/api/two-factor/email', {
      token: web,
      json: { email: u.email, token: '000000', userVerificationToken: uvt },
    });
    expect(wrong.status).toBe(400);
    const put = await t().http.put('/api/two-factor/email', {
      token: web,
      json: { email: u.email, token: setupCode, userVerificationToken: uvt },
    });
    expect(put.body).toEqual({ object: 'twoFactorEmailUpdate', email: { enabled: true, email: u.email } });

    const form = passwordForm(u.email, u.passwordHash);
    const challenge = await t().http.token(form);
    expect(challenge.body.TwoFactorProviders2['1'].Email).toMatch(/\*+@example\.com$/);
    expect(challenge.body.Email).toBe(u.email);
    const refused = await t().http.post('/api/two-factor/send-email-login', {
      json: { email: u.email, masterPasswordHash: 'wrong-wrong-wrong' },
    });
    expect(refused.body.message).toBe('Cannot send two-factor email.');
    expect(
      (
        await t().http.post('/api/two-factor/send-email-login', {
          json: { email: u.email, masterPasswordHash: u.passwordHash },
        })
      ).status,
    ).toBe(200);
    const loginCode = t().outbox().at(-1)!.meta!.code!;
    const ok = await t().http.token({ ...form, twoFactorProvider: '1', twoFactorToken: loginCode });
    expect(ok.status).toBe(200);
    const again = await t().http.token({ ...form, twoFactorProvider: '1', twoFactorToken: loginCode });
    expect(again.status).toBe(400);

    expect((await t().http.get('/api/two-factor', { token: web })).status).toBe(401); // enabling ended it
    await t().http.post('/api/two-factor/send-email-login', {
      json: { email: u.email, masterPasswordHash: u.passwordHash },
    });
    const web2 = await t().http.token({
      ...form,
      client_id: 'web',
      deviceType: '9',
      twoFactorProvider: '1',
      twoFactorToken: t().outbox().at(-1)!.meta!.code!,
    });
    const del = await t().http.delete('/api/two-factor/email', {
      token: web2.body.access_token,
      json: { userVerificationToken: uvt },
    });
    expect(del.status).toBe(204);
    expect((await t().http.token(form)).status).toBe(200);
  });
});
