// `npm run server -- provider-invite --email owner@example.com [--type msp|reseller|business-unit]
//  [--teams-minimum N] [--enterprise-minimum N]`: creates a Pending provider and mails its setup link
// (what Bitwarden's staff do in their admin portal, bitwarden-api.md §6.3).
import { PROVIDER_TYPE_NAMES } from '../domain/providers/enums';
import { createPendingProvider } from '../domain/providers/lifecycle';
import { providerSetupEmail } from '../domain/providers/mail';
import { email as emailSchema } from '../http/schemas';
import type { CommandContext } from './cliContext';

export interface ProviderInviteOptions {
  email: string;
  type?: string | undefined;
  teamsMinimum?: string | undefined;
  enterpriseMinimum?: string | undefined;
}

const count = (name: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new Error(`--${name} must be a whole number`);
  return n;
};

export async function inviteProvider(
  ctx: Pick<CommandContext, 'db' | 'keys' | 'mailer' | 'config' | 'baseUrl'>,
  o: ProviderInviteOptions,
) {
  const parsed = emailSchema().safeParse(o.email);
  if (!parsed.success) throw new Error('--email must be an email address');
  const type = PROVIDER_TYPE_NAMES[o.type ?? 'msp'];
  if (type === undefined) throw new Error('--type must be msp, reseller or business-unit');
  const seatMinimums = {
    teams: count('teams-minimum', o.teamsMinimum),
    enterprise: count('enterprise-minimum', o.enterpriseMinimum),
  };
  const created = await createPendingProvider(ctx.db, ctx.keys.hmac, ctx.config.providerBilling, {
    email: parsed.data,
    type,
    seatMinimums,
  });
  const message = providerSetupEmail(ctx.baseUrl, parsed.data.toLowerCase(), created.provider.id, created.token);
  await ctx.mailer.send(message);
  return {
    providerId: created.provider.id,
    email: parsed.data.toLowerCase(),
    type,
    mailMode: ctx.mailer.mode,
    link: message.link!,
  };
}
