// Signed tokens of the provider flows (domain/signedTokens.ts): the setup link sent by `provider-invite` and
// provider member invitations, both valid 5 days and single use (consumed in the transaction that redeems them).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { normalizeEmail } from '../../db/values';
import { signToken, TokenPurpose, verifyToken } from '../signedTokens';
import { ProviderUserStatus } from './enums';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export const INVITE_TTL_MS = 5 * 24 * 3600 * 1000;

export interface ProviderSetupClaims {
  providerId: string;
  email: string;
}

export interface ProviderInviteClaims {
  providerUserId: string;
  email: string;
}

export const signSetupToken = (hmac: Buffer, c: ProviderSetupClaims) =>
  signToken(hmac, TokenPurpose.ProviderSetup, c, INVITE_TTL_MS);
export const signProviderInviteToken = (hmac: Buffer, c: ProviderInviteClaims) =>
  signToken(hmac, TokenPurpose.ProviderInvite, c, INVITE_TTL_MS);

/** The setup token's claims when it is valid for this provider and email. */
export function checkSetupToken(hmac: Buffer, token: string, providerId: string, email: string) {
  const check = verifyToken<ProviderSetupClaims>(hmac, TokenPurpose.ProviderSetup, token);
  if (
    !check.ok ||
    check.payload.providerId !== providerId ||
    normalizeEmail(check.payload.email) !== normalizeEmail(email)
  )
    return null;
  return check;
}

/** The invitation token's claims when it is valid for this provider user and email. */
export function checkProviderInviteToken(hmac: Buffer, token: string, providerUserId: string, email: string) {
  const check = verifyToken<ProviderInviteClaims>(hmac, TokenPurpose.ProviderInvite, token);
  if (
    !check.ok ||
    check.payload.providerUserId !== providerUserId ||
    normalizeEmail(check.payload.email) !== normalizeEmail(email)
  )
    return null;
  return check;
}

/**
 * `register/finish` with `providerInviteToken` + `providerUserId` (bitwarden-accounts.md §1.3 row 6, §6.3): the
 * token must be valid for that still-Invited provider user and the registering email. Registration does not accept.
 */
export async function isValidProviderInviteForRegistration(
  db: DbOrTrx,
  hmac: Buffer,
  token: string,
  providerUserId: string,
  email: string,
): Promise<boolean> {
  if (!checkProviderInviteToken(hmac, token, providerUserId, email)) return false;
  const row = await db
    .selectFrom('provider_users')
    .select(['status', 'email'])
    .where('id', '=', providerUserId)
    .executeTakeFirst();
  return (
    !!row && row.status === ProviderUserStatus.Invited && normalizeEmail(row.email ?? '') === normalizeEmail(email)
  );
}
