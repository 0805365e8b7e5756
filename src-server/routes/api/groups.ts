// Organization groups (bitwarden-api.md §7.4): CRUD, collection access, members. Names are plaintext,
// stored HTML-encoded.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../context';
import { newId, nowIso } from '../../db/values';
import { assertInOrg, groupCollectionSelections, replaceGroupCollections } from '../../domain/collectionAccess';
import { writeEvents, type EventInput } from '../../domain/events';
import { EventType } from '../../domain/eventTypes';
import { htmlDecode, htmlEncode } from '../../domain/htmlNames';
import {
  canManageCollectionsOrGroups,
  canManageGroups,
  pathId,
  permitted,
  requireOrgAccess,
  type AccessCheck,
  orgEventOrigin,
} from '../../domain/orgAccess';
import { readFeatures } from '../../domain/organizations';
import type { OrgAccess } from '../../domain/orgRoles';
import { idsBody, lguid, selections, uniqueSelections } from '../../domain/orgSchemas';
import { bumpOrgRevision } from '../../domain/revisions';
import { requireAuth } from '../../http/auth';
import { badRequest, notFound } from '../../http/errors';
import { parseBody } from '../../http/validate';

type Route = { Params: Record<string, string | undefined> };
const PREFIX = '/organizations/:orgId/groups';

// GroupRequestModel: [Required] [StringLength(100)] Name, plain text.
const groupBody = z.object({
  name: z.string().trim().min(1).max(100, { message: 'The field Name must be a string with a maximum length of 100.' }),
  externalId: z.string().max(300).nullish(),
  collections: selections().nullish(),
  users: z.array(lguid()).max(10_000).nullish(),
});

type GroupRow = { id: string; organization_id: string; name: string; external_id: string | null };
const listOf = <T>(data: T[]) => ({ object: 'list', data, continuationToken: null });
const groupResponse = (g: GroupRow) => ({
  object: 'group',
  id: g.id,
  organizationId: g.organization_id,
  name: htmlDecode(g.name),
  externalId: g.external_id,
});

async function groupDetails(ctx: ServerContext, groups: GroupRow[]) {
  const collections = await groupCollectionSelections(
    ctx.db,
    groups.map((g) => g.id),
  );
  return groups.map((g) => ({ ...groupResponse(g), object: 'groupDetails', collections: collections.get(g.id) ?? [] }));
}

async function access(ctx: ServerContext, request: FastifyRequest<Route>, check: AccessCheck): Promise<OrgAccess> {
  return requireOrgAccess(ctx.db, pathId(request.params.orgId), requireAuth(request).userId, check);
}

async function findGroup(ctx: ServerContext, orgId: string, id: string | undefined): Promise<GroupRow> {
  const g = await ctx.db
    .selectFrom('groups')
    .selectAll()
    .where('id', '=', pathId(id))
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  if (!g) throw notFound();
  return g;
}

async function groupUserIds(ctx: ServerContext, groupId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('group_users')
    .select('organization_user_id')
    .where('group_id', '=', groupId)
    .orderBy('organization_user_id')
    .execute();
  return rows.map((r) => r.organization_user_id);
}

/** Validates the body against the org and writes the group, its collections and (when given) its members. */
async function saveGroup(ctx: ServerContext, request: FastifyRequest<Route>, a: OrgAccess, existing: GroupRow | null) {
  const b = parseBody(groupBody, request.body);
  if (!readFeatures(a.org).useGroups) throw badRequest('This organization cannot use groups.');
  const orgId = a.org.id;
  const collections = b.collections ? uniqueSelections(b.collections) : null;
  const users = b.users ? [...new Set(b.users)] : null;
  await assertInOrg(
    ctx.db,
    'collections',
    orgId,
    (collections ?? []).map((c) => c.id),
    'Collections',
  );
  await assertInOrg(ctx.db, 'organization_users', orgId, users ?? [], 'Users', false);
  const before = existing ? await groupUserIds(ctx, existing.id) : [];
  const own = a.membership?.id;
  if (
    existing &&
    own &&
    users &&
    !a.org.allow_admin_access_to_all_collection_items &&
    !before.includes(own) &&
    users.includes(own)
  ) {
    throw badRequest('You cannot add yourself to groups.');
  }
  const now = nowIso();
  const id = existing?.id ?? newId();
  const origin = orgEventOrigin(request, a);
  await ctx.db.transaction().execute(async (trx) => {
    const values = {
      name: htmlEncode(b.name),
      external_id: b.externalId === undefined ? (existing?.external_id ?? null) : b.externalId,
      revision_date: now,
    };
    if (existing) await trx.updateTable('groups').set(values).where('id', '=', id).execute();
    else
      await trx
        .insertInto('groups')
        .values({ id, organization_id: orgId, creation_date: now, ...values })
        .execute();
    if (collections) await replaceGroupCollections(trx, id, collections);
    const events: EventInput[] = [
      {
        ...origin,
        type: existing ? EventType.Group_Updated : EventType.Group_Created,
        organizationId: orgId,
        groupId: id,
      },
    ];
    if (users) {
      await trx.deleteFrom('group_users').where('group_id', '=', id).execute();
      if (users.length)
        await trx
          .insertInto('group_users')
          .values(users.map((u) => ({ group_id: id, organization_user_id: u })))
          .execute();
      const changed = [...users.filter((u) => !before.includes(u)), ...before.filter((u) => !users.includes(u))];
      for (const u of changed)
        events.push({
          ...origin,
          type: EventType.OrganizationUser_UpdatedGroups,
          organizationId: orgId,
          organizationUserId: u,
        });
    }
    await writeEvents(trx, events);
    await bumpOrgRevision(trx, orgId);
  });
  return groupResponse(await ctx.db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

async function deleteGroups(ctx: ServerContext, request: FastifyRequest<Route>, a: OrgAccess, ids: string[]) {
  const orgId = a.org.id;
  const unique = [...new Set(ids)];
  const rows = await ctx.db
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('id', 'in', unique)
    .execute();
  if (rows.length !== unique.length) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('groups').where('id', 'in', unique).execute();
    await writeEvents(
      trx,
      unique.map((id) => ({
        ...orgEventOrigin(request, a),
        type: EventType.Group_Deleted,
        organizationId: orgId,
        groupId: id,
      })),
    );
    await bumpOrgRevision(trx, orgId);
  });
}

const groups: RouteModule = (app, ctx) => {
  app.get<Route>(PREFIX, async (request) => {
    const a = await access(ctx, request, canManageCollectionsOrGroups);
    const rows = await ctx.db
      .selectFrom('groups')
      .selectAll()
      .where('organization_id', '=', a.org.id)
      .orderBy('name')
      .execute();
    return listOf(rows.map(groupResponse));
  });

  app.get<Route>(`${PREFIX}/details`, async (request) => {
    const a = await access(ctx, request, permitted('manageUsers', 'manageGroups'));
    const rows = await ctx.db
      .selectFrom('groups')
      .selectAll()
      .where('organization_id', '=', a.org.id)
      .orderBy('name')
      .execute();
    return listOf(await groupDetails(ctx, rows));
  });

  app.get<Route>(`${PREFIX}/:id`, async (request) => {
    const a = await access(ctx, request, canManageGroups);
    return groupResponse(await findGroup(ctx, a.org.id, request.params.id));
  });

  app.get<Route>(`${PREFIX}/:id/details`, async (request) => {
    const a = await access(ctx, request, canManageGroups);
    return (await groupDetails(ctx, [await findGroup(ctx, a.org.id, request.params.id)]))[0];
  });

  app.get<Route>(`${PREFIX}/:id/users`, async (request) => {
    const a = await access(ctx, request, canManageGroups);
    return groupUserIds(ctx, (await findGroup(ctx, a.org.id, request.params.id)).id);
  });

  app.post<Route>(PREFIX, async (request) =>
    saveGroup(ctx, request, await access(ctx, request, canManageGroups), null),
  );

  for (const method of ['put', 'post'] as const) {
    app[method]<Route>(`${PREFIX}/:id`, async (request) => {
      const a = await access(ctx, request, canManageGroups);
      return saveGroup(ctx, request, a, await findGroup(ctx, a.org.id, request.params.id));
    });
  }

  const deleteOne = async (request: FastifyRequest<Route>) => {
    const a = await access(ctx, request, canManageGroups);
    await deleteGroups(ctx, request, a, [(await findGroup(ctx, a.org.id, request.params.id)).id]);
  };
  app.delete<Route>(`${PREFIX}/:id`, async (request, reply) => {
    await deleteOne(request);
    return reply.status(200).send();
  });
  app.post<Route>(`${PREFIX}/:id/delete`, async (request, reply) => {
    await deleteOne(request);
    return reply.status(200).send();
  });

  for (const [method, path] of [
    ['delete', PREFIX],
    ['post', `${PREFIX}/delete`],
  ] as const) {
    app[method]<Route>(path, async (request, reply) => {
      const a = await access(ctx, request, canManageGroups);
      await deleteGroups(ctx, request, a, parseBody(idsBody, request.body).ids);
      return reply.status(200).send();
    });
  }

  const removeUser = async (request: FastifyRequest<Route>) => {
    const a = await access(ctx, request, canManageGroups);
    const group = await findGroup(ctx, a.org.id, request.params.id);
    const orgUserId = pathId(request.params.orgUserId);
    await ctx.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('group_users')
        .where('group_id', '=', group.id)
        .where('organization_user_id', '=', orgUserId)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw notFound();
      await writeEvents(trx, [
        {
          ...orgEventOrigin(request, a),
          type: EventType.OrganizationUser_UpdatedGroups,
          organizationId: a.org.id,
          organizationUserId: orgUserId,
        },
      ]);
      await bumpOrgRevision(trx, a.org.id);
    });
  };
  app.delete<Route>(`${PREFIX}/:id/user/:orgUserId`, async (request, reply) => {
    await removeUser(request);
    return reply.status(200).send();
  });
  app.post<Route>(`${PREFIX}/:id/delete-user/:orgUserId`, async (request, reply) => {
    await removeUser(request);
    return reply.status(200).send();
  });
};

export default groups;
