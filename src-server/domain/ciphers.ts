// Vault items as the server stores them: top-level columns plus `data`, the rest of the encrypted cipher body as
// received (name, notes, login, card, identity, secureNote, sshKey, fields, passwordHistory, …). The server never
// reads inside `data`.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { isSet, parseJson } from '../db/values';
import type { CollectionAccess } from './userCollections';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** Top-level cipher fields kept in columns; everything else goes to `data`. */
export const CIPHER_COLUMN_FIELDS = [
  'id',
  'organizationId',
  'type',
  'folderId',
  'favorite',
  'reprompt',
  'key',
  'collectionIds',
  'revisionDate',
  'creationDate',
  'deletedDate',
  'archivedDate',
  'lastKnownRevisionDate',
  'object',
  'edit',
  'viewPassword',
  'permissions',
];

export function cipherDataJson(cipher: Record<string, unknown>): string {
  const data = Object.fromEntries(Object.entries(cipher).filter(([k]) => !CIPHER_COLUMN_FIELDS.includes(k)));
  return JSON.stringify(data);
}

/** Ciphers for sync: the user's own plus org ciphers in collections the user can see. */
export async function syncCiphers(db: DbOrTrx, userId: string, collections: CollectionAccess[]) {
  const own = await db
    .selectFrom('ciphers')
    .selectAll()
    .where('user_id', '=', userId)
    .where('organization_id', 'is', null)
    .execute();
  const ids = collections.map((c) => c.collection.id);
  const links = ids.length
    ? await db.selectFrom('collection_ciphers').selectAll().where('collection_id', 'in', ids).execute()
    : [];
  const cipherIds = [...new Set(links.map((l) => l.cipher_id))];
  const shared = cipherIds.length
    ? await db.selectFrom('ciphers').selectAll().where('id', 'in', cipherIds).execute()
    : [];
  const access = new Map(collections.map((c) => [c.collection.id, c]));
  const shape = (row: (typeof own)[number], collectionIds: string[]) => {
    const assigned = collectionIds.map((id) => access.get(id)).filter((a): a is CollectionAccess => !!a);
    const edit = row.organization_id ? assigned.some((a) => !a.readOnly) : true;
    const viewPassword = row.organization_id ? assigned.some((a) => !a.hidePasswords) : true;
    const manage = row.organization_id ? assigned.some((a) => a.manage) : true;
    return {
      ...parseJson<Record<string, unknown>>(row.data, {}),
      object: 'cipherDetails',
      id: row.id,
      organizationId: row.organization_id,
      type: row.type,
      folderId: row.folder_id,
      favorite: isSet(row.favorite),
      reprompt: row.reprompt,
      key: row.key,
      edit,
      viewPassword,
      permissions: { delete: manage, restore: manage },
      organizationUseTotp: true,
      collectionIds,
      revisionDate: row.revision_date,
      creationDate: row.creation_date,
      deletedDate: row.deleted_date,
      archivedDate: row.archived_date,
    };
  };
  return [
    ...own.map((c) => shape(c, [])),
    ...shared.map((c) =>
      shape(
        c,
        links.filter((l) => l.cipher_id === c.id).map((l) => l.collection_id),
      ),
    ),
  ];
}
