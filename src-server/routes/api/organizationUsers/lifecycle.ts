// Revoke, restore and remove members, single and bulk (bitwarden-api.md §7.3). The org always keeps a
// Confirmed Owner; only Owners act on Owners; Custom members do not act on Admins; nobody acts on themselves.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../../context';
import type { Database, OrganizationUser } from '../../../db/schema';
import { nowIso } from '../../../db/values';
import { writeEvent } from '../../../domain/events';
import { EventType } from '../../../domain/eventTypes';
import { customActingOnAdmin } from '../../../domain/memberGuards';
import { missingRequiredTwoFactor, singleOrgConflict } from '../../../domain/memberCompliance';
import { canManageUsers, pathId, requireOrgAccess, orgEventOrigin } from '../../../domain/orgAccess';
import { assertOwnerRemains, LAST_OWNER, reserveSeats, restoredStatus } from '../../../domain/orgMembers';
import { OrgUserStatus, OrgUserType, type OrgAccess } from '../../../domain/orgRoles';
import { idList } from '../../../domain/orgSchemas';
import { bumpUserRevision } from '../../../domain/revisions';
import { ApiError, badRequest, notFound } from '../../../http/errors';
import { encString } from '../../../http/schemas';
import { parseBody, parseOptionalBody } from '../../../http/validate';
import { bulkResult, listOf, orgCall, PREFIX, type Route } from './shared';

type Op = (
  trx: Transaction<Database>,
  access: OrgAccess,
  member: OrganizationUser,
  request: FastifyRequest,
) => Promise<string>;

const restoreBody = z.object({ defaultUserCollectionName: encString(1000).nullish() }).optional();
const bulkBody = z.object({ ids: idList(), defaultUserCollectionName: encString(1000).nullish() });

const isConfirmedOwner = (m: OrganizationUser) => m.type === OrgUserType.Owner && m.status === OrgUserStatus.Confirmed;

async function ownerRemains(trx: Transaction<Database>, m: OrganizationUser): Promise<boolean> {
  if (!isConfirmedOwner(m)) return true;
  try {
    await assertOwnerRemains(trx, m.organization_id, [m.id]);
    return true;
  } catch {
    return false;
  }
}

const revoke: Op = async (trx, access, m, request) => {
  if (m.user_id && m.user_id === access.membership?.user_id) return 'You cannot revoke yourself.';
  if (m.type === OrgUserType.Owner && access.role !== OrgUserType.Owner) return 'Only owners can revoke other owners.';
  const adminGuard = customActingOnAdmin(access, m.type, 'revoke');
  if (adminGuard) return adminGuard;
  if (m.status === OrgUserStatus.Revoked) return 'Already revoked.';
  if (!(await ownerRemains(trx, m))) return LAST_OWNER;
  await trx
    .updateTable('organization_users')
    .set({ status: OrgUserStatus.Revoked, revocation_reason: 1, revision_date: nowIso() })
    .where('id', '=', m.id)
    .execute();
  await writeEvent(trx, {
    ...orgEventOrigin(request, access),
    type: EventType.OrganizationUser_Revoked,
    organizationId: m.organization_id,
    organizationUserId: m.id,
    userId: m.user_id,
  });
  if (m.user_id) await bumpUserRevision(trx, m.user_id);
  return '';
};

const restore: Op = async (trx, access, m, request) => {
  if (m.user_id && m.user_id === access.membership?.user_id) return 'You cannot restore yourself.';
  if (m.type === OrgUserType.Owner && access.role !== OrgUserType.Owner) return 'Only owners can restore other owners.';
  const adminGuard = customActingOnAdmin(access, m.type, 'restore');
  if (adminGuard) return adminGuard;
  if (m.status !== OrgUserStatus.Revoked) return 'Already active.';
  if (m.user_id && (await missingRequiredTwoFactor(trx, m.organization_id, m.user_id, m.type)))
    return 'You cannot restore this user until they enable two-step login on their user account.';
  if (m.user_id && (await singleOrgConflict(trx, m.organization_id, m.user_id, m.type)))
    return 'You cannot restore this user until they leave or remove all other organizations.';
  const org = await trx
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', m.organization_id)
    .executeTakeFirstOrThrow();
  let seats: number | null;
  try {
    seats = await reserveSeats(trx, org, 1);
  } catch (err) {
    if (err instanceof ApiError) return err.message;
    throw err;
  }
  const now = nowIso();
  if (seats !== null)
    await trx.updateTable('organizations').set({ seats, revision_date: now }).where('id', '=', org.id).execute();
  await trx
    .updateTable('organization_users')
    .set({ status: restoredStatus(m), revocation_reason: null, revision_date: now })
    .where('id', '=', m.id)
    .execute();
  await writeEvent(trx, {
    ...orgEventOrigin(request, access),
    type: EventType.OrganizationUser_Restored,
    organizationId: m.organization_id,
    organizationUserId: m.id,
    userId: m.user_id,
  });
  if (m.user_id) await bumpUserRevision(trx, m.user_id);
  return '';
};

const remove: Op = async (trx, access, m, request) => {
  if (m.user_id && m.user_id === access.membership?.user_id) return 'You cannot remove yourself.';
  if (m.type === OrgUserType.Owner && access.role !== OrgUserType.Owner) return 'Only owners can delete other owners.';
  const adminGuard = customActingOnAdmin(access, m.type, 'remove');
  if (adminGuard) return adminGuard;
  if (!(await ownerRemains(trx, m))) return LAST_OWNER;
  await trx.deleteFrom('organization_users').where('id', '=', m.id).execute();
  await writeEvent(trx, {
    ...orgEventOrigin(request, access),
    type: EventType.OrganizationUser_Removed,
    organizationId: m.organization_id,
    organizationUserId: m.id,
    userId: m.user_id,
  });
  if (m.user_id) await bumpUserRevision(trx, m.user_id);
  return '';
};

function single(ctx: ServerContext, op: Op, parse?: (body: unknown) => unknown) {
  return async (request: FastifyRequest<Route>, reply: FastifyReply) => {
    const { auth, orgId } = orgCall(request);
    const access = await requireOrgAccess(ctx.db, orgId, auth.userId, canManageUsers);
    const id = pathId(request.params.id);
    parse?.(request.body);
    await ctx.db.transaction().execute(async (trx) => {
      const member = await trx
        .selectFrom('organization_users')
        .selectAll()
        .where('id', '=', id)
        .where('organization_id', '=', orgId)
        .executeTakeFirst();
      if (!member) throw notFound();
      const error = await op(trx, access, member, request);
      if (error) throw badRequest(error);
    });
    return reply.status(200).send();
  };
}

function bulk(ctx: ServerContext, op: Op) {
  return async (request: FastifyRequest<Route>) => {
    const { auth, orgId } = orgCall(request);
    const access = await requireOrgAccess(ctx.db, orgId, auth.userId, canManageUsers);
    const { ids } = parseBody(bulkBody, request.body);
    const results = await ctx.db.transaction().execute(async (trx) => {
      const out = [];
      for (const id of [...new Set(ids)]) {
        const member = await trx
          .selectFrom('organization_users')
          .selectAll()
          .where('id', '=', id)
          .where('organization_id', '=', orgId)
          .executeTakeFirst();
        if (member) out.push(bulkResult(id, await op(trx, access, member, request)));
      }
      return out;
    });
    return listOf(results);
  };
}

const lifecycle: RouteModule = (app, ctx) => {
  const parseRestore = (body: unknown) => parseOptionalBody(restoreBody, body);
  for (const method of ['put', 'patch'] as const) {
    app[method]<Route>(`${PREFIX}/:id/revoke`, single(ctx, revoke));
    app[method]<Route>(`${PREFIX}/revoke`, bulk(ctx, revoke));
    app[method]<Route>(`${PREFIX}/:id/restore`, single(ctx, restore, parseRestore));
    app[method]<Route>(`${PREFIX}/restore`, bulk(ctx, restore));
  }
  app.put<Route>(`${PREFIX}/:id/restore/vnext`, single(ctx, restore, parseRestore));
  app.delete<Route>(`${PREFIX}/:id`, single(ctx, remove));
  app.post<Route>(`${PREFIX}/:id/remove`, single(ctx, remove));
  app.delete<Route>(PREFIX, bulk(ctx, remove));
  app.post<Route>(`${PREFIX}/remove`, bulk(ctx, remove));
};

export default lifecycle;
