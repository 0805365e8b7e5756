import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../../../src-main/bitwarden/environments';
import { BitwardenHttp } from '../../../../src-main/bitwarden/http';
import {
  clientCredentialsGrant,
  passwordGrant,
  prelogin,
  refreshGrant,
} from '../../../../src-main/bitwarden/identityApi';
import { json, scripted, type Answer } from './fakeTransport';
import { BAD_PASSWORD, NEW_DEVICE, pascal, PRELOGIN, TOKEN_SUCCESS, TWO_FACTOR_CHALLENGE } from './recordedShapes';

const device = { identifier: '6f1c1b55-8a9e-4f3e-9d38-3cc1c3c1f2aa', type: 8, name: 'linux' };

function http(answers: Answer[]) {
  const transport = scripted(answers);
  const client = new BitwardenHttp({
    urls: resolveEnvironment({ kind: 'bitwardenEu' }),
    identity: { appVersion: '1.0.0', device },
    transport,
    sleep: async () => {},
  });
  return { client, transport };
}

const grant = { email: 'someone@example.com', masterPasswordHash: 'aGFzaA==', device };

describe('prelogin', () => {
  it('reads the KDF, and falls back to the obsolete route on older servers', async () => {
    const { client, transport } = http([json(404, null), json(200, pascal(PRELOGIN))]);
    expect(await prelogin(client, 'someone@example.com')).toEqual({ kdf: 0, iterations: 600000 });
    expect(transport.requests.map((r) => r.url)).toEqual([
      'https://identity.bitwarden.eu/accounts/prelogin/password',
      'https://identity.bitwarden.eu/accounts/prelogin',
    ]);
  });

  it('refuses a downgrade to weak KDF settings', async () => {
    const weak = { kdf: 0, kdfIterations: 1000, kdfSettings: { kdfType: 0, iterations: 1000 } };
    const { client } = http([json(200, weak)]);
    await expect(prelogin(client, 'a@b.c')).rejects.toMatchObject({
      code: 'server',
      message: expect.stringContaining('too weak'),
    });
  });
});

describe('password grant', () => {
  it('sends the form official clients send, and returns the keys', async () => {
    const { client, transport } = http([json(200, TOKEN_SUCCESS)]);
    const outcome = await passwordGrant(client, grant);
    expect(outcome).toMatchObject({ kind: 'success', token: { key: TOKEN_SUCCESS.Key } });
    const form = new URLSearchParams(transport.requests[0]?.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'password',
      client_id: 'desktop',
      scope: 'api offline_access',
      username: 'someone@example.com',
      password: 'aGFzaA==',
      deviceType: '8',
      deviceIdentifier: device.identifier,
      deviceName: 'linux',
    });
  });

  it('adds the two-step fields, asking to be remembered with "1"', async () => {
    const { client, transport } = http([json(200, TOKEN_SUCCESS)]);
    await passwordGrant(client, { ...grant, twoFactor: { provider: 0, token: '123456', remember: true } });
    const form = new URLSearchParams(transport.requests[0]?.body);
    expect([form.get('twoFactorProvider'), form.get('twoFactorToken'), form.get('twoFactorRemember')]).toEqual([
      '0',
      '123456',
      '1',
    ]);
  });

  it('turns the two-step challenge into a value with the methods and the redacted email', async () => {
    const { client } = http([json(400, TWO_FACTOR_CHALLENGE)]);
    const outcome = await passwordGrant(client, grant);
    expect(outcome.kind).toBe('twoFactor');
    if (outcome.kind !== 'twoFactor') return;
    expect([...outcome.challenge.providers.keys()]).toEqual([0, 1]);
    expect(outcome.challenge.providers.get(1)).toEqual({ email: 'so*****@example.com' });
    expect(outcome.challenge.ssoEmail2faSessionToken).toBe('sso-session');
  });

  it('recognises the new-device step by ErrorModel.Message', async () => {
    const { client } = http([json(400, NEW_DEVICE)]);
    expect(await passwordGrant(client, grant)).toEqual({ kind: 'newDevice' });
  });

  it.each([
    [BAD_PASSWORD, 'unauthorized', 'Username or password is incorrect. Try again.'],
    [
      { error: 'invalid_grant', error_description: 'invalid_username_or_password' },
      'unauthorized',
      'Username or password is incorrect. Try again.',
    ],
    [
      { error: 'invalid_grant', ErrorModel: { Message: 'Two-step token is invalid. Try again.' } },
      'validation',
      'Two-step token is invalid. Try again.',
    ],
    [
      { error: 'device_error', ErrorModel: { Message: 'invalid new device otp' } },
      'validation',
      'The verification code is wrong or has expired.',
    ],
    [
      { error: 'invalid_client_version', ErrorModel: { Message: 'Please update your app' } },
      'server',
      expect.stringContaining('Please update your app'),
    ],
  ])('maps %j', async (body, code, message) => {
    const { client } = http([json(400, body)]);
    await expect(passwordGrant(client, grant)).rejects.toMatchObject({ code, message });
  });

  it('reports identity rate limiting with the wait', async () => {
    const { client } = http([json(429, { error: 'invalid_grant' }, { 'retry-after': '120' })]);
    await expect(passwordGrant(client, grant)).rejects.toMatchObject({
      code: 'server',
      message: expect.stringContaining('2 minutes'),
    });
  });
});

describe('other grants', () => {
  it('API key: client_credentials with the user client id', async () => {
    const { client, transport } = http([json(200, TOKEN_SUCCESS)]);
    await clientCredentialsGrant(client, { clientId: 'user.abc', clientSecret: 's3cret', device });
    const form = Object.fromEntries(new URLSearchParams(transport.requests[0]?.body));
    expect(form).toMatchObject({
      grant_type: 'client_credentials',
      scope: 'api',
      client_id: 'user.abc',
      client_secret: 's3cret',
    });
  });

  it('API key: a wrong key is unauthorized with a clear message', async () => {
    const { client } = http([json(400, { error: 'invalid_client' })]);
    await expect(
      clientCredentialsGrant(client, { clientId: 'user.abc', clientSecret: 'x', device }),
    ).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('API key') });
  });

  it('refresh: reads the OAuth-only answer; a refused refresh token means "sign in again"', async () => {
    const { client } = http([
      json(200, { access_token: 'a.b.c', expires_in: 3600, token_type: 'Bearer', refresh_token: 'new', scope: 'api' }),
      json(400, { error: 'invalid_grant' }),
    ]);
    expect(await refreshGrant(client, 'old')).toMatchObject({ access_token: 'a.b.c', refresh_token: 'new' });
    await expect(refreshGrant(client, 'old')).rejects.toMatchObject({ code: 'unauthorized', status: 400 });
  });
});
