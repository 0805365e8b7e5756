// Collection access rows (collection_users / collection_groups) and the collection response models
// (bitwarden-api.md §7.5). Every referenced id must belong to the org; otherwise 400 keyed by the body path.
import type { Kysely, Transaction } from 'kysely';
import type { Collection, Database } from '../db/schema';
import { flag, isSet } from '../db/values';
import { validationFailed } from '../http/errors';
import { OrgUserType, type OrgAccess } from './orgRoles';
import type { Selection } from './orgSchemas';

type DbOrTrx = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database> | Kysely<Database>;

const CHUNK = 500;
const chunks = <T>(list: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
};

/** Ids of `table` rows in the org among `ids`. */
async function existing(
  db: DbOrTrx,
  table: 'collections' | 'groups' | 'organization_users',
  orgId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where('organization_id', '=', orgId)
      .where('id', 'in', part)
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** Throws 400 `{ "<Key>[i].Id": ["Not found in this organization."] }` for ids outside the org. */
export async function assertInOrg(
  db: DbOrTrx,
  table: 'collections' | 'groups' | 'organization_users',
  orgId: string,
  ids: readonly string[],
  key: string,
  withIdSuffix = true,
): Promise<void> {
  if (ids.length === 0) return;
  const found = await existing(db, table, orgId, ids);
  const errors: Record<string, string[]> = {};
  ids.forEach((id, i) => {
    if (!found.has(id)) errors[`${key}[${i}]${withIdSuffix ? '.Id' : ''}`] = ['Not found in this organization.'];
  });
  if (Object.keys(errors).length) throw validationFailed(errors);
}

const accessValues = (s: Selection) => ({
  read_only: flag(s.readOnly),
  hide_passwords: flag(s.hidePasswords),
  manage: flag(s.manage),
});

export async function replaceCollectionUsers(
  trx: Trx,
  collectionId: string,
  list: readonly Selection[],
): Promise<void> {
  await trx.deleteFrom('collection_users').where('collection_id', '=', collectionId).execute();
  for (const part of chunks(list)) {
    await trx
      .insertInto('collection_users')
      .values(part.map((s) => ({ collection_id: collectionId, organization_user_id: s.id, ...accessValues(s) })))
      .execute();
  }
}

export async function replaceCollectionGroups(
  trx: Trx,
  collectionId: string,
  list: readonly Selection[],
): Promise<void> {
  await trx.deleteFrom('collection_groups').where('collection_id', '=', collectionId).execute();
  for (const part of chunks(list)) {
    await trx
      .insertInto('collection_groups')
      .values(part.map((s) => ({ collection_id: collectionId, group_id: s.id, ...accessValues(s) })))
      .execute();
  }
}

/** A member's collections (selections carry collection ids). Default user collections are left alone. */
export async function replaceMemberCollections(trx: Trx, orgUserId: string, list: readonly Selection[]): Promise<void> {
  await trx
    .deleteFrom('collection_users')
    .where('organization_user_id', '=', orgUserId)
    .where('collection_id', 'in', (qb) => qb.selectFrom('collections').select('id').where('type', '=', 0))
    .execute();
  for (const part of chunks(list)) {
    await trx
      .insertInto('collection_users')
      .values(part.map((s) => ({ collection_id: s.id, organization_user_id: orgUserId, ...accessValues(s) })))
      .execute();
  }
}

export async function replaceGroupCollections(trx: Trx, groupId: string, list: readonly Selection[]): Promise<void> {
  await trx.deleteFrom('collection_groups').where('group_id', '=', groupId).execute();
  for (const part of chunks(list)) {
    await trx
      .insertInto('collection_groups')
      .values(part.map((s) => ({ collection_id: s.id, group_id: groupId, ...accessValues(s) })))
      .execute();
  }
}

/** Adds (or overwrites) access rows without removing others (`bulk-access`). */
export async function upsertCollectionAccess(
  trx: Trx,
  collectionId: string,
  users: readonly Selection[],
  groups: readonly Selection[],
): Promise<void> {
  const userIds = users.map((u) => u.id);
  const groupIds = groups.map((g) => g.id);
  if (userIds.length)
    await trx
      .deleteFrom('collection_users')
      .where('collection_id', '=', collectionId)
      .where('organization_user_id', 'in', userIds)
      .execute();
  if (groupIds.length)
    await trx
      .deleteFrom('collection_groups')
      .where('collection_id', '=', collectionId)
      .where('group_id', 'in', groupIds)
      .execute();
  for (const part of chunks(users)) {
    await trx
      .insertInto('collection_users')
      .values(part.map((s) => ({ collection_id: collectionId, organization_user_id: s.id, ...accessValues(s) })))
      .execute();
  }
  for (const part of chunks(groups)) {
    await trx
      .insertInto('collection_groups')
      .values(part.map((s) => ({ collection_id: collectionId, group_id: s.id, ...accessValues(s) })))
      .execute();
  }
}

export interface AccessSelection {
  id: string;
  readOnly: boolean;
  hidePasswords: boolean;
  manage: boolean;
}

const toSelection = (
  id: string,
  r: { read_only: number; hide_passwords: number; manage: number },
): AccessSelection => ({
  id,
  readOnly: isSet(r.read_only),
  hidePasswords: isSet(r.hide_passwords),
  manage: isSet(r.manage),
});

/** Access rows of the given collections, grouped by collection. */
export async function collectionAccessRows(db: DbOrTrx, collectionIds: readonly string[]) {
  const users = new Map<string, AccessSelection[]>();
  const groups = new Map<string, AccessSelection[]>();
  for (const part of chunks([...collectionIds])) {
    for (const r of await db
      .selectFrom('collection_users')
      .selectAll()
      .where('collection_id', 'in', part)
      .orderBy('organization_user_id')
      .execute()) {
      (users.get(r.collection_id) ?? users.set(r.collection_id, []).get(r.collection_id)!).push(
        toSelection(r.organization_user_id, r),
      );
    }
    for (const r of await db
      .selectFrom('collection_groups')
      .selectAll()
      .where('collection_id', 'in', part)
      .orderBy('group_id')
      .execute()) {
      (groups.get(r.collection_id) ?? groups.set(r.collection_id, []).get(r.collection_id)!).push(
        toSelection(r.group_id, r),
      );
    }
  }
  return { users, groups };
}

/** Collections of one member (direct rows), as selections keyed by collection id. */
export async function memberCollectionSelections(
  db: DbOrTrx,
  orgUserIds: readonly string[],
): Promise<Map<string, AccessSelection[]>> {
  const out = new Map<string, AccessSelection[]>();
  for (const part of chunks([...orgUserIds])) {
    const rows = await db
      .selectFrom('collection_users')
      .selectAll()
      .where('organization_user_id', 'in', part)
      .orderBy('collection_id')
      .execute();
    for (const r of rows)
      (out.get(r.organization_user_id) ?? out.set(r.organization_user_id, []).get(r.organization_user_id)!).push(
        toSelection(r.collection_id, r),
      );
  }
  return out;
}

export async function groupCollectionSelections(
  db: DbOrTrx,
  groupIds: readonly string[],
): Promise<Map<string, AccessSelection[]>> {
  const out = new Map<string, AccessSelection[]>();
  for (const part of chunks([...groupIds])) {
    const rows = await db
      .selectFrom('collection_groups')
      .selectAll()
      .where('group_id', 'in', part)
      .orderBy('collection_id')
      .execute();
    for (const r of rows)
      (out.get(r.group_id) ?? out.set(r.group_id, []).get(r.group_id)!).push(toSelection(r.collection_id, r));
  }
  return out;
}

/** The caller's own (direct + group) access per collection of the org: most permissive wins. */
export async function callerCollectionAccess(db: DbOrTrx, access: OrgAccess): Promise<Map<string, AccessSelection>> {
  const out = new Map<string, AccessSelection>();
  const orgUserId = access.membership?.id;
  if (!orgUserId) return out;
  const direct = await db
    .selectFrom('collection_users')
    .selectAll()
    .where('organization_user_id', '=', orgUserId)
    .execute();
  const viaGroups = await db
    .selectFrom('collection_groups as cg')
    .innerJoin('group_users as gu', 'gu.group_id', 'cg.group_id')
    .select(['cg.collection_id', 'cg.read_only', 'cg.hide_passwords', 'cg.manage'])
    .where('gu.organization_user_id', '=', orgUserId)
    .execute();
  for (const r of [...direct, ...viaGroups]) {
    const prev = out.get(r.collection_id);
    const next = toSelection(r.collection_id, r);
    out.set(
      r.collection_id,
      prev
        ? {
            id: r.collection_id,
            readOnly: prev.readOnly && next.readOnly,
            hidePasswords: prev.hidePasswords && next.hidePasswords,
            manage: prev.manage || next.manage,
          }
        : next,
    );
  }
  return out;
}

/** `collection` (bitwarden-api.md §7.5). */
export function collectionResponse(c: Collection) {
  return {
    object: 'collection',
    id: c.id,
    organizationId: c.organization_id,
    name: c.name,
    externalId: c.external_id,
    type: c.type,
    defaultUserCollectionEmail: c.default_user_collection_email,
  };
}

/** `collectionAccessDetails`: the collection, who has access, and the caller's own access. */
export function collectionAccessDetails(
  c: Collection,
  users: AccessSelection[],
  groups: AccessSelection[],
  mine: AccessSelection | undefined,
) {
  return {
    ...collectionResponse(c),
    object: 'collectionAccessDetails',
    groups,
    users,
    assigned: !!mine,
    readOnly: mine?.readOnly ?? false,
    hidePasswords: mine?.hidePasswords ?? false,
    manage: mine?.manage ?? false,
    unmanaged: !users.some((u) => u.manage) && !groups.some((g) => g.manage),
  };
}

/** Whether the caller may change access to (or edit) a collection: admins, editAnyCollection, or manage on it. */
export function canManageCollection(access: OrgAccess, mine: AccessSelection | undefined): boolean {
  if (access.role === OrgUserType.Owner || access.role === OrgUserType.Admin) return true;
  if (access.role === OrgUserType.Custom && access.permissions.editAnyCollection) return true;
  return !!mine?.manage;
}
