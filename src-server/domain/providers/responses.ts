// Provider response models (bitwarden-api.md §6.3–6.5).
import type { Kysely, Transaction } from 'kysely';
import type { Database, Provider, ProviderOrganization, ProviderUser } from '../../db/schema';
import { htmlDecode } from '../htmlNames';
import { defaultPermissions } from '../orgRoles';
import { planFor } from '../plans';
import { seatUsage } from './seats';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export function providerResponse(p: Provider) {
  return {
    object: 'provider',
    id: p.id,
    name: htmlDecode(p.name),
    businessName: htmlDecode(p.business_name),
    businessAddress1: p.business_address1,
    businessAddress2: p.business_address2,
    businessAddress3: p.business_address3,
    businessCountry: p.business_country,
    businessTaxNumber: p.business_tax_number,
    billingEmail: p.billing_email,
    creationDate: p.creation_date,
    type: p.type,
  };
}

export function providerUserResponse(pu: ProviderUser) {
  return {
    object: 'providerUser',
    id: pu.id,
    userId: pu.user_id,
    type: pu.type,
    status: pu.status,
    permissions: defaultPermissions(),
  };
}

export function providerUserDetails(pu: ProviderUser, user: { name: string | null; email: string } | undefined) {
  return {
    ...providerUserResponse(pu),
    object: 'providerUserUserDetails',
    name: user?.name ?? null,
    email: user?.email ?? pu.email,
  };
}

export const bulkResult = (id: string, error: string) => ({ object: 'providerBulkConfirmResponseModel', id, error });

/** `providerOrganizationOrganizationDetail` rows for links (one query for orgs, one for seat usage). */
export async function providerOrganizationDetails(
  db: DbOrTrx,
  links: ProviderOrganization[],
  object = 'providerOrganizationOrganizationDetail',
) {
  if (links.length === 0) return [];
  const orgIds = links.map((l) => l.organization_id);
  const orgs = new Map<string, { name: string; seats: number | null; plan_type: number }>();
  for (let i = 0; i < orgIds.length; i += 500) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'name', 'seats', 'plan_type'])
      .where('id', 'in', orgIds.slice(i, i + 500))
      .execute();
    for (const r of rows) orgs.set(r.id, r);
  }
  const usage = await seatUsage(db, orgIds);
  return links.map((l) => {
    const org = orgs.get(l.organization_id);
    const u = usage.get(l.organization_id) ?? { occupied: 0, confirmed: 0 };
    const seats = org?.seats ?? null;
    return {
      object,
      id: l.id,
      providerId: l.provider_id,
      organizationId: l.organization_id,
      key: l.key,
      settings: l.settings,
      creationDate: l.creation_date,
      revisionDate: l.revision_date,
      userCount: u.confirmed,
      seats,
      occupiedSeats: u.occupied,
      remainingSeats: seats === null ? null : seats - u.occupied,
      plan: org ? (planFor(org.plan_type)?.name ?? null) : null,
      organizationName: htmlDecode(org?.name),
    };
  });
}
