// Accepting an invitation (bitwarden-accounts.md §6.1): the invitee, with the signed single-use token.
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../../context';
import type { OrganizationUser } from '../../../db/schema';
import { normalizeEmail, nowIso } from '../../../db/values';
import { htmlDecode } from '../../../domain/htmlNames';
import { verifyInvite } from '../../../domain/invites';
import { missingRequiredTwoFactor, singleOrgConflict } from '../../../domain/memberCompliance';
import { pathId } from '../../../domain/orgAccess';
import { OrgUserStatus, OrgUserType } from '../../../domain/orgRoles';
import { PolicyType, loadPolicy, policyData } from '../../../domain/policyTypes';
import { bumpUserRevision } from '../../../domain/revisions';
import { consumeToken } from '../../../domain/signedTokens';
import { findUserById } from '../../../domain/users';
import { badRequest, notFound, unauthorized } from '../../../http/errors';
import { encString } from '../../../http/schemas';
import { parseBody } from '../../../http/validate';
import { sendQuietly } from '../../../mail/mailer';
import { orgInviteAcceptedEmail } from '../../../mail/orgTemplates';
import { orgCall, PREFIX, type Route } from './shared';

const acceptBody = z.object({ token: z.string().min(1).max(4096), resetPasswordKey: encString().nullish() });

async function adminOfAnotherFreeOrg(ctx: ServerContext, userId: string, orgId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('organization_users as ou')
    .innerJoin('organizations as o', 'o.id', 'ou.organization_id')
    .select('ou.id')
    .where('ou.user_id', '=', userId)
    .where('ou.organization_id', '!=', orgId)
    .where('ou.type', 'in', [OrgUserType.Owner, OrgUserType.Admin])
    .where('o.plan_type', '=', 0)
    .executeTakeFirst();
  return !!row;
}

/** The checks of AcceptOrgUserCommand, in its order. */
async function checkAcceptance(
  ctx: ServerContext,
  member: OrganizationUser,
  user: { id: string; email: string },
  token: string,
  resetPasswordKey: string | null | undefined,
) {
  const check = verifyInvite(ctx, token);
  if (!check.ok) throw badRequest(check.reason === 'expired' ? 'Expired token.' : 'Invalid token.');
  if (
    check.payload.orgUserId !== member.id ||
    !member.email ||
    normalizeEmail(check.payload.email) !== normalizeEmail(member.email)
  )
    throw badRequest('Invalid token.');
  const orgId = member.organization_id;
  const org = await ctx.db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
  const own = await ctx.db
    .selectFrom('organization_users')
    .select(['id', 'status'])
    .where('organization_id', '=', orgId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (own) {
    throw badRequest(
      own.status === OrgUserStatus.Accepted
        ? 'Invitation already accepted. You will receive an email when your organization membership is confirmed.'
        : 'You are already part of this organization.',
    );
  }
  if (normalizeEmail(member.email) !== normalizeEmail(user.email))
    throw badRequest('User email does not match invite.');
  if (member.status === OrgUserStatus.Revoked)
    throw badRequest(`Your access to the ${htmlDecode(org.name) ?? ''} vault has been revoked.`);
  if (member.status !== OrgUserStatus.Invited) throw badRequest('Already accepted.');
  if (
    (member.type === OrgUserType.Owner || member.type === OrgUserType.Admin) &&
    org.plan_type === 0 &&
    (await adminOfAnotherFreeOrg(ctx, user.id, orgId))
  ) {
    throw badRequest('You can only be an admin of 1 free organization vault.');
  }
  const conflict = await singleOrgConflict(ctx.db, orgId, user.id, member.type);
  if (conflict === 'thisOrgForbids')
    throw badRequest('You cannot accept this invite until you leave all other organization vaults.');
  if (conflict === 'otherOrgForbids')
    throw badRequest(
      'You cannot accept this invite because you are a member of another organization vault which forbids it.',
    );
  if (await missingRequiredTwoFactor(ctx.db, orgId, user.id, member.type)) {
    throw badRequest('You cannot join this organization vault until you enable two-step login on your user account.');
  }
  const reset = await loadPolicy(ctx.db, orgId, PolicyType.ResetPassword);
  if (
    reset?.enabled === 1 &&
    policyData<{ autoEnrollEnabled?: boolean }>(reset)?.autoEnrollEnabled &&
    !resetPasswordKey
  ) {
    throw badRequest('Master Password reset is required, but not provided.');
  }
  return { org, expiresAt: check.expiresAt };
}

const accept: RouteModule = (app, ctx) => {
  app.post<Route>(`${PREFIX}/:id/accept`, async (request, reply) => {
    const { auth, orgId } = orgCall(request);
    const id = pathId(request.params.id);
    const b = parseBody(acceptBody, request.body);
    const member = await ctx.db
      .selectFrom('organization_users')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    if (!member) throw notFound();
    const user = await findUserById(ctx.db, auth.userId);
    if (!user) throw unauthorized();
    const { org, expiresAt } = await checkAcceptance(ctx, member, user, b.token, b.resetPasswordKey);
    const now = nowIso();
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await consumeToken(trx, b.token, expiresAt))) throw badRequest('Invalid token.');
      const updated = await trx
        .updateTable('organization_users')
        .set({
          status: OrgUserStatus.Accepted,
          user_id: user.id,
          email: null,
          reset_password_key: b.resetPasswordKey ?? null,
          revision_date: now,
        })
        .where('id', '=', id)
        .where('status', '=', OrgUserStatus.Invited)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw badRequest('Already accepted.');
      await trx.updateTable('users').set({ email_verified: 1 }).where('id', '=', user.id).execute();
      await bumpUserRevision(trx, user.id);
    });
    // Admins are told someone waits for confirmation.
    const admins = await ctx.db
      .selectFrom('organization_users as ou')
      .innerJoin('users as u', 'u.id', 'ou.user_id')
      .select('u.email')
      .where('ou.organization_id', '=', orgId)
      .where('ou.status', '=', OrgUserStatus.Confirmed)
      .where('ou.type', 'in', [OrgUserType.Owner, OrgUserType.Admin])
      .execute();
    for (const a of admins)
      await sendQuietly(
        ctx.mailer,
        request.log,
        orgInviteAcceptedEmail(a.email, htmlDecode(org.name) ?? '', user.email),
      );
    return reply.status(200).send();
  });
};

export default accept;
