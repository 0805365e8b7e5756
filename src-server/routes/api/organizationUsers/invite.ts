// Inviting members (up to 20 emails) and re-sending invitations (bitwarden-api.md §7.3).
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../../context';
import type { Organization } from '../../../db/schema';
import { flag, newId, normalizeEmail, nowIso } from '../../../db/values';
import { assertInOrg, callerCollectionAccess, canManageCollection } from '../../../domain/collectionAccess';
import { writeEvents } from '../../../domain/events';
import { EventType } from '../../../domain/eventTypes';
import { sendInvites, type PendingInvite } from '../../../domain/invites';
import { assertCanManageMember, permissionsToStore } from '../../../domain/memberGuards';
import { canManageUsers, pathId, requireOrgAccess, orgEventOrigin } from '../../../domain/orgAccess';
import { readFeatures } from '../../../domain/organizations';
import { reserveSeats } from '../../../domain/orgMembers';
import { OrgUserStatus, type OrgAccess } from '../../../domain/orgRoles';
import {
  idsBody,
  lguid,
  orgUserType,
  permissionsBody,
  selections,
  uniqueSelections,
  type Selection,
} from '../../../domain/orgSchemas';
import { badRequest, notFound } from '../../../http/errors';
import { email } from '../../../http/schemas';
import { parseBody } from '../../../http/validate';
import { bulkResult, listOf, orgCall, PREFIX, type Route } from './shared';

const inviteBody = z.object({
  emails: z.array(email()).min(1).max(20, { message: 'You can only invite up to 20 users at a time.' }),
  type: orgUserType,
  accessSecretsManager: z.boolean().nullish(),
  permissions: permissionsBody.nullish(),
  collections: selections().nullish(),
  groups: z.array(lguid()).max(1000).nullish(),
});

/** Collections and groups given to a member: in the org, and the caller may grant access to each collection. */
export async function checkAssignments(
  ctx: ServerContext,
  access: OrgAccess,
  collections: Selection[],
  groups: string[],
): Promise<void> {
  await assertInOrg(
    ctx.db,
    'collections',
    access.org.id,
    collections.map((c) => c.id),
    'Collections',
  );
  await assertInOrg(ctx.db, 'groups', access.org.id, groups, 'Groups', false);
  if (groups.length && !readFeatures(access.org).useGroups) throw badRequest('This organization cannot use groups.');
  if (collections.length) {
    const mine = await callerCollectionAccess(ctx.db, access);
    if (collections.some((c) => !canManageCollection(access, mine.get(c.id)))) throw notFound();
  }
}

async function accountEmails(ctx: ServerContext, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await ctx.db.selectFrom('users').select('email').where('email', 'in', emails).execute();
  return new Set(rows.map((r) => r.email));
}

async function resend(
  ctx: ServerContext,
  log: FastifyBaseLogger,
  org: Organization,
  members: { id: string; email: string | null }[],
) {
  const withEmail = members.filter((m): m is { id: string; email: string } => !!m.email);
  const known = await accountEmails(
    ctx,
    withEmail.map((m) => m.email),
  );
  await sendInvites(
    ctx,
    log,
    org,
    withEmail.map((m) => ({ orgUserId: m.id, email: m.email, hasAccount: known.has(m.email) })),
  );
}

const invite: RouteModule = (app, ctx) => {
  app.post<Route>(`${PREFIX}/invite`, async (request, reply) => {
    const { auth, orgId } = orgCall(request);
    const access = await requireOrgAccess(ctx.db, orgId, auth.userId, canManageUsers);
    const b = parseBody(inviteBody, request.body);
    assertCanManageMember(access, null, b.type);
    const permissions = permissionsToStore(access, access.org, b.type, b.permissions);
    const collections = uniqueSelections(b.collections ?? []);
    const groups = [...new Set(b.groups ?? [])];
    await checkAssignments(ctx, access, collections, groups);

    const wanted = [...new Set(b.emails.map(normalizeEmail))];
    const existing = await ctx.db
      .selectFrom('organization_users as ou')
      .leftJoin('users as u', 'u.id', 'ou.user_id')
      .select(['ou.email', 'u.email as user_email'])
      .where('ou.organization_id', '=', orgId)
      .execute();
    const taken = new Set(
      existing
        .flatMap((r) => [r.email, r.user_email])
        .filter((e): e is string => !!e)
        .map(normalizeEmail),
    );
    const emails = wanted.filter((e) => !taken.has(e));
    if (emails.length === 0) return reply.status(200).send();

    const now = nowIso();
    const origin = orgEventOrigin(request, access);
    const created = emails.map((address) => ({ id: newId(), email: address }));
    await ctx.db.transaction().execute(async (trx) => {
      const seats = await reserveSeats(trx, access.org, created.length);
      if (seats !== null)
        await trx.updateTable('organizations').set({ seats, revision_date: now }).where('id', '=', orgId).execute();
      await trx
        .insertInto('organization_users')
        .values(
          created.map((m) => ({
            id: m.id,
            organization_id: orgId,
            user_id: null,
            email: m.email,
            key: null,
            reset_password_key: null,
            type: b.type,
            status: OrgUserStatus.Invited,
            external_id: null,
            access_secrets_manager: flag(b.accessSecretsManager),
            access_pam: 0,
            permissions,
            revocation_reason: null,
            creation_date: now,
            revision_date: now,
          })),
        )
        .execute();
      for (const m of created) {
        if (collections.length) {
          await trx
            .insertInto('collection_users')
            .values(
              collections.map((c) => ({
                collection_id: c.id,
                organization_user_id: m.id,
                read_only: flag(c.readOnly),
                hide_passwords: flag(c.hidePasswords),
                manage: flag(c.manage),
              })),
            )
            .execute();
        }
        if (groups.length)
          await trx
            .insertInto('group_users')
            .values(groups.map((g) => ({ group_id: g, organization_user_id: m.id })))
            .execute();
      }
      await writeEvents(
        trx,
        created.map((m) => ({
          ...origin,
          type: EventType.OrganizationUser_Invited,
          organizationId: orgId,
          organizationUserId: m.id,
        })),
      );
    });
    const known = await accountEmails(ctx, emails);
    const pending: PendingInvite[] = created.map((m) => ({
      orgUserId: m.id,
      email: m.email,
      hasAccount: known.has(m.email),
    }));
    await sendInvites(ctx, request.log, access.org, pending);
    return reply.status(200).send();
  });

  app.post<Route>(`${PREFIX}/:id/reinvite`, async (request, reply) => {
    const { auth, orgId } = orgCall(request);
    const access = await requireOrgAccess(ctx.db, orgId, auth.userId, canManageUsers);
    const id = pathId(request.params.id);
    const member = await ctx.db
      .selectFrom('organization_users')
      .select(['id', 'email', 'status'])
      .where('organization_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!member || member.status !== OrgUserStatus.Invited) throw badRequest('User invalid.');
    await resend(ctx, request.log, access.org, [member]);
    return reply.status(200).send();
  });

  app.post<Route>(`${PREFIX}/reinvite`, async (request) => {
    const { auth, orgId } = orgCall(request);
    const access = await requireOrgAccess(ctx.db, orgId, auth.userId, canManageUsers);
    const { ids } = parseBody(idsBody, request.body);
    const members = await ctx.db
      .selectFrom('organization_users')
      .select(['id', 'email', 'status'])
      .where('organization_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    const invited = members.filter((m) => m.status === OrgUserStatus.Invited);
    await resend(ctx, request.log, access.org, invited);
    return listOf(members.map((m) => bulkResult(m.id, m.status === OrgUserStatus.Invited ? '' : 'User invalid.')));
  });
};

export default invite;
