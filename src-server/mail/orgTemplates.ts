// Organization member messages: invitations (bitwarden-accounts.md §6.1 link format) and "invitation accepted".
import type { MailMessage } from './mailer';

export interface InviteMailInput {
  baseUrl: string;
  email: string;
  organizationId: string;
  organizationUserId: string;
  organizationName: string;
  token: string;
  orgUserHasExistingUser: boolean;
  orgSsoIdentifier?: string | null;
}

export function orgInviteEmail(i: InviteMailInput): MailMessage {
  const params = new URLSearchParams({
    organizationId: i.organizationId,
    organizationUserId: i.organizationUserId,
    email: i.email,
    organizationName: i.organizationName,
    token: i.token,
    initOrganization: 'false',
    orgUserHasExistingUser: String(i.orgUserHasExistingUser),
    ...(i.orgSsoIdentifier ? { orgSsoIdentifier: i.orgSsoIdentifier } : {}),
  });
  const link = `${i.baseUrl}/accept-organization?${params.toString()}`;
  return {
    to: i.email,
    subject: `Join ${i.organizationName}`,
    text: `You have been invited to join the ${i.organizationName} organization.\n\nAccept the invitation:\n\n${link}\n\nThis invitation expires in 5 days.`,
    link,
    meta: { token: i.token, organizationId: i.organizationId, organizationUserId: i.organizationUserId },
  };
}

export function orgInviteAcceptedEmail(to: string, organizationName: string, memberEmail: string): MailMessage {
  return {
    to,
    subject: `Action required: ${memberEmail} needs to be confirmed`,
    text: `${memberEmail} has accepted the invitation to ${organizationName}. Confirm the member to give them access to the organization's vault.`,
  };
}
