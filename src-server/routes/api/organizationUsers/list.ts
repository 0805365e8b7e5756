// Reading members: list, mini-details, one member, public keys (bitwarden-api.md §7.3).
import { z } from 'zod';
import type { RouteModule } from '../../../context';
import { memberCollectionSelections } from '../../../domain/collectionAccess';
import { anyMember, canManageUsers, pathId, permitted, requireOrgAccess } from '../../../domain/orgAccess';
import {
  loadMember,
  loadMembers,
  memberDetails,
  memberGroupIds,
  memberUserDetailsList,
} from '../../../domain/orgMembers';
import { OrgUserStatus } from '../../../domain/orgRoles';
import { idList } from '../../../domain/orgSchemas';
import { notFound } from '../../../http/errors';
import { parseBody } from '../../../http/validate';
import { listOf, orgCall, PREFIX, queryFlag, type Route } from './shared';

const publicKeysBody = z.object({ ids: idList() });

const list: RouteModule = (app, ctx) => {
  app.get<Route>(PREFIX, async (request) => {
    const { auth, orgId } = orgCall(request);
    // ManageUsers sees everyone; ManageAccountRecovery alone sees enrolled members only.
    const access = await requireOrgAccess(ctx.db, orgId, auth.userId, permitted('manageUsers', 'manageResetPassword'));
    let members = await loadMembers(ctx.db, orgId);
    if (!canManageUsers(access)) members = members.filter((m) => !!m.reset_password_key);
    const data = await memberUserDetailsList(ctx.db, members, {
      groups: queryFlag(request.query.includeGroups),
      collections: queryFlag(request.query.includeCollections),
    });
    return listOf(data);
  });

  app.get<Route>(`${PREFIX}/mini-details`, async (request) => {
    const { auth, orgId } = orgCall(request);
    await requireOrgAccess(ctx.db, orgId, auth.userId, anyMember);
    const members = await loadMembers(ctx.db, orgId);
    return listOf(
      members.map((m) => ({
        object: 'organizationUserUserMiniDetails',
        id: m.id,
        userId: m.user_id,
        type: m.type,
        status: m.status,
        name: m.user_name,
        email: m.user_email ?? m.email,
      })),
    );
  });

  app.get<Route>(`${PREFIX}/:id`, async (request) => {
    const { auth, orgId } = orgCall(request);
    await requireOrgAccess(ctx.db, orgId, auth.userId, canManageUsers);
    const member = await loadMember(ctx.db, orgId, pathId(request.params.id));
    if (!member) throw notFound();
    const collections = (await memberCollectionSelections(ctx.db, [member.id])).get(member.id) ?? [];
    const groups = queryFlag(request.query.includeGroups)
      ? ((await memberGroupIds(ctx.db, [member.id])).get(member.id) ?? [])
      : [];
    return memberDetails(member, collections, groups);
  });

  app.post<Route>(`${PREFIX}/public-keys`, async (request) => {
    const { auth, orgId } = orgCall(request);
    await requireOrgAccess(ctx.db, orgId, auth.userId, canManageUsers);
    const { ids } = parseBody(publicKeysBody, request.body);
    const rows = await ctx.db
      .selectFrom('organization_users as ou')
      .innerJoin('users as u', 'u.id', 'ou.user_id')
      .select(['ou.id', 'ou.user_id', 'u.public_key'])
      .where('ou.organization_id', '=', orgId)
      .where('ou.id', 'in', ids)
      .where('ou.status', '=', OrgUserStatus.Accepted)
      .execute();
    return listOf(
      rows.map((r) => ({
        object: 'organizationUserPublicKeyResponseModel',
        id: r.id,
        userId: r.user_id,
        key: r.public_key,
      })),
    );
  });
};

export default list;
