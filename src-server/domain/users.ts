// Creating and reading user accounts.
import type { Kysely, Transaction } from 'kysely';
import type { Database, NewUser, User } from '../db/schema';
import { flag, newId, nowIso } from '../db/values';
import type { Kdf } from './kdf';
import { hashPassword } from './passwordHash';
import { randomString } from './secrets';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface NewAccount {
  email: string; // normalized
  name: string | null;
  masterPasswordHash: string; // as sent by the client; re-hashed here
  masterPasswordHint: string | null;
  masterPasswordSalt: string | null;
  kdf: Kdf;
  key: string;
  publicKey: string;
  privateKey: string;
  signedPublicKey?: string | null;
  signatureKeyPair?: object | null;
  securityState?: object | null;
  userKeyId?: string | null;
  emailVerified: boolean;
}

export const newSecurityStamp = (): string => crypto.randomUUID();
export const newApiKey = (): string => randomString(30);

export async function buildUserRow(a: NewAccount, hashIterations: number): Promise<NewUser> {
  const now = nowIso();
  return {
    id: newId(),
    email: a.email,
    name: a.name,
    email_verified: flag(a.emailVerified),
    master_password_hash: await hashPassword(a.masterPasswordHash, hashIterations),
    master_password_hint: a.masterPasswordHint,
    master_password_salt: a.masterPasswordSalt,
    culture: 'en-US',
    security_stamp: newSecurityStamp(),
    key: a.key,
    public_key: a.publicKey,
    private_key: a.privateKey,
    signed_public_key: a.signedPublicKey ?? null,
    signature_key_pair: a.signatureKeyPair ? JSON.stringify(a.signatureKeyPair) : null,
    security_state: a.securityState ? JSON.stringify(a.securityState) : null,
    user_key_id: a.userKeyId ?? null,
    kdf: a.kdf.kdf,
    kdf_iterations: a.kdf.iterations,
    kdf_memory: a.kdf.memory,
    kdf_parallelism: a.kdf.parallelism,
    api_key: newApiKey(),
    premium: 0,
    verify_devices: 1,
    force_password_reset: 0,
    avatar_color: null,
    two_factor_recovery_code: null,
    creation_date: now,
    revision_date: now,
    account_revision_date: now,
  };
}

export async function findUserByEmail(db: DbOrTrx, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: DbOrTrx, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The `accountKeys` object (camelCase inside; bitwarden-api.md §3.6) or null without a key pair. */
export function accountKeys(user: User) {
  if (!user.private_key || !user.public_key) return null;
  const signature = user.signature_key_pair
    ? (JSON.parse(user.signature_key_pair) as { wrappedSigningKey?: string; verifyingKey?: string })
    : null;
  const state = user.security_state
    ? (JSON.parse(user.security_state) as { securityState?: string; securityVersion?: number })
    : null;
  return {
    object: 'privateKeys',
    publicKeyEncryptionKeyPair: {
      object: 'publicKeyEncryptionKeyPair',
      wrappedPrivateKey: user.private_key,
      publicKey: user.public_key,
      signedPublicKey: user.signed_public_key,
    },
    signatureKeyPair: signature
      ? {
          object: 'signatureKeyPair',
          wrappedSigningKey: signature.wrappedSigningKey ?? null,
          verifyingKey: signature.verifyingKey ?? null,
        }
      : null,
    securityState: state
      ? { securityState: state.securityState ?? null, securityVersion: state.securityVersion ?? null }
      : null,
  };
}
