// Provider member rules shared by the provider-user routes (bitwarden-api.md §6.4, provider-portal.md §6.2).
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { ServerContext } from '../../context';
import type { Database, Provider, ProviderUser } from '../../db/schema';
import { htmlDecode } from '../htmlNames';
import { sendQuietly } from '../../mail/mailer';
import { ProviderUserStatus, ProviderUserType } from './enums';
import { signProviderInviteToken } from './invites';
import { providerInviteEmail } from './mail';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export const LAST_ADMIN = 'Provider must have at least one confirmed ProviderAdmin.';

/** Does the provider keep a Confirmed ProviderAdmin outside `exceptIds`? */
export async function hasConfirmedAdminExcept(
  db: DbOrTrx,
  providerId: string,
  exceptIds: readonly string[],
): Promise<boolean> {
  let query = db
    .selectFrom('provider_users')
    .select('id')
    .where('provider_id', '=', providerId)
    .where('type', '=', ProviderUserType.ProviderAdmin)
    .where('status', '=', ProviderUserStatus.Confirmed);
  if (exceptIds.length) query = query.where('id', 'not in', [...exceptIds]);
  return !!(await query.executeTakeFirst());
}

/** Rows of this provider among `ids` (others are treated as unknown). */
export async function providerUsersByIds(
  db: DbOrTrx,
  providerId: string,
  ids: readonly string[],
): Promise<Map<string, ProviderUser>> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  const found = new Map<string, ProviderUser>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('provider_users')
      .selectAll()
      .where('provider_id', '=', providerId)
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}

/** Emails a fresh 5-day invitation to each Invited row (after the transaction that created them). */
export async function sendProviderInvites(
  ctx: ServerContext,
  log: FastifyBaseLogger,
  provider: Provider,
  rows: ProviderUser[],
): Promise<void> {
  const providerName = htmlDecode(provider.name) ?? 'your provider';
  for (const row of rows) {
    if (!row.email) continue;
    const token = signProviderInviteToken(ctx.keys.hmac, { providerUserId: row.id, email: row.email });
    await sendQuietly(
      ctx.mailer,
      log,
      providerInviteEmail(ctx.baseUrl(), {
        email: row.email,
        providerId: provider.id,
        providerUserId: row.id,
        providerName,
        token,
      }),
    );
  }
}
