// Refresh tokens: random, stored as SHA-256, rotated on every use (the old one stops working), sliding expiry
// per client (bitwarden-api.md §3.2).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { isoIn, nowIso } from '../db/values';
import { randomToken, sha256Hex } from './secrets';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

const LIFETIME_DAYS: Record<string, number> = { web: 7, browser: 30, desktop: 30, mobile: 60, cli: 30, connector: 30 };

export const STATIC_CLIENTS = Object.keys(LIFETIME_DAYS);

export async function issueRefreshToken(
  db: DbOrTrx,
  userId: string,
  clientId: string,
  deviceId: string | null,
): Promise<string> {
  const token = randomToken(48);
  await db
    .insertInto('refresh_tokens')
    .values({
      token_hash: sha256Hex(token),
      user_id: userId,
      device_id: deviceId,
      client_id: clientId,
      expires_at: isoIn((LIFETIME_DAYS[clientId] ?? 30) * 86_400_000),
      creation_date: nowIso(),
    })
    .execute();
  return token;
}

/** Redeems a refresh token: deletes it and returns its row, or null when unknown, expired or for another client. */
export async function redeemRefreshToken(trx: Transaction<Database>, token: string, clientId: string) {
  const hash = sha256Hex(token);
  const row = await trx.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (!row) return null;
  const deleted = await trx.deleteFrom('refresh_tokens').where('token_hash', '=', hash).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) return null; // a concurrent request redeemed it first
  if (row.expires_at < nowIso() || row.client_id !== clientId) return null;
  return row;
}

export async function revokeUserRefreshTokens(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('refresh_tokens').where('user_id', '=', userId).execute();
}
