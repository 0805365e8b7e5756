// Provider lifecycle: `provider-invite` creates a Pending provider with its first admin and plans (Bitwarden staff
// do this in their admin portal, bitwarden-api.md §6.3); the admin's setup makes it Billable (Msp, BusinessUnit)
// or Created (Reseller).
import type { Kysely, Transaction } from 'kysely';
import type { Database, Provider, ProviderUser } from '../../db/schema';
import { newId, normalizeEmail, nowIso } from '../../db/values';
import { defaultSeatMinimum, type ProviderBillingConfig } from './billingConfig';
import { ProviderStatus, ProviderType, ProviderUserStatus, ProviderUserType, providerPlanTypes } from './enums';
import { signSetupToken } from './invites';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface PendingProviderInput {
  email: string;
  type: number;
  /** Seat minimums per plan tier; the configured defaults otherwise. */
  seatMinimums?: { teams?: number | undefined; enterprise?: number | undefined };
}

export interface PendingProvider {
  provider: Provider;
  providerUser: ProviderUser;
  token: string;
}

/**
 * A new Pending provider: its first ProviderAdmin (Confirmed with no key when the account exists, else Invited by
 * email until setup), its plans with seat minimums, and the signed setup token for the email.
 */
export async function createPendingProvider(
  db: Kysely<Database>,
  hmac: Buffer,
  cfg: ProviderBillingConfig,
  i: PendingProviderInput,
): Promise<PendingProvider> {
  const email = normalizeEmail(i.email);
  const now = nowIso();
  const provider: Provider = {
    id: newId(),
    name: null,
    business_name: null,
    business_address1: null,
    business_address2: null,
    business_address3: null,
    business_country: null,
    business_tax_number: null,
    billing_email: null,
    billing_address: null,
    payment_method: null,
    type: i.type,
    status: ProviderStatus.Pending,
    enabled: 1,
    use_events: 1,
    discount_percentage: null,
    creation_date: now,
    revision_date: now,
  };
  const providerUser = await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    const row: ProviderUser = {
      id: newId(),
      provider_id: provider.id,
      user_id: user?.id ?? null,
      email: user ? null : email,
      key: null,
      type: ProviderUserType.ProviderAdmin,
      status: user ? ProviderUserStatus.Confirmed : ProviderUserStatus.Invited,
      permissions: null,
      creation_date: now,
      revision_date: now,
    };
    await trx.insertInto('providers').values(provider).execute();
    await trx.insertInto('provider_users').values(row).execute();
    const plans = providerPlanTypes(i.type).map((planType) => {
      const tier = planType === 17 || planType === 18 ? 'teams' : 'enterprise';
      return {
        id: newId(),
        provider_id: provider.id,
        plan_type: planType,
        seat_minimum: i.seatMinimums?.[tier] ?? defaultSeatMinimum(cfg, planType),
        purchased_seats: 0,
        allocated_seats: 0,
        creation_date: now,
        revision_date: now,
      };
    });
    if (plans.length) await trx.insertInto('provider_plans').values(plans).execute();
    return row;
  });
  return { provider, providerUser, token: signSetupToken(hmac, { providerId: provider.id, email }) };
}

/** The admin row a setup is for: the caller's, or the one invited by the caller's email before the account existed. */
export async function setupAdminRow(
  db: DbOrTrx,
  providerId: string,
  userId: string,
  email: string,
): Promise<ProviderUser | undefined> {
  const rows = await db
    .selectFrom('provider_users')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('type', '=', ProviderUserType.ProviderAdmin)
    .where((eb) =>
      eb.or([eb('user_id', '=', userId), eb.and([eb('user_id', 'is', null), eb('email', '=', normalizeEmail(email))])]),
    )
    .execute();
  return rows.find((r) => r.user_id === userId) ?? rows[0];
}

export const statusAfterSetup = (type: number): number =>
  type === ProviderType.Reseller ? ProviderStatus.Created : ProviderStatus.Billable;
