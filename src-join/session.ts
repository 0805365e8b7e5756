/**
 * Log in the way the official web client does (crypto.md §8.1): prelogin → master key → password grant with
 * client_id=web → unlock the user key and private key. The session lives in this page's memory only; nothing is
 * stored, and the master password never leaves the page (only its PBKDF2 hash does).
 */
import { kdfFromPrelogin } from '../src-main/crypto/kdf';
import { ApiProblem, browserDevice, call, deviceIdentifier } from './api';
import {
  decryptPrivateKey,
  deriveMasterKey,
  fingerprintPhrase,
  hashMasterPassword,
  normalizeEmail,
  unlockUserKey,
} from './crypto/webKeys';
import { fromBase64, fromUtf8 } from './crypto/webEncoding';

export interface Session {
  accessToken: string;
  userId: string;
  email: string;
  userKey: Uint8Array;
  publicKey: string;
}

/** What the second step of a login needs: a two-step code or a new-device code. */
export type SecondStep = { kind: 'twoFactor'; providers: number[]; emailHint: string | null } | { kind: 'newDevice' };

export class SecondStepRequired extends Error {
  constructor(readonly step: SecondStep) {
    super(step.kind === 'twoFactor' ? 'Two-step login required.' : 'New device verification required.');
  }
}

export interface LoginExtra {
  twoFactor?: { provider: number; token: string; remember?: boolean };
  newDeviceOtp?: string;
}

let current: Session | null = null;
export const currentSession = (): Session | null => current;

/** Cached per email and password so a second step does not re-run the KDF. */
let derived: { email: string; password: string; masterKey: Uint8Array; hash: string } | null = null;

async function masterKeyFor(email: string, password: string) {
  if (derived && derived.email === email && derived.password === password) return derived;
  const prelogin = await call('/identity/accounts/prelogin/password', { json: { email } });
  const kdf = kdfFromPrelogin(prelogin);
  const masterKey = await deriveMasterKey(password, email, kdf);
  derived = { email, password, masterKey, hash: await hashMasterPassword(masterKey, password, 1) };
  return derived;
}

/** The master password hash of the login under way (for `send-email-login`). */
export async function passwordHash(email: string, password: string): Promise<string> {
  return (await masterKeyFor(normalizeEmail(email), password)).hash;
}

function jwtSubject(token: string): string {
  const part = token.split('.')[1] ?? '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(fromUtf8(fromBase64(base64 + '='.repeat((4 - (base64.length % 4)) % 4)))) as {
    sub?: string;
  };
  if (!claims.sub) throw new Error('The server returned a token without a user.');
  return claims.sub;
}

function secondStepOf(problem: ApiProblem): SecondStep | null {
  const b = problem.body;
  const model = (b.ErrorModel ?? b.errorModel) as { Message?: string } | undefined;
  if (b.error_description === 'Two factor required.') {
    const providers = ((b.TwoFactorProviders ?? b.twoFactorProviders ?? []) as unknown[]).map(Number);
    const details = (b.TwoFactorProviders2 ?? {}) as Record<string, { Email?: string } | null>;
    return { kind: 'twoFactor', providers, emailHint: details['1']?.Email ?? null };
  }
  if (model?.Message === 'new device verification required') return { kind: 'newDevice' };
  return null;
}

export async function logIn(emailInput: string, password: string, extra: LoginExtra = {}): Promise<Session> {
  const email = normalizeEmail(emailInput);
  const { masterKey, hash } = await masterKeyFor(email, password);
  const device = browserDevice();
  const form: Record<string, string> = {
    grant_type: 'password',
    username: email,
    password: hash,
    scope: 'api offline_access',
    client_id: 'web',
    deviceType: String(device.type),
    deviceIdentifier: deviceIdentifier(),
    deviceName: device.name,
  };
  if (extra.twoFactor) {
    form.twoFactorToken = extra.twoFactor.token;
    form.twoFactorProvider = String(extra.twoFactor.provider);
    form.twoFactorRemember = extra.twoFactor.remember ? '1' : '0';
  }
  if (extra.newDeviceOtp) form.newDeviceOtp = extra.newDeviceOtp;
  let body: Record<string, unknown>;
  try {
    body = await call('/identity/connect/token', { form });
  } catch (error) {
    const step = error instanceof ApiProblem ? secondStepOf(error) : null;
    if (step) throw new SecondStepRequired(step);
    throw error;
  }
  const accessToken = String(body.access_token ?? '');
  const protectedKey = body.Key ?? body.key;
  const keys = (body.AccountKeys ?? body.accountKeys) as
    { publicKeyEncryptionKeyPair?: { wrappedPrivateKey?: string; publicKey?: string } } | undefined;
  const wrappedPrivate = keys?.publicKeyEncryptionKeyPair?.wrappedPrivateKey ?? body.PrivateKey ?? body.privateKey;
  if (typeof protectedKey !== 'string' || typeof wrappedPrivate !== 'string')
    throw new Error('This account has no keys yet; finish setting it up in a Bitwarden client first.');
  const userKey = await unlockUserKey(masterKey, protectedKey);
  const { privateKey, publicKey } = await decryptPrivateKey(
    wrappedPrivate,
    userKey,
    keys?.publicKeyEncryptionKeyPair?.publicKey,
  );
  privateKey.fill(0);
  current = { accessToken, userId: jwtSubject(accessToken), email, userKey, publicKey };
  derived = null;
  masterKey.fill(0);
  return current;
}

/** The signed-in account's fingerprint phrase, from its own (decrypted and re-derived) public key. */
export const ownFingerprint = (s: Session): Promise<string> => fingerprintPhrase(s.userId, s.publicKey);
