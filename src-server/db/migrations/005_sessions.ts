// Revocable sessions (issue 13): refresh tokens bound to the user's security stamp and grouped in families.
// - `security_stamp`: the stamp when the token was issued; a token whose stamp is no longer the user's is refused.
// - `family_id`: every token rotated from one login shares it, so presenting an already-rotated token (reuse)
//   revokes the whole family.
// - `used_date`: set when the token is rotated; the row stays until it expires so reuse can be recognised.
// Existing tokens become one-token families carrying their user's current stamp.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
  for (const column of ['security_stamp', 'family_id', 'used_date'])
    await db.schema.alterTable('refresh_tokens').addColumn(column, 'text').execute();
  await sql`UPDATE refresh_tokens SET family_id = token_hash,
    security_stamp = (SELECT users.security_stamp FROM users WHERE users.id = refresh_tokens.user_id)`.execute(db);
  await db.schema.createIndex('refresh_tokens_family').on('refresh_tokens').column('family_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('refresh_tokens_family').ifExists().execute();
  for (const column of ['used_date', 'family_id', 'security_stamp'])
    await db.schema.alterTable('refresh_tokens').dropColumn(column).execute();
}
