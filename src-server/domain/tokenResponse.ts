// The successful token body for password and API-key logins (bitwarden-api.md §3.6, §13.4).
import type { User } from '../db/schema';
import { isSet } from '../db/values';
import { ACCESS_TOKEN_SECONDS } from '../http/jwt';
import { accountKeys } from './users';

export interface LoginBodyInput {
  user: User;
  accessToken: string;
  refreshToken: string | null;
  scope: string;
  masterPasswordPolicy: Record<string, unknown>;
  twoFactorToken?: string | undefined;
  apiKeyLogin?: boolean;
}

export function loginBody(i: LoginBodyInput): Record<string, unknown> {
  const u = i.user;
  const keys = accountKeys(u);
  const kdf = { KdfType: u.kdf, Iterations: u.kdf_iterations, Memory: u.kdf_memory, Parallelism: u.kdf_parallelism };
  return {
    access_token: i.accessToken,
    expires_in: ACCESS_TOKEN_SECONDS,
    token_type: 'Bearer',
    ...(i.refreshToken ? { refresh_token: i.refreshToken } : {}),
    scope: i.scope,
    ...(u.key ? { Key: u.key } : {}),
    ...(u.private_key ? { PrivateKey: u.private_key } : {}),
    ...(keys ? { AccountKeys: keys } : {}),
    Kdf: u.kdf,
    KdfIterations: u.kdf_iterations,
    KdfMemory: u.kdf_memory,
    KdfParallelism: u.kdf_parallelism,
    ForcePasswordReset: isSet(u.force_password_reset),
    ResetMasterPassword: false,
    MasterPasswordPolicy: i.masterPasswordPolicy,
    ...(i.apiKeyLogin ? { ApiUseKeyConnector: false } : {}),
    ...(i.twoFactorToken ? { TwoFactorToken: i.twoFactorToken } : {}),
    UserDecryptionOptions: {
      HasMasterPassword: !!u.master_password_hash,
      Object: 'userDecryptionOptions',
      ...(u.key
        ? {
            MasterPasswordUnlock: {
              Kdf: kdf,
              MasterKeyEncryptedUserKey: u.key,
              Salt: u.master_password_salt ?? u.email,
              ...(u.user_key_id ? { ContainedKeyId: u.user_key_id } : {}),
            },
          }
        : {}),
    },
  };
}
