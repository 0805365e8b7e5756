import { expect, it } from 'vitest';
import { describeServer, registerAndLogin } from './harness';
import { snapshot } from './snapshot';

describeServer('api accounts', (t) => {
  it('config is anonymous and names the endpoints', async () => {
    const res = await t().http.get('/api/config');
    expect(res.body).toMatchObject({
      object: 'config',
      environment: { api: `${t().url}/api`, identity: `${t().url}/identity` },
      featureStates: {},
      push: { pushTechnology: 0 },
      settings: { disableUserRegistration: false },
    });
  });

  it('profile, keys, public key, revision date', async () => {
    const u = await registerAndLogin(t());
    const profile = await t().http.get('/api/accounts/profile', { token: u.accessToken });
    expect(profile.body).toMatchObject({
      object: 'profile',
      id: u.id,
      email: u.email,
      name: 'Test User',
      emailVerified: true,
      twoFactorEnabled: false,
      organizations: [],
      providers: [],
      providerOrganizations: [],
    });
    expect(profile.body.accountKeys.publicKeyEncryptionKeyPair.publicKey).toBe(u.publicKey);
    const keys = await t().http.get('/api/accounts/keys', { token: u.accessToken });
    expect(keys.body).toMatchObject({ object: 'keys', publicKey: u.publicKey });
    const pub = await t().http.get(`/api/users/${u.id}/public-key`, { token: u.accessToken });
    expect(pub.body).toEqual({ object: 'userKey', userId: u.id, publicKey: u.publicKey });
    expect((await t().http.get(`/api/users/${crypto.randomUUID()}/public-key`, { token: u.accessToken })).status).toBe(
      404,
    );
    const rev = await t().http.get('/api/accounts/revision-date', { token: u.accessToken });
    expect(typeof rev.body).toBe('number');
    const put = await t().http.put('/api/accounts/profile', {
      token: u.accessToken,
      json: { name: 'Renamed', culture: 'en-GB' },
    });
    expect(put.body).toMatchObject({ name: 'Renamed', culture: 'en-GB' });
    const rev2 = await t().http.get('/api/accounts/revision-date', { token: u.accessToken });
    expect(rev2.body).toBeGreaterThanOrEqual(rev.body);
  });

  it('personal API key: view needs the password, rotate replaces it', async () => {
    const u = await registerAndLogin(t());
    const wrong = await t().http.post('/api/accounts/api-key', {
      token: u.accessToken,
      json: { masterPasswordHash: 'wrong-wrong-wrong' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.validationErrors).toEqual({ '': ['User verification failed.'] });
    const none = await t().http.post('/api/accounts/api-key', { token: u.accessToken, json: {} });
    expect(none.body.validationErrors).toEqual({ '': ['MasterPasswordHash, OTP, or AccessCode must be supplied.'] });
    const view = await t().http.post('/api/accounts/api-key', {
      token: u.accessToken,
      json: { masterPasswordHash: u.passwordHash },
    });
    expect(view.body).toMatchObject({ object: 'apiKey' });
    expect(view.body.apiKey).toHaveLength(30);
    const rotated = await t().http.post('/api/accounts/rotate-api-key', {
      token: u.accessToken,
      json: { masterPasswordHash: u.passwordHash },
    });
    expect(rotated.body.apiKey).not.toBe(view.body.apiKey);
    const old = await t().http.token({
      grant_type: 'client_credentials',
      scope: 'api',
      client_id: `user.${u.id}`,
      client_secret: view.body.apiKey,
      deviceType: '25',
      deviceIdentifier: crypto.randomUUID(),
      deviceName: 'linux',
    });
    expect(old.status).toBe(400);
  });

  it('user-key-id: stored once, returned in sync, validated', async () => {
    const u = await registerAndLogin(t());
    const before = await snapshot(t().db);
    for (const json of [
      { userKeyId: 'ABCDEF0123456789ABCDEF0123456789' },
      { userKeyId: 'short' },
      { userKeyId: 5 },
      {},
    ]) {
      const res = await t().http.post('/api/accounts/key-management/user-key-id', { token: u.accessToken, json });
      expect(res.status).toBe(400);
      expect(res.body.object).toBe('error');
    }
    expect(await snapshot(t().db)).toBe(before);
    const id = '0123456789abcdef0123456789abcdef';
    expect(
      (
        await t().http.post('/api/accounts/key-management/user-key-id', {
          token: u.accessToken,
          json: { userKeyId: id },
        })
      ).status,
    ).toBe(200);
    const again = await t().http.post('/api/accounts/key-management/user-key-id', {
      token: u.accessToken,
      json: { userKeyId: id },
    });
    expect(again.body.message).toBe('User key id is already set.');
    const sync = await t().http.get('/api/sync?excludeDomains=true', { token: u.accessToken });
    expect(sync.body.userDecryption.userKeyId).toBe(id);
    expect(sync.body.userDecryption.masterPasswordUnlock.containedKeyId).toBe(id);
  });

  it('verify-password and verify-devices', async () => {
    const u = await registerAndLogin(t());
    const ok = await t().http.post('/api/accounts/verify-password', {
      token: u.accessToken,
      json: { masterPasswordHash: u.passwordHash },
    });
    expect(ok.body).toMatchObject({ object: 'masterPasswordPolicy', minLength: null });
    const bad = await t().http.post('/api/accounts/verify-password', {
      token: u.accessToken,
      json: { masterPasswordHash: 'x'.repeat(44) },
    });
    expect(bad.body.validationErrors).toEqual({ MasterPasswordHash: ['Invalid password.'] });
    const off = await t().http.put('/api/accounts/verify-devices', {
      token: u.accessToken,
      json: { verifyDevices: false, masterPasswordHash: u.passwordHash },
    });
    expect(off.status).toBe(200);
    expect((await t().http.get('/api/accounts/profile', { token: u.accessToken })).body.verifyDevices).toBe(false);
  });
});
