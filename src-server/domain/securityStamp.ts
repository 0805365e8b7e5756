// The security stamp ends sessions (bitwarden-accounts.md §3.8): access tokens carry it as `sstamp` and
// are checked on every request (http/auth.ts); refresh and remember-device tokens are bound to it. Rotating it
// also deletes those tokens, so nothing issued before keeps working.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { nowIso } from '../db/values';
import { revokeUserRefreshTokens } from './refreshTokens';
import { newSecurityStamp } from './users';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export async function rotateSecurityStamp(trx: DbOrTrx, userId: string): Promise<string> {
  const stamp = newSecurityStamp();
  const now = nowIso();
  await trx
    .updateTable('users')
    .set({ security_stamp: stamp, revision_date: now, account_revision_date: now })
    .where('id', '=', userId)
    .execute();
  await revokeUserRefreshTokens(trx, userId);
  await trx.deleteFrom('two_factor_remember_tokens').where('user_id', '=', userId).execute();
  return stamp;
}
