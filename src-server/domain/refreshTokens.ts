// Refresh tokens: random, stored as SHA-256, sliding expiry per client (bitwarden-api.md §3.2). Unlike Bitwarden's
// ReUse tokens they are rotated on every use, and bound to the user's security stamp:
// - every token rotated from one login belongs to one family; presenting a token that was already rotated (a
//   stolen copy, or a replay) revokes the whole family;
// - a token whose stamp is no longer the user's is refused (sessions deauthorized, password or 2FA changed);
// - a request with another client id is refused and leaves the token as it was.
import type { Kysely, Transaction } from 'kysely';
import type { Database, User } from '../db/schema';
import { isoIn, nowIso } from '../db/values';
import { randomToken, safeEqual, sha256Hex } from './secrets';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

const LIFETIME_DAYS: Record<string, number> = { web: 7, browser: 30, desktop: 30, mobile: 60, cli: 30, connector: 30 };

export const STATIC_CLIENTS = Object.keys(LIFETIME_DAYS);

/** Issues a token for `user` bound to their current stamp; `familyId` continues a rotated family. */
export async function issueRefreshToken(
  db: DbOrTrx,
  user: Pick<User, 'id' | 'security_stamp'>,
  clientId: string,
  deviceId: string | null,
  familyId?: string,
): Promise<string> {
  const token = randomToken(48);
  const hash = sha256Hex(token);
  const now = nowIso();
  // Rotated tokens are kept until they expire (reuse detection); expired rows of the user go here.
  await db.deleteFrom('refresh_tokens').where('user_id', '=', user.id).where('expires_at', '<', now).execute();
  await db
    .insertInto('refresh_tokens')
    .values({
      token_hash: hash,
      user_id: user.id,
      device_id: deviceId,
      client_id: clientId,
      expires_at: isoIn((LIFETIME_DAYS[clientId] ?? 30) * 86_400_000),
      creation_date: now,
      security_stamp: user.security_stamp,
      family_id: familyId ?? hash,
      used_date: null,
    })
    .execute();
  return token;
}

async function revokeFamily(db: DbOrTrx, familyId: string): Promise<void> {
  await db.deleteFrom('refresh_tokens').where('family_id', '=', familyId).execute();
}

/**
 * Redeems a refresh token: marks it used and returns its row, or null when unknown, expired, for another client
 * or for an older security stamp. A token already used revokes its family.
 */
export async function redeemRefreshToken(trx: Transaction<Database>, token: string, clientId: string) {
  const hash = sha256Hex(token);
  const row = await trx
    .selectFrom('refresh_tokens')
    .innerJoin('users', 'users.id', 'refresh_tokens.user_id')
    .selectAll('refresh_tokens')
    .select('users.security_stamp as user_stamp')
    .where('refresh_tokens.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  if (row.used_date !== null) {
    await revokeFamily(trx, row.family_id);
    return null;
  }
  if (row.client_id !== clientId) return null;
  if (row.expires_at < nowIso() || !safeEqual(row.security_stamp, row.user_stamp)) {
    await revokeFamily(trx, row.family_id);
    return null;
  }
  const marked = await trx
    .updateTable('refresh_tokens')
    .set({ used_date: nowIso() })
    .where('token_hash', '=', hash)
    .where('used_date', 'is', null)
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) !== 1) {
    // Another request rotated it first: the same token presented twice is reuse.
    await revokeFamily(trx, row.family_id);
    return null;
  }
  return row;
}

export async function revokeUserRefreshTokens(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('refresh_tokens').where('user_id', '=', userId).execute();
}
