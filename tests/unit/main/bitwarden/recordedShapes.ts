// Response bodies as Bitwarden servers send them (bitwarden-api.md §3.1, §3.6–3.8, §5, §6.4–6.5, §8.3, §13.4),
// with `pascal()` / `camel()` to make the other casing of the same body.

export const PRELOGIN = {
  kdf: 0,
  kdfIterations: 600000,
  kdfMemory: null,
  kdfParallelism: null,
  kdfSettings: { kdfType: 0, iterations: 600000, memory: null, parallelism: null },
  salt: 'someone@example.com',
};

export const TOKEN_SUCCESS = {
  access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.sig',
  expires_in: 3600,
  token_type: 'Bearer',
  refresh_token: 'opaque-refresh',
  scope: 'api offline_access',
  Key: '2.aXY=|Y3Q=|bWFj',
  PrivateKey: '2.cHJpdg==|Y3Q=|bWFj',
  AccountKeys: {
    publicKeyEncryptionKeyPair: { wrappedPrivateKey: '2.d3JhcA==|Y3Q=|bWFj', publicKey: 'UFVC', signedPublicKey: null },
    signatureKeyPair: null,
    securityState: null,
  },
  Kdf: 0,
  KdfIterations: 600000,
  KdfMemory: null,
  KdfParallelism: null,
  ForcePasswordReset: false,
  ResetMasterPassword: false,
  MasterPasswordPolicy: { Object: 'masterPasswordPolicy' },
  ApiUseKeyConnector: false,
  UserDecryptionOptions: {
    HasMasterPassword: true,
    Object: 'userDecryptionOptions',
    MasterPasswordUnlock: {
      Kdf: { KdfType: 0, Iterations: 600000, Memory: null, Parallelism: null },
      MasterKeyEncryptedUserKey: '2.dWs=|Y3Q=|bWFj',
      Salt: 'someone@example.com',
    },
  },
};

export const TWO_FACTOR_CHALLENGE = {
  error: 'invalid_grant',
  error_description: 'Two factor required.',
  TwoFactorProviders: ['0', '1'],
  TwoFactorProviders2: { '0': null, '1': { Email: 'so*****@example.com' } },
  SsoEmail2faSessionToken: 'sso-session',
  Email: 'someone@example.com',
  MasterPasswordPolicy: { Object: 'masterPasswordPolicy' },
};

export const NEW_DEVICE = {
  error: 'device_error',
  error_description: 'New device verification required',
  ErrorModel: { Message: 'new device verification required', Object: 'error' },
};

export const BAD_PASSWORD = {
  error: 'invalid_grant',
  error_description: 'invalid_username_or_password',
  ErrorModel: { Message: 'Username or password is incorrect. Try again.', Object: 'error' },
};

export const PROFILE = {
  object: 'profile',
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Pat Admin',
  email: 'pat@example.com',
  emailVerified: true,
  premium: false,
  premiumFromOrganization: false,
  culture: 'en-US',
  twoFactorEnabled: true,
  key: '2.dWs=|Y3Q=|bWFj',
  privateKey: '2.cHJpdg==|Y3Q=|bWFj',
  accountKeys: null,
  securityStamp: 'stamp',
  organizations: [],
  providers: [
    {
      object: 'profileProvider',
      id: '22222222-2222-4222-8222-222222222222',
      name: 'Acme MSP',
      key: '4.cnNh',
      status: 2,
      type: 0,
      enabled: true,
      permissions: {},
      userId: '11111111-1111-4111-8111-111111111111',
      useEvents: true,
      providerStatus: 2,
      providerType: 0,
    },
  ],
  providerOrganizations: [
    {
      object: 'profileProviderOrganization',
      id: '33333333-3333-4333-8333-333333333333',
      name: 'Contoso',
      key: '2.b3Jn|Y3Q=|bWFj',
      providerId: '22222222-2222-4222-8222-222222222222',
      enabled: true,
      productTierType: 2,
      seats: 10,
    },
  ],
};

export const PROVIDER_ORGANIZATIONS = {
  object: 'list',
  data: [
    {
      object: 'providerOrganizationOrganizationDetail',
      id: '44444444-4444-4444-8444-444444444444',
      providerId: '22222222-2222-4222-8222-222222222222',
      organizationId: '33333333-3333-4333-8333-333333333333',
      key: '2.b3Jn|Y3Q=|bWFj',
      settings: null,
      creationDate: '2026-01-02T03:04:05.123Z',
      revisionDate: '2026-01-02T03:04:05.123Z',
      userCount: 3,
      seats: 10,
      occupiedSeats: 4,
      remainingSeats: 6,
      plan: 'Teams (Monthly)',
      organizationName: 'Contoso',
    },
  ],
  continuationToken: null,
};

export const PROVIDER_USERS = {
  object: 'list',
  data: [
    {
      object: 'providerUserUserDetails',
      id: '55555555-5555-4555-8555-555555555555',
      userId: null,
      type: 1,
      status: 0,
      name: null,
      email: 'new@example.com',
      permissions: {},
    },
  ],
  continuationToken: null,
};

export const EVENTS_PAGE = {
  object: 'list',
  data: [
    {
      object: 'event',
      type: 1800,
      userId: null,
      organizationId: null,
      providerId: '22222222-2222-4222-8222-222222222222',
      cipherId: null,
      collectionId: null,
      groupId: null,
      policyId: null,
      organizationUserId: null,
      providerUserId: '55555555-5555-4555-8555-555555555555',
      providerOrganizationId: null,
      actingUserId: '11111111-1111-4111-8111-111111111111',
      installationId: null,
      date: '2026-03-01T10:00:00.1234567Z',
      deviceType: 8,
      ipAddress: '192.0.2.1',
      systemUser: null,
      domainName: null,
      secretId: null,
      projectId: null,
      serviceAccountId: null,
      grantedServiceAccountId: null,
      sendId: null,
    },
  ],
  continuationToken: '638000000000000000',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const mapKeys = (value: unknown, f: (key: string) => string): Json => {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, f));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), mapKeys(v, f)]));
  return value as Json;
};
/** The same body with every key PascalCase (OAuth snake_case fields stay). */
export const pascal = (value: unknown) =>
  mapKeys(value, (k) => (k.includes('_') ? k : k.charAt(0).toUpperCase() + k.slice(1)));
/** The same body with every key camelCase. */
export const camel = (value: unknown) => mapKeys(value, (k) => k.charAt(0).toLowerCase() + k.slice(1));
