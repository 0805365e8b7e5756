// SecretVerificationRequestModel (bitwarden-accounts.md §0.4): the master password hash proves the user.
import { z } from 'zod';
import type { ServerContext } from '../context';
import type { User } from '../db/schema';
import { validationFailed } from '../http/errors';
import { verifyPassword } from './passwordHash';

export const secretBody = z.object({
  masterPasswordHash: z.string().max(300).nullish(),
  otp: z.string().max(50).nullish(),
  authRequestAccessCode: z.string().max(300).nullish(),
});
export type SecretBody = z.output<typeof secretBody>;

/** Throws 400 `{"": ["User verification failed."]}` (after the failure delay) unless the secret checks out. */
export async function requireSecret(ctx: ServerContext, user: User, b: SecretBody): Promise<void> {
  if (!b.masterPasswordHash && !b.otp && !b.authRequestAccessCode) {
    throw validationFailed({ '': ['MasterPasswordHash, OTP, or AccessCode must be supplied.'] });
  }
  if (b.masterPasswordHash && (await verifyPassword(b.masterPasswordHash, user.master_password_hash))) return;
  await new Promise((r) => setTimeout(r, ctx.config.failedAuthDelayMs));
  throw validationFailed({ '': ['User verification failed.'] });
}
