// Collections and org ciphers a user can see through direct or group assignments (Confirmed memberships only).
import type { Kysely, Transaction } from 'kysely';
import type { Collection, Database } from '../db/schema';
import { isSet } from '../db/values';
import { OrgUserStatus } from './orgRoles';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface CollectionAccess {
  collection: Collection;
  readOnly: boolean;
  hidePasswords: boolean;
  manage: boolean;
}

export async function userCollections(db: DbOrTrx, userId: string): Promise<CollectionAccess[]> {
  const direct = await db
    .selectFrom('collection_users as cu')
    .innerJoin('organization_users as ou', 'ou.id', 'cu.organization_user_id')
    .select(['cu.collection_id', 'cu.read_only', 'cu.hide_passwords', 'cu.manage'])
    .where('ou.user_id', '=', userId)
    .where('ou.status', '=', OrgUserStatus.Confirmed)
    .execute();
  const viaGroups = await db
    .selectFrom('collection_groups as cg')
    .innerJoin('group_users as gu', 'gu.group_id', 'cg.group_id')
    .innerJoin('organization_users as ou', 'ou.id', 'gu.organization_user_id')
    .select(['cg.collection_id', 'cg.read_only', 'cg.hide_passwords', 'cg.manage'])
    .where('ou.user_id', '=', userId)
    .where('ou.status', '=', OrgUserStatus.Confirmed)
    .execute();
  // Most permissive assignment wins.
  const merged = new Map<string, { canEdit: boolean; canView: boolean; manage: boolean }>();
  for (const a of [...direct, ...viaGroups]) {
    const prev = merged.get(a.collection_id);
    merged.set(a.collection_id, {
      canEdit: (prev?.canEdit ?? false) || !isSet(a.read_only),
      canView: (prev?.canView ?? false) || !isSet(a.hide_passwords),
      manage: (prev?.manage ?? false) || isSet(a.manage),
    });
  }
  if (merged.size === 0) return [];
  const collections = await db
    .selectFrom('collections')
    .selectAll()
    .where('id', 'in', [...merged.keys()])
    .orderBy('id')
    .execute();
  return collections.map((collection) => {
    const m = merged.get(collection.id)!;
    return { collection, readOnly: !m.canEdit, hidePasswords: !m.canView, manage: m.manage };
  });
}

export function collectionDetails(a: CollectionAccess) {
  return {
    object: 'collectionDetails',
    id: a.collection.id,
    organizationId: a.collection.organization_id,
    name: a.collection.name,
    externalId: a.collection.external_id,
    type: a.collection.type,
    defaultUserCollectionEmail: a.collection.default_user_collection_email,
    readOnly: a.readOnly,
    hidePasswords: a.hidePasswords,
    manage: a.manage,
  };
}
