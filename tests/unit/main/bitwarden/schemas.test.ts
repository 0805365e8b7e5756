// Every schema reads the recorded shapes in both casings (DESIGN.md: "fields are read in either casing").
import { describe, expect, it } from 'vitest';
import { kdfFromPrelogin } from '../../../../src-main/crypto';
import {
  listOf,
  eventSchema,
  profileSchema,
  providerOrganizationSchema,
  providerUserSchema,
} from '../../../../src-main/bitwarden/apiSchemas';
import { camelizeKeys } from '../../../../src-main/bitwarden/camelCase';
import { identityErrorSchema, tokenSuccessSchema } from '../../../../src-main/bitwarden/identitySchemas';
import {
  BAD_PASSWORD,
  camel,
  EVENTS_PAGE,
  NEW_DEVICE,
  pascal,
  PRELOGIN,
  PROFILE,
  PROVIDER_ORGANIZATIONS,
  PROVIDER_USERS,
  TOKEN_SUCCESS,
  TWO_FACTOR_CHALLENGE,
} from './recordedShapes';

const casings = [
  ['as recorded', (v: unknown) => v],
  ['PascalCase', pascal],
  ['camelCase', camel],
] as const;

describe.each(casings)('recorded shapes, %s', (_name, recase) => {
  const read = (value: unknown) => camelizeKeys(recase(value));

  it('prelogin', () => {
    expect(kdfFromPrelogin(read(PRELOGIN))).toEqual({ kdf: 0, iterations: 600000 });
  });

  it('token success', () => {
    const token = tokenSuccessSchema.parse(read(TOKEN_SUCCESS));
    expect(token).toMatchObject({
      access_token: TOKEN_SUCCESS.access_token,
      refresh_token: 'opaque-refresh',
      key: TOKEN_SUCCESS.Key,
      kdf: 0,
      kdfIterations: 600000,
      accountKeys: { publicKeyEncryptionKeyPair: { wrappedPrivateKey: '2.d3JhcA==|Y3Q=|bWFj' } },
      userDecryptionOptions: {
        masterPasswordUnlock: {
          masterKeyEncryptedUserKey: '2.dWs=|Y3Q=|bWFj',
          kdf: { kdfType: 0, iterations: 600000 },
        },
      },
    });
  });

  it('two-step challenge, new-device and bad-password errors', () => {
    expect(identityErrorSchema.parse(read(TWO_FACTOR_CHALLENGE))).toMatchObject({
      error_description: 'Two factor required.',
      twoFactorProviders2: { '0': null, '1': { email: 'so*****@example.com' } },
      ssoEmail2faSessionToken: 'sso-session',
    });
    expect(identityErrorSchema.parse(read(NEW_DEVICE)).errorModel?.message).toBe('new device verification required');
    expect(identityErrorSchema.parse(read(BAD_PASSWORD)).errorModel?.message).toBe(
      'Username or password is incorrect. Try again.',
    );
  });

  it('profile with providers and client organizations', () => {
    const profile = profileSchema.parse(read(PROFILE));
    expect(profile.providers[0]).toMatchObject({
      id: '22222222-2222-4222-8222-222222222222',
      name: 'Acme MSP',
      type: 0,
      status: 2,
      useEvents: true,
      providerType: 0,
    });
    expect(profile.providerOrganizations[0]).toMatchObject({
      id: '33333333-3333-4333-8333-333333333333',
      providerId: '22222222-2222-4222-8222-222222222222',
      enabled: true,
    });
  });

  it('provider organizations, users and events lists', () => {
    expect(listOf(providerOrganizationSchema).parse(read(PROVIDER_ORGANIZATIONS)).data[0]).toMatchObject({
      organizationName: 'Contoso',
      seats: 10,
      occupiedSeats: 4,
      remainingSeats: 6,
      plan: 'Teams (Monthly)',
    });
    expect(listOf(providerUserSchema).parse(read(PROVIDER_USERS)).data[0]).toMatchObject({
      email: 'new@example.com',
      userId: null,
      status: 0,
      type: 1,
    });
    const events = listOf(eventSchema).parse(read(EVENTS_PAGE));
    expect(events.continuationToken).toBe('638000000000000000');
    expect(events.data[0]).toMatchObject({
      type: 1800,
      providerUserId: '55555555-5555-4555-8555-555555555555',
      ipAddress: '192.0.2.1',
    });
  });
});

describe('lenient where servers differ', () => {
  it('takes a profile without the provider lists (older servers, personal accounts)', () => {
    const { providers: _p, providerOrganizations: _o, ...bare } = PROFILE;
    expect(profileSchema.parse(bare)).toMatchObject({ providers: [], providerOrganizations: [] });
  });

  it('takes a list whose data is null', () => {
    expect(listOf(providerUserSchema).parse({ object: 'list', data: null })).toEqual({
      data: [],
      continuationToken: null,
    });
  });

  it('refuses a provider without an id', () => {
    const broken = { ...PROFILE, providers: [{ ...PROFILE.providers[0], id: undefined }] };
    expect(profileSchema.safeParse(broken).success).toBe(false);
  });
});
