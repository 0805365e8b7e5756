// Organization invitations: signed single-use tokens (5 days, `BwOrgUserInviteToken_`) carrying `{ orgUserId, email }`
// — the payload `register/finish` expects — and the invitation mail.
import type { FastifyBaseLogger } from 'fastify';
import type { ServerContext } from '../context';
import type { Organization } from '../db/schema';
import { sendQuietly } from '../mail/mailer';
import { orgInviteEmail } from '../mail/orgTemplates';
import { htmlDecode } from './htmlNames';
import { signToken, TokenPurpose, verifyToken, type TokenCheck } from './signedTokens';

export const INVITE_TTL_MS = 5 * 24 * 60 * 60 * 1000;

export interface OrgInvitePayload {
  orgUserId: string;
  email: string;
}

export const signInvite = (ctx: ServerContext, orgUserId: string, email: string): string =>
  signToken(ctx.keys.hmac, TokenPurpose.OrgInvite, { orgUserId, email }, INVITE_TTL_MS);

export const verifyInvite = (ctx: ServerContext, token: string): TokenCheck<OrgInvitePayload> =>
  verifyToken<OrgInvitePayload>(ctx.keys.hmac, TokenPurpose.OrgInvite, token);

export interface PendingInvite {
  orgUserId: string;
  email: string;
  hasAccount: boolean;
}

/** Sends one invitation per member (after the transaction that created or re-invited them). */
export async function sendInvites(
  ctx: ServerContext,
  log: FastifyBaseLogger,
  org: Organization,
  invites: PendingInvite[],
): Promise<void> {
  for (const invite of invites) {
    const token = signInvite(ctx, invite.orgUserId, invite.email);
    await sendQuietly(
      ctx.mailer,
      log,
      orgInviteEmail({
        baseUrl: ctx.baseUrl(),
        email: invite.email,
        organizationId: org.id,
        organizationUserId: invite.orgUserId,
        organizationName: htmlDecode(org.name) ?? '',
        token,
        orgUserHasExistingUser: invite.hasAccount,
        orgSsoIdentifier: org.identifier,
      }),
    );
  }
}
