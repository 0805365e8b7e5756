// Organization collections (bitwarden-api.md §7.5): CRUD, details, user/group access. Names stay EncStrings.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../context';
import type { Collection } from '../../db/schema';
import { isSet, newId, nowIso } from '../../db/values';
import {
  assertInOrg,
  callerCollectionAccess,
  canManageCollection,
  collectionAccessDetails,
  collectionAccessRows,
  collectionResponse,
  replaceCollectionGroups,
  replaceCollectionUsers,
  upsertCollectionAccess,
  type AccessSelection,
} from '../../domain/collectionAccess';
import { eventOrigin, writeEvents } from '../../domain/events';
import { EventType } from '../../domain/eventTypes';
import { anyMember, canViewAllCollections, pathId, requireOrgAccess, orgEventOrigin } from '../../domain/orgAccess';
import { OrgUserType, type OrgAccess } from '../../domain/orgRoles';
import { idsBody, idList, selections, uniqueSelections, type Selection } from '../../domain/orgSchemas';
import { bumpOrgRevision } from '../../domain/revisions';
import { collectionDetails, userCollections } from '../../domain/userCollections';
import { requireAuth } from '../../http/auth';
import { badRequest, notFound } from '../../http/errors';
import { encString } from '../../http/schemas';
import { parseBody } from '../../http/validate';
import { logProviderVaultAccess } from '../../domain/providers/events'; // issue 5

type Route = { Params: Record<string, string | undefined> };
const PREFIX = '/organizations/:orgId/collections';

// CollectionRequestModel: [EncryptedString] [EncryptedStringLength(1000)] Name.
const createBody = z.object({
  name: encString(1000, 'Name'),
  externalId: z.string().max(300).nullish(),
  groups: selections().nullish(),
  users: selections().nullish(),
});
const updateBody = createBody.extend({ name: encString(1000, 'Name').nullish() });
const bulkAccessBody = z.object({
  collectionIds: idList(),
  groups: selections().default([]),
  users: selections().default([]),
});

const listOf = <T>(data: T[]) => ({ object: 'list', data, continuationToken: null });

interface Caller {
  access: OrgAccess;
  mine: Map<string, AccessSelection>;
  viewAll: boolean;
}

async function caller(ctx: ServerContext, request: FastifyRequest<Route>): Promise<Caller> {
  const auth = requireAuth(request);
  const access = await requireOrgAccess(ctx.db, pathId(request.params.orgId), auth.userId, anyMember);
  return { access, mine: await callerCollectionAccess(ctx.db, access), viewAll: canViewAllCollections(access) };
}

const canCreate = (c: Caller) =>
  c.viewAll ||
  !isSet(c.access.org.limit_collection_creation) ||
  (c.access.role === OrgUserType.Custom && c.access.permissions.createNewCollections);
const canDelete = (c: Caller, id: string) =>
  c.access.role === OrgUserType.Owner ||
  c.access.role === OrgUserType.Admin ||
  (c.access.role === OrgUserType.Custom && c.access.permissions.deleteAnyCollection) ||
  (!isSet(c.access.org.limit_collection_deletion) && !!c.mine.get(id)?.manage);

async function orgCollections(ctx: ServerContext, c: Caller, ids?: string[]): Promise<Collection[]> {
  let q = ctx.db.selectFrom('collections').selectAll().where('organization_id', '=', c.access.org.id);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
  const rows = await q.orderBy('creation_date').orderBy('id').execute();
  return c.viewAll ? rows : rows.filter((r) => c.mine.has(r.id));
}

async function findCollection(ctx: ServerContext, c: Caller, id: string | undefined): Promise<Collection> {
  const row = await ctx.db
    .selectFrom('collections')
    .selectAll()
    .where('id', '=', pathId(id))
    .where('organization_id', '=', c.access.org.id)
    .executeTakeFirst();
  if (!row || !(c.viewAll || c.mine.has(row.id))) throw notFound();
  return row;
}

async function withAccess(ctx: ServerContext, c: Caller, rows: Collection[]) {
  const { users, groups } = await collectionAccessRows(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => collectionAccessDetails(r, users.get(r.id) ?? [], groups.get(r.id) ?? [], c.mine.get(r.id)));
}

async function checkAccessLists(ctx: ServerContext, orgId: string, users: Selection[], groups: Selection[]) {
  await assertInOrg(
    ctx.db,
    'organization_users',
    orgId,
    users.map((u) => u.id),
    'Users',
  );
  await assertInOrg(
    ctx.db,
    'groups',
    orgId,
    groups.map((g) => g.id),
    'Groups',
  );
}

const collections: RouteModule = (app, ctx) => {
  app.get('/collections', async (request) => {
    const auth = requireAuth(request);
    return listOf((await userCollections(ctx.db, auth.userId)).map(collectionDetails));
  });

  app.get<Route>(PREFIX, async (request) => {
    const c = await caller(ctx, request);
    return listOf((await orgCollections(ctx, c)).map(collectionResponse));
  });

  app.get<Route>(`${PREFIX}/details`, async (request) => {
    const c = await caller(ctx, request);
    // Issue 5: a provider user opening collection management logs 1903 and 1603 (domain/providers/events.ts).
    if (c.access.providerId)
      await logProviderVaultAccess(ctx.db, c.access.org.id, c.access.providerId, eventOrigin(request));
    return listOf(await withAccess(ctx, c, await orgCollections(ctx, c)));
  });

  app.get<Route>(`${PREFIX}/:id`, async (request) =>
    collectionResponse(await findCollection(ctx, await caller(ctx, request), request.params.id)),
  );

  app.get<Route>(`${PREFIX}/:id/details`, async (request) => {
    const c = await caller(ctx, request);
    return (await withAccess(ctx, c, [await findCollection(ctx, c, request.params.id)]))[0];
  });

  app.get<Route>(`${PREFIX}/:id/users`, async (request) => {
    const c = await caller(ctx, request);
    const row = await findCollection(ctx, c, request.params.id);
    if (!canManageCollection(c.access, c.mine.get(row.id)) && !c.viewAll) throw notFound();
    return (await collectionAccessRows(ctx.db, [row.id])).users.get(row.id) ?? [];
  });

  app.post<Route>(PREFIX, async (request) => {
    const c = await caller(ctx, request);
    if (!canCreate(c)) throw notFound();
    const b = parseBody(createBody, request.body);
    const orgId = c.access.org.id;
    const users = uniqueSelections(b.users ?? []);
    const groups = uniqueSelections(b.groups ?? []);
    await checkAccessLists(ctx, orgId, users, groups);
    // A member who is not an admin keeps managing what they create.
    const own = c.access.membership?.id;
    if (own && !c.viewAll && !users.some((u) => u.id === own && u.manage)) {
      users.splice(0, users.length, ...users.filter((u) => u.id !== own), {
        id: own,
        readOnly: false,
        hidePasswords: false,
        manage: true,
      });
    }
    const now = nowIso();
    const row: Collection = {
      id: newId(),
      organization_id: orgId,
      name: b.name,
      external_id: b.externalId ?? null,
      type: 0,
      default_user_collection_email: null,
      creation_date: now,
      revision_date: now,
    };
    await ctx.db.transaction().execute(async (trx) => {
      const max = c.access.org.max_collections;
      if (max !== null) {
        const count = await trx
          .selectFrom('collections')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('organization_id', '=', orgId)
          .where('type', '=', 0)
          .executeTakeFirst();
        if (Number(count?.n ?? 0) >= max)
          throw badRequest(`You have reached the maximum number of collections (${max}) for this organization.`);
      }
      await trx.insertInto('collections').values(row).execute();
      await replaceCollectionUsers(trx, row.id, users);
      await replaceCollectionGroups(trx, row.id, groups);
      await writeEvents(trx, [
        {
          ...orgEventOrigin(request, c.access),
          type: EventType.Collection_Created,
          organizationId: orgId,
          collectionId: row.id,
        },
      ]);
      await bumpOrgRevision(trx, orgId);
    });
    const mine = await callerCollectionAccess(ctx.db, c.access);
    return (await withAccess(ctx, { ...c, mine }, [row]))[0];
  });

  for (const method of ['put', 'post'] as const) {
    app[method]<Route>(`${PREFIX}/:id`, async (request) => {
      const c = await caller(ctx, request);
      const row = await findCollection(ctx, { ...c, viewAll: true }, request.params.id);
      if (!canManageCollection(c.access, c.mine.get(row.id))) throw notFound();
      const b = parseBody(updateBody, request.body);
      if (row.type === 1) throw badRequest('You cannot edit a collection with the type as DefaultUserCollection.');
      const users = b.users ? uniqueSelections(b.users) : null;
      const groups = b.groups ? uniqueSelections(b.groups) : null;
      await checkAccessLists(ctx, row.organization_id, users ?? [], groups ?? []);
      const now = nowIso();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('collections')
          .set({
            name: b.name ?? row.name,
            external_id: b.externalId === undefined ? row.external_id : b.externalId,
            revision_date: now,
          })
          .where('id', '=', row.id)
          .execute();
        if (users) await replaceCollectionUsers(trx, row.id, users);
        if (groups) await replaceCollectionGroups(trx, row.id, groups);
        await writeEvents(trx, [
          {
            ...orgEventOrigin(request, c.access),
            type: EventType.Collection_Updated,
            organizationId: row.organization_id,
            collectionId: row.id,
          },
        ]);
        await bumpOrgRevision(trx, row.organization_id);
      });
      const updated = await ctx.db
        .selectFrom('collections')
        .selectAll()
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      return (await withAccess(ctx, c, [updated]))[0];
    });
  }

  app.post<Route>(`${PREFIX}/bulk-access`, async (request, reply) => {
    const c = await caller(ctx, request);
    const b = parseBody(bulkAccessBody, request.body);
    const ids = [...new Set(b.collectionIds)];
    const rows = await ctx.db
      .selectFrom('collections')
      .selectAll()
      .where('organization_id', '=', c.access.org.id)
      .where('id', 'in', ids)
      .execute();
    if (rows.length !== ids.length || rows.some((r) => !canManageCollection(c.access, c.mine.get(r.id))))
      throw notFound();
    const users = uniqueSelections(b.users);
    const groups = uniqueSelections(b.groups);
    await checkAccessLists(ctx, c.access.org.id, users, groups);
    await ctx.db.transaction().execute(async (trx) => {
      for (const r of rows) await upsertCollectionAccess(trx, r.id, users, groups);
      await writeEvents(
        trx,
        rows.map((r) => ({
          ...orgEventOrigin(request, c.access),
          type: EventType.Collection_Updated,
          organizationId: r.organization_id,
          collectionId: r.id,
        })),
      );
      await bumpOrgRevision(trx, c.access.org.id);
    });
    return reply.status(200).send();
  });

  const deleteMany = async (request: FastifyRequest<Route>, ids: string[]) => {
    const c = await caller(ctx, request);
    const unique = [...new Set(ids)];
    const rows = await ctx.db
      .selectFrom('collections')
      .selectAll()
      .where('organization_id', '=', c.access.org.id)
      .where('id', 'in', unique)
      .execute();
    if (rows.length !== unique.length || rows.some((r) => !canDelete(c, r.id))) throw notFound();
    if (rows.some((r) => r.type === 1))
      throw badRequest('You cannot delete a collection with the type as DefaultUserCollection.');
    await ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('collections').where('id', 'in', unique).execute();
      await writeEvents(
        trx,
        rows.map((r) => ({
          ...orgEventOrigin(request, c.access),
          type: EventType.Collection_Deleted,
          organizationId: r.organization_id,
          collectionId: r.id,
        })),
      );
      await bumpOrgRevision(trx, c.access.org.id);
    });
  };

  app.delete<Route>(`${PREFIX}/:id`, async (request, reply) => {
    await deleteMany(request, [pathId(request.params.id)]);
    return reply.status(200).send();
  });
  app.post<Route>(`${PREFIX}/:id/delete`, async (request, reply) => {
    await deleteMany(request, [pathId(request.params.id)]);
    return reply.status(200).send();
  });
  for (const [method, path] of [
    ['delete', PREFIX],
    ['post', `${PREFIX}/delete`],
  ] as const) {
    app[method]<Route>(path, async (request, reply) => {
      await requireOrgAccess(ctx.db, pathId(request.params.orgId), requireAuth(request).userId, anyMember);
      await deleteMany(request, parseBody(idsBody, request.body).ids);
      return reply.status(200).send();
    });
  }
};

export default collections;
