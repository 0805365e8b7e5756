// Editing a member: role, permissions, collections, groups (bitwarden-api.md §7.3 `PUT .../users/{id}`).
import { z } from 'zod';
import type { RouteModule } from '../../../context';
import { flag, nowIso } from '../../../db/values';
import { replaceMemberCollections } from '../../../domain/collectionAccess';
import { writeEvents, type EventInput } from '../../../domain/events';
import { EventType } from '../../../domain/eventTypes';
import { assertCanManageMember, permissionsToStore } from '../../../domain/memberGuards';
import { canManageUsers, pathId, requireOrgAccess, orgEventOrigin } from '../../../domain/orgAccess';
import { assertOwnerRemains } from '../../../domain/orgMembers';
import { OrgUserStatus, OrgUserType } from '../../../domain/orgRoles';
import { lguid, orgUserType, permissionsBody, selections, uniqueSelections } from '../../../domain/orgSchemas';
import { bumpUserRevision } from '../../../domain/revisions';
import { notFound } from '../../../http/errors';
import { email, encString } from '../../../http/schemas';
import { parseBody } from '../../../http/validate';
import { checkAssignments } from './invite';
import { orgCall, PREFIX, type Route } from './shared';

const editBody = z.object({
  type: orgUserType,
  accessSecretsManager: z.boolean().nullish(),
  accessPam: z.boolean().nullish(),
  permissions: permissionsBody.nullish(),
  collections: selections().nullish(),
  groups: z.array(lguid()).max(1000).nullish(),
  email: email().nullish(),
  name: z.string().max(50).nullish(),
  defaultUserCollectionName: encString(1000).nullish(),
});

const edit: RouteModule = (app, ctx) => {
  for (const method of ['put', 'post'] as const) {
    app[method]<Route>(`${PREFIX}/:id`, async (request, reply) => {
      const { auth, orgId } = orgCall(request);
      const access = await requireOrgAccess(ctx.db, orgId, auth.userId, canManageUsers);
      const id = pathId(request.params.id);
      const b = parseBody(editBody, request.body);
      const member = await ctx.db
        .selectFrom('organization_users')
        .selectAll()
        .where('id', '=', id)
        .where('organization_id', '=', orgId)
        .executeTakeFirst();
      if (!member) throw notFound();
      assertCanManageMember(access, member.type, b.type);
      const permissions = permissionsToStore(access, access.org, b.type, b.permissions);
      const collections = b.collections ? uniqueSelections(b.collections) : null;
      const groups = b.groups ? [...new Set(b.groups)] : null;
      await checkAssignments(ctx, access, collections ?? [], groups ?? []);
      const origin = orgEventOrigin(request, access);
      await ctx.db.transaction().execute(async (trx) => {
        if (
          member.type === OrgUserType.Owner &&
          member.status === OrgUserStatus.Confirmed &&
          b.type !== OrgUserType.Owner
        )
          await assertOwnerRemains(trx, orgId, [id]);
        await trx
          .updateTable('organization_users')
          .set({
            type: b.type,
            permissions,
            access_secrets_manager: flag(b.accessSecretsManager ?? member.access_secrets_manager === 1),
            access_pam: flag(b.accessPam ?? member.access_pam === 1),
            revision_date: nowIso(),
          })
          .where('id', '=', id)
          .execute();
        if (collections) await replaceMemberCollections(trx, id, collections);
        const events: EventInput[] = [
          {
            ...origin,
            type: EventType.OrganizationUser_Updated,
            organizationId: orgId,
            organizationUserId: id,
            userId: member.user_id,
          },
        ];
        if (groups) {
          await trx.deleteFrom('group_users').where('organization_user_id', '=', id).execute();
          if (groups.length)
            await trx
              .insertInto('group_users')
              .values(groups.map((g) => ({ group_id: g, organization_user_id: id })))
              .execute();
          events.push({
            ...origin,
            type: EventType.OrganizationUser_UpdatedGroups,
            organizationId: orgId,
            organizationUserId: id,
            userId: member.user_id,
          });
        }
        await writeEvents(trx, events);
        if (member.user_id) await bumpUserRevision(trx, member.user_id);
      });
      return reply.status(200).send();
    });
  }
};

export default edit;
