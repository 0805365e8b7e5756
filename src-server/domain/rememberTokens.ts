// Remember-device tokens (two-step login provider 5): random, stored hashed, 30 days, void once the
// user's security stamp changes.
import type { Kysely, Transaction } from 'kysely';
import type { Database, User } from '../db/schema';
import { isoIn, nowIso } from '../db/values';
import { randomToken, safeEqual, sha256Hex } from './secrets';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

const TTL_MS = 30 * 24 * 3600 * 1000;

export async function issueRememberToken(db: DbOrTrx, user: User): Promise<string> {
  const token = randomToken(32);
  await db
    .insertInto('two_factor_remember_tokens')
    .values({
      token_hash: sha256Hex(token),
      user_id: user.id,
      security_stamp: user.security_stamp,
      expires_at: isoIn(TTL_MS),
      creation_date: nowIso(),
    })
    .execute();
  return token;
}

export async function checkRememberToken(db: DbOrTrx, user: User, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('two_factor_remember_tokens')
    .selectAll()
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  return (
    !!row && row.user_id === user.id && row.expires_at > nowIso() && safeEqual(row.security_stamp, user.security_stamp)
  );
}
