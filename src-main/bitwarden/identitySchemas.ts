/**
 * Identity service answers (bitwarden-api.md §3), as read after `camelizeKeys`: PascalCase extra keys
 * (`Key`, `KdfIterations`, `TwoFactorProviders2`, `ErrorModel`) arrive lower-camel-cased, OAuth fields keep
 * their snake_case.
 */
import { z } from 'zod';

const str = z.string().nullish();
const int = z.number().int().nullish();

const kdfSchema = z.object({ kdfType: z.number().int(), iterations: z.number().int(), memory: int, parallelism: int });

export const tokenSuccessSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().nullish(),
  token_type: str,
  refresh_token: str,
  scope: str,
  key: str,
  privateKey: str,
  accountKeys: z
    .object({
      publicKeyEncryptionKeyPair: z.object({ wrappedPrivateKey: z.string(), publicKey: str }).nullish(),
    })
    .nullish(),
  kdf: int,
  kdfIterations: int,
  kdfMemory: int,
  kdfParallelism: int,
  forcePasswordReset: z.boolean().nullish(),
  apiUseKeyConnector: z.boolean().nullish(),
  twoFactorToken: str,
  userDecryptionOptions: z
    .object({
      hasMasterPassword: z.boolean().nullish(),
      masterPasswordUnlock: z.object({ kdf: kdfSchema.nullish(), masterKeyEncryptedUserKey: str, salt: str }).nullish(),
      keyConnectorOption: z.unknown().nullish(),
    })
    .nullish(),
});
export type TokenSuccess = z.output<typeof tokenSuccessSchema>;

/** A refresh answer has only the OAuth fields (§3.4). */
export const refreshSuccessSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().nullish(),
  refresh_token: str,
});
export type RefreshSuccess = z.output<typeof refreshSuccessSchema>;

export const identityErrorSchema = z.object({
  error: str,
  error_description: str,
  errorModel: z.object({ message: str }).nullish(),
  /** Keyed by TwoFactorProviderType as a string; Email's value carries the redacted address. */
  twoFactorProviders2: z.record(z.string(), z.unknown()).nullish(),
  twoFactorProviders: z.array(z.union([z.string(), z.number()])).nullish(),
  ssoEmail2faSessionToken: str,
});
export type IdentityError = z.output<typeof identityErrorSchema>;

/** Both prelogin shapes (§3.1); `kdfFromPrelogin` in the crypto module reads and guards them. */
export const preloginSchema = z.object({}).loose();
