// Signed, expiring tokens (registration email verification, invitations): `<prefix><payload>.<mac>`, HMAC-SHA256
// with the shared server key, so any instance verifies them. Single use is enforced with `consumeToken`.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { nowIso } from '../db/values';
import { hmacBase64Url, safeEqual, sha256Hex } from './secrets';

export const TokenPurpose = {
  Registration: 'BwRegistrationEmailVerificationToken_',
  OrgInvite: 'BwOrgUserInviteToken_',
  ProviderInvite: 'BwProviderUserInviteToken_',
  ProviderSetup: 'BwProviderSetupToken_',
  TwoFactorUserVerification: 'BwTwoFactorUserVerificationToken_',
} as const;

export type TokenPurposeValue = (typeof TokenPurpose)[keyof typeof TokenPurpose];

export type TokenCheck<T> = { ok: true; payload: T; expiresAt: string } | { ok: false; reason: 'invalid' | 'expired' };

export function signToken(hmacKey: Buffer, purpose: TokenPurposeValue, payload: object, ttlMs: number): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: Date.now() + ttlMs }), 'utf8').toString('base64url');
  return `${purpose}${body}.${hmacBase64Url(hmacKey, purpose + body)}`;
}

export function verifyToken<T extends object>(
  hmacKey: Buffer,
  purpose: TokenPurposeValue,
  token: string,
): TokenCheck<T> {
  if (!token.startsWith(purpose)) return { ok: false, reason: 'invalid' };
  const [body, mac] = token.slice(purpose.length).split('.');
  if (!body || !mac || !safeEqual(mac, hmacBase64Url(hmacKey, purpose + body))) return { ok: false, reason: 'invalid' };
  let parsed: T & { exp?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & { exp?: unknown };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof parsed.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (parsed.exp < Date.now()) return { ok: false, reason: 'expired' };
  return { ok: true, payload: parsed, expiresAt: new Date(parsed.exp).toISOString() };
}

/** Marks a token as used inside the caller's transaction; false when it was used before. */
export async function consumeToken(
  trx: Transaction<Database> | Kysely<Database>,
  token: string,
  expiresAt: string,
): Promise<boolean> {
  const purpose = token.slice(0, token.indexOf('_') + 1) || 'token';
  const result = await trx
    .insertInto('used_tokens')
    .values({ token_hash: sha256Hex(token), purpose, used_date: nowIso(), expires_at: expiresAt })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
