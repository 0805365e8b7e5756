// Emailed one-time codes (6 digits, 5 minutes, single use, 5 attempts), stored hashed.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { isoIn, newId, nowIso } from '../db/values';
import { randomDigits, safeEqual, sha256Hex } from './secrets';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export const CodePurpose = {
  TwoFactorLogin: '2fa-login',
  NewDevice: 'new-device',
  TwoFactorSetup: (email: string) => `2fa-setup:${email}`,
} as const;

const TTL_MS = 5 * 60 * 1000;
const MAX_ATTEMPTS = 5;

/** Issues a new code for the purpose, replacing any earlier one. */
export async function issueEmailCode(db: DbOrTrx, userId: string, purpose: string): Promise<string> {
  const code = randomDigits(6);
  await db.deleteFrom('email_codes').where('user_id', '=', userId).where('purpose', '=', purpose).execute();
  await db
    .insertInto('email_codes')
    .values({
      id: newId(),
      user_id: userId,
      purpose,
      code_hash: sha256Hex(`${userId}:${purpose}:${code}`),
      attempts: 0,
      expires_at: isoIn(TTL_MS),
      creation_date: nowIso(),
    })
    .execute();
  return code;
}

/** Checks and consumes the code; wrong codes count towards the attempt limit. */
export async function verifyEmailCode(db: DbOrTrx, userId: string, purpose: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('email_codes')
    .selectAll()
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row || row.expires_at < nowIso() || row.attempts >= MAX_ATTEMPTS) return false;
  if (safeEqual(row.code_hash, sha256Hex(`${userId}:${purpose}:${code.trim()}`))) {
    await db.deleteFrom('email_codes').where('id', '=', row.id).execute();
    return true;
  }
  await db
    .updateTable('email_codes')
    .set({ attempts: row.attempts + 1 })
    .where('id', '=', row.id)
    .execute();
  return false;
}
