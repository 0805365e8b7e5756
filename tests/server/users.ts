// Users and organizations made with the real client crypto (src-main/crypto), as an official client would.
import { randomUUID } from 'node:crypto';
import {
  decryptPrivateKey,
  deriveMasterKey,
  hashMasterPassword,
  makeOrganization,
  makeRegistration,
  type KdfConfig,
} from '../../src-main/crypto/index';
import type { TestServer } from './harness';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** Master password hash as sent to the server. */
  passwordHash: string;
  accessToken: string;
  refreshToken: string;
  deviceIdentifier: string;
  publicKey: string;
  privateKey: Uint8Array;
  userKey: Uint8Array;
  kdf: KdfConfig;
}

export interface TestOrg {
  id: string;
  orgKey: Uint8Array;
  body: any;
}

const DEFAULT_KDF: KdfConfig = { kdf: 0, iterations: 600_000 };
let counter = 0;

export const uniqueEmail = (prefix = 'user') => `${prefix}.${Date.now().toString(36)}.${++counter}@example.com`;

/** Registers through send-verification-email + finish (the server runs with emailVerification off by default). */
export async function registerUser(
  t: TestServer,
  o: { email?: string; password?: string; kdf?: KdfConfig; name?: string } = {},
) {
  const email = o.email ?? uniqueEmail();
  const password = o.password ?? 'correct horse battery staple';
  const kdf = o.kdf ?? DEFAULT_KDF;
  const sent = await t.http.post('/identity/accounts/register/send-verification-email', {
    json: { email, name: o.name ?? 'Test User' },
  });
  if (sent.status !== 200) throw new Error(`send-verification-email: ${sent.status} ${sent.text}`);
  const { payload, secrets } = await makeRegistration(email, password, kdf);
  const finish = await t.http.post('/identity/accounts/register/finish', {
    json: { ...payload, emailVerificationToken: sent.text },
  });
  if (finish.status !== 200) throw new Error(`register/finish: ${finish.status} ${finish.text}`);
  return { email, password, kdf, payload, secrets };
}

export async function passwordHashFor(email: string, password: string, kdf: KdfConfig = DEFAULT_KDF): Promise<string> {
  return hashMasterPassword(await deriveMasterKey(password, email, kdf), password, 1);
}

export function passwordForm(email: string, passwordHash: string, extra: Record<string, string> = {}) {
  return {
    scope: 'api offline_access',
    client_id: 'cli',
    deviceType: '25',
    deviceIdentifier: extra.deviceIdentifier ?? randomUUID(),
    deviceName: 'linux',
    grant_type: 'password',
    username: email,
    password: passwordHash,
    ...extra,
  };
}

export async function loginUser(
  t: TestServer,
  email: string,
  password: string,
  kdf: KdfConfig = DEFAULT_KDF,
  extra: Record<string, string> = {},
) {
  const passwordHash = await passwordHashFor(email, password, kdf);
  const form = passwordForm(email, passwordHash, extra);
  const res = await t.http.token(form);
  if (res.status !== 200) throw new Error(`login: ${res.status} ${res.text}`);
  return { body: res.body, passwordHash, deviceIdentifier: form.deviceIdentifier };
}

export async function registerAndLogin(
  t: TestServer,
  o: { email?: string; password?: string; kdf?: KdfConfig; name?: string } = {},
): Promise<TestUser> {
  const reg = await registerUser(t, o);
  const login = await loginUser(t, reg.email, reg.password, reg.kdf);
  const claims = JSON.parse(
    Buffer.from(String(login.body.access_token).split('.')[1]!, 'base64url').toString('utf8'),
  ) as { sub: string };
  return {
    id: claims.sub,
    email: reg.email.toLowerCase(),
    password: reg.password,
    passwordHash: login.passwordHash,
    accessToken: login.body.access_token,
    refreshToken: login.body.refresh_token,
    deviceIdentifier: login.deviceIdentifier,
    publicKey: reg.payload.userAsymmetricKeys.publicKey,
    privateKey: decryptPrivateKey(reg.payload.userAsymmetricKeys.encryptedPrivateKey, reg.secrets.userKey),
    userKey: reg.secrets.userKey,
    kdf: reg.kdf,
  };
}

/** POST /api/organizations as `owner` (free plan unless given); returns the org id and its key. */
export async function createOrganization(
  t: TestServer,
  owner: TestUser,
  o: { name?: string; planType?: number; collectionName?: string; additionalSeats?: number } = {},
): Promise<TestOrg> {
  const planType = o.planType ?? 0;
  // Plans without base seats (Teams, Enterprise) need at least one purchased seat.
  const additionalSeats = o.additionalSeats ?? ([0, 1, 6, 7, 16, 21, 22].includes(planType) ? 0 : 1);
  const { payload, secrets } = await makeOrganization(owner.publicKey, o.collectionName ?? 'Default collection');
  const res = await t.http.post('/api/organizations', {
    token: owner.accessToken,
    json: { name: o.name ?? 'Acme', billingEmail: owner.email, planType, additionalSeats, ...payload },
  });
  if (res.status !== 200) throw new Error(`create organization: ${res.status} ${res.text}`);
  return { id: res.body.id, orgKey: secrets.orgKey, body: res.body };
}
