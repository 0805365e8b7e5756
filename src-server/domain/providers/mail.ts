// Provider mail texts (links as Bitwarden's vault builds them, bitwarden-api.md §6.3). Sent after the commit.
import type { MailMessage } from '../../mail/mailer';

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export function providerSetupEmail(baseUrl: string, email: string, providerId: string, token: string): MailMessage {
  const link = `${baseUrl}/providers/setup-provider?${q({ providerId, email, token })}`;
  return {
    to: email,
    subject: 'Set up your provider',
    text: `You have been invited to set up a provider in Provider Desk.\n\nSet it up here:\n\n${link}\n\nThis link expires in 5 days.`,
    link,
    meta: { token, providerId },
  };
}

export function providerInviteEmail(
  baseUrl: string,
  i: { email: string; providerId: string; providerUserId: string; providerName: string; token: string },
): MailMessage {
  const link = `${baseUrl}/providers/accept-provider?${q({ providerId: i.providerId, providerUserId: i.providerUserId, email: i.email, providerName: i.providerName, token: i.token })}`;
  return {
    to: i.email,
    subject: `Join ${i.providerName}`,
    text: `You have been invited to join the provider ${i.providerName}.\n\nAccept the invitation:\n\n${link}\n\nThis invitation expires in 5 days.`,
    link,
    meta: { token: i.token, providerId: i.providerId, providerUserId: i.providerUserId },
  };
}

export function providerConfirmedEmail(email: string, providerName: string): MailMessage {
  return {
    to: email,
    subject: `You can now access ${providerName}`,
    text: `Your membership of the provider ${providerName} has been confirmed. Log in to start.`,
  };
}

export function providerRemovedEmail(email: string, providerName: string): MailMessage {
  return {
    to: email,
    subject: `You have been removed from ${providerName}`,
    text: `You are no longer a member of the provider ${providerName}.`,
  };
}
