// Account revision dates: `bw sync` compares `GET /accounts/revision-date` with its last sync, so every
// change a user should see bumps the revision of that user (or of every member of the org).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { nowIso } from '../db/values';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export async function bumpUserRevision(trx: DbOrTrx, userIds: string | readonly string[]): Promise<void> {
  const ids = typeof userIds === 'string' ? [userIds] : [...userIds];
  if (ids.length === 0) return;
  await trx.updateTable('users').set({ account_revision_date: nowIso() }).where('id', 'in', ids).execute();
}

export async function bumpOrgRevision(trx: DbOrTrx, organizationId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ account_revision_date: nowIso() })
    .where('id', 'in', (qb) =>
      qb
        .selectFrom('organization_users')
        .select('user_id')
        .where('organization_id', '=', organizationId)
        .where('user_id', 'is not', null),
    )
    .execute();
}
