import { z } from 'zod';
import { errorCodes } from './errors';

/**
 * Sessions: sign-in (master password, two-step login, new-device codes, personal API key), several accounts side
 * by side with one active, lock/unlock, log out. Outputs are display data only: no tokens, keys, hashes or
 * EncStrings ever cross the bridge.
 */

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .regex(/^https?:\/\/[^\s/?#]+/i, 'Enter an address starting with https://');

/**
 * Where an account lives. `bitwardenUs`/`bitwardenEu`: Bitwarden cloud. `selfHosted`: one base URL with `/api`,
 * `/identity`, `/events` under it (also Provider Desk's own backend). `custom`: separate service URLs.
 * `local`: the Provider Desk backend on this computer (`https://localhost:<port>`, default 8443; its local CA is
 * trusted automatically). Plain `http://` is accepted for loopback addresses only.
 */
export const serverEnvironmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bitwardenUs') }).strict(),
  z.object({ kind: z.literal('bitwardenEu') }).strict(),
  z.object({ kind: z.literal('selfHosted'), baseUrl: httpUrl }).strict(),
  z
    .object({ kind: z.literal('custom'), apiUrl: httpUrl, identityUrl: httpUrl, eventsUrl: httpUrl.optional() })
    .strict(),
  z.object({ kind: z.literal('local'), port: z.number().int().min(1).max(65535).optional() }).strict(),
]);
export type ServerEnvironment = z.infer<typeof serverEnvironmentSchema>;

/** How the renderer shows a server: `label` like "bitwarden.com" or "vault.example.com:8443". */
export const serverSummarySchema = z.object({
  kind: z.enum(['bitwardenUs', 'bitwardenEu', 'selfHosted', 'custom', 'local']),
  label: z.string(),
  url: z.string(),
});
export type ServerSummary = z.infer<typeof serverSummarySchema>;

export const accountSummarySchema = z.object({
  /** Stable per server + user; the renderer keys its cache by it. */
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  server: serverSummarySchema,
  /** `locked`: keys wiped; unlock with the master password (works offline). */
  status: z.enum(['locked', 'unlocked']),
  /** The server no longer accepts this device's tokens: sign in again with the password. */
  needsLogin: z.boolean(),
  /** Last request to this account's server got through (false = offline). */
  online: z.boolean(),
  signInMethod: z.enum(['password', 'apiKey']),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const secretStorageStatusSchema = z.object({
  /** false: sign-ins last until the app quits (no usable OS keychain, or the browser shell). */
  persistent: z.boolean(),
  /** e.g. `keychain`, `dpapi`, `gnome_libsecret`, `kwallet6`, `memory`. */
  backend: z.string(),
  /** Something the user should be told, e.g. why nothing is kept on disk. */
  message: z.string().nullable(),
});
export type SecretStorageStatus = z.infer<typeof secretStorageStatusSchema>;

export const sessionStateSchema = z.object({
  accounts: z.array(accountSummarySchema),
  activeAccountId: z.string().nullable(),
  secretStorage: secretStorageStatusSchema,
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const sessionChangeReasons = [
  'login',
  'unlock',
  'lock',
  'idleLock',
  'systemLock',
  'logout',
  'switch',
  'expired',
  'connection',
] as const;
export const sessionChangedSchema = sessionStateSchema.extend({ reason: z.enum(sessionChangeReasons) });
export type SessionChanged = z.infer<typeof sessionChangedSchema>;

/** Two-step login methods offered by the server. `supported: false` ones (Duo, WebAuthn, YubiKey) need the web vault. */
export const twoFactorOptionSchema = z.object({
  /** TwoFactorProviderType: 0 Authenticator, 1 Email, 2 Duo, 3 YubiKey, 6 OrganizationDuo, 7 WebAuthn, 8 Recovery code. */
  type: z.number().int(),
  name: z.string(),
  supported: z.boolean(),
  /** Email method: the redacted address the code goes to. */
  email: z.string().nullable(),
});
export type TwoFactorOption = z.infer<typeof twoFactorOptionSchema>;

const pendingId = z.string().min(1).max(100);
const accountId = z.string().min(1).max(200);
const email = z
  .string()
  .trim()
  .min(3)
  .max(256)
  .regex(/^[^\s@]+@[^\s@]+$/, 'Enter a valid email address');
const masterPassword = z.string().min(1).max(1024);

/** Bitwarden's rules for a new master password (bitwarden-accounts.md §1.3): at least 12 characters. */
export const MIN_MASTER_PASSWORD_LENGTH = 12;

export const loginResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), accountId, session: sessionStateSchema }),
  /** Ask for a code; the recovery code (type 8) is always accepted as well. */
  z.object({ status: z.literal('twoFactor'), pendingId, options: z.array(twoFactorOptionSchema) }),
  /** The server emailed a one-time code to confirm this new device. */
  z.object({ status: z.literal('newDeviceVerification'), pendingId, email: z.string() }),
]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export const loginInputSchema = z.object({ server: serverEnvironmentSchema, email, masterPassword }).strict();

export const submitTwoFactorInputSchema = z
  .object({
    pendingId,
    provider: z.number().int().min(0).max(8),
    code: z.string().trim().min(1).max(100),
    /** Remember this device: later sign-ins on it skip two-step login (30 days). */
    remember: z.boolean().default(false),
  })
  .strict();

export const submitNewDeviceCodeInputSchema = z.object({ pendingId, code: z.string().trim().min(1).max(20) }).strict();
export const pendingInputSchema = z.object({ pendingId }).strict();
/** Where the code went (redacted), for "We sent a code to so*****@example.com". */
export const emailCodeSentSchema = z.object({ sentTo: z.string().nullable() });

export const loginWithApiKeyInputSchema = z
  .object({
    server: serverEnvironmentSchema,
    /** `user.<uuid>` from the web vault's "View API key". */
    clientId: z
      .string()
      .trim()
      .regex(/^user\.[0-9a-f-]{36}$/i, 'The client_id looks like user.xxxxxxxx-xxxx-…'),
    clientSecret: z.string().trim().min(1).max(200),
    /** Unlocks the keys after the API key signed in. */
    masterPassword,
  })
  .strict();

export const accountInputSchema = z.object({ accountId }).strict();
export const unlockInputSchema = z.object({ accountId, masterPassword }).strict();
/**
 * Locks every signed-in account: lock is for everyone (DESIGN.md, "Security baseline"), so it names no account.
 * Each account then opens only with its own master password.
 */
export const lockInputSchema = z.object({}).strict().optional();
export const emptyOutputSchema = z.object({}).strict();

/**
 * Settings → Account: a new master password (Bitwarden's rule: at least 12 characters; the hint at most 50) and
 * "Log out everywhere". Both prove the current master password; afterwards every session of the account, this one
 * included, has ended and the account signs in again.
 */
export const changePasswordInputSchema = z
  .object({
    accountId,
    currentPassword: masterPassword,
    newPassword: z
      .string()
      .min(
        MIN_MASTER_PASSWORD_LENGTH,
        `The new master password needs at least ${MIN_MASTER_PASSWORD_LENGTH} characters.`,
      )
      .max(1024),
    hint: z.string().trim().max(50, 'The hint can have at most 50 characters.').optional(),
  })
  .strict()
  .refine((input) => input.newPassword !== input.currentPassword, {
    message: 'The new master password is the same as the current one.',
    path: ['newPassword'],
  });
export const logOutEverywhereInputSchema = z.object({ accountId, masterPassword }).strict();

/** Without `accountId`, the active account. It must be unlocked: the phrase comes from its own key pair. */
export const accountFingerprintInputSchema = z.object({ accountId: accountId.optional() }).strict().optional();

/**
 * Who this account is, for Settings → Account and "waiting for confirmation": the fingerprint phrase (crypto.md
 * §9, from the account's user id and its public key) that a provider admin compares before confirming. Display
 * data only; null without a key pair.
 */
export const accountFingerprintSchema = z.object({
  accountId: z.string(),
  phrase: z.string().nullable(),
  email: z.string(),
  name: z.string().nullable(),
  server: serverSummarySchema,
});
export type AccountFingerprint = z.infer<typeof accountFingerprintSchema>;

export const connectionChangedSchema = z.object({
  accountId,
  online: z.boolean(),
  /** Why the server is unreachable, for a tooltip; null when online. */
  message: z.string().nullable(),
  code: z.enum(errorCodes).nullable(),
  at: z.string(),
});
export type ConnectionChanged = z.infer<typeof connectionChangedSchema>;

/** An account was logged out: drop everything cached for it. */
export const accountLoggedOutSchema = z.object({ accountId });

/**
 * Creating an account (bitwarden-accounts.md §1): main makes the keys (PBKDF2-SHA256, 600,000 iterations) and
 * registers; then the person signs in as usual. Servers that verify email first answer `checkEmail`: the account
 * is created by following the emailed link instead.
 */
export const registerInputSchema = z
  .object({
    server: serverEnvironmentSchema,
    email,
    name: z.string().trim().min(1, 'Enter your name').max(50, 'The name has at most 50 characters'),
    masterPassword: z
      .string()
      .min(MIN_MASTER_PASSWORD_LENGTH, `The master password needs at least ${MIN_MASTER_PASSWORD_LENGTH} characters`)
      .max(1024),
    masterPasswordConfirmation: z.string().max(1024),
    hint: z.string().trim().max(50, 'The hint has at most 50 characters').optional(),
  })
  .strict()
  .refine((v) => v.masterPassword === v.masterPasswordConfirmation, {
    message: 'The master passwords do not match',
    path: ['masterPasswordConfirmation'],
  })
  .refine((v) => !v.hint || v.hint !== v.masterPassword, {
    message: 'The hint must not be the master password',
    path: ['hint'],
  });

export const registerResultSchema = z.discriminatedUnion('status', [
  /** The account exists: sign in with it. */
  z.object({ status: z.literal('registered'), email: z.string() }),
  /** The server emailed a link: the account is created there, then sign in here. */
  z.object({ status: z.literal('checkEmail'), email: z.string() }),
]);
export type RegisterResult = z.infer<typeof registerResultSchema>;
