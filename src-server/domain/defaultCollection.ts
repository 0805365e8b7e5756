// The collection a new organization starts with (its name an EncString from the client), managed by the org's
// first owner. Standalone orgs (`POST /organizations`) and provider client orgs both create one.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { newId } from '../db/values';

export async function insertManagedCollection(
  trx: Transaction<Database>,
  input: { organizationId: string; name: string; managerOrgUserId: string; now: string },
): Promise<string> {
  const collectionId = newId();
  await trx
    .insertInto('collections')
    .values({
      id: collectionId,
      organization_id: input.organizationId,
      name: input.name,
      external_id: null,
      type: 0,
      default_user_collection_email: null,
      creation_date: input.now,
      revision_date: input.now,
    })
    .execute();
  await trx
    .insertInto('collection_users')
    .values({
      collection_id: collectionId,
      organization_user_id: input.managerOrgUserId,
      read_only: 0,
      hide_passwords: 0,
      manage: 1,
    })
    .execute();
  return collectionId;
}
