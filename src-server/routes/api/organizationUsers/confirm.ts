// Confirming accepted members: the org key wrapped to each member (crypto.md §8.7), single and bulk.
// With the OrganizationDataOwnership policy on, a `defaultUserCollectionName` creates the member's "My Items".
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../../context';
import type { Database } from '../../../db/schema';
import { newId, nowIso } from '../../../db/values';
import { writeEvent } from '../../../domain/events';
import { EventType } from '../../../domain/eventTypes';
import { missingRequiredTwoFactor, singleOrgConflict } from '../../../domain/memberCompliance';
import { canManageUsers, pathId, requireOrgAccess, orgEventOrigin } from '../../../domain/orgAccess';
import { OrgUserStatus, type OrgAccess } from '../../../domain/orgRoles';
import { lguid } from '../../../domain/orgSchemas';
import { PolicyType, policyEnabled } from '../../../domain/policyTypes';
import { bumpUserRevision } from '../../../domain/revisions';
import { badRequest } from '../../../http/errors';
import { encString } from '../../../http/schemas';
import { parseBody } from '../../../http/validate';
import { bulkResult, listOf, orgCall, PREFIX, type Route } from './shared';

const confirmBody = z.object({ key: encString(), defaultUserCollectionName: encString(1000).nullish() });
const bulkBody = z.object({
  keys: z
    .array(z.object({ id: lguid(), key: encString() }))
    .min(1)
    .max(500),
  defaultUserCollectionName: encString(1000).nullish(),
});

/** Confirms one member inside `trx`; returns the error text ('' on success). */
async function confirmOne(
  ctx: ServerContext,
  trx: Transaction<Database>,
  request: FastifyRequest,
  access: OrgAccess,
  orgId: string,
  id: string,
  key: string,
  collectionName: string | null | undefined,
): Promise<string> {
  const member = await trx
    .selectFrom('organization_users')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  if (!member || member.status !== OrgUserStatus.Accepted || !member.user_id) return 'User not valid.';
  if (await missingRequiredTwoFactor(trx, orgId, member.user_id, member.type))
    return 'User does not have two-step login enabled.';
  if (await singleOrgConflict(trx, orgId, member.user_id, member.type))
    return 'Cannot confirm this member to the organization until they leave or remove all other organizations.';
  const now = nowIso();
  await trx
    .updateTable('organization_users')
    .set({ status: OrgUserStatus.Confirmed, key, revision_date: now })
    .where('id', '=', id)
    .execute();
  await writeEvent(trx, {
    ...orgEventOrigin(request, access),
    type: EventType.OrganizationUser_Confirmed,
    organizationId: orgId,
    organizationUserId: id,
    userId: member.user_id,
  });
  if (collectionName && (await policyEnabled(trx, orgId, PolicyType.OrganizationDataOwnership))) {
    const user = await trx
      .selectFrom('users')
      .select('email')
      .where('id', '=', member.user_id)
      .executeTakeFirstOrThrow();
    const collectionId = newId();
    await trx
      .insertInto('collections')
      .values({
        id: collectionId,
        organization_id: orgId,
        name: collectionName,
        external_id: null,
        type: 1,
        default_user_collection_email: user.email,
        creation_date: now,
        revision_date: now,
      })
      .execute();
    await trx
      .insertInto('collection_users')
      .values({ collection_id: collectionId, organization_user_id: id, read_only: 0, hide_passwords: 0, manage: 1 })
      .execute();
    await writeEvent(trx, {
      ...orgEventOrigin(request, access),
      type: EventType.Collection_Created,
      organizationId: orgId,
      collectionId,
    });
  }
  await bumpUserRevision(trx, member.user_id);
  return '';
}

const confirm: RouteModule = (app, ctx) => {
  app.post<Route>(`${PREFIX}/:id/confirm`, async (request, reply) => {
    const { auth, orgId } = orgCall(request);
    const access = await requireOrgAccess(ctx.db, orgId, auth.userId, canManageUsers);
    const id = pathId(request.params.id);
    const b = parseBody(confirmBody, request.body);
    await ctx.db.transaction().execute(async (trx) => {
      const error = await confirmOne(ctx, trx, request, access, orgId, id, b.key, b.defaultUserCollectionName);
      if (error) throw badRequest(error);
    });
    return reply.status(200).send();
  });

  app.post<Route>(`${PREFIX}/confirm`, async (request) => {
    const { auth, orgId } = orgCall(request);
    const access = await requireOrgAccess(ctx.db, orgId, auth.userId, canManageUsers);
    const b = parseBody(bulkBody, request.body);
    const results = await ctx.db.transaction().execute(async (trx) => {
      const out = [];
      for (const k of b.keys)
        out.push(
          bulkResult(
            k.id,
            await confirmOne(ctx, trx, request, access, orgId, k.id, k.key, b.defaultUserCollectionName),
          ),
        );
      return out;
    });
    return listOf(results);
  });
};

export default confirm;
