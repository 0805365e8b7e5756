// `POST /ciphers/import-organization?organizationId=` (bitwarden-api.md §7.8): stores the encrypted ciphers and
// collections it receives, with their relationships. The server never looks inside the EncStrings.
import { z } from 'zod';
import type { RouteModule } from '../../context';
import { flag, isSet, newId, nowIso } from '../../db/values';
import { cipherDataJson } from '../../domain/ciphers';
import { callerCollectionAccess } from '../../domain/collectionAccess';
import { writeEvents, type EventInput } from '../../domain/events';
import { EventType } from '../../domain/eventTypes';
import { canAccessImportExport, canViewAllCollections, orgEventOrigin } from '../../domain/orgAccess';
import { isGuid, loadOrgAccess, OrgUserType, type OrgAccess } from '../../domain/orgRoles';
import { lguid } from '../../domain/orgSchemas';
import { bumpOrgRevision } from '../../domain/revisions';
import { requireAuth } from '../../http/auth';
import { badRequest, validationFailed } from '../../http/errors';
import { encString, guid } from '../../http/schemas';
import { parseBody, parseValue } from '../../http/validate';

const LIMITS = { ciphers: 7000, collections: 2000, relationships: 14_000 };
const NO_PRIVILEGES = 'Not enough privileges to import into this organization.';

const object = () => z.record(z.string().max(100), z.unknown());
const cipher = z.object({
  type: z.number().int().min(1).max(8),
  organizationId: guid().nullish(),
  folderId: guid().nullish(),
  favorite: z.boolean().nullish(),
  reprompt: z.number().int().min(0).max(1).nullish(),
  key: encString().nullish(),
  name: encString(1000),
  notes: encString(100_000).nullish(),
  fields: z.array(object()).max(1000).nullish(),
  passwordHistory: z.array(object()).max(1000).nullish(),
  attachments2: object().nullish(),
  login: object().nullish(),
  card: object().nullish(),
  identity: object().nullish(),
  secureNote: object().nullish(),
  sshKey: object().nullish(),
  data: z.string().max(200_000).nullish(),
  lastKnownRevisionDate: z.string().max(40).nullish(),
  archivedDate: z.iso.datetime({ offset: true }).nullish(),
  encryptedFor: guid().nullish(),
});
const relationship = z.object({ key: z.number().int().min(0), value: z.number().int().min(0) });
const importBody = z.object({
  collections: z
    .array(z.object({ id: lguid().nullish(), name: encString(1000), externalId: z.string().max(300).nullish() }))
    .max(10_000)
    .default([]),
  ciphers: z.array(cipher).max(20_000),
  collectionRelationships: z.array(relationship).max(50_000).default([]),
  folders: z.array(z.unknown()).max(20_000).nullish(),
  folderRelationships: z.array(z.unknown()).max(50_000).nullish(),
});
const query = z.object({ organizationId: guid() });

/** AccessImportExport, or rights on every collection touched: create for new ones, manage for existing ones. */
async function mayImport(
  access: OrgAccess | null,
  existing: string[],
  creating: boolean,
  db: Parameters<typeof callerCollectionAccess>[0],
): Promise<boolean> {
  if (!access) return false;
  if (canAccessImportExport(access)) return true;
  if (existing.length === 0 && !creating) return false;
  const canCreate =
    canViewAllCollections(access) ||
    !isSet(access.org.limit_collection_creation) ||
    (access.role === OrgUserType.Custom && access.permissions.createNewCollections);
  if (creating && !canCreate) return false;
  const mine = await callerCollectionAccess(db, access);
  return existing.every((id) => mine.get(id)?.manage);
}

const imports: RouteModule = (app, ctx) => {
  app.post<{ Querystring: Record<string, string | undefined> }>(
    '/ciphers/import-organization',
    async (request, reply) => {
      const auth = requireAuth(request);
      const orgId = parseValue(query, { organizationId: request.query.organizationId }).organizationId.toLowerCase();
      const b = parseBody(importBody, request.body);
      if (
        b.ciphers.length > LIMITS.ciphers ||
        b.collections.length > LIMITS.collections ||
        b.collectionRelationships.length > LIMITS.relationships
      ) {
        throw badRequest('You cannot import this much data at once.');
      }
      const errors: Record<string, string[]> = {};
      b.collectionRelationships.forEach((r, i) => {
        if (r.key >= b.ciphers.length) errors[`CollectionRelationships[${i}].Key`] = ['Not a cipher index.'];
        if (r.value >= b.collections.length)
          errors[`CollectionRelationships[${i}].Value`] = ['Not a collection index.'];
      });
      if (Object.keys(errors).length) throw validationFailed(errors);

      const access = isGuid(orgId) ? await loadOrgAccess(ctx.db, orgId, auth.userId) : null;
      const givenIds = b.collections.map((c) => c.id).filter((id): id is string => !!id);
      const found = givenIds.length
        ? await ctx.db
            .selectFrom('collections')
            .select('id')
            .where('organization_id', '=', orgId)
            .where('id', 'in', givenIds)
            .execute()
        : [];
      const existingIds = new Set(found.map((f) => f.id));
      const collectionIds = b.collections.map((c) => (c.id && existingIds.has(c.id) ? c.id : newId()));
      const created = b.collections.map((c, i) => ({ c, id: collectionIds[i]! })).filter((x) => !existingIds.has(x.id));
      if (!(await mayImport(access, [...existingIds], created.length > 0, ctx.db)) || !access)
        throw badRequest(NO_PRIVILEGES);

      const now = nowIso();
      const origin = orgEventOrigin(request, access);
      const cipherIds = b.ciphers.map(() => newId());
      const links = [
        ...new Set(b.collectionRelationships.map((r) => `${collectionIds[r.value]}|${cipherIds[r.key]}`)),
      ].map((s) => s.split('|') as [string, string]);
      const own = access.membership?.id;
      await ctx.db.transaction().execute(async (trx) => {
        const events: EventInput[] = [];
        for (const { c, id } of created) {
          await trx
            .insertInto('collections')
            .values({
              id,
              organization_id: orgId,
              name: c.name,
              external_id: c.externalId ?? null,
              type: 0,
              default_user_collection_email: null,
              creation_date: now,
              revision_date: now,
            })
            .execute();
          if (own && !canViewAllCollections(access))
            await trx
              .insertInto('collection_users')
              .values({ collection_id: id, organization_user_id: own, read_only: 0, hide_passwords: 0, manage: 1 })
              .execute();
          events.push({ ...origin, type: EventType.Collection_Created, organizationId: orgId, collectionId: id });
        }
        for (let i = 0; i < b.ciphers.length; i += 200) {
          const rows = b.ciphers.slice(i, i + 200).map((c, j) => ({
            id: cipherIds[i + j]!,
            user_id: null,
            organization_id: orgId,
            type: c.type,
            data: cipherDataJson(c as Record<string, unknown>),
            folder_id: null,
            favorite: flag(c.favorite),
            reprompt: c.reprompt ?? 0,
            key: c.key ?? null,
            creation_date: now,
            revision_date: now,
            deleted_date: null,
            archived_date: c.archivedDate ?? null,
          }));
          await trx.insertInto('ciphers').values(rows).execute();
        }
        for (let i = 0; i < links.length; i += 500) {
          await trx
            .insertInto('collection_ciphers')
            .values(links.slice(i, i + 500).map(([collection_id, cipher_id]) => ({ collection_id, cipher_id })))
            .execute();
        }
        for (const id of cipherIds)
          events.push({ ...origin, type: EventType.Cipher_Created, organizationId: orgId, cipherId: id });
        await writeEvents(trx, events);
        await bumpOrgRevision(trx, orgId);
      });
      return reply.status(200).send();
    },
  );
};

export default imports;
